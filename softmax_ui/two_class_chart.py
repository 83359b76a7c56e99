"""The C = 2 chart that the logistic page and the guided lecture share."""

from __future__ import annotations

import streamlit as st

from softmax_core import difference_grid, two_class_outputs

from . import figures
from .chrome import figure_sizes
from .i18n import tr


def two_class_chart(z1: float, z2: float, a1: float, *, key: str) -> None:
    """Softmax output 1 and σ(z1 − z2) over z1 − z2 (one curve), the point marked.

    The axis reaches at least ±8 and always 2 past the current z1 − z2.
    """
    grid = difference_grid(center=0.0, half_width=max(8.0, abs(z1 - z2) + 2.0))
    curves = two_class_outputs(grid, 0.0)
    st.plotly_chart(
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
        key=key,
        config={"displayModeBar": False},
    )
