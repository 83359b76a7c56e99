"""Predict, then reveal: a lecture step asks its question before it shows the view.

With ``?lecture_ask=true`` (or the sidebar's toggle), steps 2, 3, 4 and 10
show their question's choices and neither their caption (which gives the
answer away) nor their view; choosing, or "Reveal the answer", shows the
answer line, the caption and the view. The expected answers are typed here
from the lecture (LECTURE.md), not read from softmax_ui.questions.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from softmax_ui.lecture_steps import STEPS
from softmax_ui.locales.zh_tw import STRINGS as ZH

from .apptest_helpers import APP, EN, TIMEOUT, assert_no_exception

NAMES = list(STEPS)
CATALOGS = {"en": EN, "zh-TW": ZH}
# Step (1-based) -> its questions and their right choice, from the lecture.
ASKED = {
    2: [("shift", 0)],  # softmax(z + c) = softmax(z)
    3: [("hardmax_pick", 0), ("temperature", 1)],  # z0 = 5 is largest; → hardmax
    4: [("two_classes", 1)],  # softmax₁ = σ(z₁ − z₂)
    10: [("learning_rate", 2)],
}


def open_lecture(step: int, *, ask: str | None = "true", **params: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["step"] = str(step)
    if ask is not None:
        at.query_params["lecture_ask"] = ask
    at.query_params.update(params)
    at.switch_page("pages/lecture.py")
    at.run()
    assert_no_exception(at)
    return at


def views_shown(at: AppTest) -> int:
    """The step's charts and tables on the page."""
    return len(at.get("plotly_chart")) + len(at.table)


def texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def choice_keys(at: AppTest) -> list[str]:
    return sorted(b.key for b in at.button if b.key.startswith("lecture_choice_"))


def caption_shown(at: AppTest, n: int, lang: str = "en") -> bool:
    return CATALOGS[lang][f"lecture.{NAMES[n - 1]}_caption"] in texts(at)


def click_key(at: AppTest, key: str) -> AppTest:
    at.get_by_key(key).click().run()
    assert_no_exception(at)
    return at


@pytest.mark.parametrize("n", sorted(ASKED))
def test_a_question_hides_the_caption_and_the_view_until_answered(n):
    at = open_lecture(n)
    question, right = ASKED[n][0]
    assert EN[f"questions.{question}_prompt"] in texts(at)[0]
    assert choice_keys(at) == [f"lecture_choice_{question}_{k}" for k in range(4)]
    assert views_shown(at) == 0
    assert not caption_shown(at, n)
    for question, right in ASKED[n]:
        click_key(at, f"lecture_choice_{question}_{right}")
        line = EN["questions.right"].format(
            choice=EN[f"questions.{question}_{right}"],
            why=EN[f"questions.{question}_why"],
        )
        assert any(line in text for text in texts(at)), texts(at)
    assert views_shown(at) > 0
    assert caption_shown(at, n)
    assert choice_keys(at) == []


def test_a_wrong_choice_says_so_and_names_the_answer():
    at = open_lecture(2)
    click_key(at, "lecture_choice_shift_3")
    line = EN["questions.wrong"].format(
        chosen=EN["questions.shift_3"],
        choice=EN["questions.shift_0"],
        why=EN["questions.shift_why"],
    )
    assert any(line in text for text in texts(at))
    assert views_shown(at) > 0


def test_reveal_shows_the_answer_and_the_view_without_a_choice():
    at = open_lecture(4)
    click_key(at, "lecture_reveal")
    line = EN["questions.answer"].format(
        choice=EN["questions.two_classes_1"], why=EN["questions.two_classes_why"]
    )
    assert line in texts(at)
    assert views_shown(at) > 0 and caption_shown(at, 4)


