"""The figure of one gradient step on z[L]: arrows −α·dz on the logits, animated.

Numbers in (from ``softmax_core.step_on_z_frames``), a figure out, as in
:mod:`softmax_ui.figures`, whose layout helpers it shares. Left, the bars of
z[L] with an arrow on each from z_j to z_j − α dz_j, coloured by the sign of
dz_j as the dz bars are; right, ŷ = softmax(z). Its frames move both from the
start to one full step, and a play button runs them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from .figures import VALIDATE, Trace, _axis, _bar_text, _layout
from .style import HIGHLIGHT, NEGATIVE, POSITIVE, SOFTMAX_COLOUR, Sizes

BAR_FILL = "#D5DCE3"  # light, so the coloured arrows stand out on the bars
BAR_LINE = "#5B6570"
FRAME_MS = 90  # 13 frames: a step in a little over a second


def _z_bars(positions: list[int], z: np.ndarray, sizes: Sizes) -> Trace:
    return {
        "type": "bar",
        "x": positions,
        "y": [float(v) for v in z],  # lists: a frame's data is read by the tests
        "marker": {"color": BAR_FILL, "line": {"width": 2, "color": BAR_LINE}},
        "text": [f"{v:.2f}" for v in z],
        "textposition": "inside",
        "insidetextanchor": "start",  # by the axis: clear of the arrows
        "textfont": {"size": sizes.tick},
        "width": 0.55,
        "hoverinfo": "skip",
    }


def _y_hat_bars(
    positions: list[int], y_hat: np.ndarray, true_class: int, sizes: Sizes
) -> Trace:
    outline = [4 if k == true_class else 0 for k in positions]
    return {
        "type": "bar",
        "x": positions,
        "y": [float(v) for v in y_hat],
        "xaxis": "x2",
        "yaxis": "y2",
        "marker": {"color": SOFTMAX_COLOUR, "line": {"width": outline,
                                                   "color": HIGHLIGHT}},
        "text": [f"{v:.3f}" for v in y_hat],
        **_bar_text(sizes),
        "hoverinfo": "skip",
    }  # fmt: skip


def step_on_z(
    names: Sequence[str],
    z_frames: np.ndarray,
    y_hat_frames: np.ndarray,
    dz: np.ndarray,
    true_class: int,
    sizes: Sizes,
    *,
    title: str,
    z_title: str,
    y_hat_title: str,
    play: str,
) -> go.Figure:
    """z[L] with an arrow −α·dz_j on each entry, ŷ beside it, one step animated.

    ``z_frames`` and ``y_hat_frames`` are frames × C (row 0 the start, the
    last one step on); ``dz`` is ŷ − y at the start. Each arrow is labelled
    with its length −α·dz_j and coloured by the
    sign of dz_j (as :func:`softmax_ui.figures.signed_bars` colours dz): the
    true class's dz is negative and its arrow points up.
    """
    positions = list(range(len(names)))
    start, end = z_frames[0], z_frames[-1]
    low = min(0.0, float(np.min(z_frames)))
    high = max(0.0, float(np.max(z_frames)))
    pad = 0.18 * max(high - low, 1.0)
    data = [
        _z_bars(positions, start, sizes),
        _y_hat_bars(positions, y_hat_frames[0], true_class, sizes),
    ]
    annotations: list[dict[str, Any]] = []
    for k in positions:
        colour = NEGATIVE if dz[k] < 0 else POSITIVE
        move = float(end[k] - start[k])
        annotations.append({
            "x": k, "y": float(end[k]), "ax": k, "ay": float(start[k]),
            "xref": "x", "yref": "y", "axref": "x", "ayref": "y",
            "showarrow": True, "arrowhead": 2, "arrowsize": 1.1,
            "arrowwidth": max(3.0, sizes.line), "arrowcolor": colour, "text": "",
        })  # fmt: skip
        # The move printed just past the arrow's head, in the arrow's colour.
        annotations.append({
            "x": k, "y": float(end[k]), "xref": "x", "yref": "y",
            "text": f"<b>{move:+.2f}</b>", "showarrow": False,
            "yanchor": "bottom" if move > 0 else "top",
            "yshift": 6 if move > 0 else -6,
            "font": {"size": sizes.bar_text, "color": colour},
        })  # fmt: skip
    ticks = {"tickmode": "array", "tickvals": positions, "ticktext": list(names)}
    layout = _layout(
        sizes, data, title, showlegend=False,
        height=sizes.height + 3 * sizes.font,
        xaxis=_axis(sizes, z_title, domain=[0.0, 0.58],
                    range=[-0.5, len(names) - 0.05], **ticks),
        yaxis=_axis(sizes, range=[low - pad, high + pad], zeroline=True,
                    zerolinewidth=2),
        xaxis2=_axis(sizes, y_hat_title, domain=[0.66, 1.0], anchor="y2", **ticks),
        yaxis2=_axis(sizes, anchor="x2", range=[0, 1.18], tickformat=".1f"),
        annotations=annotations,
        updatemenus=[{
            "type": "buttons", "showactive": False, "direction": "left",
            # Top left, under the title: in view where a phone scrolls the
            # chart sideways (softmax_ui/phone.css).
            "x": 0.0, "xanchor": "left", "y": 1.0, "yanchor": "bottom",
            "pad": {"b": sizes.font // 2},
            "font": {"size": sizes.font},
            "buttons": [{
                "label": play, "method": "animate",
                # Every frame by name (None would say so too, but is written
                # as null, which reads as a NaN in the figure's JSON).
                "args": [
                    [str(i) for i in range(len(z_frames))],
                    {"frame": {"duration": FRAME_MS, "redraw": True},
                     "transition": {"duration": 0}, "fromcurrent": False,
                     "mode": "immediate"},
                ],
            }],
        }],
    )  # fmt: skip
    # Room above the plots for the play button, under the figure's title.
    layout["margin"]["t"] += 2 * sizes.font
    frames = [
        {
            "name": str(i),
            "data": [
                _z_bars(positions, z_row, sizes),
                _y_hat_bars(positions, y_row, true_class, sizes),
            ],
            "traces": [0, 1],
        }
        for i, (z_row, y_row) in enumerate(zip(z_frames, y_hat_frames, strict=True))
    ]
    spec = {"data": data, "layout": layout, "frames": frames}
    if VALIDATE:
        return go.Figure(spec)
    return go.Figure(spec, _validate=False)
