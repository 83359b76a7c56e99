"""Inside the model, on the training page: the per-example table, W and b, divergence.

Everything is read from what the page shows: the table's cells, the figures'
traces, the metrics' text.
"""

import math
import re

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from softmax_ui.views.inside import TABLE_KEY

from .apptest_helpers import (
    APP,
    EN,
    TIMEOUT,
    assert_no_exception,
    figure,
    open_page,
    set_widget,
    shown_costs,
    values,
)

LOSS = "L⁽ⁱ⁾"


def table(at):
    frames = [d for d in at.dataframe if LOSS in d.value.columns]
    assert len(frames) == 1
    return frames[0].value


def select_row(at, row):
    at.session_state[TABLE_KEY] = {"selection": {"rows": [row], "columns": []}}
    at.run()
    assert_no_exception(at)
    return at


def ring(at):
    name = EN["inside.example_name"]
    rings = [t for t in figure(at, "training_regions")["data"]
             if t.get("name", "").startswith(name.split("(")[0])]  # fmt: skip
    return rings


def test_the_table_lists_every_example_worst_first_with_its_loss():
    at = open_page("training")
    frame = table(at)
    assert len(frame) == 300
    losses = frame[LOSS].to_numpy()
    assert np.all(np.diff(losses) <= 0)
    # L = −log ŷ of the true class, read from the row's own columns.
    for _, row in frame.head(5).iterrows():
        true = row[EN["inside.true_class"]]
        assert row[LOSS] == pytest.approx(-math.log(row[f"ŷ {true}"]), rel=1e-6)
    probabilities = frame[[c for c in frame.columns if c.startswith("ŷ ")]]
    assert probabilities.sum(axis=1).to_numpy() == pytest.approx(1, abs=1e-6)
    assert sorted(frame["i"]) == list(range(1, 301))


def test_selecting_a_row_rings_its_point_and_frames_its_column():
    at = open_page("training")
    assert not ring(at)
    frame = table(at)
    worst = int(frame["i"][0])
    x = frame.iloc[0][["x₁", "x₂"]].to_numpy(dtype=float)
    select_row(at, 0)
    (circle,) = ring(at)
    assert circle["name"] == EN["inside.example_name"].format(i=worst)
    assert [float(values(circle["x"])[0]), float(values(circle["y"])[0])] == (
        pytest.approx(x.tolist())
    )
    assert at.query_params["training_example"] == str(worst)
    # Its column joins Y and Ŷ, framed.
    for key in ("training_Y", "training_Y_hat"):
        fig = figure(at, key)
        columns = list(fig["data"][0]["x"])
        assert f"({worst})" in columns
        (frame_shape,) = fig["layout"]["shapes"]
        assert frame_shape["x0"] + 0.5 == columns.index(f"({worst})")
    # The table keeps its row selected; the summary names the example.
    assert at.session_state[TABLE_KEY]["selection"]["rows"] == [0]
    (summary,) = [m.value for m in at.markdown if f"({worst})" in m.value]
    # Its column of dZ is ŷ − y, read against the row's ŷ and true class.
    dz = [float(v) for v in re.search(r"\(([-+0-9., ]+)\);", summary).group(1)
          .split(",")]  # fmt: skip
    row = frame.iloc[0]
    y_hats = [c for c in frame.columns if c.startswith("ŷ ")]
    expected = [row[c] - (c == f"ŷ {row[EN['inside.true_class']]}") for c in y_hats]
    assert dz == pytest.approx(expected, abs=1e-3)


def test_the_selection_follows_its_example_when_the_order_changes():
    at = open_page("training")
    worst = int(table(at)["i"][0])
    select_row(at, 0)
    set_widget(at, "training_iteration", 0)  # every loss log C: first-come order
    frame = table(at)
    row = at.session_state[TABLE_KEY]["selection"]["rows"][0]
    assert int(frame["i"][row]) == worst
    assert ring(at)[0]["name"] == EN["inside.example_name"].format(i=worst)


def opened(query):
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params.update(query)
    at.switch_page("pages/training.py").run()
    assert_no_exception(at)
    return at


