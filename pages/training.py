"""Training: gradient descent on the cost J, decision regions, Y and Ŷ as C×m."""

from functools import partial

import streamlit as st

from softmax_core import (
    confusion_matrix,
    numpy_snippet,
    one_hot,
    parameters_to_json,
    parameters_to_npz,
    predict,
    predict_proba,
    reference_cost_and_gradients,
)
from softmax_ui import figures, runs, tables
from softmax_ui.chrome import (
    figure_sizes,
    finish_page,
    presenter,
    show_math,
    start_page,
)
from softmax_ui.i18n import class_names, option_labels, tr
from softmax_ui.state import (
    HIDDEN_UNITS,
    L2_STRENGTHS,
    LEARNING_RATES,
    MAX_TEST_PERCENT,
)
from softmax_ui.widgets import clamp_link_value, linked_choice

SHOWN_EXAMPLES = 8
DEFAULT = runs.TrainingSettings()
RUN_END = "_training_run_end"  # the last iteration of the run shown before

start_page("training.title")
st.markdown(tr("training.intro"))

controls, view = st.columns([1, 3], gap="large")
with controls:
    st.subheader(tr("training.data"))
    dataset = linked_choice(
        st.radio, tr("training.dataset"), runs.DATASETS, key="training_dataset",
        default="blobs", format_func=option_labels("training.dataset_"),
    )
    data, count = None, 0
    if dataset == "upload":
        upload = st.file_uploader(
            tr("training.upload"), type=["csv", "tsv", "txt"], key="training_upload",
            help=tr("training.upload_help"),
        )
        if upload is None:
            st.info(tr("training.upload_waiting"))
        else:
            try:
                data = runs.uploaded_data(upload.getvalue())
            except ValueError as err:
                st.error(tr("training.upload_error", message=str(err)))
        if data is not None:
            count = len(data.class_names)
            st.caption(tr("training.upload_read", m=data.X.shape[1],
                          n=data.X.shape[0], C=count))
            # What the reader did to the file, one line each (names as typed).
            if data.dropped_index_column:
                st.caption(tr("training.upload_index_dropped",
                              name=data.dropped_index_column))
            elif data.dropped_index_column == "":
                st.caption(tr("training.upload_index_unnamed"))
            if data.header_made:
                st.caption(tr("training.upload_header_made", n=data.X.shape[0]))
            if data.label_from_words:
                st.caption(tr("training.upload_label_column",
                              name=data.label_from_words))
            if data.rows_left_out:
                more = data.rows_left_out > len(data.rows_with_missing)
                rows = ", ".join(map(str, data.rows_with_missing)) + (", …" * more)
                st.caption(tr("training.upload_missing", rows=rows,
                              count=data.rows_left_out))
            if data.rows_in_file:
                st.info(tr("training.upload_subsampled", rows=data.rows_in_file,
                           m=data.X.shape[1]), icon=":material/filter_alt:")
    else:
        clamp_link_value("training_C", 2, 10)
        clamp_link_value("training_m", 40, 3000)
        clamp_link_value("training_seed", 0, 10_000)
        count = int(st.number_input(tr("widgets.C"), 2, 10, DEFAULT.num_classes,
                                    key="training_C",
                                    bind="query-params"))
        m = st.slider(tr("training.m"), 40, 3000, 300, 20, key="training_m",
                      bind="query-params")
        seed = int(st.number_input(tr("training.seed"), 0, 10_000, 0,
                                   key="training_seed", bind="query-params"))
        data = runs.generated_data(dataset, count, max(m, count), seed)
    clamp_link_value("training_test_share", 0, MAX_TEST_PERCENT)
    test_percent = st.slider(
        tr("training.test_share"), 0, MAX_TEST_PERCENT, 0, 5,
        key="training_test_share", format="%d%%", bind="query-params",
        help=tr("training.test_share_help"),
    )
    st.subheader(tr("training.model"))
    hidden = linked_choice(
        st.select_slider, tr("training.hidden"), HIDDEN_UNITS,
        default=DEFAULT.hidden_units,
        key="training_hidden_units", help=tr("training.hidden_help"),
    )
    activation = linked_choice(
        st.radio, tr("training.activation"), ("tanh", "relu"),
        default=DEFAULT.activation,
        key="training_activation", horizontal=True, disabled=hidden == 0,
    )
    learning_rate = linked_choice(
        st.select_slider, tr("training.learning_rate"), LEARNING_RATES,
        default=DEFAULT.learning_rate, key="training_learning_rate",
    )
    clamp_link_value("training_iterations", 1, 3000)
    iterations = st.slider(tr("training.iterations"), 1, 3000, DEFAULT.iterations,
                           key="training_iterations", bind="query-params")
    l2 = linked_choice(
        st.select_slider, tr("training.l2"), L2_STRENGTHS, default=DEFAULT.l2,
        key="training_l2", help=tr("training.l2_help"),
    )

