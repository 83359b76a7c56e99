"""The guided lecture's steps, in the lecture's order, each with its live view.

A step draws the pages' own views (:mod:`softmax_ui.views`) with the lecture's
values (z[L] = [5, 2, −1, 3], y = cat, ŷ = [0.3, 0.2, 0.1, 0.4]), still
touchable; their widget keys start with ``lecture_``. This module holds the
steps about one example and the order of all of them (:data:`STEPS`); the
steps about the m training examples are in
:mod:`softmax_ui.lecture_training_steps`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
import streamlit as st

from softmax_core import (
    check_output_gradient,
    gradient_step_on_z,
    hardmax,
    logits_from_probabilities,
    loss,
    loss_from_logits,
    loss_terms,
    one_hot,
    output_gradient,
    sigmoid,
    softmax,
    softmax_steps,
    true_class_loss_curve,
    two_class_outputs,
)

from . import formulas
from .callbacks import reset_to_lecture, z_values
from .controls import (
    DESCENT_STEP_COUNT,
    LECTURE_CLASSES,
    LECTURE_Y_HAT,
    STEP_SIZE,
    TRUE_CLASS,
)
from .frame import figure_sizes, presenter, show_math, sized_columns
from .i18n import class_names, tr
from .lecture_training_steps import cost_step, matrices, training
from .views import loss as loss_view
from .views import softmax as softmax_view
from .views import two_class as two_class_view
from .widgets import slider, z_sliders

PREFIX = "lecture"
MATH_KEY = "lecture_math"
CAT = 1  # the lecture's example is a cat: class 1 of other, cat, dog, baby chick


def _names() -> list[str]:
    return class_names(LECTURE_CLASSES)


def _z_controls() -> np.ndarray:
    """The four z sliders (the lecture's z to start with) and a reset button."""
    z_sliders(PREFIX, _names(), columns=2)
    st.button(
        tr("widgets.reset"),
        on_click=reset_to_lecture,
        args=(PREFIX,),
        key="lecture_reset_z",
        icon=":material/restart_alt:",
    )
    return z_values(PREFIX, LECTURE_CLASSES)


def notation() -> None:
    control_col, view_col = st.columns([1, 2], gap="large")
    with control_col:
        z = _z_controls()
    with view_col:
        softmax_view.logit_bars(PREFIX, _names(), z)


def softmax_step() -> None:
    control_col, view_col = st.columns([1, 2], gap="large")
    with control_col:
        z = _z_controls()
    with view_col:
        softmax_view.step_table(_names(), softmax_steps(z), hardmax(z))
    show_math(formulas.SOFTMAX, softmax_steps, key=MATH_KEY)


def hardmax_step() -> None:
    control_col, view_col = st.columns([1, 2], gap="large")
    with control_col:
        z = _z_controls()
    with view_col:
        softmax_view.bars(PREFIX, _names(), softmax(z), hardmax(z))
    show_math(formulas.HARDMAX, hardmax, softmax, key=MATH_KEY)


def logistic() -> None:
    control_col, view_col = st.columns([1, 2], gap="large")
    with control_col:
        # Their own keys: steps 1 to 3 have sliders of z[L] named lecture_z1,
        # lecture_z2 too, whose values step 4 would otherwise start from.
        z1, z2 = two_class_view.z_sliders(f"{PREFIX}_logistic", linked=False)
        point = two_class_outputs(z1, z2)
        two_class_view.outputs(point, side_by_side=True)
    with view_col:
        two_class_view.chart(PREFIX, z1, z2, float(point.softmax_1))
    show_math(formulas.TWO_CLASSES, two_class_outputs, sigmoid, key=MATH_KEY)


def loss_step() -> None:
    names, sizes = _names(), figure_sizes()
    if presenter():
        # Projected, the terms beside the controls and the step on z beside
        # them: the whole step fits the screen.
        (control_col, _), (figure_col, sizes) = sized_columns(
            [1, 2], sizes, gap="large"
        )
        terms_col = control_col
    else:
        # On a laptop the step on z needs the page's width: under the terms.
        control_col, terms_col = st.columns([1, 2], gap="large")
        figure_col = st.container()
    with control_col:
        true_class = loss_view.true_class(TRUE_CLASS.on(PREFIX), names, linked=False)
    y = one_hot([true_class], LECTURE_CLASSES)[:, 0]
    y_hat = np.array(LECTURE_Y_HAT)
    with control_col:
        loss_view.value(loss(y, y_hat))
    with terms_col:
        loss_view.terms(names, y, y_hat)
        loss_view.true_term_note(y_hat, true_class)
    with figure_col:
        # dz[L] = ŷ − y on the bars of z = log ŷ, and one step with α = 1 played.
        loss_view.step_on_z(
            PREFIX, names, y, logits_from_probabilities(y_hat), step_size=1.0,
            sizes=sizes,
        )  # fmt: skip
    show_math(formulas.LOSS, loss_terms, key=MATH_KEY)


def likelihood() -> None:
    names, sizes = _names(), figure_sizes()
    # The sliders' row above the charts comes out of the charts' height: four
    # lines less keep the projected step within the screen.
    sizes = replace(sizes, height=sizes.height - 4 * sizes.font)
    y = one_hot([CAT], LECTURE_CLASSES)[:, 0]
    # The sliders side by side in a row, then the charts a half each: beside a
    # column of sliders, each chart would get a third of a laptop's step, too
    # narrow to read. The small gap leaves the charts as wide as can be: their
    # own margins already keep them apart.
    count_col, size_col = st.columns(2, gap="small")
    with count_col:
        descent_steps = slider(DESCENT_STEP_COUNT, linked=False)
    with size_col:
        step_size = slider(STEP_SIZE.on(PREFIX), linked=False)
    path = [logits_from_probabilities(LECTURE_Y_HAT)]
    for _ in range(descent_steps):
        path.append(gradient_step_on_z(y, z=path[-1], step_size=step_size))
    p_true = [float(softmax(z)[CAT]) for z in path]
    losses = [loss_from_logits(y, z) for z in path]
    p_grid, p_loss = true_class_loss_curve()
    # Each chart knows its column's width, to wrap only a title too long for
    # it, and the other's title, to leave room for the taller of the two.
    (curve_col, sizes), (trace_col, _) = sized_columns(2, sizes, gap="small")
    curve_title, trace_title = tr("loss.curve_title"), tr("loss.trace_title")
    with curve_col:
        loss_view.curve(
            PREFIX, p_grid, p_loss, p_true[-1], losses[-1], sizes,
            level_with=trace_title,
        )  # fmt: skip
    with trace_col:
        loss_view.descent_trace(
            PREFIX, losses, p_true, names[CAT], sizes, level_with=curve_title
        )
    show_math(
        formulas.side_by_side(formulas.STEP_ON_Z, formulas.CAT_LOSS),
        gradient_step_on_z,
        key=MATH_KEY,
    )


def gradient() -> None:
    names = _names()
    control_col, view_col = st.columns([1, 1], gap="large")
    with control_col:
        true_class = loss_view.true_class(
            TRUE_CLASS.on("lecture_dz"), names, linked=False
        )
    y = one_hot([true_class], LECTURE_CLASSES)[:, 0]
    y_hat = np.array(LECTURE_Y_HAT)
    with view_col:
        dz = output_gradient(y, y_hat=y_hat)
        loss_view.gradient_bars(PREFIX, names, dz, figure_sizes())
    with control_col:
        st.markdown(f"**{tr('loss.check')}**")
        check = check_output_gradient(y, z=logits_from_probabilities(y_hat))
        loss_view.gradient_check(names, check)
    show_math(
        formulas.side_by_side(formulas.OUTPUT_GRADIENT, formulas.OUTPUT_GRADIENTS),
        output_gradient,
        check_output_gradient,
        key=MATH_KEY,
    )


# The lecture's order. Each step's title and caption are the catalog keys
# ``lecture.<name>_title`` and ``lecture.<name>_caption``.
STEPS: dict[str, Callable[[], None]] = {
    "notation": notation,
    "softmax": softmax_step,
    "hardmax": hardmax_step,
    "logistic": logistic,
    "loss": loss_step,
    "likelihood": likelihood,
    "cost": cost_step,
    "matrices": matrices,
    "gradient": gradient,
    "training": training,
}
