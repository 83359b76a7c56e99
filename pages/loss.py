"""The loss L, the curve −log p, dz[L] = ŷ − y and gradient steps on z."""

import streamlit as st

from softmax_core import (
    check_output_gradient,
    logits_from_probabilities,
    loss,
    loss_from_logits,
    loss_terms,
    one_hot,
    output_gradient,
    softmax,
    true_class_loss_curve,
)
from softmax_ui import figures, tables
from softmax_ui.chrome import (
    figure_sizes,
    finish_page,
    show_math,
    sized_columns,
    start_page,
)
from softmax_ui.i18n import class_names, option_labels, tr
from softmax_ui.state import (
    LECTURE_Y_HAT,
    restart_descent,
    take_descent_step,
    z_values,
)
from softmax_ui.widgets import (
    clamp_link_value,
    class_count,
    keep_choice_in_range,
    linked_choice,
    z_sliders,
)

start_page("loss.title")
st.markdown(tr("loss.intro"))

controls, view = st.columns([1, 2], gap="large")
with controls:
    source = linked_choice(
        st.radio, tr("loss.source"), ("lecture", "logits"), key="loss_source",
        default="lecture", format_func=option_labels("loss.source_"),
    )
    count = class_count("loss") if source == "logits" else len(LECTURE_Y_HAT)
    names = class_names(count)
    keep_choice_in_range("loss_true_class", range(count))
    true_class = linked_choice(
        st.selectbox, tr("loss.true_class"), range(count), key="loss_true_class",
        default=1, format_func=lambda k: f"{k}: {names[k]}",
    )
    if source == "logits":
        z_sliders("loss", names)
        start_z = z_values("loss", count)
    else:
        start_z = logits_from_probabilities(LECTURE_Y_HAT)

y = one_hot([true_class], count)[:, 0]
# The descent on z starts over whenever its starting point changes.
start = (source, true_class, tuple(start_z))
if st.session_state.get("loss_descent_start") != start:
    st.session_state["loss_descent_start"] = start
    st.session_state["loss_descent"] = [start_z]
path = st.session_state["loss_descent"]
z = path[-1]
y_hat = softmax(z)
current_loss = loss(y, y_hat)
sz = figure_sizes()

with view:
    st.markdown(tr("loss.y_vector", y=", ".join(f"{v:.0f}" for v in y)))
    st.markdown(tr("loss.y_hat_vector", y_hat=", ".join(f"{v:.3f}" for v in y_hat)))
    st.table(
        tables.loss_terms_table(names, y, y_hat, loss_terms(y, y_hat)), hide_index=True
    )
    st.metric(tr("loss.value"), f"{current_loss:.3f}")
    st.caption(
        tr("loss.only_true_term", j=true_class + 1, p=f"{y_hat[true_class]:.3f}")
    )

# The curve wraps its title only if too long for its column, and the bars
# beside it leave as much room for theirs, so the two plots start level.
(curve_col, half), (dz_col, _) = sized_columns(2, sz, gap="large")
p_grid, p_loss = true_class_loss_curve()
curve_col.plotly_chart(
    figures.loss_curve(
        p_grid,
        p_loss,
        float(y_hat[true_class]),
        current_loss,
        half,
        x_label=tr("loss.curve_x"),
        y_label=tr("loss.curve_y"),
        title=tr("loss.curve_title"),
    ),
    key="loss_curve",
    config={"displayModeBar": False},
)
dz = output_gradient(y, y_hat=y_hat)
dz_col.plotly_chart(
    figures.signed_bars(
        names, dz, half, title=tr("loss.dz_title"), level_with=tr("loss.curve_title")
    ),
    key="loss_dz",
    config={"displayModeBar": False},
)

st.subheader(tr("loss.descent"))
st.markdown(tr("loss.descent_intro"))
# The trace knows its column's width, to wrap its title only if too long for it.
(step_col, _), (trace_col, trace_sz) = sized_columns([1, 2], sz, gap="large")
with step_col:
    clamp_link_value("loss_step_size", 0.1, 5.0)
    st.slider(
        tr("loss.step_size"), 0.1, 5.0, 1.0, 0.1, key="loss_step_size",
        bind="query-params",
    )
    st.button(
        tr("loss.take_step"), key="loss_take_step", type="primary", width="stretch",
        on_click=take_descent_step, args=("loss_descent", y, "loss_step_size"),
    )
    st.button(
        tr("loss.reset_steps"), key="loss_reset_steps", width="stretch",
        disabled=len(path) == 1,
        on_click=restart_descent, args=("loss_descent",),
    )
    st.metric(tr("loss.steps_taken"), len(path) - 1)
trace_col.plotly_chart(
    figures.descent_trace(
        [loss_from_logits(y, v) for v in path],
        [softmax(v)[true_class] for v in path],
        trace_sz,
        loss_label=tr("loss.trace_loss"),
        p_label=tr("loss.trace_p", name=names[true_class]),
        x_label=tr("loss.trace_x"),
        title=tr("loss.trace_title"),
    ),
    key="loss_trace",
    config={"displayModeBar": False},
)

st.subheader(tr("loss.check"))
st.table(tables.dz_check_table(names, check_output_gradient(y, z=z)), hide_index=True)

show_math(
    r"L(\hat y, y) = -\sum_{j=1}^{C} y_j \log \hat y_j, \qquad"
    r" dz^{[L]} = \frac{\partial L}{\partial z^{[L]}} = \hat y - y",
    loss_terms,
    output_gradient,
    key="loss_math",
)

finish_page()