if data is None:
    finish_page()  # the link notice and "Link to this view" even with no data yet
    st.stop()

names = list(data.class_names or class_names(count))
settings = runs.TrainingSettings(
    num_classes=count, hidden_units=hidden, activation=activation,
    learning_rate=learning_rate, iterations=iterations, l2=l2,
    test_share=test_percent / 100,
)
with view:
    bar = st.empty()
    history = runs.training_run(data, settings, _progress=runs.progress_bar(
        bar, int(iterations), lambda it: tr("training.progress", it=it, of=iterations)
    ))
    bar.empty()
train_set, test_set = runs.split_data(data, test_percent / 100)
steps = sorted(history.snapshots)
# The scrubber follows the end of each new run unless it was moved away from
# the end of the run before; then it keeps its iteration where that still is.
shown_before = st.session_state.get("training_iteration")
if shown_before == st.session_state.get(RUN_END) or shown_before not in steps:
    st.session_state.pop("training_iteration", None)
st.session_state[RUN_END] = steps[-1]
sz = figure_sizes()

with view:
    if history.diverged:
        st.error(tr("training.diverged", it=history.iterations_done))
    iteration = st.select_slider(
        tr("training.iteration"), steps, value=steps[-1], key="training_iteration",
        help=tr("training.iteration_help"),
    )
    params = history.snapshots[iteration]
    start_col, cost_col, accuracy_col = st.columns(3)
    start_col.metric(tr("training.cost_start"), f"{history.costs[0]:.3f}")
    cost_col.metric(tr("training.cost_now", it=iteration),
                    f"{history.costs[iteration]:.3f}")
    accuracy_col.metric(tr("training.accuracy_now"),
                        f"{history.accuracies[iteration]:.1%}")
    if test_set:
        cost_col.metric(tr("training.test_cost_now", it=iteration),
                        f"{history.test_costs[iteration]:.3f}")
        accuracy_col.metric(tr("training.test_accuracy_now"),
                            f"{history.test_accuracies[iteration]:.1%}")
    # Side by side on a projector (no sidebar, full width); one above the other
    # on a laptop, where two would leave each a sliver of the column.
    if presenter():
        curve_col, region_col = st.columns(2, gap="medium")
    else:
        curve_col, region_col = st.container(), st.container()
    curve_col.plotly_chart(
        figures.cost_curve(
            history.costs, history.accuracies, iteration, sz,
            cost_label=tr("training.train_cost_axis" if test_set else
                          "training.cost_axis"),
            accuracy_label=tr("training.accuracy_axis"),
            x_label=tr("training.iteration_axis"), title=tr("training.cost_title"),
            test_costs=history.test_costs, test_accuracies=history.test_accuracies,
            test_cost_label=tr("training.test_cost_axis"),
            test_accuracy_label=tr("training.test_accuracy_axis"),
        ),
        key="training_cost", config={"displayModeBar": False},
    )
    if data.X.shape[0] == 2:
        regions = runs.regions_at(data, settings, iteration)
        region_col.plotly_chart(
            figures.decision_regions(
                regions.xs, regions.ys, regions.classes, train_set.X,
                train_set.labels, names, sz, x_label=data.feature_names[0],
                y_label=data.feature_names[1],
                title=tr("training.regions_title", it=iteration),
                test_X=test_set.X if test_set else None,
                test_labels=test_set.labels if test_set else None,
                test_label=tr("training.test_points"),
            ),
            key="training_regions", config={"displayModeBar": False},
        )
    else:
        region_col.info(tr("training.no_regions", n=data.X.shape[0]))
    st.download_button(
        tr("training.download"),
        tables.history_frame(
            history.costs, history.accuracies, history.test_costs,
            history.test_accuracies,
        ).to_csv(index=False),
        file_name="softmax_training_history.csv", mime="text/csv",
        icon=":material/download:", on_click="ignore",
    )

