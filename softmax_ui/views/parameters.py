"""W and b of softmax regression with their gradients, to nudge by hand.

A C×(n+1) grid [W b] at the training page's shown iteration, with dW and db
beside each value, coloured by sign; buttons nudge one chosen entry by ±0.5,
take one gradient step −α(dW, db), or go back to the trained values. J and
the decision regions follow every change: dZ = Ŷ − Y, dW = (1/m) dZ Xᵀ at
work on the weights it moves.

The values being changed live in the session state (:data:`_STATE`), tied to
the run and iteration they started from; nothing of it is in the link.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import streamlit as st

from softmax_core import (
    Parameters,
    class_regions,
    gradient_step,
    gradients,
    nudge,
)

from .. import figures
from ..frame import plot, sized_columns
from ..i18n import tr
from ..style import NEGATIVE, POSITIVE, Sizes
from ..text import plain
from ..training_data import Data

NUDGE = 0.5
MAX_FEATURES = 10  # wider W than this is no grid to read
ENTRY_KEY = "training_inside_entry"
_STATE = "_inside_parameters"


@dataclass
class _Edited:
    """W and b as changed by hand, and what they started from."""

    origin: tuple
    W: np.ndarray
    b: np.ndarray
    cost_before: float | None = None
    last_change: str = ""


def _origin(train_set: Data, settings: Any, iteration: int) -> tuple:
    digest = hashlib.blake2b(digest_size=12)
    digest.update(np.ascontiguousarray(train_set.X).tobytes())
    digest.update(np.ascontiguousarray(train_set.labels).tobytes())
    return (settings, iteration, digest.hexdigest())


def _edited(params: Parameters, origin: tuple) -> _Edited:
    """The values being changed, started afresh when the run or iteration changed."""
    edited = st.session_state.get(_STATE)
    if not isinstance(edited, _Edited) or edited.origin != origin:
        edited = _Edited(
            origin, params.W1.astype(np.float64), params.b1.astype(np.float64)
        )
        st.session_state[_STATE] = edited
    return edited


def _entry_name(
    names: Sequence[str], features: Sequence[str], row: int, col: int
) -> str:
    if col == len(features):
        return f"b[{names[row]}]"
    return f"W[{names[row]}, {features[col]}]"


def _nudge(edited: _Edited, X, labels, l2: float, row: int, col: int,
           delta: float, label: str) -> None:  # fmt: skip
    edited.cost_before = gradients(edited.W, edited.b, X, labels, l2=l2).cost
    edited.W, edited.b = nudge(edited.W, edited.b, row, col, delta)
    edited.last_change = f"{label} {delta:+g}"


def _step(edited: _Edited, X, labels, l2: float, alpha: float) -> None:
    step = gradient_step(edited.W, edited.b, X, labels, alpha, l2=l2)
    edited.cost_before = step.cost
    edited.W, edited.b = step.W, step.b
    edited.last_change = tr("inside.step_done", alpha=f"{alpha:g}")


def _reset(edited: _Edited, W: np.ndarray, b: np.ndarray) -> None:
    edited.W, edited.b = W.astype(np.float64), b.astype(np.float64)
    edited.cost_before, edited.last_change = None, ""


def parameters(
    train_set: Data,
    data: Data,
    params: Parameters,
    settings: Any,
    iteration: int,
    names: Sequence[str],
    sizes: Sizes,
    *,
    presenting: bool,
) -> None:
    """The [W b] grid with dW and db, nudges, one gradient step, J and the regions."""
    with st.container(key="training_inside_grid_title"):
        st.subheader(tr("inside.parameters_title", it=iteration), anchor=False)
    if params.hidden_units:
        st.info(tr("inside.hidden_layer", h=params.hidden_units))
        return
    n = params.W1.shape[1]
    if n > MAX_FEATURES:
        st.info(tr("inside.too_many_features", n=n, most=MAX_FEATURES))
        return
    features = list(train_set.feature_names)
    X, labels, l2 = train_set.X, train_set.labels, float(settings.l2)
    alpha = float(settings.learning_rate)
    edited = _edited(params, _origin(train_set, settings, iteration))
    st.markdown(tr("inside.parameters_intro", alpha=f"{alpha:g}"))

    entries = [(r, c) for r in range(len(names)) for c in range(n + 1)]
    now = gradients(edited.W, edited.b, X, labels, l2=l2)
    if ENTRY_KEY not in st.session_state or st.session_state[ENTRY_KEY] not in entries:
        # The entry J is most sensitive to, to start with.
        grid = np.hstack([now.dW, now.db])
        st.session_state[ENTRY_KEY] = entries[int(np.argmax(np.abs(grid)))]
    # Projected: the grid and its buttons beside the plane, so a nudge and
    # what it moves are on one screen. On a laptop: grid | buttons, the plane
    # under them.
    if presenting:
        (work_col, _), (plane_col, plane_sizes) = sized_columns(2, sizes, gap="large")
        grid_col = side_col = work_col
    else:
        grid_col, side_col = st.columns([3, 2], gap="medium")
        plane_col, plane_sizes = st.container(), sizes
    with grid_col:
        chosen = st.session_state[ENTRY_KEY]
        st.html(grid_html(edited.W, edited.b, now.dW, now.db, names, features,
                          chosen=chosen))  # fmt: skip
        st.caption(tr("inside.grid_caption"))
    with side_col:
        row, col = st.selectbox(
            tr("inside.entry"), entries, key=ENTRY_KEY,
            format_func=lambda e: plain(_entry_name(names, features, *e)),
        )  # fmt: skip
        label = _entry_name(names, features, row, col)
        minus, plus = st.columns(2)
        common = (edited, X, labels, l2, row, col)
        minus.button(f"−{NUDGE:g}", key="training_inside_minus", on_click=_nudge,
                     args=(*common, -NUDGE, label), width="stretch")  # fmt: skip
        plus.button(f"+{NUDGE:g}", key="training_inside_plus", on_click=_nudge,
                    args=(*common, NUDGE, label), width="stretch")  # fmt: skip
        step, reset = st.columns(2) if presenting else (st, st)
        step.button(tr("inside.step", alpha=f"{alpha:g}"), key="training_inside_step",
                    on_click=_step, args=(edited, X, labels, l2, alpha),
                    icon=":material/south:", width="stretch")  # fmt: skip
        reset.button(tr("inside.reset", it=iteration), key="training_inside_reset",
                     on_click=_reset, args=(edited, params.W1, params.b1),
                     icon=":material/restart_alt:", width="stretch")  # fmt: skip
    # J where the projected screen shows it changing with the plane.
    with plane_col if presenting else side_col:
        st.html(cost_html(now.cost, edited.cost_before, iteration))
        if edited.last_change:
            st.caption(tr("inside.last_change", change=edited.last_change))
    if data.X.shape[0] == 2:
        grid = class_regions(Parameters(W1=edited.W, b1=edited.b), data.X, points=100)
        plot(
            figures.decision_regions(
                grid.xs, grid.ys, grid.classes, train_set.X, train_set.labels, names,
                plane_sizes, x_label=data.feature_names[0],
                y_label=data.feature_names[1], title=tr("inside.regions_title"),
            ),
            key="training_inside_regions", place=plane_col,
        )  # fmt: skip


def cost_html(cost: float, before: float | None, iteration: int) -> str:
    """J now, and J before the last change with the difference, in large type.

    Not ``st.metric``: the training page's metrics are its run's, counted as such.
    """

    def readout(label: str, which: str, value: float) -> str:
        return (
            f"<div><span class='label'>{html.escape(label)}</span>"
            f"<span class='j' data-j='{which}'>{value:.4f}</span></div>"
        )

    change = ""
    if before is None:
        first = readout(tr("inside.cost_trained", it=iteration), "trained", cost)
    else:
        first = readout(tr("inside.cost_before"), "before", before)
        difference = cost - before
        colour = POSITIVE if difference <= 0 else NEGATIVE
        arrow = "▼" if difference <= 0 else "▲"
        change = (f"<span class='d' data-j='change' style='color:{colour}'>"
                  f"{arrow} {difference:+.4f}</span>")  # fmt: skip
    return (
        "<style>.j-readout{display:flex;gap:1.5em;flex-wrap:wrap;align-items:end}"
        ".j-readout .label{display:block;font-size:.9em;color:#333}"
        ".j-readout .j{font-size:1.9em;font-weight:600;"
        "font-variant-numeric:tabular-nums}"
        ".j-readout .d{font-size:1.1em;font-weight:600;padding-bottom:.4em}</style>"
        f"<div class='j-readout'>{first}"
        f"{readout(tr('inside.cost_now'), 'now', cost)}{change}</div>"
    )


def _markup_free(name: str) -> str:
    # Names arrive with their punctuation as character references (text.as_typed),
    # which HTML shows as the characters; < and > are kept out all the same.
    return str(name).replace("<", "&lt;").replace(">", "&gt;")


def _cell_colour(value: float, reach: float) -> str:
    # Blue for positive, vermillion for negative, stronger the larger |value|.
    colour = POSITIVE if value >= 0 else NEGATIVE
    r, g, b = (int(colour[k : k + 2], 16) for k in (1, 3, 5))
    alpha = 0.08 + 0.5 * min(abs(value) / reach, 1.0) if reach > 0 else 0.08
    return f"rgba({r},{g},{b},{alpha:.2f})"


def grid_html(
    W: np.ndarray,
    b: np.ndarray,
    dW: np.ndarray,
    db: np.ndarray,
    names: Sequence[str],
    features: Sequence[str],
    *,
    chosen: tuple[int, int] | None = None,
) -> str:
    """[W b] as an HTML table: each value over its gradient, coloured by sign."""
    values = np.hstack([W, b.reshape(-1, 1)])
    grads = np.hstack([dW, db.reshape(-1, 1)])
    reach = float(np.max(np.abs(values))) if values.size else 0.0
    head = "".join(
        f"<th>{_markup_free(f)}</th>" for f in [*features, "b"]
    )
    rows = []
    for r, name in enumerate(names):
        cells = []
        for c in range(values.shape[1]):
            v, g = values[r, c], grads[r, c]
            sign = POSITIVE if g >= 0 else NEGATIVE
            ring = " class='chosen'" if chosen == (r, c) else ""
            gradient = "db" if c == values.shape[1] - 1 else "dW"
            cells.append(
                f"<td{ring} style='background:{_cell_colour(v, reach)}'>"
                f"<span class='v'>{v:+.3f}</span>"
                f"<span class='g' style='color:{sign}'>{gradient} {g:+.4f}</span></td>"
            )
        rows.append(f"<tr><th>{_markup_free(name)}</th>{''.join(cells)}</tr>")
    return (
        "<style>"
        ".wb-grid{overflow-x:auto;max-width:100%}"
        ".wb-grid table{border-collapse:collapse;font-variant-numeric:tabular-nums}"
        ".wb-grid th,.wb-grid td{border:1px solid #C8D0D9;padding:.2em .45em;"
        "text-align:right;white-space:nowrap}"
        ".wb-grid th{font-weight:600;background:#F4F6F8}"
        ".wb-grid .v{display:block;font-size:1.1em;font-weight:600}"
        ".wb-grid .g{display:block;font-size:.8em}"
        ".wb-grid td.chosen{outline:3px solid #111;outline-offset:-3px}"
        "@media (max-width:640px){.wb-grid{font-size:.85em}}"
        "</style>"
        f"<div class='wb-grid'><table><thead><tr><th></th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
