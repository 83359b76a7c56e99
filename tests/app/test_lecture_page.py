"""The guided lecture: every step renders, the step follows the link, next and
previous stay within the lecture, and each step shows the lecture's numbers.

Expected numbers are the lecture's own (LECTURE.md), typed here, or follow from
what the page itself shows (J is the mean of the bars drawn beside it).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from softmax_ui.lecture_steps import STEPS
from softmax_ui.locales.zh_tw import STRINGS as ZH

from .apptest_helpers import (
    APP,
    EN,
    TIMEOUT,
    assert_no_exception,
    column,
    figure,
    metric,
    open_page,
    values,
)

NAMES = list(STEPS)
CATALOGS = {"en": EN, "zh-TW": ZH}


def open_lecture(step: str | None = None, lang: str = "en") -> AppTest:
    """Open ``/lecture`` (``?step=`` if given) as a visitor's first page."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    if step is not None:
        at.query_params["step"] = step
    if lang != "en":
        at.query_params["lang"] = lang
    at.switch_page("pages/lecture.py")
    at.run()
    assert_no_exception(at)
    return at


def shown_step(at: AppTest) -> int:
    return at.get_by_key("step").value


def heading(at: AppTest) -> str:
    headers = [h.value for h in at.header]
    assert len(headers) == 1, headers
    return headers[0]


def expected_heading(n: int, lang: str = "en") -> str:
    strings = CATALOGS[lang]
    title = strings[f"lecture.{NAMES[n - 1]}_title"]
    return strings["lecture.step_heading"].format(n=n, total=len(NAMES), title=title)


def click(at: AppTest, key: str) -> AppTest:
    at.get_by_key(key).click().run()
    assert_no_exception(at)
    return at


def test_the_lecture_has_about_ten_steps_each_with_a_title_and_caption():
    assert 8 <= len(NAMES) <= 12
    for strings in CATALOGS.values():
        for name in NAMES:
            assert strings[f"lecture.{name}_title"].strip()
            assert strings[f"lecture.{name}_caption"].strip()


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
@pytest.mark.parametrize("n", range(1, len(NAMES) + 1))
def test_every_step_renders_in_both_languages(n, lang):
    at = open_lecture(str(n), lang)
    assert shown_step(at) == n
    assert heading(at) == expected_heading(n, lang)
    caption = CATALOGS[lang][f"lecture.{NAMES[n - 1]}_caption"]
    assert caption in [m.value for m in at.markdown]
    assert at.title[0].value == CATALOGS[lang]["lecture.title"]


def test_the_lecture_opens_at_step_one_without_a_step_in_the_link():
    at = open_lecture()
    assert shown_step(at) == 1
    assert heading(at) == expected_heading(1)


def test_a_step_in_the_link_opens_that_step():
    at = open_lecture("4")
    assert shown_step(at) == 4
    assert heading(at) == expected_heading(4)
    assert not at.warning


@pytest.mark.parametrize(
    ("link", "nearest"),
    [("0", 1), ("-3", 1), ("11", 10), ("99", 10), ("4.6", 4)],
)
def test_a_step_outside_the_lecture_opens_the_nearest_step_and_says_so(link, nearest):
    at = open_lecture(link)
    assert shown_step(at) == nearest
    assert heading(at) == expected_heading(nearest)
    notice = EN["chrome.link_notice"].format(keys="“step”")
    assert notice in [w.value for w in at.warning]


@pytest.mark.parametrize("link", ["abc", "", "nan"])
def test_a_step_that_is_not_a_number_opens_step_one(link):
    at = open_lecture(link)
    assert shown_step(at) == 1


def test_next_walks_to_the_last_step_and_stops_there():
    at = open_lecture()
    assert at.get_by_key("lecture_previous").disabled
    assert at.get_by_key("lecture_page_up").disabled
    for n in range(2, len(NAMES) + 1):
        click(at, "lecture_next")
        assert shown_step(at) == n
        assert heading(at) == expected_heading(n)
    assert at.get_by_key("lecture_next").disabled
    assert at.get_by_key("lecture_page_down").disabled
    assert not at.get_by_key("lecture_previous").disabled


def test_previous_walks_back_to_the_first_step_and_stops_there():
    at = open_lecture(str(len(NAMES)))
    for n in range(len(NAMES) - 1, 0, -1):
        click(at, "lecture_page_up" if n % 2 else "lecture_previous")
        assert shown_step(at) == n
    assert at.get_by_key("lecture_previous").disabled
    assert at.get_by_key("lecture_page_up").disabled
    assert not at.get_by_key("lecture_next").disabled


