"""Training: gradient descent on the cost J, decision regions, Y and Ŷ as C×m."""

import streamlit as st

from softmax_core import (
    confusion_matrix,
    one_hot,
    predict,
    predict_proba,
    reference_cost_and_gradients,
)
from softmax_ui import controls, formulas, lab, runs
from softmax_ui.frame import (
    figure_sizes,
    finish_page,
    presenter,
    show_math,
    start_page,
)
from softmax_ui.i18n import class_names, option_labels, tr
from softmax_ui.training_data import (
    DataSettings,
    generated_data,
    split_data,
    uploaded_data,
)
from softmax_ui.views import inside, parameters
from softmax_ui.views import training as view
from softmax_ui.widgets import linked_choice, number_input, slider

SHOWN_EXAMPLES = 8
RUN_END = "_training_run_end"  # the last iteration of the run shown before

start_page("training.title")
st.markdown(tr("training.intro"))

control_col, view_col = st.columns([1, 3], gap="large")
with control_col:
    st.subheader(tr("training.data"))
    dataset = linked_choice(
        st.radio, controls.DATASET, format_func=option_labels("training.dataset_")
    )
    data, count = None, 0
    if dataset == "upload":
        upload = st.file_uploader(
            tr(controls.UPLOAD.label), type=["csv", "tsv", "txt"],
            key=controls.UPLOAD.key, help=tr("training.upload_help"),
        )  # fmt: skip
        if upload is None:
            st.info(tr("training.upload_waiting"))
        else:
            try:
                data = uploaded_data(upload.getvalue())
            except ValueError as err:
                st.error(tr("training.upload_error", message=str(err)))
        if data is not None:
            count = len(data.class_names)
            view.upload_notes(data)
    else:
        count = number_input(controls.TRAINING_C)
        m = slider(controls.EXAMPLES)
        seed = number_input(controls.SEED)
        data = generated_data(DataSettings(dataset, count, max(m, count), seed))
    test_percent = slider(controls.TEST_SHARE, help=tr("training.test_share_help"))
    st.subheader(tr("training.model"))
    hidden = linked_choice(
        st.select_slider, controls.HIDDEN, help=tr("training.hidden_help")
    )
    activation = linked_choice(
        st.radio, controls.ACTIVATION, horizontal=True, disabled=hidden == 0
    )
    learning_rate = linked_choice(st.select_slider, controls.LEARNING_RATE)
    iterations = slider(controls.ITERATIONS)
    l2 = linked_choice(st.select_slider, controls.L2, help=tr("training.l2_help"))

if data is None:
    finish_page()  # the link notice and "Link to this view" even with no data yet
    st.stop()

# Points placed by hand on the lab's plane replace a two-feature data set,
# which stays under them as the plane's extent and for "Back to the data set".
base, hand_notes = data, []
hand, _ = lab.current_hand_points()
if hand is not None and data.X.shape[0] == 2:
    data, hand_notes = lab.hand_data(hand, count)
names = list(data.class_names or class_names(count))
settings = runs.TrainingSettings(
    num_classes=count, hidden_units=hidden, activation=activation,
    learning_rate=learning_rate, iterations=iterations, l2=l2,
    test_share=test_percent / 100,
)  # fmt: skip
with view_col:
    st.subheader(tr("lab.title"))
    st.caption(tr("lab.intro"))
    status, lab_place = st.container(), st.container()
    # Under the lab, so that the plane stays put as points come and go.
    for note in hand_notes:
        st.caption(note)
if data.X.shape[1] == 0:  # every point by hand cleared: an empty plane to click on
    with lab_place:
        lab.training_lab(None, data, settings, names, key="training_lab",
                         plane=base, editable=True, hand=True)  # fmt: skip
    finish_page()
    st.stop()
with status:
    bar = st.empty()
    history = runs.training_run(data, settings, _progress=runs.progress_bar(
        bar, int(iterations), lambda it: tr("training.progress", it=it, of=iterations)
    ))  # fmt: skip
    bar.empty()
    if history.diverged:
        st.error(tr("training.diverged", it=history.iterations_done))