def test_the_hardmax_step_asks_its_two_questions_one_after_the_other():
    at = open_lecture(3)
    assert choice_keys(at)[0].startswith("lecture_choice_hardmax_pick_")
    click_key(at, "lecture_reveal")
    assert choice_keys(at)[0].startswith("lecture_choice_temperature_")
    assert views_shown(at) == 0
    click_key(at, "lecture_choice_temperature_0")
    assert views_shown(at) > 0
    assert sum("questions" not in t and "Uniform" in t for t in texts(at)) == 1


def test_an_answered_question_is_not_asked_again_after_a_visit_to_another_step():
    at = open_lecture(2)
    click_key(at, "lecture_choice_shift_0")
    click_key(at, "lecture_next")
    assert choice_keys(at)  # step 3 asks its own
    click_key(at, "lecture_previous")
    assert choice_keys(at) == []
    assert views_shown(at) > 0


@pytest.mark.parametrize("n", [1, 5, 6, 7, 8, 9])
def test_steps_without_a_question_show_their_view_in_question_mode(n):
    at = open_lecture(n)
    assert choice_keys(at) == []
    assert caption_shown(at, n)


@pytest.mark.parametrize("ask", [None, "false", "nonsense"])
def test_without_question_mode_the_step_shows_its_view_at_once(ask):
    at = open_lecture(3, ask=ask)
    assert choice_keys(at) == []
    assert views_shown(at) > 0
    assert not at.get_by_key("lecture_ask").value


def test_the_sidebar_toggle_turns_question_mode_on_and_keeps_it_in_the_link():
    at = open_lecture(2, ask=None)
    assert views_shown(at) > 0
    at.get_by_key("lecture_ask").set_value(True).run()
    assert_no_exception(at)
    assert choice_keys(at)
    assert at.query_params["lecture_ask"] == "true"
    at.get_by_key("lecture_ask").set_value(False).run()
    assert "lecture_ask" not in at.query_params
    assert views_shown(at) > 0


@pytest.mark.parametrize("flag", ["1", "yes", "TRUE"])
def test_a_short_flag_in_the_link_also_asks_and_is_no_link_problem(flag):
    at = open_lecture(2, ask=flag)
    assert choice_keys(at)
    assert not at.warning


def test_questions_are_asked_in_traditional_chinese():
    at = open_lecture(3, lang="zh-TW")
    assert ZH["questions.hardmax_pick_prompt"] in texts(at)[0]
    labels = {b.label for b in at.button}
    assert {ZH[f"questions.hardmax_pick_{k}"] for k in range(4)} <= labels
    click_key(at, "lecture_choice_hardmax_pick_0")
    assert any(ZH["questions.hardmax_pick_why"] in t for t in texts(at))


def test_in_presenter_mode_reveal_has_the_clicker_key_and_a_poll_panel():
    at = open_lecture(2, present="true")
    reveal = at.get_by_key("lecture_reveal")
    assert reveal.label == EN["questions.reveal"]
    assert reveal.proto.shortcut.lower() == "b"
    assert at.get_by_key("lecture_poll_open").label == EN["polls.open"]


def test_every_question_has_its_words_in_both_catalogs():
    for strings in CATALOGS.values():
        for questions in ASKED.values():
            for question, _ in questions:
                for suffix in ("prompt", "why", "0", "1", "2", "3"):
                    assert strings[f"questions.{question}_{suffix}"].strip()


def test_projected_the_answers_take_the_captions_place_and_keep_it_as_a_tooltip():
    at = open_lecture(10, present="true")
    click_key(at, "lecture_reveal")
    answers = [
        m for m in at.markdown if m.value.startswith(EN["questions.answer"][:11])
    ]
    assert len(answers) == 1
    caption = EN["lecture.training_caption"]
    assert answers[0].proto.help == caption
    assert not caption_shown(at, 10)
    assert views_shown(at) > 0


def test_on_a_laptop_the_caption_follows_the_answer():
    at = open_lecture(10)
    click_key(at, "lecture_reveal")
    assert caption_shown(at, 10)