def test_the_clicker_buttons_move_like_the_visible_ones():
    at = open_lecture("5")
    click(at, "lecture_page_down")
    assert shown_step(at) == 6
    click(at, "lecture_page_up")
    click(at, "lecture_page_up")
    assert shown_step(at) == 4


def test_the_step_numbers_jump_straight_to_a_step():
    at = open_lecture()
    at.get_by_key("step").select(7).run()
    assert_no_exception(at)
    assert heading(at) == expected_heading(7)


def test_the_buttons_carry_the_arrow_and_clicker_shortcuts():
    at = open_lecture("3")
    shortcuts = {
        key: at.get_by_key(key).proto.shortcut
        for key in (
            "lecture_previous",
            "lecture_next",
            "lecture_page_up",
            "lecture_page_down",
        )
    }
    assert shortcuts == {
        "lecture_previous": "left",
        "lecture_next": "right",
        "lecture_page_up": "pageup",
        "lecture_page_down": "pagedown",
    }


def test_step_2_shows_the_lectures_softmax_of_5_2_minus_1_3():
    at = open_lecture("2")
    assert column(at, 0, "z") == ["5.0", "2.0", "-1.0", "3.0"]
    assert column(at, 0, EN["table.t"]) == ["148.4", "7.389", "0.3679", "20.09"]
    assert column(at, 0, EN["table.a"]) == ["0.842", "0.042", "0.002", "0.114"]
    assert column(at, 0, EN["table.hardmax"]) == ["1", "0", "0", "0"]
    assert EN["explorer.sum_t"].format(total="176.3") in [m.value for m in at.markdown]


def test_step_2_follows_its_z_slider():
    at = open_lecture("2")
    at.get_by_key("lecture_z0").set_value(2.0).run()
    assert_no_exception(at)
    # z = [2, 2, −1, 3]: the largest entry is now z3 = 3.
    assert column(at, 0, EN["table.hardmax"]) == ["0", "0", "0", "1"]


def test_step_3_shows_hardmax_1_0_0_0_beside_softmax():
    at = open_lecture("3")
    fig = figure(at, "lecture_bars")
    soft, hard = (values(t["y"]) for t in fig["data"])
    assert hard.tolist() == [1.0, 0.0, 0.0, 0.0]
    np.testing.assert_allclose(soft, [0.842, 0.042, 0.002, 0.114], atol=5e-4)


def test_step_4_shows_0_842_and_0_158_equal_to_the_sigmoid():
    at = open_lecture("4")
    assert metric(at, EN["logistic.a1"]) == "0.842"
    assert metric(at, EN["logistic.a2"]) == "0.158"
    assert metric(at, EN["logistic.sigma"]) == "0.842"


def test_step_4_opens_at_its_own_example_after_the_steps_with_z_sliders():
    # Steps 1 to 3 draw sliders of z[L]; step 4's z₁ and z₂ must not take
    # their values (z[L]'s entries 1 and 2 are 2 and −1, step 4's 1.67 and 0).
    at = open_lecture("3")
    at.get_by_key("step").set_value(4).run()
    assert_no_exception(at)
    assert [s.value for s in at.slider if s.label in ("z₁", "z₂")] == [1.67, 0.0]
    assert metric(at, EN["logistic.a1"]) == "0.842"


def test_step_5_shows_the_lectures_loss_1_609():
    at = open_lecture("5")
    assert metric(at, EN["loss.value"]) == "1.609"
    assert column(at, 0, EN["table.term"]) == ["0.000", "1.609", "0.000", "0.000"]


@pytest.mark.parametrize(("true_class", "p"), [(0, 0.3), (2, 0.1), (3, 0.4)])
def test_step_5_loss_is_minus_log_of_the_chosen_true_class(true_class, p):
    at = open_lecture("5")
    at.get_by_key("lecture_true_class").set_value(true_class).run()
    assert_no_exception(at)
    assert metric(at, EN["loss.value"]) == f"{-math.log(p):.3f}"


