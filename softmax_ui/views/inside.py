"""Inside the model: each example's loss, worst first, and one selected example.

The training page's table of the m examples at the shown iteration: x, the
true class, ŷ of every class and L⁽ⁱ⁾, the largest loss on top. The example
selected in it (or by a click on a column of the Y and Ŷ heatmaps, or by the
link's ``?training_example=17``) is ringed on the plane and framed in Y and Ŷ.

Its number (1-based, as the heatmaps label their columns) is kept in the
session state under :data:`softmax_ui.controls.EXAMPLE`'s key and in the
URL; the table's own widget key is a different one, not part of any link.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from softmax_core import (
    Parameters,
    divergence_iteration,
    example_losses,
    logits,
    one_hot,
    output_gradient,
    softmax,
    worst_first,
)

from ..controls import EXAMPLE
from ..i18n import tr
from ..text import plain
from ..training_data import Data

TABLE_KEY = "training_inside_table"
_ORDER = "_inside_table_order"  # example indices in the table's rows, as drawn
_ROWS = "_inside_table_rows"  # the table's selected rows, as drawn
_FEATURES_SHOWN = 4
_ROWS_VISIBLE = 10
_ZOOM = 1.6  # the table projected: 14 px type read as 22 px


def diverged_at(costs: np.ndarray, stopped: bool) -> int | None:
    """Where J is seen to diverge: as the core finds it, or where training stopped."""
    found = divergence_iteration(costs)
    if found is None and stopped:
        return len(costs) - 1
    return found


def selected_example(m: int) -> int | None:
    """The index (0-based) of the selected example among ``m``, or None.

    Read before anything is drawn: from the table if its selection changed
    since it was drawn, else as kept (set by a heatmap click or the link).
    """
    key = EXAMPLE.key
    if key not in st.session_state:
        st.session_state[key] = _from_link(st.query_params.get(key))
    event = st.session_state.get(TABLE_KEY)
    if event is not None:
        rows = list(event["selection"]["rows"])
        if rows != st.session_state.get(_ROWS):
            order = st.session_state.get(_ORDER, [])
            row = rows[0] if rows else None
            st.session_state[key] = (
                int(order[row]) + 1 if row is not None and row < len(order) else 0
            )
    number = st.session_state[key]
    if not 1 <= number <= m:
        number = st.session_state[key] = 0
    if number:
        st.query_params[key] = str(number)
    else:
        st.query_params.pop(key, None)
    return number - 1 if number else None


def _from_link(text: str | None) -> int:
    try:
        number = float(text) if text is not None else 0.0
    except ValueError:
        return 0
    return int(number) if number == number and abs(number) < 1e9 else 0


def select_from_heatmap(chart_key: str) -> None:
    """A heatmap's ``on_select``: the clicked column's example becomes the selected."""
    event = st.session_state.get(chart_key)
    points = event["selection"]["points"] if event is not None else []
    examples = [p["customdata"] for p in points if p.get("customdata") is not None]
    if examples:
        chosen = examples[0]
        chosen = chosen[0] if isinstance(chosen, list) else chosen
        st.session_state[EXAMPLE.key] = int(chosen) + 1


def shown_examples(m: int, shown: int, highlight: int | None) -> list[int]:
    """The examples whose columns Y and Ŷ show: the first ``shown``, and the selected.

    Examples
    --------
    >>> shown_examples(300, 8, None), shown_examples(300, 8, 41)
    ([0, 1, 2, 3, 4, 5, 6, 7], [0, 1, 2, 3, 4, 5, 6, 41])
    """
    first = list(range(min(shown, m)))
    if highlight is None or highlight in first:
        return first
    return first[:-1] + [int(highlight)]


def example_table(
    data: Data,
    params: Parameters,
    names: Sequence[str],
    iteration: int,
    highlight: int | None,
    *,
    presenting: bool,
) -> None:
    """The table of every example at ``iteration``, worst first, one row selectable."""
    with st.container(key="training_inside_title"):
        st.header(tr("inside.title"), anchor=False)
        st.subheader(tr("inside.table_title"), anchor=False)
    count = len(names)
    Z = logits(params, data.X).astype(np.float64)
    Y_hat = softmax(Z, axis=0)
    losses = example_losses(one_hot(data.labels, count), Z=Z)
    order = worst_first(losses)
    frame = example_frame(data, names, Y_hat, losses, order)
    st.markdown(tr("inside.table_intro", it=iteration, m=data.X.shape[1]))
    rows = [int(np.flatnonzero(order == highlight)[0])] if highlight is not None else []
    st.session_state[_ORDER] = order.tolist()
    st.session_state[_ROWS] = rows
    st.session_state[TABLE_KEY] = {"selection": {"rows": rows, "columns": []}}
    row_height = 35
    st.dataframe(
        frame, key=TABLE_KEY, on_select="rerun", selection_mode="single-row",
        hide_index=True, column_config=_column_config(frame, names),
        height=row_height * (min(_ROWS_VISIBLE, len(frame)) + 1) + 3,
        row_height=row_height,
    )  # fmt: skip
    if presenting:
        # The grid draws on a canvas, which no font size reaches: zoomed, at
        # the column's width (1/1.6 of it before the zoom).
        st.html(
            f"<style>.st-key-{TABLE_KEY} {{ zoom: {_ZOOM}; width: {100 / _ZOOM:.3f}%"
            " !important; }</style>"
        )
    if highlight is None:
        st.caption(tr("inside.table_select"))
    else:
        st.markdown(_summary(data, names, Y_hat, losses, highlight, rows[0] + 1))
    if data.X.shape[0] > _FEATURES_SHOWN:
        st.caption(tr("inside.features_cut", shown=_FEATURES_SHOWN, n=data.X.shape[0]))


def example_frame(
    data: Data,
    names: Sequence[str],
    Y_hat: np.ndarray,
    losses: np.ndarray,
    order: np.ndarray,
) -> pd.DataFrame:
    """One row per example in ``order``: i, x, the true class, ŷ per class, L⁽ⁱ⁾.

    The grid shows text as it is, not as Markdown: names come back from their
    character references (:func:`softmax_ui.text.plain`).
    """
    names = [plain(name) for name in names]
    true_class = tr("inside.true_class")
    taken = {"i", true_class, "L⁽ⁱ⁾", *map(_y_hat_header, names)}
    columns: dict[str, Any] = {"i": order + 1}
    for k, feature in enumerate(map(plain, data.feature_names[:_FEATURES_SHOWN])):
        # A file's column may be named like one of the table's own.
        header = feature if feature not in taken else f"x: {feature}"
        taken.add(header)
        columns[header] = data.X[k, order]
    columns[true_class] = [names[k] for k in data.labels[order]]
    for k, name in enumerate(names):
        columns[_y_hat_header(name)] = Y_hat[k, order]
    columns["L⁽ⁱ⁾"] = losses[order]
    return pd.DataFrame(columns)


def _y_hat_header(name: str) -> str:
    return f"ŷ {name}"


def _column_config(frame: pd.DataFrame, names: Sequence[str]) -> dict[str, Any]:
    config: dict[str, Any] = {
        "i": st.column_config.NumberColumn("i", format="(%d)", width="small"),
        "L⁽ⁱ⁾": st.column_config.NumberColumn(
            format="%.3f", help=tr("inside.loss_help")
        ),
    }
    for name in frame.columns:
        if name not in config and frame[name].dtype.kind == "f":
            config[name] = st.column_config.NumberColumn(format="%.3f")
    for name in map(plain, names):
        config[_y_hat_header(name)] = st.column_config.NumberColumn(
            format="%.3f", help=tr("inside.y_hat_help", name=name)
        )
    return config


def _summary(
    data: Data,
    names: Sequence[str],
    Y_hat: np.ndarray,
    losses: np.ndarray,
    i: int,
    rank: int,
) -> str:
    true = int(data.labels[i])
    predicted = int(np.argmax(Y_hat[:, i]))
    x = ", ".join(f"{v:.2f}" for v in data.X[:_FEATURES_SHOWN, i])
    key = "inside.summary_right" if predicted == true else "inside.summary_wrong"
    dz = output_gradient(one_hot([true], len(names))[:, 0], y_hat=Y_hat[:, i])
    said = tr(
        key, i=i + 1, x=x, true=names[true], p=f"{Y_hat[true, i]:.3f}",
        loss=f"{losses[i]:.3f}", predicted=names[predicted], rank=rank,
        m=len(losses),
    )  # fmt: skip
    # A Markdown line break: the example's column of dZ under what it is.
    return said + "  \n" + tr(
        "inside.summary_dz", dz=", ".join(f"{v:+.3f}" for v in dz)
    )
