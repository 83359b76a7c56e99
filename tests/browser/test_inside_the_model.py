"""Inside the model in Chromium: a table row rings its point, a nudge moves J.

The table is Streamlit's data grid, drawn on a canvas: a row is selected by
clicking its checkbox, at the grid's row height. Which example is worst is
computed here with ``softmax_core`` for the page's default data, so the page
is checked against the core, not against itself.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from softmax_core import example_losses, logits, one_hot, train, worst_first
from softmax_ui.locales import en
from softmax_ui.runs import TrainingSettings
from softmax_ui.training_data import DataSettings, generated_data

from .conftest import AppPage
from .test_laptop_layout import _CUT_SHORT, LAPTOP, PROJECTOR

pytestmark = pytest.mark.browser

TABLE = ".st-key-training_inside_table"
ROW_HEIGHT = 35  # softmax_ui/views/inside.py draws the grid with this


def worst_example() -> int:
    """The default run's worst example at its last iteration, 1-based."""
    data, settings = generated_data(DataSettings()), TrainingSettings()
    history = train(
        data.X, data.labels, settings.num_classes,
        learning_rate=settings.learning_rate, iterations=settings.iterations,
    )  # fmt: skip
    Z = logits(history.params, data.X).astype(np.float64)
    losses = example_losses(one_hot(data.labels, settings.num_classes), Z=Z)
    return int(worst_first(losses)[0]) + 1


def traces(app: AppPage, key: str) -> list[dict]:
    return app.page.evaluate(
        """(key) => Array.from(document.querySelector(`.st-key-${key} .js-plotly-plot`)
             .data).map(t => ({name: t.name ?? null, x: Array.from(t.x ?? [])}))""",
        key,
    )


def ringed(app: AppPage) -> list[str]:
    prefix = en.STRINGS["inside.example_name"].split("(")[0]
    return [t["name"] for t in traces(app, "training_regions")
            if (t["name"] or "").startswith(prefix)]  # fmt: skip


def click_row(app: AppPage, row: int) -> None:
    """Click the checkbox of the table's row ``row`` (0 = the first data row)."""
    table = app.page.locator(TABLE)
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    y = box["y"] + ROW_HEIGHT * (row + 1.5)
    app.interact(lambda: app.page.mouse.click(box["x"] + 20, y))


def test_clicking_a_row_rings_its_point_and_frames_its_column(app: AppPage):
    app.open("/training")
    assert ringed(app) == []
    click_row(app, 0)
    worst = worst_example()
    name = en.STRINGS["inside.example_name"].format(i=worst)
    app.eventually(lambda: _assert_equal(ringed(app), [name]))
    assert re.search(rf"[?&]training_example={worst}(&|$)", app.page.url)
    columns = traces(app, "training_Y_hat")[0]["x"]
    assert f"({worst})" in columns
    # The summary under the table names the example too.
    summary = app.page.locator(
        '[data-testid="stMarkdownContainer"] strong', has_text=f"Example ({worst})"
    )
    assert summary.count() == 1


def test_clicking_a_column_of_y_hat_selects_that_example(app: AppPage):
    app.open("/training")
    plot = app.page.locator(".st-key-training_Y_hat .nsewdrag").first
    plot.scroll_into_view_if_needed()
    box = plot.bounding_box()
    columns = 8
    # Column (3): the third of eight, halfway down the first row of cells.
    x = box["x"] + box["width"] * 2.5 / columns
    y = box["y"] + box["height"] / 8
    app.interact(lambda: app.page.mouse.click(x, y))
    name = en.STRINGS["inside.example_name"].format(i=3)
    app.eventually(lambda: _assert_equal(ringed(app), [name]))
    assert re.search(r"[?&]training_example=3(&|$)", app.page.url)


def j_shown(app: AppPage, which: str) -> str:
    return app.page.locator(f"[data-j='{which}']").inner_text().strip()


def test_a_nudge_changes_j_and_a_gradient_step_lowers_it(app: AppPage):
    app.open("/training")
    plus = app.page.locator(".st-key-training_inside_plus button")
    plus.scroll_into_view_if_needed()
    start = j_shown(app, "now")
    assert start == j_shown(app, "trained")
    app.interact(plus.click)
    app.eventually(lambda: _assert_equal(j_shown(app, "before"), start))
    nudged = float(j_shown(app, "now"))
    assert nudged != pytest.approx(float(start), abs=1e-4)
    step = app.page.locator(".st-key-training_inside_step button")
    app.interact(step.click)
    app.eventually(lambda: _assert_equal(float(j_shown(app, "before")), nudged))
    assert float(j_shown(app, "now")) < nudged


def test_on_a_phone_the_section_scrolls_nothing_sideways(phone):
    phone.open("/training?training_example=5")
    phone.page.locator(".st-key-training_inside_step").scroll_into_view_if_needed()
    width = phone.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390


def _assert_equal(actual, expected) -> None:
    assert actual == expected


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
@pytest.mark.parametrize(
    ("viewport", "mode"), [(LAPTOP, ""), (PROJECTOR, "&present=true")],
    ids=["laptop", "projector"],
)  # fmt: skip
def test_no_button_or_chart_title_of_the_section_is_cut_short(
    app, lang, viewport, mode
):
    app.page.set_viewport_size(viewport)
    app.open(f"/training?lang={lang}{mode}")
    app.page.locator(".st-key-training_inside_step").scroll_into_view_if_needed()
    app.page.locator(".st-key-training_inside_regions .gtitle").wait_for()
    # Projected, a chart's title reaches 2 px above its figure (as the page's
    # own regions chart's does): there only the buttons are checked.
    charts = [] if mode else ["training_inside_regions"]
    assert app.page.evaluate(_CUT_SHORT, charts) == []
