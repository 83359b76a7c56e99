"""Softmax and hardmax of one z[L]: the step table, the bars and what T does.

Drawn by the explorer page and the guided lecture's first steps. The explorer
opens without plotly's figures and pandas (its live view needs neither), so
they are imported where a figure or a table is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import streamlit as st

from softmax_core import EXP_OVERFLOW, SoftmaxSteps

from ..frame import figure_sizes, plot
from ..i18n import tr


def temperature_note(temperature: float) -> None:
    """What T does, said under the live view (softmax_ui.live) of the bars."""
    if temperature == 1.0:
        st.info(tr("explorer.t_is_one"), icon=":material/school:")
    else:
        st.info(tr("explorer.t_note", T=temperature), icon=":material/thermostat:")


def python_view(
    prefix: str,
    names: Sequence[str],
    table: SoftmaxSteps,
    soft: np.ndarray,
    hard: np.ndarray,
    *,
    temperature: float = 1.0,
) -> None:
    """The same numbers drawn by Python (a table and a plotly figure), on request.

    Built only when asked for: its plotly figure was half the cost of every
    run, and while it is off the browser loads no plotly bundle.
    """
    if st.toggle(
        tr("live.python_view"), key=f"{prefix}_python_view", persist_state="session"
    ):
        with st.container(border=True):
            st.caption(tr("live.python_view_help"))
            st.subheader(tr("explorer.steps"))
            step_table(names, table, hard, temperature=temperature)
            bars(prefix, names, soft, hard)


def step_table(
    names: Sequence[str],
    table: SoftmaxSteps,
    hard: np.ndarray,
    *,
    temperature: float = 1.0,
) -> None:
    """The lecture's steps t = e^z, Σt and a = t/Σt per class, with hardmax.

    Entries whose e^(z/T) would overflow float64 are marked ⚠.
    """
    from .. import tables

    st.table(
        tables.step_table(names, table, hard, temperature=temperature),
        hide_index=True,
    )
    st.markdown(tr("explorer.sum_t", total=f"{table.total:.4g}"))
    if table.shifted:
        st.warning(tr("explorer.shift_note", shift=f"{table.shift:.4g}"))


def bars(
    prefix: str, names: Sequence[str], soft: np.ndarray, hard: np.ndarray
) -> None:
    """Softmax and hardmax side by side per class."""
    from .. import figures

    plot(
        figures.softmax_hardmax_bars(
            names,
            soft,
            hard,
            figure_sizes(),
            soft_label=tr("explorer.softmax_bar"),
            hard_label=tr("explorer.hardmax_bar"),
            title=tr("explorer.chart_title"),
        ),
        key=f"{prefix}_bars",
    )


def logit_bars(prefix: str, names: Sequence[str], z: np.ndarray) -> None:
    """z[L] itself, one bar per class: the raw output before softmax."""
    from .. import figures

    plot(
        figures.logit_bars(names, z, figure_sizes(), title=tr("lecture.z_title")),
        key=f"{prefix}_z_bars",
    )


def overflow_comparison(
    prefix: str,
    names: Sequence[str],
    shifted: SoftmaxSteps,
    naive64: SoftmaxSteps,
    naive32: SoftmaxSteps,
    *,
    temperature: float = 1.0,
) -> None:
    """Why the core subtracts max z: naive e^z in float64 and float32 beside it.

    The table marks with ⚠ what overflowed to inf (and the NaN of inf / inf);
    one sentence under it says why the shifted computation cannot overflow.
    """
    from .. import tables

    with st.container(key=f"{prefix}_overflow_table"):
        st.subheader(tr("overflow.title"), anchor=False)
        st.table(
            tables.overflow_table(
                names, shifted, naive64, naive32, temperature=temperature
            ),
            hide_index=True,
        )
        if temperature != 1.0:
            st.caption(tr("overflow.temperature", T=f"{temperature:g}"))
        st.markdown(
            tr(
                "overflow.explain",
                f64=f"{EXP_OVERFLOW[np.dtype(np.float64)]:.2f}",
                f32=f"{EXP_OVERFLOW[np.dtype(np.float32)]:.2f}",
            )
        )
        if not naive32.overflowed.any():
            st.caption(tr("overflow.none_yet"))