def test_a_link_selects_an_example_and_a_bad_one_is_named():
    at = opened({"training_example": "17"})
    assert ring(at)[0]["name"] == EN["inside.example_name"].format(i=17)
    row = at.session_state[TABLE_KEY]["selection"]["rows"][0]
    assert int(table(at)["i"][row]) == 17
    # Far down the table, maybe: the summary says where.
    assert any(f"row {row + 1} of 300 by loss" in m.value for m in at.markdown)
    assert not at.warning
    at = opened({"training_example": "99999"})
    assert not ring(at)
    (notice,) = [w.value for w in at.warning]
    assert notice.startswith(EN["chrome.link_notice"].split("{")[0])
    assert "example" in notice


def test_deselecting_the_row_clears_the_ring():
    at = select_row(open_page("training"), 2)
    assert ring(at)
    at.session_state[TABLE_KEY] = {"selection": {"rows": [], "columns": []}}
    at.run()
    assert not ring(at)
    assert "training_example" not in at.query_params


def shown_j(at, which="now"):
    """J as the W and b readout shows it: ``now``, ``before`` or ``trained``."""
    readouts = [h.value for h in at.html if "j-readout" in h.value]
    assert len(readouts) == 1
    found = re.search(rf"data-j='{which}'>([-0-9.]+)<", readouts[0])
    return float(found.group(1)) if found else None


def cost_now(at):
    return shown_j(at)


def test_a_nudge_changes_j_and_the_regions_and_reset_brings_them_back():
    at = set_widget(open_page("training"), "training_iteration", 0)
    start = cost_now(at)
    assert start == pytest.approx(math.log(4), abs=1e-4)
    regions = values(figure(at, "training_inside_regions")["data"][0]["z"])
    at.button(key="training_inside_plus").click().run()
    assert_no_exception(at)
    nudged = cost_now(at)
    assert nudged != pytest.approx(start, abs=1e-4)
    assert shown_j(at, "before") == pytest.approx(start, abs=1e-4)
    assert not np.array_equal(
        values(figure(at, "training_inside_regions")["data"][0]["z"]), regions
    )
    at.button(key="training_inside_reset").click().run()
    assert cost_now(at) == pytest.approx(start, abs=1e-4)


def test_the_chosen_entry_is_the_one_nudged():
    at = set_widget(open_page("training"), "training_iteration", 0)
    grid_before = [h.value for h in at.html if "wb-grid" in h.value]
    set_widget(at, "training_inside_entry", (1, 2))  # b of class 1, the cat
    at.button(key="training_inside_minus").click().run()
    grid_after = [h.value for h in at.html if "wb-grid" in h.value]
    assert len(grid_after) == 1 and grid_after != grid_before
    assert "-0.500" in grid_after[0]
    assert EN["inside.last_change"].format(change="b[cat] -0.5") in [
        c.value for c in at.caption
    ]


def test_one_gradient_step_lowers_j_as_training_does():
    at = set_widget(open_page("training"), "training_iteration", 0)
    costs = shown_costs(at)
    at.button(key="training_inside_step").click().run()
    assert_no_exception(at)
    # The page's first training step, taken by hand: the same J.
    assert cost_now(at) == pytest.approx(costs[1], abs=1e-4)
    assert cost_now(at) < shown_j(at, "before")


def test_a_hidden_layer_says_the_grid_is_for_softmax_regression():
    at = set_widget(open_page("training"), "training_hidden_units", 8)
    assert EN["inside.hidden_layer"].format(h=8) in [i.value for i in at.info]
    assert not [h for h in at.html if "wb-grid" in h.value]
    assert len(table(at)) == 300  # the table is for every model


def test_a_learning_rate_that_makes_j_bounce_is_named_at_the_curve():
    at = set_widget(open_page("training"), "training_dataset", "spirals")
    set_widget(at, "training_learning_rate", 30.0)
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 1
    assert "α = 30" in warnings[0] and "α = 3" in warnings[0]
    # Said at the lab, the page's main curve: not folded into an expander.
    assert not [w for folded in at.expander for w in folded.warning]
    (cross,) = [t for t in figure(at, "training_cost")["data"]
                if t.get("marker", {}).get("symbol") == "x"]  # fmt: skip
    it = int(values(cross["x"])[0])
    assert warnings[0] == EN["inside.diverged_rising"].format(
        it=it, alpha="30", smaller="3"
    )
    assert np.all(shown_costs(at)[1 : it + 1] > shown_costs(at)[0])
    assert not at.error  # J stays finite: training was not stopped


