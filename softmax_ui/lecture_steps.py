"""The guided lecture's steps, in the lecture's order, each with its live view.

A view is drawn with the same widgets, core calls, tables and figure builders
as the pages, set to the lecture's values (z[L] = [5, 2, −1, 3], y = cat,
ŷ = [0.3, 0.2, 0.1, 0.4]) and still touchable; widget keys start with
``lecture_``. This module holds the steps about one example and the order of
all of them (:data:`STEPS`); the steps about the m training examples are in
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

from . import figures, tables
from .chrome import figure_sizes, show_math, sized_columns
from .i18n import class_names, tr
from .lecture_training_steps import cost_step, matrices, training
from .state import LECTURE_Y_HAT, reset_to_lecture, z_values
from .two_class_chart import two_class_chart
from .widgets import z_sliders

PREFIX = "lecture"
CHART = {"displayModeBar": False}


def _names() -> list[str]:
    return class_names(4)


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
    return z_values(PREFIX, 4)


def _true_class(key: str) -> int:
    names = _names()
    return st.selectbox(
        tr("loss.true_class"),
        range(4),
        index=1,
        key=key,
        format_func=lambda k: f"{k}: {names[k]}",
    )


def notation() -> None:
    names = _names()
    controls, view = st.columns([1, 2], gap="large")
    with controls:
        z = _z_controls()
    view.plotly_chart(
        figures.logit_bars(names, z, figure_sizes(), title=tr("lecture.z_title")),
        key="lecture_z_bars",
        config=CHART,
    )


def softmax_step() -> None:
    names = _names()
    controls, view = st.columns([1, 2], gap="large")
    with controls:
        z = _z_controls()
    steps = softmax_steps(z)
    with view:
        st.table(tables.step_table(names, steps, hardmax(z)), hide_index=True)
        st.markdown(tr("explorer.sum_t", total=f"{steps.total:.4g}"))
        if steps.shifted:
            st.warning(tr("explorer.shift_note", shift=f"{steps.shift:.4g}"))
    show_math(
        r"t = e^{z^{[L]}}, \qquad a^{[L]}_j = \frac{t_j}{\sum_{i=1}^{C} t_i}",
        softmax_steps,
        key="lecture_math",
    )


def hardmax_step() -> None:
    names = _names()
    controls, view = st.columns([1, 2], gap="large")
    with controls:
        z = _z_controls()
    view.plotly_chart(
        figures.softmax_hardmax_bars(
            names,
            softmax(z),
            hardmax(z),
            figure_sizes(),
            soft_label=tr("explorer.softmax_bar"),
            hard_label=tr("explorer.hardmax_bar"),
            title=tr("explorer.chart_title"),
        ),
        key="lecture_hardmax_bars",
        config=CHART,
    )
    show_math(
        r"\operatorname{hardmax}(z)_j = [\,j = \arg\max_i z_i\,]", hardmax, softmax,
        key="lecture_math",
    )


def logistic() -> None:
    controls, view = st.columns([1, 2], gap="large")
    with controls:
        z1 = st.slider("z₁", -10.0, 10.0, 1.67, 0.01, format="%.2f", key="lecture_z1")
        z2 = st.slider("z₂", -10.0, 10.0, 0.0, 0.01, format="%.2f", key="lecture_z2")
        point = two_class_outputs(z1, z2)
        a1, a2 = float(point.softmax_1), float(point.softmax_2)
        first, second = st.columns(2)
        first.metric(tr("logistic.a1"), f"{a1:.3f}")
        second.metric(tr("logistic.a2"), f"{a2:.3f}")
        st.metric(tr("logistic.sigma"), f"{float(point.sigmoid_of_difference):.3f}")
    with view:
        two_class_chart(z1, z2, a1, key="lecture_logistic_curves")
    show_math(
        r"\frac{e^{z_1}}{e^{z_1} + e^{z_2}} = \frac{1}{1 + e^{-(z_1 - z_2)}}"
        r" = \sigma(z_1 - z_2)",
        two_class_outputs,
        sigmoid,
        key="lecture_math",
    )


def loss_step() -> None:
    names = _names()
    controls, view = st.columns([1, 2], gap="large")
    with controls:
        true_class = _true_class("lecture_true_class")
    y = one_hot([true_class], 4)[:, 0]
    y_hat = np.array(LECTURE_Y_HAT)
    value = loss(y, y_hat)
    with controls:
        st.metric(tr("loss.value"), f"{value:.3f}")
    with view:
        st.markdown(tr("loss.y_vector", y=", ".join(f"{v:.0f}" for v in y)))
        st.markdown(tr("loss.y_hat_vector", y_hat=", ".join(f"{v:.1f}" for v in y_hat)))
        st.table(
            tables.loss_terms_table(names, y, y_hat, loss_terms(y, y_hat)),
            hide_index=True,
        )
        st.markdown(
            tr("loss.only_true_term", j=true_class + 1, p=f"{y_hat[true_class]:.1f}")
        )
    show_math(
        r"L(\hat y, y) = -\sum_{j=1}^{C} y_j \log \hat y_j", loss_terms,
        key="lecture_math",
    )


def likelihood() -> None:
    names, sz = _names(), figure_sizes()
    # The sliders' row above the charts comes out of the charts' height: four
    # lines less keep the projected step within the screen.
    sz = replace(sz, height=sz.height - 4 * sz.font)
    y = one_hot([1], 4)[:, 0]
    # The sliders side by side in a row, then the charts a half each: beside a
    # column of sliders, each chart would get a third of a laptop's step, too
    # narrow to read. The small gap leaves the charts as wide as can be: their
    # own margins already keep them apart.
    steps_col, size_col = st.columns(2, gap="small")
    steps = steps_col.slider(tr("lecture.descent_steps"), 0, 20, 3, key="lecture_steps")
    step_size = size_col.slider(
        tr("loss.step_size"), 0.1, 5.0, 1.0, 0.1, key="lecture_step_size"
    )
    path = [logits_from_probabilities(LECTURE_Y_HAT)]
    for _ in range(steps):
        path.append(gradient_step_on_z(y, z=path[-1], step_size=step_size))
    p_true = [float(softmax(z)[1]) for z in path]
    losses = [loss_from_logits(y, z) for z in path]
    p_grid, p_loss = true_class_loss_curve()
    # Each chart knows its column's width, to wrap only a title too long for
    # it, and the other's title, to leave room for the taller of the two.
    (curve_col, sz), (trace_col, _) = sized_columns(2, sz, gap="small")
    curve_title, trace_title = tr("loss.curve_title"), tr("loss.trace_title")
    curve_col.plotly_chart(
        figures.loss_curve(
            p_grid,
            p_loss,
            p_true[-1],
            losses[-1],
            sz,
            x_label=tr("loss.curve_x"),
            y_label=tr("loss.curve_y"),
            title=curve_title,
            level_with=trace_title,
        ),
        key="lecture_loss_curve",
        config=CHART,
    )
    trace_col.plotly_chart(
        figures.descent_trace(
            losses,
            p_true,
            sz,
            loss_label=tr("loss.trace_loss"),
            p_label=tr("loss.trace_p", name=names[1]),
            x_label=tr("loss.trace_x"),
            title=trace_title,
            level_with=curve_title,
        ),
        key="lecture_descent",
        config=CHART,
    )
    show_math(
        r"z \leftarrow z - \alpha\,(\hat y - y), \qquad L = -\log \hat y_2",
        gradient_step_on_z,
        key="lecture_math",
    )


def gradient() -> None:
    names = _names()
    controls, view = st.columns([1, 1], gap="large")
    with controls:
        true_class = _true_class("lecture_dz_true_class")
    y = one_hot([true_class], 4)[:, 0]
    y_hat = np.array(LECTURE_Y_HAT)
    view.plotly_chart(
        figures.signed_bars(
            names,
            output_gradient(y, y_hat=y_hat),
            figure_sizes(),
            title=tr("loss.dz_title"),
        ),
        key="lecture_dz",
        config=CHART,
    )
    with controls:
        st.markdown(f"**{tr('loss.check')}**")
        check = check_output_gradient(y, z=logits_from_probabilities(y_hat))
        st.table(tables.dz_check_table(names, check), hide_index=True)
    show_math(
        r"dz^{[L]} = \frac{\partial L}{\partial z^{[L]}} = \hat y - y,"
        r" \qquad dZ^{[L]} = \hat Y - Y",
        output_gradient,
        check_output_gradient,
        key="lecture_math",
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
