"""Plotly figure builders: numbers in (computed by ``softmax_core``), figures out.

No math happens here; every builder takes values the core computed, the
labels to show (already translated) and the sizes of the display mode.

Each figure is written as plain trace and layout dicts and wrapped once (see
:func:`_figure`), not assembled with ``update_layout`` calls: plotly resolves
and validates every property of every such call, which made the training page's
five figures most of its run time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from .style import (
    CELL_SCALE,
    FONT_FAMILY,
    HARDMAX_COLOUR,
    HIGHLIGHT,
    MUTED,
    NEGATIVE,
    POSITIVE,
    SOFTMAX_COLOUR,
    TEST_COLOUR,
    Sizes,
    class_colour,
)

#: Validate every property of every figure, as ``go.Figure`` does by default.
#: Off when serving: the dicts below are fixed in code, and plotly's validation
#: costs about 10 ms a figure. The tests turn it on (``SOFTMAX_VALIDATE_FIGURES=1``),
#: so a misspelt property fails there.
VALIDATE = os.environ.get("SOFTMAX_VALIDATE_FIGURES", "") not in ("", "0")

Trace = dict[str, Any]

# The title's room to the left, and the plot's to the right: a title that
# wraps ends at the latest where the plot does.
_TITLE_PAD = 8
_MARGIN_RIGHT = 30


def _figure(data: list[Trace], layout: dict[str, Any]) -> go.Figure:
    """One figure from its traces and layout, validated only when :data:`VALIDATE`."""
    if VALIDATE:
        return go.Figure({"data": data, "layout": layout})
    try:
        return go.Figure({"data": data, "layout": layout}, _validate=False)
    except (TypeError, ValueError):  # a plotly that no longer has the switch
        return go.Figure({"data": data, "layout": layout})


def _axis(sizes: Sizes, title: str | None = None, **props: Any) -> dict[str, Any]:
    # Tick labels and axis titles explicitly: Streamlit's chart theme sets them
    # to three quarters of its base type, too small to read from the back row.
    axis_title: dict[str, Any] = {"font": {"size": sizes.font, "color": "#111111"}}
    if title is not None:
        axis_title["text"] = title
    return {
        "gridcolor": "#DDE3EA",
        "zerolinecolor": "#9AA5B1",
        "automargin": True,
        "tickfont": {"size": sizes.tick, "color": "#333333"},
        **props,
        "title": axis_title,
    }


def _layout(
    sizes: Sizes,
    data: list[Trace],
    title: str = "",
    *,
    height: int | None = None,
    xaxis: dict[str, Any] | None = None,
    yaxis: dict[str, Any] | None = None,
    legend_below: bool = False,
    wrap_title: bool = False,
    level_with: str = "",
    **extra: Any,
) -> dict[str, Any]:
    """The layout every figure shares: title top left, large type, white ground.

    ``xaxis`` and ``yaxis`` are the output of :func:`_axis`. With
    ``legend_below`` the legend goes under the x axis, where it has room for as
    many lines as it needs (a legend of more than a line or two would run into
    the title above the plot). With ``wrap_title`` a title too wide for the
    figure (``sizes.width``) goes on two lines (see :func:`_two_lines`): plotly
    never wraps one, and cuts it at the figure's edge. ``level_with`` is the
    title of a figure drawn beside this one, with the same sizes, that wraps
    its title: both leave room for the taller of the two titles, so the two
    plots start level.
    """
    lines = _two_lines(title, sizes) if wrap_title else None
    tall = lines is not None or (
        bool(level_with) and _two_lines(level_with, sizes) is not None
    )
    # Room at the top for the title and, under it, a one-line legend.
    legend = {"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0,
              "font": {"size": sizes.font}}
    title_room = 3 * sizes.title + 8 if tall else 2 * sizes.title
    top = title_room + (2 * sizes.font if _shows_legend(data, extra) else 0)
    height = height or sizes.height
    if legend_below:
        legend.update(yref="container", y=0, yanchor="bottom", x=0)
        top = title_room
        height += 3 * sizes.font
    return {
        "title": {
            "text": lines or title,
            "font": {"size": sizes.title},
            "x": 0,
            "xanchor": "left",
            "y": 1,
            "yanchor": "top",
            "yref": "container",
            # Plotly centres two lines where one would be: moved down by half
            # the second line, the first stays inside the figure.
            "pad": {"t": 8 + round(0.7 * sizes.title) if lines else 8, "l": _TITLE_PAD},
        },
        "font": {"family": FONT_FAMILY, "size": sizes.font, "color": "#111111"},
        "height": height,
        "margin": {"l": 20, "r": _MARGIN_RIGHT, "t": top if title else 20, "b": 20},
        "plot_bgcolor": "#FFFFFF",
        "paper_bgcolor": "#FFFFFF",
        "legend": legend,
        "xaxis": xaxis if xaxis is not None else _axis(sizes),
        "yaxis": yaxis if yaxis is not None else _axis(sizes),
        **extra,
    }


def _shows_legend(data: list[Trace], extra: dict[str, Any]) -> bool:
    # Plotly draws a legend for two or more traces unless told otherwise.
    if "showlegend" in extra:
        return bool(extra["showlegend"])
    return sum(trace.get("showlegend") is not False for trace in data) > 1


def _bar_text(sizes: Sizes) -> dict[str, Any]:
    # Values printed above their bars, not clipped at the top of the plot.
    return {"textposition": "outside", "textfont": {"size": sizes.bar_text},
            "cliponaxis": False}


def softmax_hardmax_bars(
    names: Sequence[str],
    soft: np.ndarray,
    hard: np.ndarray,
    sizes: Sizes,
    *,
    soft_label: str,
    hard_label: str,
    title: str = "",
) -> go.Figure:
    """Softmax and hardmax side by side per class, values printed, winner outlined."""
    winner = int(np.argmax(soft))
    outline = [4 if k == winner else 0 for k in range(len(names))]
    data = [
        {
            "type": "bar",
            "name": soft_label,
            "x": list(names),
            "y": soft,
            "marker": {"color": SOFTMAX_COLOUR,
                       "line": {"width": outline, "color": HIGHLIGHT}},
            "text": [f"{v:.3f}" for v in soft],
            **_bar_text(sizes),
        },
        {
            "type": "bar",
            "name": hard_label,
            "x": list(names),
            "y": hard,
            "marker": {"color": HARDMAX_COLOUR},
            "text": [f"{v:.0f}" for v in hard],
            **_bar_text(sizes),
        },
    ]
    return _figure(data, _layout(
        sizes, data, title, barmode="group", bargap=0.25,
        yaxis=_axis(sizes, range=[0, 1.18], tickformat=".1f"),
    ))


def signed_bars(
    names: Sequence[str],
    values: np.ndarray,
    sizes: Sizes,
    *,
    title: str = "",
    level_with: str = "",
) -> go.Figure:
    """Signed bars (e.g. dz = ŷ − y): negative in one colour, positive in another.

    ``level_with``: the title of a chart beside it that wraps its title, such
    as :func:`loss_curve`'s (see :func:`_layout`).
    """
    data = [{
        "type": "bar",
        "x": list(names),
        "y": values,
        "marker": {"color": [NEGATIVE if v < 0 else POSITIVE for v in values]},
        "text": [f"{v:+.3f}" for v in values],
        **_bar_text(sizes),
    }]
    return _figure(data, _layout(
        sizes, data, title, showlegend=False, level_with=level_with,
        yaxis=_axis(sizes, range=[-1.25, 1.25], zeroline=True, zerolinewidth=2),
    ))


def loss_curve(
    p: np.ndarray,
    curve: np.ndarray,
    point_p: float,
    point_loss: float,
    sizes: Sizes,
    *,
    x_label: str,
    y_label: str,
    title: str = "",
    level_with: str = "",
) -> go.Figure:
    """The curve L = −log p with the current example's point marked.

    A title too long for ``sizes.width`` goes on two lines: plotly never wraps
    one, and on a laptop the curve gets half the page's width, 340 to 380
    pixels. ``level_with``: the title of a chart beside it (see :func:`_layout`).
    """
    data = [
        {
            "type": "scatter",
            "x": p,
            "y": curve,
            "mode": "lines",
            "line": {"width": sizes.line, "color": MUTED},
            "name": "−log p",
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "x": [point_p],
            "y": [point_loss],
            "mode": "markers+text",
            "marker": {"size": sizes.marker, "color": HIGHLIGHT},
            "text": [f"L = {point_loss:.3f}"],
            # Towards the middle, so large type is not cut at p = 1.
            "textposition": "top left" if point_p > 0.5 else "top right",
            "textfont": {"size": sizes.bar_text},
            "name": "L",
        },
    ]
    return _figure(data, _layout(
        sizes, data, title, showlegend=False, wrap_title=True, level_with=level_with,
        xaxis=_axis(sizes, x_label, range=[0, 1.02]),
        yaxis=_axis(sizes, y_label, range=[0, max(5.5, point_loss + 0.8)]),
    ))


def _two_lines(title: str, sizes: Sizes) -> str | None:
    # A title too long for one line of a figure sizes.width wide, broken where the
    # longer line is shortest, after a full-width comma rather than at a space
    # if that costs little; None if it fits as it is.
    def width(text: str) -> float:
        # In ems of the title's bold type: a CJK character is about 1, the
        # rest at most about half (on average nearer 0.45).
        return sum(1.0 if "\u2e80" <= ch <= "\uffef" else 0.5 for ch in text)

    room = (sizes.width - _TITLE_PAD - _MARGIN_RIGHT) / sizes.title
    breaks = [i for i, ch in enumerate(title) if ch in " ，、；："]
    if width(title) <= room or not breaks:
        return None
    cut = min(
        breaks,
        key=lambda i: max(width(title[: i + 1]), width(title[i + 1 :]))
        + (1.5 if title[i] == " " else 0),
    )
    return f"{title[: cut + 1].rstrip()}<br>{title[cut + 1 :].lstrip()}"


def descent_trace(
    losses: Sequence[float],
    p_true: Sequence[float],
    sizes: Sizes,
    *,
    loss_label: str,
    p_label: str,
    x_label: str,
    title: str = "",
    level_with: str = "",
) -> go.Figure:
    """L falling and ŷ of the true class rising over gradient steps on z.

    Drawn beside :func:`loss_curve` in the lecture, in a column as wide: a
    title too long for ``sizes.width`` goes on two lines, as the curve's does.
    Given the curve's title as ``level_with`` (and the curve this one's), both
    leave room for the taller title, so the two plots start level even when
    only one title takes two lines. The legend goes under the plot, clear of
    the title, and the figure is as tall as the curve's.
    """
    steps = list(range(len(losses)))
    marker = {"size": sizes.marker // 2 + 4}
    data = [
        {
            "type": "scatter",
            "x": steps,
            "y": list(losses),
            "mode": "lines+markers",
            "name": loss_label,
            "line": {"width": sizes.line, "color": NEGATIVE},
            "marker": marker,
        },
        {
            "type": "scatter",
            "x": steps,
            "y": list(p_true),
            "mode": "lines+markers",
            "name": p_label,
            "line": {"width": sizes.line, "color": POSITIVE, "dash": "dot"},
            "marker": marker,
            "yaxis": "y2",
        },
    ]
    x_props = {"dtick": 1} if len(steps) <= 15 else {}
    return _figure(data, _layout(
        sizes, data, title, legend_below=True, wrap_title=True, level_with=level_with,
        # As tall as the loss curve beside it: the legend's row comes out of
        # the plot, not out of a projected step's last lines.
        height=sizes.height - 3 * sizes.font,
        xaxis=_axis(sizes, x_label, **x_props),
        yaxis=_axis(sizes, loss_label, rangemode="tozero"),
        yaxis2=_axis(sizes, p_label, overlaying="y", side="right", range=[0, 1.05],
                     dtick=0.2, tickformat=".1f", showgrid=False),
    ))


def two_class_curves(
    difference: np.ndarray,
    softmax_1: np.ndarray,
    sigmoid: np.ndarray,
    point_difference: float,
    point_value: float,
    sizes: Sizes,
    *,
    softmax_label: str,
    sigmoid_label: str,
    x_label: str,
    title: str = "",
) -> go.Figure:
    """Softmax output 1 and σ(z1 − z2) over z1 − z2: two curves that coincide."""
    data = [
        {
            "type": "scatter",
            "x": difference,
            "y": softmax_1,
            "mode": "lines",
            "name": softmax_label,
            "line": {"width": sizes.line * 2.2, "color": SOFTMAX_COLOUR},
        },
        {
            "type": "scatter",
            "x": difference,
            "y": sigmoid,
            "mode": "lines",
            "name": sigmoid_label,
            "line": {"width": sizes.line, "color": HARDMAX_COLOUR, "dash": "dash"},
        },
        {
            "type": "scatter",
            "x": [point_difference],
            "y": [point_value],
            "mode": "markers+text",
            "marker": {
                "size": sizes.marker + 4,
                "color": HIGHLIGHT,
                "line": {"width": 2, "color": "#111111"},
            },
            "text": [f"{point_value:.3f}"],
            "textposition": "middle left",
            "textfont": {"size": sizes.bar_text},
            "showlegend": False,
        },
    ]
    return _figure(data, _layout(
        sizes, data, title,
        xaxis=_axis(sizes, x_label),
        yaxis=_axis(sizes, range=[-0.03, 1.05], tickformat=".1f"),
    ))


def cost_curve(
    costs: np.ndarray,
    accuracies: np.ndarray,
    current: int,
    sizes: Sizes,
    *,
    cost_label: str,
    accuracy_label: str,
    x_label: str,
    title: str = "",
    test_costs: np.ndarray | None = None,
    test_accuracies: np.ndarray | None = None,
    test_cost_label: str = "",
    test_accuracy_label: str = "",
    diverged_at: int | None = None,
    diverged_label: str = "",
) -> go.Figure:
    """J over gradient-descent iterations, accuracy on a second axis.

    With a held-out test set its J (solid) and accuracy (dotted) are drawn
    too, in the test set's colour, so the gap between the two sets shows.
    ``diverged_at``, the iteration where J is seen to diverge, gets a cross
    and ``diverged_label`` beside it.
    """
    its = np.arange(len(costs))
    current = int(min(max(current, 0), len(costs) - 1))
    tested = test_costs is not None and len(test_costs) > 0
    train_lines = _history_lines(
        its, costs, accuracies, (cost_label, accuracy_label),
        (SOFTMAX_COLOUR, HARDMAX_COLOUR), sizes,
    )
    test_lines = _history_lines(
        its, test_costs, test_accuracies, (test_cost_label, test_accuracy_label),
        (TEST_COLOUR, TEST_COLOUR), sizes,
    ) if tested else []
    data = [
        *train_lines,
        {
            "type": "scatter",
            "x": [current],
            "y": [costs[current]],
            "mode": "markers+text",
            "marker": {"size": sizes.marker + 2, "color": HIGHLIGHT},
            "text": [f"J = {costs[current]:.3f}"],
            "textposition": "top left" if current > len(costs) / 2 else "top right",
            "textfont": {"size": sizes.bar_text},
            "showlegend": False,
        },
        *test_lines,
    ]
    notes = []
    if diverged_at is not None and len(costs):
        at = int(min(max(diverged_at, 0), len(costs) - 1))
        late = at > len(costs) / 2  # the note to the left of the cross
        data.append({
            "type": "scatter",
            "x": [at],
            "y": [costs[at]],
            "mode": "markers",
            "name": diverged_label,
            "marker": {"size": sizes.marker + 8, "color": NEGATIVE, "symbol": "x",
                       "line": {"width": 2, "color": "#FFFFFF"}},
            "showlegend": False,
        })
        # A note on white with an arrow: over a curve that oscillates, text
        # drawn straight onto the plot would be lost in it.
        notes.append({
            "x": at, "y": float(costs[at]), "xref": "x", "yref": "y",
            "text": diverged_label, "showarrow": True, "arrowcolor": NEGATIVE,
            "arrowwidth": 2, "ax": -sizes.font if late else sizes.font,
            "ay": -2 * sizes.font, "xanchor": "right" if late else "left",
            "font": {"size": sizes.font, "color": NEGATIVE},
            "bgcolor": "rgba(255,255,255,0.92)", "bordercolor": NEGATIVE,
            "borderpad": 4,
        })
    return _figure(data, _layout(
        sizes, data, title, legend_below=True,
        xaxis=_axis(sizes, x_label),
        yaxis=_axis(sizes, cost_label, rangemode="tozero"),
        yaxis2=_axis(sizes, accuracy_label, overlaying="y", side="right",
                     range=[0, 1.02], tickformat=".0%", dtick=0.2, showgrid=False),
        **({"annotations": notes} if notes else {}),
    ))


def _history_lines(
    its: np.ndarray,
    costs: np.ndarray,
    accuracies: np.ndarray,
    names: tuple[str, str],
    colours: tuple[str, str],
    sizes: Sizes,
) -> list[Trace]:
    # J as a solid line on the left axis, accuracy dotted on the right one.
    return [
        {
            "type": "scatter",
            "x": its,
            "y": costs,
            "mode": "lines",
            "name": names[0],
            "line": {"width": sizes.line, "color": colours[0]},
        },
        {
            "type": "scatter",
            "x": its,
            "y": accuracies,
            "mode": "lines",
            "name": names[1],
            "yaxis": "y2",
            "line": {"width": sizes.line * 0.7, "color": colours[1], "dash": "dot"},
        },
    ]


def decision_regions(
    xs: np.ndarray,
    ys: np.ndarray,
    classes: np.ndarray,
    X: np.ndarray,
    labels: np.ndarray,
    names: Sequence[str],
    sizes: Sizes,
    *,
    x_label: str,
    y_label: str,
    title: str = "",
    test_X: np.ndarray | None = None,
    test_labels: np.ndarray | None = None,
    test_label: str = "",
    highlight: Sequence[float] | None = None,
    highlight_label: str = "",
) -> go.Figure:
    """Regions of the predicted class, tinted per class, with the data on top.

    Held-out test examples, if given, are drawn as open diamonds in their
    class's colour. ``highlight``, the (x₁, x₂) of one example, is ringed and
    named ``highlight_label`` in the legend.
    """
    count = len(names)
    # A stepped colour scale: class k fills [k, k+1) of the range 0 … C.
    scale = []
    for k in range(count):
        scale += [[k / count, class_colour(k)], [(k + 1) / count, class_colour(k)]]
    data: list[Trace] = [{
        "type": "heatmap",
        "x": xs,
        "y": ys,
        "z": classes + 0.5,
        "zmin": 0,
        "zmax": count,
        "colorscale": scale,
        "opacity": 0.28,
        "showscale": False,
        "hoverinfo": "skip",
    }]
    size = max(sizes.marker // 2, 6)
    data += _class_points(
        X, labels, count, lambda k: names[k],
        {"size": size, "line": {"width": 1, "color": "#111111"}},
    )
    if test_X is not None and test_labels is not None and test_labels.size:
        marker = {"size": size + 4, "symbol": "diamond-open", "line": {"width": 2.5}}
        # One legend entry, in black, for the test examples of every class.
        data.append({
            "type": "scattergl", "x": [], "y": [], "mode": "markers",
            "name": test_label, "legendgroup": "test",
            "marker": {**marker, "color": "#111111"},
        })
        data += _class_points(
            test_X, test_labels, count, lambda k: f"{names[k]} ({test_label})",
            marker, legendgroup="test", showlegend=False,
        )
    if highlight is not None:
        data.append({
            "type": "scatter", "x": [highlight[0]], "y": [highlight[1]],
            "mode": "markers", "name": highlight_label, "hoverinfo": "name",
            "marker": {"size": 3 * size + 10, "symbol": "circle-open",
                       "color": "#111111", "line": {"width": max(3, sizes.line)}},
        })
    return _figure(data, _layout(
        sizes, data, title, legend_below=True,
        xaxis=_axis(sizes, x_label, range=[xs[0], xs[-1]]),
        yaxis=_axis(sizes, y_label, range=[ys[0], ys[-1]], scaleanchor="x"),
    ))


def _class_points(
    X: np.ndarray,
    labels: np.ndarray,
    count: int,
    name: Callable[[int], str],
    marker: dict[str, Any],
    **extra: Any,
) -> list[Trace]:
    # One trace per class: its examples (columns of X) in the class's colour.
    return [
        {
            "type": "scattergl",
            "x": X[0, labels == k],
            "y": X[1, labels == k],
            "mode": "markers",
            "name": name(k),
            "marker": {**marker, "color": class_colour(k)},
            **extra,
        }
        for k in range(count)
    ]


def _cell_heatmap(
    z: np.ndarray, x: list[str], y: list[str], zmax: float, sizes: Sizes,
    text_format: str,
) -> Trace:
    # Blue cells with their values printed, formatted by plotly in the browser.
    return {
        "type": "heatmap",
        "z": z,
        "x": x,
        "y": y,
        "zmin": 0,
        "zmax": zmax,
        "colorscale": CELL_SCALE,
        "showscale": False,
        "texttemplate": f"%{{z:{text_format}}}",
        "textfont": {"size": sizes.font},
    }


def matrix_heatmap(
    matrix: np.ndarray,
    row_names: Sequence[str],
    column_names: Sequence[str],
    sizes: Sizes,
    *,
    title: str = "",
    examples: Sequence[int] | None = None,
    highlight_column: int | None = None,
) -> go.Figure:
    """A C×m matrix (Y or Ŷ) as a heatmap with its values printed in the cells.

    With ``examples`` (each column's example index) every cell can be clicked
    to select its column: an invisible point per cell carries the example, as
    plotly selects points but not heatmap cells. Column ``highlight_column``
    (a position among the columns) is framed.
    """
    columns, rows = list(column_names), list(row_names)
    data = [_cell_heatmap(matrix, columns, rows, 1, sizes, ".2f")]
    if examples is not None:
        data[0]["hoverinfo"] = "skip"
        invisible = {"opacity": 0}
        data.append({
            "type": "scatter",
            "x": [c for c in columns for _ in rows],
            "y": rows * len(columns),
            "customdata": [int(e) for e in examples for _ in rows],
            "mode": "markers",
            "marker": {"size": 2 * sizes.font, "symbol": "square", "opacity": 0},
            "selected": {"marker": invisible},
            "unselected": {"marker": invisible},
            # Names as the page passes them (character references, no markup).
            "text": [f"{c} · {r}: {v:.3f}" for c, column in
                     zip(columns, np.asarray(matrix).T, strict=True)
                     for r, v in zip(rows, column, strict=True)],
            "hoverinfo": "text",
            "showlegend": False,
        })
    layout = _layout(
        sizes, data, title, height=max(220, 3 * sizes.font * len(row_names) + 90),
        xaxis=_axis(sizes, type="category", side="top"),
        yaxis=_axis(sizes, autorange="reversed", type="category"),
    )
    if highlight_column is not None:
        layout["shapes"] = [{
            "type": "rect", "xref": "x", "yref": "y domain",
            "x0": highlight_column - 0.5, "x1": highlight_column + 0.5,
            "y0": 0, "y1": 1, "line": {"width": max(3, sizes.line), "color": HIGHLIGHT},
        }]
    if title:  # the column labels on a line of their own, under the title
        layout["margin"]["t"] += 2 * sizes.tick
    return _figure(data, layout)


def logit_bars(
    names: Sequence[str],
    z: np.ndarray,
    sizes: Sizes,
    *,
    title: str = "",
) -> go.Figure:
    """The entries of z[L], one bar per class in its colour, values printed."""
    reach = max(6.0, float(np.max(np.abs(z))) + 1.5)
    data = [{
        "type": "bar",
        "x": list(names),
        "y": z,
        "marker": {"color": [class_colour(k) for k in range(len(names))]},
        "text": [f"{v:.1f}" for v in z],
        **_bar_text(sizes),
    }]
    return _figure(data, _layout(
        sizes, data, title, showlegend=False,
        yaxis=_axis(sizes, range=[-reach, reach], zeroline=True, zerolinewidth=2),
    ))


def example_losses(
    losses: np.ndarray,
    labels: np.ndarray,
    names: Sequence[str],
    cost: float,
    sizes: Sizes,
    *,
    x_label: str,
    y_label: str,
    cost_label: str,
    title: str = "",
) -> go.Figure:
    """One bar per example, L(ŷ(i), y(i)) in its class's colour, and J as a line."""
    examples = np.arange(1, len(losses) + 1)
    data = [
        {
            "type": "bar",
            "x": examples[labels == k],
            "y": losses[labels == k],
            "name": name,
            "marker": {"color": class_colour(k), "line": {"width": 0}},
            # A class's examples are not evenly spaced: fix the width, or
            # plotly widens a sparse class's bars over its neighbours.
            "width": 0.8,
        }
        for k, name in enumerate(names)
    ]
    # J as a dashed line across the plot, its value written at the top right.
    line = {"type": "line", "xref": "x domain", "x0": 0, "x1": 1, "yref": "y",
            "y0": cost, "y1": cost,
            "line": {"width": sizes.line, "color": "#111111", "dash": "dash"}}
    note = {"text": f"{cost_label} = {cost:.3f}", "font": {"size": sizes.bar_text},
            "bgcolor": "rgba(255,255,255,0.85)", "showarrow": False,
            "xref": "x domain", "x": 1, "xanchor": "right",
            "yref": "y", "y": cost, "yanchor": "bottom"}
    # One bar per example: the class traces share the x axis without offsets.
    return _figure(data, _layout(
        sizes, data, title, barmode="overlay", shapes=[line], annotations=[note],
        xaxis=_axis(sizes, x_label, range=[0.5, len(losses) + 0.5]),
        yaxis=_axis(sizes, y_label,
                    range=[0, max(float(np.max(losses)) * 1.08, cost * 1.6, 0.5)]),
    ))


def confusion_heatmap(
    counts: np.ndarray,
    names: Sequence[str],
    sizes: Sizes,
    *,
    true_label: str,
    predicted_label: str,
    title: str = "",
) -> go.Figure:
    """A C×C confusion matrix: rows the true class, columns the predicted one."""
    names = list(names)
    data = [_cell_heatmap(counts, names, names, max(int(counts.max()), 1), sizes, "d")]
    return _figure(data, _layout(
        sizes, data, title, height=max(260, 3 * sizes.font * len(names) + 140),
        xaxis=_axis(sizes, predicted_label, type="category"),
        yaxis=_axis(sizes, true_label, autorange="reversed", type="category"),
    ))