def test_a_run_that_blows_up_is_crossed_where_it_stopped():
    at = set_widget(open_page("training"), "training_hidden_units", 64)
    at.get_by_key("training_activation").set_value("relu")
    at.get_by_key("training_learning_rate").set_value(100.0)
    at.run()
    assert len(at.error) == 1
    costs = shown_costs(at)
    assert [w.value for w in at.warning] == [EN["inside.diverged_stopped"].format(
        it=len(costs) - 1, alpha="100", smaller="10")]  # fmt: skip


def test_a_good_learning_rate_has_no_warning_and_no_cross():
    at = open_page("training")
    assert not at.warning
    assert not [t for t in figure(at, "training_cost")["data"]
                if t.get("marker", {}).get("symbol") == "x"]  # fmt: skip


def test_in_chinese_the_section_speaks_chinese():
    at = open_page("training", {"lang": "zh-TW"})
    from softmax_ui.locales.zh_tw import STRINGS as ZH

    assert ZH["inside.title"] in [h.value for h in at.header]
    assert ZH["inside.true_class"] in table(at).columns


def test_a_feature_named_like_a_column_of_the_table_keeps_both():
    from softmax_ui.training_data import Data
    from softmax_ui.views.inside import example_frame

    X = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    data = Data(X, np.array([0, 1, 0]), ("a", "b"), ("i", "L⁽ⁱ⁾"), standardized=True)
    Y_hat = np.full((2, 3), 0.5)
    frame = example_frame(data, ["a", "b"], Y_hat, np.array([0.1, 0.3, 0.2]),
                          np.array([1, 2, 0]))  # fmt: skip
    assert list(frame.columns) == [
        "i", "x: i", "x: L⁽ⁱ⁾", "true class", "ŷ a", "ŷ b", "L⁽ⁱ⁾"
    ]
    assert frame["i"].tolist() == [2, 3, 1]
    assert frame["x: L⁽ⁱ⁾"].tolist() == [5.0, 6.0, 4.0]


def test_names_with_markup_are_text_in_the_table_and_the_grid():
    from softmax_ui.text import as_typed
    from softmax_ui.training_data import Data
    from softmax_ui.views.inside import example_frame
    from softmax_ui.views.parameters import grid_html

    names = [as_typed("<b>bold</b>"), as_typed("**star**")]
    data = Data(np.zeros((1, 2)), np.array([0, 1]), tuple(names), (as_typed("<i>x"),),
                standardized=True)  # fmt: skip
    frame = example_frame(data, names, np.full((2, 2), 0.5), np.ones(2), np.arange(2))
    # The grid draws plain text: the characters as typed, no references.
    assert "ŷ <b>bold</b>" in frame.columns and "<i>x" in frame.columns
    assert frame[EN["inside.true_class"]].tolist() == ["<b>bold</b>", "**star**"]
    grid = grid_html(np.ones((2, 1)), np.zeros(2), np.ones((2, 1)), np.zeros(2),
                     names, list(data.feature_names))  # fmt: skip
    assert "<b>" not in grid and "<i>" not in grid and "**" not in grid
    assert "&#60;b&#62;bold" in grid


@pytest.mark.parametrize(
    ("alpha", "smaller"), [(100.0, "10"), (30.0, "3"), (0.5, "0.05"), (0.001, "0.0001")]
)
def test_the_smaller_learning_rate_suggested_is_about_ten_times_smaller(alpha, smaller):
    from softmax_core import TrainingHistory
    from softmax_ui.views.training import divergence_message

    history = TrainingHistory(costs=np.array([1.0, 2.0, 3.0]), accuracies=np.zeros(3))
    said = divergence_message(1, history, alpha)
    assert said == EN["inside.diverged_rising"].format(
        it=1, alpha=f"{alpha:g}", smaller=smaller
    )
