"""The figure builders: plain dicts that plotly's full validation leaves unchanged.

When serving, figures are built without plotly's property validation (see
``softmax_ui.figures._figure``). Here every builder, in both display modes, is
built that way and then validated: plotly must accept every property, and its
validated figure must be the very one the browser is sent.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from softmax_ui import figures
from softmax_ui.locales import en, zh_tw
from softmax_ui.style import NORMAL, PRESENTER

NAMES = ["cat", "dog", "baby chick", "other"]
RNG = np.random.default_rng(0)
COSTS, ACCURACIES = RNG.random(301), RNG.random(301)
X, LABELS = RNG.normal(size=(2, 40)), RNG.integers(0, 3, 40)
GRID = RNG.integers(0, 3, (15, 20))
P = np.linspace(0.01, 1, 50)
D = np.linspace(-8, 8, 30)

BUILDS: dict[str, Callable[..., go.Figure]] = {
    "softmax_hardmax_bars": lambda sz: figures.softmax_hardmax_bars(
        NAMES, np.array([0.842, 0.042, 0.002, 0.114]), np.array([1.0, 0, 0, 0]), sz,
        soft_label="softmax", hard_label="hardmax", title="ŷ",
    ),
    "signed_bars": lambda sz: figures.signed_bars(
        NAMES, np.array([-0.158, 0.042, 0.002, 0.114]), sz, title="dz"
    ),
    "loss_curve": lambda sz: figures.loss_curve(
        P, -np.log(P), 0.8, 0.22, sz, x_label="p", y_label="L", title="L"
    ),
    "descent_trace": lambda sz: figures.descent_trace(
        [3.0, 2.0, 1.0], [0.1, 0.5, 0.9], sz, loss_label="L", p_label="p",
        x_label="step", title="descent",
    ),
    "two_class_curves": lambda sz: figures.two_class_curves(
        D, 1 / (1 + np.exp(-D)), 1 / (1 + np.exp(-D)), 1.0, 0.731, sz,
        softmax_label="softmax", sigmoid_label="σ", x_label="z1 − z2", title="C = 2",
    ),
    "cost_curve": lambda sz: figures.cost_curve(
        COSTS, ACCURACIES, 300, sz, cost_label="J", accuracy_label="accuracy",
        x_label="iteration", title="J", test_costs=2 * COSTS,
        test_accuracies=ACCURACIES / 2, test_cost_label="test J",
        test_accuracy_label="test accuracy",
    ),
    "decision_regions": lambda sz: figures.decision_regions(
        np.linspace(-3, 3, 20), np.linspace(-2, 2, 15), GRID, X, LABELS,
        ["a", "b", "c"], sz, x_label="x1", y_label="x2", title="regions",
        test_X=X[:, :7], test_labels=LABELS[:7], test_label="test",
    ),
    "matrix_heatmap": lambda sz: figures.matrix_heatmap(
        RNG.random((4, 8)), NAMES, [f"({i})" for i in range(1, 9)], sz, title="Ŷ"
    ),
    "logit_bars": lambda sz: figures.logit_bars(
        NAMES, np.array([5.0, 2.0, -1.0, 3.0]), sz, title="z"
    ),
    "example_losses": lambda sz: figures.example_losses(
        RNG.random(12), RNG.integers(0, 3, 12), ["a", "b", "c"], 0.5, sz,
        x_label="i", y_label="L", cost_label="J", title="losses",
    ),
    "confusion_heatmap": lambda sz: figures.confusion_heatmap(
        RNG.integers(0, 9, (3, 3)), ["a", "b", "c"], sz, true_label="true",
        predicted_label="predicted", title="confusion",
    ),
    # Inside the model: a divergence crossed, an example ringed, a column framed.
    "cost_curve_diverged": lambda sz: figures.cost_curve(
        COSTS, ACCURACIES, 300, sz, cost_label="J", accuracy_label="accuracy",
        x_label="iteration", title="J", diverged_at=42, diverged_label="diverging",
    ),
    "decision_regions_highlight": lambda sz: figures.decision_regions(
        np.linspace(-3, 3, 20), np.linspace(-2, 2, 15), GRID, X, LABELS,
        ["a", "b", "c"], sz, x_label="x1", y_label="x2", title="regions",
        highlight=X[:, 3], highlight_label="example (4)",
    ),
    "matrix_heatmap_selectable": lambda sz: figures.matrix_heatmap(
        RNG.random((4, 8)), NAMES, [f"({i})" for i in range(1, 9)], sz, title="Ŷ",
        examples=[0, 1, 2, 3, 4, 5, 6, 41], highlight_column=7,
    ),
}


def test_the_tests_validate_every_figure() -> None:
    assert figures.VALIDATE, "tests/conftest.py sets SOFTMAX_VALIDATE_FIGURES=1"


@pytest.mark.parametrize("sz", [NORMAL, PRESENTER], ids=["laptop", "presenter"])
@pytest.mark.parametrize("name", sorted(BUILDS))
def test_validation_accepts_and_keeps_each_figure(
    name: str, sz, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(figures, "VALIDATE", False)
    served = BUILDS[name](sz)
    validated = go.Figure(served.to_dict())  # raises on any invalid property
    assert json.loads(pio.to_json(validated)) == json.loads(pio.to_json(served))


def test_a_misspelt_property_fails_validation() -> None:
    with pytest.raises(ValueError, match="colour"):
        figures._figure([{"type": "bar", "y": [1], "colour": "red"}], {})


def test_heatmap_cells_print_their_values_with_the_page_format() -> None:
    fig = BUILDS["matrix_heatmap"](NORMAL)
    assert fig.data[0].texttemplate == "%{z:.2f}"
    assert BUILDS["confusion_heatmap"](NORMAL).data[0].texttemplate == "%{z:d}"


def _descent_trace(sz, title: str, level_with: str = "") -> go.Figure:
    return figures.descent_trace(
        [1.6, 0.8, 0.5], [0.2, 0.45, 0.6], sz, loss_label="L", p_label="ŷ of cat",
        x_label="step", title=title, level_with=level_with,
    )


# Lecture step 6: two charts side by side, a half each (measured: 372 px on a
# laptop's 1280×720 window, 907 px on a 1920×1080 projector).
LAPTOP_HALF, PROJECTOR_HALF = NORMAL.column(2), PRESENTER.column(2)


def _loss_curve(sz, title: str, level_with: str = "") -> go.Figure:
    return figures.loss_curve(
        P, -np.log(P), 0.6, 0.51, sz, x_label="p", y_label="L", title=title,
        level_with=level_with,
    )


def test_a_columns_width_is_streamlits() -> None:
    # As measured in Chromium: st.columns(2) on step 6, and the /loss page's
    # st.columns([1, 2], gap="large") projected.
    assert (LAPTOP_HALF.width, PROJECTOR_HALF.width) == (372, 907)
    assert PRESENTER.column([1, 2], 1, gap="large").width == 1174
    assert PRESENTER.column([1, 2], 0, gap="large").width == 561


@pytest.mark.parametrize("strings", [en.STRINGS, zh_tw.STRINGS], ids=["en", "zh-TW"])
def test_projected_the_lectures_loss_chart_titles_take_one_line(strings) -> None:
    curve = _loss_curve(PROJECTOR_HALF, strings["loss.curve_title"])
    trace = _descent_trace(PROJECTOR_HALF, strings["loss.trace_title"])
    assert curve.layout.title.text == strings["loss.curve_title"]
    assert trace.layout.title.text == strings["loss.trace_title"]
    assert curve.layout.margin.t == trace.layout.margin.t == 2 * PRESENTER.title


def test_on_a_laptop_long_titles_go_on_two_lines_like_the_loss_curves() -> None:
    trace = _descent_trace(LAPTOP_HALF, en.STRINGS["loss.trace_title"])
    curve = _loss_curve(LAPTOP_HALF, en.STRINGS["loss.curve_title"])
    for figure, key in [(trace, "loss.trace_title"), (curve, "loss.curve_title")]:
        lines = figure.layout.title.text.split("<br>")
        assert len(lines) == 2 and all(lines), lines
        assert " ".join(lines) == en.STRINGS[key]
    # The two plots start level, and the figures are as tall.
    assert trace.layout.margin.t == curve.layout.margin.t
    assert trace.layout.title.pad.t == curve.layout.title.pad.t
    assert trace.layout.height == curve.layout.height


def test_a_title_that_fits_a_narrow_column_stays_on_one_line() -> None:
    title = zh_tw.STRINGS["loss.trace_title"]
    trace = _descent_trace(LAPTOP_HALF, title)
    assert trace.layout.title.text == title
    assert trace.layout.margin.t == 2 * NORMAL.title


@pytest.mark.parametrize(
    "sz", [LAPTOP_HALF, PROJECTOR_HALF], ids=["laptop", "projector"]
)
def test_a_chart_leaves_room_for_the_two_line_title_beside_it(sz) -> None:
    # One title that wraps beside one that does not: the plots still start
    # level, the short title on one line at the top of the same room.
    long, short = "a rather long title " * 4, "short"
    beside = _loss_curve(sz, long, level_with=short)
    trace = _descent_trace(sz, short, level_with=long)
    bars = figures.signed_bars(NAMES, np.zeros(4), sz, title=short, level_with=long)
    assert "<br>" in beside.layout.title.text
    assert trace.layout.title.text == bars.layout.title.text == short
    assert trace.layout.margin.t == beside.layout.margin.t == bars.layout.margin.t
    assert trace.layout.margin.t > _descent_trace(sz, short).layout.margin.t


@pytest.mark.parametrize("strings", [en.STRINGS, zh_tw.STRINGS], ids=["en", "zh-TW"])
@pytest.mark.parametrize("sz", [NORMAL, PRESENTER], ids=["laptop", "presenter"])
def test_descent_trace_has_its_legend_under_the_plot(sz, strings) -> None:
    legend = _descent_trace(sz, strings["loss.trace_title"]).layout.legend
    # At the bottom of the figure, under the x axis: clear of the title.
    assert (legend.yref, legend.y, legend.yanchor) == ("container", 0, "bottom")