judged = test_set or train_set
st.subheader(tr("training.confusion_test" if test_set else "training.confusion_train"))
counts = confusion_matrix(judged.labels, predict(params, judged.X), count)
confusion_col, confusion_note = st.columns([2, 1], gap="large")
confusion_col.plotly_chart(
    figures.confusion_heatmap(
        counts, names, sz, true_label=tr("training.true_class"),
        predicted_label=tr("training.predicted_class"),
        title=tr("training.confusion_title", it=iteration, m=int(counts.sum())),
    ),
    key="training_confusion", config={"displayModeBar": False},
)
confusion_note.markdown(tr(
    "training.confusion_note", right=int(counts.trace()), m=int(counts.sum())
))
if not test_set:
    confusion_note.caption(tr("training.confusion_no_test"))

st.subheader(tr("training.matrices"))
m_total = data.X.shape[1]
st.markdown(tr("training.matrices_intro", C=count, m=m_total))
shown = min(SHOWN_EXAMPLES, m_total)
columns = [f"({i + 1})" for i in range(shown)]
# Side by side on a projector; one above the other on a laptop, where half a
# column leaves each of the 8 cells of a row too narrow for its value.
if presenter():
    y_col, y_hat_col = st.columns(2, gap="large")
else:
    y_col, y_hat_col = st.container(), st.container()
y_col.plotly_chart(
    figures.matrix_heatmap(one_hot(data.labels[:shown], count), names, columns, sz,
                           title=tr("training.Y_title", C=count, m=m_total)),
    key="training_Y", config={"displayModeBar": False},
)
y_hat_col.plotly_chart(
    figures.matrix_heatmap(predict_proba(params, data.X[:, :shown]), names, columns,
                           sz, title=tr("training.Y_hat_title", C=count, m=m_total)),
    key="training_Y_hat", config={"displayModeBar": False},
)
st.subheader(tr("training.export"))
st.markdown(tr("training.export_intro", it=iteration))
npz_col, json_col = st.columns(2)
npz_col.download_button(
    tr("training.export_npz"), partial(parameters_to_npz, params),
    file_name="softmax_parameters.npz", mime="application/octet-stream",
    icon=":material/download:", key="training_export_npz", on_click="ignore",
)
json_col.download_button(
    tr("training.export_json"), partial(parameters_to_json, params),
    file_name="softmax_parameters.json", mime="application/json",
    icon=":material/download:", key="training_export_json", on_click="ignore",
)
st.caption(tr("training.export_snippet", shown=shown))
st.code(numpy_snippet(data.X[:, :shown]), language="python")

show_math(
    r"J = \frac{1}{m}\sum_{i=1}^{m} L(\hat y^{(i)}, y^{(i)}), \qquad"
    r" dZ^{[L]} = \hat Y - Y, \qquad dW^{[L]} = \tfrac{1}{m}\, dZ^{[L]} A^{[L-1]T},"
    r" \qquad db^{[L]} = \tfrac{1}{m} \textstyle\sum_i dZ^{[L](i)},"
    r" \qquad W \leftarrow W - \alpha\, dW",
    reference_cost_and_gradients,
    key="training_math",
)

finish_page()
