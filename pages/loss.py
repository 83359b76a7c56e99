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
    step_on_z_frames,
    true_class_loss_curve,
)
from softmax_ui import formulas
from softmax_ui.callbacks import (
    descent_path,
    restart_descent,
    take_descent_step,
    z_values,
)
from softmax_ui.controls import (
    LECTURE_Y_HAT,
    LOSS_SOURCE,
    RESET_STEPS,
    STEP_SIZE,
    TAKE_STEP,
    TRUE_CLASS,
)
from softmax_ui.frame import (
    figure_sizes,
    finish_page,
    show_math,
    sized_columns,
    start_page,
)
from softmax_ui.i18n import class_names, option_labels, tr
from softmax_ui.views import loss as view
from softmax_ui.widgets import class_count, linked_choice, slider, z_sliders

DESCENT = "loss_descent"  # the gradient steps on z, in the session

start_page("loss.title")
st.markdown(tr("loss.intro"))

control_col, view_col = st.columns([1, 2], gap="large")
with control_col:
    source = linked_choice(
        st.radio, LOSS_SOURCE, format_func=option_labels("loss.source_")
    )
    count = class_count("loss") if source == "logits" else len(LECTURE_Y_HAT)
    names = class_names(count)
    true_class = view.true_class(TRUE_CLASS, names, linked=True)
    if source == "logits":
        z_sliders("loss", names)
        start_z = z_values("loss", count)
    else:
        start_z = logits_from_probabilities(LECTURE_Y_HAT)

y = one_hot([true_class], count)[:, 0]
path = descent_path(DESCENT, (source, true_class, tuple(start_z)), start_z)
z = path[-1]
y_hat = softmax(z)
current_loss = loss(y, y_hat)
sizes = figure_sizes()

with view_col:
    view.terms(names, y, y_hat)
    view.value(current_loss)
    view.true_term_note(y_hat, true_class)

# The curve wraps its title only if too long for its column, and the bars
# beside it leave as much room for theirs, so the two plots start level.
(curve_col, half), (dz_col, _) = sized_columns(2, sizes, gap="large")
p_grid, p_loss = true_class_loss_curve()
with curve_col:
    view.curve("loss", p_grid, p_loss, float(y_hat[true_class]), current_loss, half)
with dz_col:
    dz = output_gradient(y, y_hat=y_hat)
    view.gradient_bars("loss", names, dz, half, level_with=tr("loss.curve_title"))

st.subheader(tr("loss.descent"))
st.markdown(tr("loss.descent_intro"))
# The trace knows its column's width, to wrap its title only if too long for it.
(step_col, _), (trace_col, trace_sizes) = sized_columns([1, 2], sizes, gap="large")
with step_col:
    slider(STEP_SIZE)
    st.button(
        tr(TAKE_STEP.label), key=TAKE_STEP.key, type="primary", width="stretch",
        on_click=take_descent_step, args=(DESCENT, y, STEP_SIZE.key),
    )
    st.button(
        tr(RESET_STEPS.label), key=RESET_STEPS.key, width="stretch",
        disabled=len(path) == 1,
        on_click=restart_descent, args=(DESCENT,),
    )
    st.metric(tr("loss.steps_taken"), len(path) - 1)
losses = [loss_from_logits(y, v) for v in path]
p_true = [softmax(v)[true_class] for v in path]
with trace_col:
    view.descent_trace("loss", losses, p_true, names[true_class], trace_sizes)
# dz[L] on the bars of z: where the next step moves each logit, played.
view.step_on_z(
    "loss", names, y, z, step_size=float(st.session_state[STEP_SIZE.key]), sizes=sizes
)

st.subheader(tr("loss.check"))
view.gradient_check(names, check_output_gradient(y, z=z))

loss_and_gradient = formulas.side_by_side(formulas.LOSS, formulas.OUTPUT_GRADIENT)
show_math(
    loss_and_gradient, loss_terms, output_gradient, step_on_z_frames, key="loss_math"
)

finish_page()
