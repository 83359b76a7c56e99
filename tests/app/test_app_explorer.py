"""The explorer page: softmax and hardmax of z[L], as the page shows them.

Most tests read the numbers from "The same numbers from Python" (the step
table and the plotly bars), which the page builds only once it is turned on.
"""

import json
import math
import re
import subprocess
import sys

import numpy as np
import pytest

from softmax_ui.controls import TEMPERATURES
from softmax_ui.text import plain

from .apptest_helpers import (
    APP,
    EN,
    click,
    column,
    figure,
    open_page,
    set_widget,
    trace,
    values,
)

LECTURE_Z = [5.0, 2.0, -1.0, 3.0]


def softmax_bars(at) -> np.ndarray:
    return values(trace(figure(at, "explorer_bars"), EN["explorer.softmax_bar"])["y"])


def hardmax_bars(at) -> np.ndarray:
    return values(trace(figure(at, "explorer_bars"), EN["explorer.hardmax_bar"])["y"])


def open_explorer():
    """The explorer with "The same numbers from Python" turned on."""
    return set_widget(open_page("explorer"), "explorer_python_view", True)


def live_data(at) -> dict:
    """The data the live view (a custom component) was given by this run."""
    components = at.get("bidi_component")
    live = [c for c in components if c.proto.id.endswith("-explorer_live")]
    assert len(live) == 1, "expected one live view"
    return json.loads(live[0].proto.json)[0]


def shown_z(at) -> list[float]:
    return [float(v) for v in column(at, 0, "z")]


def independent_softmax(z: list[float], temperature: float = 1.0) -> list[float]:
    top = max(z)
    t = [math.exp((v - top) / temperature) for v in z]
    return [v / sum(t) for v in t]


def test_default_page_shows_the_lecture_softmax_0_842_and_hardmax_1_0_0_0():
    at = open_explorer()
    assert column(at, 0, EN["table.a"]) == ["0.842", "0.042", "0.002", "0.114"]
    assert column(at, 0, EN["table.hardmax"]) == ["1", "0", "0", "0"]
    assert column(at, 0, EN["table.t"])[0] == "148.4"
    np.testing.assert_allclose(
        softmax_bars(at), [0.842, 0.042, 0.002, 0.114], atol=5e-4
    )
    np.testing.assert_array_equal(hardmax_bars(at), [1, 0, 0, 0])
    bar_text = trace(figure(at, "explorer_bars"), EN["explorer.softmax_bar"])["text"]
    assert bar_text[0] == "0.842"
    assert any("176.3" in m.value for m in at.markdown)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("explorer_C", 2),
        ("explorer_C", 10),
        ("explorer_names", "ant, bee, cow, doe"),
        ("explorer_z0", -10.0),
        ("explorer_z1", 10.0),
        ("explorer_z2", 0.5),
        ("explorer_z3", -4.2),
        ("explorer_temperature", TEMPERATURES[0]),
        ("explorer_temperature", TEMPERATURES[-1]),
    ],
)
def test_explorer_runs_after_setting_a_widget(key, value):
    at = open_explorer()
    set_widget(at, key, value)
    assert at.get_by_key(key).value == value
    probabilities = softmax_bars(at)
    assert probabilities.sum() == pytest.approx(1.0)
    assert hardmax_bars(at).sum() == 1


@pytest.mark.parametrize("count", [2, 7, 10])
def test_changing_c_shows_that_many_bars_rows_and_sliders(count):
    at = set_widget(open_explorer(), "explorer_C", count)
    bars = figure(at, "explorer_bars")
    assert [len(t["x"]) for t in bars["data"]] == [count, count]
    assert len(at.table[0].value) == count
    sliders = [s.key for s in at.slider if s.key and s.key.startswith("explorer_z")]
    assert sliders == [f"explorer_z{k}" for k in range(count)]
    assert softmax_bars(at).sum() == pytest.approx(1.0)


def test_extra_classes_start_at_z_zero_and_are_named_class_k():
    at = set_widget(open_explorer(), "explorer_C", 6)
    assert shown_z(at) == [*LECTURE_Z, 0.0, 0.0]
    names = column(at, 0, EN["table.class"])
    assert names[4:] == [EN["class.n"].format(k=4), EN["class.n"].format(k=5)]