def test_step_6_gradient_steps_lower_l_and_raise_the_cats_probability():
    at = open_lecture("6")
    at.get_by_key("lecture_descent_steps").set_value(8).run()
    assert_no_exception(at)
    losses, p_cat = (values(t["y"]) for t in figure(at, "lecture_trace")["data"])
    assert len(losses) == 9
    assert losses[0] == pytest.approx(-math.log(0.2))
    assert p_cat[0] == pytest.approx(0.2)
    assert np.all(np.diff(losses) < 0)
    assert np.all(np.diff(p_cat) > 0)
    np.testing.assert_allclose(losses, -np.log(p_cat), rtol=1e-9)


def test_step_7_cost_is_the_mean_of_the_examples_losses():
    at = open_lecture("7")
    fig = figure(at, "lecture_losses")
    bars = np.concatenate([values(t["y"]) for t in fig["data"]])
    assert len(bars) == int(metric(at, "m"))
    shown_cost = [m for m in at.metric if m.label.startswith("J")]
    assert len(shown_cost) == 1
    assert float(shown_cost[0].value) == pytest.approx(bars.mean(), abs=5e-4)
    assert fig["layout"]["shapes"][0]["y0"] == pytest.approx(bars.mean())


def test_step_8_first_column_is_the_lectures_cat():
    at = open_lecture("8")
    Y = values(figure(at, "lecture_Y")["data"][0]["z"])
    Y_hat = values(figure(at, "lecture_Y_hat")["data"][0]["z"])
    assert Y.shape == Y_hat.shape == (4, 6)
    assert Y[:, 0].tolist() == [0.0, 1.0, 0.0, 0.0]
    np.testing.assert_allclose(Y_hat[:, 0], [0.3, 0.2, 0.1, 0.4])
    assert np.all(Y.sum(axis=0) == 1.0)
    np.testing.assert_allclose(Y_hat.sum(axis=0), 1.0, rtol=1e-6)


def test_step_9_shows_dz_as_y_hat_minus_y_and_the_numerical_check():
    at = open_lecture("9")
    dz = values(figure(at, "lecture_dz")["data"][0]["y"])
    np.testing.assert_allclose(dz, [0.3, -0.8, 0.1, 0.4], atol=1e-12)
    numeric = [float(v) for v in column(at, 0, EN["table.dz_numeric"])]
    np.testing.assert_allclose(numeric, [0.3, -0.8, 0.1, 0.4], atol=1e-6)


def test_step_10_trains_the_same_run_as_the_training_page():
    training = open_page("training")
    lecture = open_lecture("10")
    label = EN["training.cost_now"].format(it=300)
    assert metric(lecture, label) == metric(training, label)
    assert metric(lecture, EN["training.accuracy_now"]) == metric(
        training, EN["training.accuracy_now"]
    )
    costs = values(figure(lecture, "lecture_cost")["data"][0]["y"])
    np.testing.assert_array_equal(
        costs, values(figure(training, "training_cost")["data"][0]["y"])
    )
    assert costs[-1] < costs[0] / 5


def test_a_link_that_hides_the_step_navigation_keeps_students_on_its_step():
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["step"] = "4"
    at.query_params["hide"] = "step"
    at.switch_page("pages/lecture.py")
    at.run()
    assert_no_exception(at)
    assert shown_step(at) == 4
    # Buttons and their shortcuts (arrows, the clicker's PageUp/PageDown) are off.
    for key in ("lecture_previous", "lecture_next", "lecture_page_up",
                "lecture_page_down"):
        assert at.get_by_key(key).disabled, key
    # Without the hiding the same step has all four on.
    free = open_lecture("4")
    for key in ("lecture_previous", "lecture_next", "lecture_page_up",
                "lecture_page_down"):
        assert not free.get_by_key(key).disabled, key


def test_the_lecture_and_the_training_page_share_one_training_run(monkeypatch):
    # The lecture's training steps use the training page's defaults: a visit to
    # either after the other trains nothing (the cache holds the run).
    from softmax_ui import runs

    runs.training_run.clear()
    runs.regions_at.clear()
    trained = []
    real_train = runs.train
    monkeypatch.setattr(
        runs, "train", lambda *a, **k: trained.append(a[2]) or real_train(*a, **k)
    )
    open_page("training")
    assert trained == [4]
    for step in ("7", "8", "10"):
        open_lecture(step)
    assert trained == [4], "the lecture trained its own run"
    runs.training_run.clear()
    runs.regions_at.clear()
    open_lecture("10")
    open_page("training")
    assert len(trained) == 2, "the training page trained again after the lecture"