train_set, test_set = split_data(data, test_percent / 100)
# Inside the model: the example selected (ringed, framed) and where J diverges.
highlight = inside.selected_example(data.X.shape[1])
diverged_at = inside.diverged_at(history.costs, history.diverged)
with lab_place:
    if diverged_at is not None:  # said where J is seen to diverge: at the lab's curve
        view.divergence_note(diverged_at, history, learning_rate)
    lab.training_lab(
        history, data, settings, names, key="training_lab", train_set=train_set,
        test_set=test_set, plane=base, editable=True, hand=hand is not None,
        highlight=highlight, diverged_at=diverged_at,
    )  # fmt: skip
snapshot_iterations = runs.scrub_iterations(history, settings)
# The scrubber follows the end of each new run unless it was moved away from
# the end of the run before; then it keeps its iteration where that still is.
shown_before = st.session_state.get(controls.SNAPSHOT.key)
if (
    shown_before == st.session_state.get(RUN_END)
    or shown_before not in snapshot_iterations
):
    st.session_state.pop(controls.SNAPSHOT.key, None)
st.session_state[RUN_END] = snapshot_iterations[-1]
sizes = figure_sizes()

with view_col:
    report = st.expander(tr("lab.report"))
with report:
    iteration, params = view.snapshot_slider(
        controls.SNAPSHOT, history, snapshot_iterations[-1], settings,
        help=tr("training.iteration_help"),
    )  # fmt: skip
    view.run_metrics(history, iteration, st.columns(3), tested=bool(test_set))
    # Side by side on a projector (no sidebar, full width); one above the other
    # on a laptop, where two would leave each a sliver of the column.
    if presenter():
        curve_col, region_col = st.columns(2, gap="medium")
    else:
        curve_col, region_col = st.container(), st.container()
    view.cost_curve(
        "training", history, iteration, sizes, tested=bool(test_set), place=curve_col,
        diverged_at=diverged_at,
    )  # fmt: skip
    view.regions(
        "training", data, settings, iteration, names, sizes,
        train_set=train_set, test_set=test_set, place=region_col, highlight=highlight,
    )  # fmt: skip
    view.history_download(history)

judged = test_set or train_set
counts = confusion_matrix(judged.labels, predict(params, judged.X), count)
view.confusion("training", counts, names, iteration, sizes, tested=bool(test_set))

st.subheader(tr("training.matrices"))
m_total = data.X.shape[1]
st.markdown(tr("training.matrices_intro", C=count, m=m_total))
shown = min(SHOWN_EXAMPLES, m_total)
examples = inside.shown_examples(m_total, shown, highlight)
# Side by side on a projector; one above the other on a laptop, where half a
# column leaves each of the 8 cells of a row too narrow for its value.
if presenter():
    matrix_places = st.columns(2, gap="large")
else:
    matrix_places = st.container(), st.container()
view.matrices(
    "training",
    one_hot(data.labels[examples], count),
    predict_proba(params, data.X[:, examples]),
    names,
    sizes,
    m=m_total,
    places=matrix_places,
    examples=examples,
    highlight=highlight,
    on_select=inside.select_from_heatmap,
)
view.export("training", params, data.X[:, examples], iteration)

# --- Inside the model ----------------------------------------------------------
inside.example_table(data, params, names, iteration, highlight, presenting=presenter())
parameters.parameters(
    train_set, data, params, settings, iteration, names, sizes, presenting=presenter()
)

show_math(
    formulas.side_by_side(
        formulas.COST, formulas.OUTPUT_GRADIENTS, formulas.LAYER_WEIGHT_GRADIENT,
        formulas.BIAS_GRADIENT, formulas.DESCENT_STEP,
    ),
    reference_cost_and_gradients,
    key="training_math",
)

finish_page()