def test_low_temperature_makes_softmax_nearly_hardmax():
    at = set_widget(open_explorer(), "explorer_temperature", 0.05)
    probabilities = softmax_bars(at)
    assert probabilities.max() > 0.99
    assert probabilities.argmax() == hardmax_bars(at).argmax() == 0


def test_high_temperature_makes_softmax_nearly_uniform():
    at = set_widget(open_explorer(), "explorer_temperature", 20.0)
    probabilities = softmax_bars(at)
    np.testing.assert_allclose(probabilities, 0.25, atol=0.05)
    np.testing.assert_allclose(
        probabilities, independent_softmax(LECTURE_Z, 20.0), rtol=1e-9
    )
    # The ranking is still the ranking of z: temperature only flattens it.
    assert list(np.argsort(probabilities)) == [2, 1, 3, 0]


def test_temperature_other_than_one_is_explained_on_the_page():
    at = set_widget(open_explorer(), "explorer_temperature", 2.0)
    assert any(EN["explorer.t_note"].format(T=2.0) == i.value for i in at.info)


def test_lecture_example_button_restores_z_c_and_temperature():
    at = open_explorer()
    set_widget(at, "explorer_z0", -3.0)
    set_widget(at, "explorer_z2", 4.0)
    set_widget(at, "explorer_temperature", 3.0)
    set_widget(at, "explorer_C", 7)
    assert shown_z(at)[:4] == [-3.0, 2.0, 4.0, 3.0]
    click(at, "widgets.reset")
    assert shown_z(at) == LECTURE_Z
    assert at.get_by_key("explorer_temperature").value == 1.0
    assert [at.get_by_key(f"explorer_z{k}").value for k in range(4)] == LECTURE_Z
    assert column(at, 0, EN["table.a"])[0] == "0.842"


def test_random_z_changes_z_within_the_slider_range():
    at = open_explorer()
    click(at, "widgets.randomize")
    z = shown_z(at)
    assert z != LECTURE_Z
    assert all(-6.0 <= v <= 6.0 for v in z)
    assert [at.get_by_key(f"explorer_z{k}").value for k in range(4)] == z
    # The bars follow the new z, checked against softmax computed here.
    np.testing.assert_allclose(softmax_bars(at), independent_softmax(z), atol=1e-12)
    assert hardmax_bars(at).argmax() == int(np.argmax(z))


def test_typed_class_names_label_the_bars_and_the_table():
    at = set_widget(open_explorer(), "explorer_names", "apple, , pear")
    expected = ["apple", EN["class.1"], "pear", EN["class.3"]]
    for bars in figure(at, "explorer_bars")["data"]:
        assert bars["x"] == expected
    assert column(at, 0, EN["table.class"]) == expected


TYPED_MARKUP = ["<b>x</b>", "**b**", "`c`", "$\\href{http://e.io}{k}$", ":red[x]"]


def test_typed_class_names_reach_labels_table_and_figure_as_literal_text():
    # Plotly reads <b> in labels as markup and slider labels and st.table read
    # Markdown (with KaTeX and colours); as character references each name
    # shows as typed everywhere and starts no markup.
    at = set_widget(open_explorer(), "explorer_C", 5)
    at = set_widget(at, "explorer_names", ", ".join(TYPED_MARKUP))
    for bars in figure(at, "explorer_bars")["data"]:
        assert [plain(name) for name in bars["x"]] == TYPED_MARKUP
    cells = column(at, 0, EN["table.class"])
    labels = [at.get_by_key(f"explorer_z{k}").label for k in range(5)]
    assert [plain(cell) for cell in cells] == TYPED_MARKUP
    for k, (cell, label) in enumerate(zip(cells, labels, strict=True)):
        assert plain(label) == f"z{k} · {TYPED_MARKUP[k]}"
        for text in (cell, label):
            bare = re.sub(r"&#\d+;", "", text)  # what Markdown could read as markup
            assert not re.search(r"[<>*`$\\:\[\]{}]", bare), text


