"""Every page survives a room of students: random widget values, extremes included.

Each page is opened through ``app.py`` and given ``COMBINATIONS`` random
combinations of its widgets' values (seeded per page), with the sidebar's
language and presenter mode among them and, now and then, a button clicked.
After every run: no exception and no NaN or infinity anywhere on the page. The
training page must also say so when gradient descent diverged, and only then.
"""

import zlib

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from softmax_ui.controls import HIDDEN_UNITS, LEARNING_RATES
from softmax_ui.i18n import CATALOGS
from softmax_ui.text import as_typed, plain

from .fuzz_helpers import (
    PAGES,
    assert_numbers_are_finite,
    bad_numbers,
    figures,
    open_page,
    run,
    shake,
    trace_values,
)

COMBINATIONS = 30
# Training for the slider's maximum of iterations is slow; only these
# combinations (by number) use it.
MAX_ITERATION_COMBINATIONS = (9, 21)


def seed_of(page: str) -> int:
    return zlib.crc32(page.encode())


def assert_divergence_is_reported_exactly_when_the_curve_stops(at) -> None:
    """J is drawn for every iteration, or the page says where it diverged."""
    charts = figures(at)
    if "training_cost" not in charts:
        return
    costs = trace_values(charts["training_cost"]["data"][0]["y"])
    iterations = at.get_by_key("training_iterations").value
    lang = at.session_state["lang"]
    errors = [e.value for e in at.error]
    assert np.all(np.isfinite(costs))
    if len(costs) < iterations + 1:
        said = CATALOGS[lang]["training.diverged"].format(it=len(costs) - 1)
        assert errors == [said]
    else:
        assert len(costs) == iterations + 1
        assert errors == []


def training_values(rng: np.random.Generator, combination: int) -> dict:
    """Iterations kept short except in a few combinations, which take the maximum."""
    if combination in MAX_ITERATION_COMBINATIONS:
        return {"training_iterations": 3000}
    short = (1, 2, 5, 30, 100, 300)
    return {"training_iterations": short[int(rng.integers(len(short)))]}


@pytest.mark.parametrize("page", PAGES)
def test_random_widget_values_never_raise_or_show_nan_or_inf(page):
    rng = np.random.default_rng(seed_of(page))
    at = open_page(page)
    assert_numbers_are_finite(at)
    for combination in range(COMBINATIONS):
        fixed = training_values(rng, combination) if page == "training" else None
        chosen = shake(at, rng, fixed=fixed)
        try:
            assert_numbers_are_finite(at)
            if page == "training":
                assert_divergence_is_reported_exactly_when_the_curve_stops(at)
        except AssertionError as err:
            raise AssertionError(f"combination {combination}: {chosen}\n{err}") from err


@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_chinese_and_presenter_mode_at_its_extremes(page):
    rng = np.random.default_rng(seed_of(page) + 1)
    at = open_page(page)
    for lang, present in [("zh-TW", True), ("zh-TW", False), ("en", True)]:
        at.get_by_key("lang").set_value(lang)
        at.get_by_key("present").set_value(present)
        run(at)
        # Every widget at an end of its range, but not 3000 iterations each time.
        fixed = {"lang": lang, "training_iterations": 30}
        for _ in range(3):
            shake(at, rng, share=1.0, extreme=1.0, click=0.0, fixed=fixed)
            assert_numbers_are_finite(at)
            assert at.session_state["lang"] == lang


