"""C = 2: the softmax of [z₁, z₂] beside the sigmoid of z₁ − z₂.

Drawn by the C = 2 page and the guided lecture's step on logistic regression.
"""

from __future__ import annotations

import streamlit as st

from softmax_core import (
    TwoClassOutputs,
    difference_grid,
    two_class_outputs,
)

from .. import figures
from ..controls import TWO_CLASS_Z1, TWO_CLASS_Z2
from ..frame import figure_sizes, plot
from ..i18n import tr
from ..widgets import slider


def z_sliders(prefix: str, *, linked: bool) -> tuple[float, float]:
    """The sliders of z₁ and z₂; ``linked``, their values are kept in the URL."""
    z1, z2 = (
        slider(control.on(prefix), label=tr(control.label), linked=linked)
        for control in (TWO_CLASS_Z1, TWO_CLASS_Z2)
    )
    return z1, z2


def outputs(point: TwoClassOutputs, *, side_by_side: bool = False) -> None:
    """a₁ and a₂ (``side_by_side``, in two columns), then σ(z₁ − z₂) under them."""
    first, second = st.columns(2) if side_by_side else (st, st)
    first.metric(tr("logistic.a1"), f"{float(point.softmax_1):.3f}")
    second.metric(tr("logistic.a2"), f"{float(point.softmax_2):.3f}")
    st.metric(tr("logistic.sigma"), f"{float(point.sigmoid_of_difference):.3f}")


def python_view(prefix: str, point: TwoClassOutputs) -> None:
    """The outputs as Python computed them, drawn only when asked for."""
    if st.toggle(
        tr("live.python_view"), key=f"{prefix}_python_view", persist_state="session"
    ):
        with st.container(border=True):
            st.caption(tr("live.python_view_help"))
            outputs(point)


def chart(prefix: str, z1: float, z2: float, a1: float) -> None:
    """Softmax output 1 and σ(z1 − z2) over z1 − z2 (one curve), the point marked.

    The axis reaches at least ±8 and always 2 past the current z1 − z2.
    """
    grid = difference_grid(center=0.0, half_width=max(8.0, abs(z1 - z2) + 2.0))
    curves = two_class_outputs(grid, 0.0)
    plot(
        figures.two_class_curves(
            grid,
            curves.softmax_1,
            curves.sigmoid_of_difference,
            z1 - z2,
            a1,
            figure_sizes(),
            softmax_label=tr("logistic.curve_softmax"),
            sigmoid_label=tr("logistic.curve_sigma"),
            x_label=tr("logistic.curve_x"),
            title=tr("logistic.curve_title"),
        ),
        key=f"{prefix}_curves",
    )