def test_repeated_class_names_get_their_class_number():
    at = set_widget(open_explorer(), "explorer_names", "cat, cat")
    names = figure(at, "explorer_bars")["data"][0]["x"]
    assert names[:2] == ["cat (0)", "cat (1)"]
    assert len(set(names)) == 4


def test_python_view_is_off_at_first_and_the_live_view_has_python_numbers():
    # Off, the page builds no plotly figure and no table: the live view alone
    # shows the numbers, and at rest they are softmax_core's.
    at = open_page("explorer")
    assert at.get_by_key("explorer_python_view").value is False
    assert not at.get("plotly_chart")
    assert not at.table
    data = live_data(at)
    assert [entry["value"] for entry in data["entries"]] == LECTURE_Z
    np.testing.assert_allclose(
        data["python"]["a"], independent_softmax(LECTURE_Z), rtol=1e-12
    )
    assert data["python"]["hard"] == [1, 0, 0, 0]


def live_z_and_t(at) -> tuple[list[float], float]:
    data = live_data(at)
    return [entry["value"] for entry in data["entries"]], data["temperature"]["value"]


def test_the_view_has_the_sliders_values_whether_drawn_before_or_after_them():
    # The view is drawn after the sliders on a session's first run (a link's
    # values reach the session state only through them) and when C adds a
    # slider; before them once every value is known. Each time it must show
    # the values the sliders hold.
    at = open_page(
        "explorer",
        {"explorer_z0": "-2.5", "explorer_z3": "7", "explorer_temperature": "2.0"},
    )
    assert live_z_and_t(at) == ([-2.5, 2.0, -1.0, 7.0], 2.0)
    set_widget(at, "explorer_z1", 4.2)
    assert live_z_and_t(at) == ([-2.5, 4.2, -1.0, 7.0], 2.0)
    set_widget(at, "explorer_temperature", 0.5)
    assert live_z_and_t(at) == ([-2.5, 4.2, -1.0, 7.0], 0.5)
    set_widget(at, "explorer_C", 5)
    assert live_z_and_t(at) == ([-2.5, 4.2, -1.0, 7.0, 0.0], 0.5)
    set_widget(at, "explorer_z4", -9.9)
    z, temperature = live_z_and_t(at)
    assert z == [at.get_by_key(f"explorer_z{k}").value for k in range(5)]
    np.testing.assert_allclose(
        live_data(at)["python"]["a"],
        independent_softmax(z, temperature),
        rtol=1e-12,
    )


def test_python_view_shows_the_numbers_the_live_view_was_given():
    at = open_explorer()
    set_widget(at, "explorer_z1", 6.5)
    data = live_data(at)
    np.testing.assert_array_equal(softmax_bars(at), data["python"]["a"])
    np.testing.assert_array_equal(hardmax_bars(at), data["python"]["hard"])
    assert shown_z(at) == [entry["value"] for entry in data["entries"]]


def test_python_view_stays_on_across_another_page_and_a_language_switch():
    at = open_explorer()
    at.switch_page("pages/logistic.py").run()
    at.switch_page("pages/explorer.py").run()
    assert at.get_by_key("explorer_python_view").value is True
    assert figure(at, "explorer_bars")["data"]
    set_widget(at, "lang", "zh-TW")
    assert at.get_by_key("explorer_python_view").value is True
    assert len(at.table) == 1


COLD_EXPLORER = """
import sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file("app.py", default_timeout=60)
at.run()
at.switch_page("pages/explorer.py").run()
assert not at.exception, [e.message for e in at.exception]
assert at.get("bidi_component"), "the live view was drawn"
print(sorted(m for m in ("pandas", "pyarrow", "scipy") if m in sys.modules))
"""


def test_the_explorer_draws_its_live_view_without_importing_pandas_or_scipy():
    # pandas is the largest import of a cold start; the explorer has no table
    # until "The same numbers from Python" is turned on.
    done = subprocess.run(
        [sys.executable, "-c", COLD_EXPLORER],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=APP.parent,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[-2] == "[]"
