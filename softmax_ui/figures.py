"""Plotly figure builders: numbers in (computed by ``softmax_core``), figures out.

No math happens here; every builder takes values the core computed, the
labels to show (already translated) and the sizes of the display mode.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from .style import (
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


def _layout(
    fig: go.Figure, sz: Sizes, title: str = "", height: int | None = None, **extra
) -> go.Figure:
    fig.update_layout(
        title={
            "text": title,
            "font": {"size": sz.title},
            "x": 0,
            "xanchor": "left",
            "y": 1,
            "yanchor": "top",
            "yref": "container",
            "pad": {"t": 8, "l": 8},
        },
        font={"family": FONT_FAMILY, "size": sz.font, "color": "#111111"},
        height=height or sz.height,
        # Room at the top for the title and, under it, a one-line legend.
        margin={
            "l": 20,
            "r": 30,
            "t": (
                (2 * sz.title + (2 * sz.font if _shows_legend(fig, extra) else 0))
                if title
                else 20
            ),
            "b": 20,
        },
        plot_bgcolor="#FFFFFF",
        paper_bgcolor="#FFFFFF",
        legend={
            "orientation": "h",
            "y": 1.0,
            "yanchor": "bottom",
            "x": 0,
            "font": {"size": sz.font},
        },
        **extra,
    )
    # Tick labels and axis titles explicitly: Streamlit's chart theme sets them
    # to three quarters of its base type, too small to read from the back row.
    grid = {
        "gridcolor": "#DDE3EA",
        "zerolinecolor": "#9AA5B1",
        "automargin": True,
        "tickfont": {"size": sz.tick, "color": "#333333"},
        "title_font": {"size": sz.font, "color": "#111111"},
    }
    fig.update_xaxes(**grid)
    fig.update_yaxes(**grid)
    return fig


def _shows_legend(fig: go.Figure, extra: dict) -> bool:
    # Plotly draws a legend for two or more traces unless told otherwise.
    if "showlegend" in extra:
        return bool(extra["showlegend"])
    return sum(trace.showlegend is not False for trace in fig.data) > 1


def _legend_below(fig: go.Figure) -> go.Figure:
    # A legend of more than a line or two would run into the title above the
    # plot; below the x axis it has room for as many lines as it needs. The
    # room _layout kept for it under the title goes to the plot.
    title = fig.layout.title
    fig.update_layout(
        legend={"yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
        margin={"b": 20, "t": 2 * title.font.size if title.text else 20},
        height=fig.layout.height + 3 * fig.layout.legend.font.size,
    )
    return fig


def softmax_hardmax_bars(
    names: Sequence[str],
    soft: np.ndarray,
    hard: np.ndarray,
    sz: Sizes,
    *,
    soft_label: str,
    hard_label: str,
    title: str = "",
) -> go.Figure:
    """Softmax and hardmax side by side per class, values printed, winner outlined."""
    winner = int(np.argmax(soft))
    outline = [4 if k == winner else 0 for k in range(len(names))]
    fig = go.Figure(
        [
            go.Bar(
                name=soft_label,
                x=list(names),
                y=soft,
                marker_color=SOFTMAX_COLOUR,
                marker_line={"width": outline, "color": HIGHLIGHT},
                text=[f"{v:.3f}" for v in soft],
                textposition="outside",
                textfont={"size": sz.bar_text},
                cliponaxis=False,
            ),
            go.Bar(
                name=hard_label,
                x=list(names),
                y=hard,
                marker_color=HARDMAX_COLOUR,
                text=[f"{v:.0f}" for v in hard],
                textposition="outside",
                textfont={"size": sz.bar_text},
                cliponaxis=False,
            ),
        ]
    )
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_yaxes(range=[0, 1.18], tickformat=".1f")
    return _layout(fig, sz, title)


def signed_bars(
    names: Sequence[str], values: np.ndarray, sz: Sizes, *, title: str = ""
) -> go.Figure:
    """Signed bars (e.g. dz = ŷ − y): negative in one colour, positive in another."""
    colours = [NEGATIVE if v < 0 else POSITIVE for v in values]
    fig = go.Figure(
        go.Bar(
            x=list(names),
            y=values,
            marker_color=colours,
            text=[f"{v:+.3f}" for v in values],
            textposition="outside",
            textfont={"size": sz.bar_text},
            cliponaxis=False,
        )
    )
    fig.update_yaxes(range=[-1.25, 1.25], zeroline=True, zerolinewidth=2)
    return _layout(fig, sz, title, showlegend=False)


def loss_curve(
    p: np.ndarray,
    curve: np.ndarray,
    point_p: float,
    point_loss: float,
    sz: Sizes,
    *,
    x_label: str,
    y_label: str,
    title: str = "",
) -> go.Figure:
    """The curve L = −log p with the current example's point marked.

    A long title goes on two lines: plotly never wraps one, and the curve gets
    a half or two-fifths column, on a laptop 250 to 350 pixels wide.
    """
    fig = go.Figure(
        [
            go.Scatter(
                x=p,
                y=curve,
                mode="lines",
                line={"width": sz.line, "color": MUTED},
                name="−log p",
                hoverinfo="skip",
            ),
            go.Scatter(
                x=[point_p],
                y=[point_loss],
                mode="markers+text",
                marker={"size": sz.marker, "color": HIGHLIGHT},
                text=[f"L = {point_loss:.3f}"],
                # Towards the middle, so large type is not cut at p = 1.
                textposition="top left" if point_p > 0.5 else "top right",
                textfont={"size": sz.bar_text},
                name="L",
            ),
        ]
    )
    fig.update_xaxes(title_text=x_label, range=[0, 1.02])
    fig.update_yaxes(title_text=y_label, range=[0, max(5.5, point_loss + 0.8)])

    def width(text: str) -> float:
        # In ems of the title's bold type: a CJK character is about 1, the
        # rest about half.
        return sum(1.0 if "\u2e80" <= ch <= "\uffef" else 0.5 for ch in text)

    # The break that leaves the longer line shortest, after a full-width comma
    # rather than at a space if that costs little.
    breaks = [i for i, ch in enumerate(title) if ch in " ，、；："]
    if width(title) > 14 and breaks:
        cut = min(
            breaks,
            key=lambda i: max(width(title[: i + 1]), width(title[i + 1 :]))
            + (1.5 if title[i] == " " else 0),
        )
        fig = _layout(
            fig,
            sz,
            f"{title[: cut + 1].rstrip()}<br>{title[cut + 1 :].lstrip()}",
            showlegend=False,
        )
        # Plotly centres the lines where one line would be: moved down by
        # half the second line, the first stays inside the figure.
        return fig.update_layout(
            title={"pad": {"t": 8 + round(0.7 * sz.title)}},
            margin={"t": 3 * sz.title + 8},
        )
    return _layout(fig, sz, title, showlegend=False)


def descent_trace(
    losses: Sequence[float],
    p_true: Sequence[float],
    sz: Sizes,
    *,
    loss_label: str,
    p_label: str,
    x_label: str,
    title: str = "",
) -> go.Figure:
    """L falling and ŷ of the true class rising over gradient steps on z."""
    steps = list(range(len(losses)))
    fig = go.Figure(
        [
            go.Scatter(
                x=steps,
                y=list(losses),
                mode="lines+markers",
                name=loss_label,
                line={"width": sz.line, "color": NEGATIVE},
                marker={"size": sz.marker // 2 + 4},
            ),
            go.Scatter(
                x=steps,
                y=list(p_true),
                mode="lines+markers",
                name=p_label,
                line={"width": sz.line, "color": POSITIVE, "dash": "dot"},
                marker={"size": sz.marker // 2 + 4},
                yaxis="y2",
            ),
        ]
    )
    fig.update_layout(
        yaxis={"title": {"text": loss_label}, "rangemode": "tozero"},
        yaxis2={
            "title": {"text": p_label},
            "overlaying": "y",
            "side": "right",
            "range": [0, 1.05],
            "showgrid": False,
        },
    )
    fig.update_xaxes(title_text=x_label, dtick=1 if len(steps) <= 15 else None)
    return _layout(fig, sz, title)


def two_class_curves(
    difference: np.ndarray,
    softmax_1: np.ndarray,
    sigmoid: np.ndarray,
    point_difference: float,
    point_value: float,
    sz: Sizes,
    *,
    softmax_label: str,
    sigmoid_label: str,
    x_label: str,
    title: str = "",
) -> go.Figure:
    """Softmax output 1 and σ(z1 − z2) over z1 − z2: two curves that coincide."""
    fig = go.Figure(
        [
            go.Scatter(
                x=difference,
                y=softmax_1,
                mode="lines",
                name=softmax_label,
                line={"width": sz.line * 2.2, "color": SOFTMAX_COLOUR},
            ),
            go.Scatter(
                x=difference,
                y=sigmoid,
                mode="lines",
                name=sigmoid_label,
                line={"width": sz.line, "color": HARDMAX_COLOUR, "dash": "dash"},
            ),
            go.Scatter(
                x=[point_difference],
                y=[point_value],
                mode="markers+text",
                marker={
                    "size": sz.marker + 4,
                    "color": HIGHLIGHT,
                    "line": {"width": 2, "color": "#111111"},
                },
                text=[f"{point_value:.3f}"],
                textposition="middle left",
                textfont={"size": sz.bar_text},
                showlegend=False,
            ),
        ]
    )
    fig.update_xaxes(title_text=x_label)
    fig.update_yaxes(range=[-0.03, 1.05], tickformat=".1f")
    return _layout(fig, sz, title)


def cost_curve(
    costs: np.ndarray,
    accuracies: np.ndarray,
    current: int,
    sz: Sizes,
    *,
    cost_label: str,
    accuracy_label: str,
    x_label: str,
    title: str = "",
    test_costs: np.ndarray | None = None,
    test_accuracies: np.ndarray | None = None,
    test_cost_label: str = "",
    test_accuracy_label: str = "",
) -> go.Figure:
    """J over gradient-descent iterations, accuracy on a second axis.

    With a held-out test set its J (solid) and accuracy (dotted) are drawn
    too, in the test set's colour, so the gap between the two sets shows.
    """
    its = np.arange(len(costs))
    current = int(min(max(current, 0), len(costs) - 1))
    tested = test_costs is not None and len(test_costs) > 0
    train_lines = _history_lines(
        its, costs, accuracies, (cost_label, accuracy_label),
        (SOFTMAX_COLOUR, HARDMAX_COLOUR), sz,
    )
    test_lines = _history_lines(
        its, test_costs, test_accuracies, (test_cost_label, test_accuracy_label),
        (TEST_COLOUR, TEST_COLOUR), sz,
    ) if tested else []
    fig = go.Figure(
        [
            *train_lines,
            go.Scatter(
                x=[current],
                y=[costs[current]],
                mode="markers+text",
                marker={"size": sz.marker + 2, "color": HIGHLIGHT},
                text=[f"J = {costs[current]:.3f}"],
                textposition="top left" if current > len(costs) / 2 else "top right",
                textfont={"size": sz.bar_text},
                showlegend=False,
            ),
            *test_lines,
        ]
    )
    fig.update_layout(
        yaxis={"title": {"text": cost_label}, "rangemode": "tozero"},
        yaxis2={
            "title": {"text": accuracy_label},
            "overlaying": "y",
            "side": "right",
            "range": [0, 1.02],
            "tickformat": ".0%",
            "dtick": 0.2,
            "showgrid": False,
        },
    )
    fig.update_xaxes(title_text=x_label)
    return _legend_below(_layout(fig, sz, title))


def _history_lines(
    its: np.ndarray,
    costs: np.ndarray,
    accuracies: np.ndarray,
    names: tuple[str, str],
    colours: tuple[str, str],
    sz: Sizes,
) -> list[go.Scatter]:
    # J as a solid line on the left axis, accuracy dotted on the right one.
    return [
        go.Scatter(
            x=its,
            y=costs,
            mode="lines",
            name=names[0],
            line={"width": sz.line, "color": colours[0]},
        ),
        go.Scatter(
            x=its,
            y=accuracies,
            mode="lines",
            name=names[1],
            yaxis="y2",
            line={"width": sz.line * 0.7, "color": colours[1], "dash": "dot"},
        ),
    ]


def decision_regions(
    xs: np.ndarray,
    ys: np.ndarray,
    classes: np.ndarray,
    X: np.ndarray,
    labels: np.ndarray,
    names: Sequence[str],
    sz: Sizes,
    *,
    x_label: str,
    y_label: str,
    title: str = "",
    test_X: np.ndarray | None = None,
    test_labels: np.ndarray | None = None,
    test_label: str = "",
) -> go.Figure:
    """Regions of the predicted class, tinted per class, with the data on top.

    Held-out test examples, if given, are drawn as open diamonds in their
    class's colour.
    """
    count = len(names)
    # A stepped colour scale: class k fills [k, k+1) of the range 0 … C.
    scale = []
    for k in range(count):
        scale += [[k / count, class_colour(k)], [(k + 1) / count, class_colour(k)]]
    fig = go.Figure(
        go.Heatmap(
            x=xs,
            y=ys,
            z=classes + 0.5,
            zmin=0,
            zmax=count,
            colorscale=scale,
            opacity=0.28,
            showscale=False,
            hoverinfo="skip",
        )
    )
    for k, name in enumerate(names):
        mine = labels == k
        fig.add_trace(
            go.Scattergl(
                x=X[0, mine],
                y=X[1, mine],
                mode="markers",
                name=name,
                marker={
                    "size": max(sz.marker // 2, 6),
                    "color": class_colour(k),
                    "line": {"width": 1, "color": "#111111"},
                },
            )
        )
    if test_X is not None and test_labels is not None and test_labels.size:
        marker = {"size": max(sz.marker // 2, 6) + 4, "symbol": "diamond-open",
                  "line": {"width": 2.5}}
        # One legend entry, in black, for the test examples of every class.
        fig.add_trace(
            go.Scattergl(
                x=[], y=[], mode="markers", name=test_label,
                legendgroup="test", marker={**marker, "color": "#111111"},
            )
        )
        for k in range(count):
            mine = test_labels == k
            fig.add_trace(
                go.Scattergl(
                    x=test_X[0, mine],
                    y=test_X[1, mine],
                    mode="markers",
                    name=f"{names[k]} ({test_label})",
                    legendgroup="test",
                    showlegend=False,
                    marker={**marker, "color": class_colour(k)},
                )
            )
    fig.update_xaxes(title_text=x_label, range=[xs[0], xs[-1]])
    fig.update_yaxes(title_text=y_label, range=[ys[0], ys[-1]], scaleanchor="x")
    return _legend_below(_layout(fig, sz, title))


def matrix_heatmap(
    matrix: np.ndarray,
    row_names: Sequence[str],
    column_names: Sequence[str],
    sz: Sizes,
    *,
    title: str = "",
) -> go.Figure:
    """A C×m matrix (Y or Ŷ) as a heatmap with its values printed in the cells."""
    fig = go.Figure(
        go.Heatmap(
            z=matrix,
            x=list(column_names),
            y=list(row_names),
            zmin=0,
            zmax=1,
            colorscale="Blues",
            showscale=False,
            text=[[f"{v:.2f}" for v in row] for row in matrix],
            texttemplate="%{text}",
            textfont={"size": sz.font},
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(type="category", side="top")
    height = max(220, 3 * sz.font * len(row_names) + 90)
    return _layout(fig, sz, title, height=height)


def logit_bars(
    names: Sequence[str],
    z: np.ndarray,
    sz: Sizes,
    *,
    title: str = "",
) -> go.Figure:
    """The entries of z[L], one bar per class in its colour, values printed."""
    reach = max(6.0, float(np.max(np.abs(z))) + 1.5)
    fig = go.Figure(
        go.Bar(
            x=list(names),
            y=z,
            marker_color=[class_colour(k) for k in range(len(names))],
            text=[f"{v:.1f}" for v in z],
            textposition="outside",
            textfont={"size": sz.bar_text},
            cliponaxis=False,
        )
    )
    fig.update_yaxes(range=[-reach, reach], zeroline=True, zerolinewidth=2)
    return _layout(fig, sz, title, showlegend=False)


def example_losses(
    losses: np.ndarray,
    labels: np.ndarray,
    names: Sequence[str],
    cost: float,
    sz: Sizes,
    *,
    x_label: str,
    y_label: str,
    cost_label: str,
    title: str = "",
) -> go.Figure:
    """One bar per example, L(ŷ(i), y(i)) in its class's colour, and J as a line."""
    examples = np.arange(1, len(losses) + 1)
    fig = go.Figure(
        [
            go.Bar(
                x=examples[labels == k],
                y=losses[labels == k],
                name=name,
                marker_color=class_colour(k),
                marker_line_width=0,
                # A class's examples are not evenly spaced: fix the width, or
                # plotly widens a sparse class's bars over its neighbours.
                width=0.8,
            )
            for k, name in enumerate(names)
        ]
    )
    fig.add_hline(
        y=cost,
        line={"width": sz.line, "color": "#111111", "dash": "dash"},
        annotation={
            "text": f"{cost_label} = {cost:.3f}",
            "font": {"size": sz.bar_text},
            "bgcolor": "rgba(255,255,255,0.85)",
        },
        annotation_position="top right",
    )
    # One bar per example: the class traces share the x axis without offsets.
    fig.update_layout(barmode="overlay")
    fig.update_xaxes(title_text=x_label, range=[0.5, len(losses) + 0.5])
    fig.update_yaxes(
        title_text=y_label,
        range=[0, max(float(np.max(losses)) * 1.08, cost * 1.6, 0.5)],
    )
    return _layout(fig, sz, title)


def confusion_heatmap(
    counts: np.ndarray,
    names: Sequence[str],
    sz: Sizes,
    *,
    true_label: str,
    predicted_label: str,
    title: str = "",
) -> go.Figure:
    """A C×C confusion matrix: rows the true class, columns the predicted one."""
    names = list(names)
    fig = go.Figure(
        go.Heatmap(
            z=counts,
            x=names,
            y=names,
            zmin=0,
            zmax=max(int(counts.max()), 1),
            colorscale="Blues",
            showscale=False,
            text=counts.astype(str),
            texttemplate="%{text}",
            textfont={"size": sz.font},
        )
    )
    fig.update_yaxes(title_text=true_label, autorange="reversed", type="category")
    fig.update_xaxes(title_text=predicted_label, type="category")
    height = max(260, 3 * sz.font * len(names) + 140)
    return _layout(fig, sz, title, height=height)