@pytest.mark.parametrize("dataset", ["blobs", "spirals"])
@pytest.mark.parametrize(
    "hidden, activation", [(0, "tanh"), (HIDDEN_UNITS[-1], "relu")]
)
def test_the_largest_learning_rate_trains_or_stops_with_a_message_and_a_finite_curve(
    dataset, hidden, activation
):
    at = open_page("training")
    at.get_by_key("training_dataset").set_value(dataset)
    at.get_by_key("training_hidden_units").set_value(hidden)
    run(at)
    if hidden:
        at.get_by_key("training_activation").set_value(activation)
    at.get_by_key("training_learning_rate").set_value(LEARNING_RATES[-1])
    at.get_by_key("training_iterations").set_value(3000)
    run(at)
    assert_numbers_are_finite(at)
    assert_divergence_is_reported_exactly_when_the_curve_stops(at)
    if hidden:
        # 64 ReLU units at α = 100 blow up within a few steps.
        assert len(at.error) == 1
    # Scrubbing back through a run that diverged still shows finite numbers.
    scrubber = at.get_by_key("training_iteration")
    for step in (scrubber.options[0], scrubber.options[-1]):
        scrubber.set_value(int(step))
        run(at)
        assert_numbers_are_finite(at)
        assert_divergence_is_reported_exactly_when_the_curve_stops(at)


def test_the_checker_finds_nan_and_inf_wherever_the_page_shows_them():
    # The fuzz tests are only as good as this check: feed it a page full of them.
    at = AppTest.from_string(
        """
import numpy as np, pandas as pd, plotly.graph_objects as go, streamlit as st
st.metric("J", f"{float('nan'):.3f}")
st.table(pd.DataFrame({"a": [f"{np.inf:.3f}"]}))
st.markdown(f"Σt = {-np.inf:.4g}")
st.plotly_chart(go.Figure(go.Scatter(y=np.array([1.0, np.nan]))), key="typed")
st.plotly_chart(go.Figure(go.Scatter(y=[1.0, np.inf])), key="listed")
st.plotly_chart(go.Figure(go.Bar(y=[1], text=["nan"])), key="text")
"""
    ).run()
    found = "\n".join(bad_numbers(at))
    for where in ["metric", "table 0", "markdown", "typed.data", "listed.data"]:
        assert where in found
    assert "text.data[0].text[0]: 'nan'" in found


def test_class_names_typed_on_the_explorer_are_shown_as_text_not_markup():
    at = open_page("explorer")
    at.get_by_key("explorer_python_view").set_value(True)  # the bars and table
    typed = '<b>bold</b>, <a href="//e.io">a</a>, ![](http://e.io/a.png), [y](e.io)'
    at.get_by_key("explorer_names").set_value(typed)
    run(at)
    # As character references, plotly and Markdown show these as typed.
    names = [name.strip() for name in typed.split(",")]
    shown = [as_typed(name) for name in names]
    assert [plain(name) for name in shown] == names
    assert all("<" not in name and "[" not in name for name in shown)
    for bars in figures(at)["explorer_bars"]["data"]:
        assert bars["x"] == shown
    assert list(at.table[0].value.iloc[:, 0]) == shown
    labels = [s.label for s in at.slider if s.key.startswith("explorer_z")]
    for label, name in zip(labels, shown, strict=True):
        assert label.endswith(name)


def test_two_students_at_once_each_see_only_their_own_values():
    # Two sessions of one process share the caches, and nothing else.
    rng = np.random.default_rng(11)
    first, second = open_page("explorer"), open_page("explorer")
    for at in (first, second):  # their step tables
        at.get_by_key("explorer_python_view").set_value(True)
        run(at)
    for _ in range(5):
        mine, yours = rng.uniform(-10, 10, size=2).round(1)
        first.get_by_key("explorer_z0").set_value(float(mine))
        second.get_by_key("explorer_z0").set_value(float(yours))
        run(first)
        run(second)
        assert first.table[0].value["z"].tolist()[0] == f"{mine:.1f}"
        assert second.table[0].value["z"].tolist()[0] == f"{yours:.1f}"
    first, second = open_page("training"), open_page("training")
    for count in (3, 7):
        first.get_by_key("training_C").set_value(count)
        run(first)
        run(second)
        assert len(figures(first)["training_Y"]["data"][0]["y"]) == count
        assert len(figures(second)["training_Y"]["data"][0]["y"]) == 4
