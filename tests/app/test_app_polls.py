"""A poll of the room: the lecturer's panel on the projector, the students' link.

The lecturer (presenter mode, question mode) opens a poll on a question; a
student's tab opened on ``/lecture?lecture_poll=<code>`` answers it; the
projector's tally counts each tab once. Every test has a store of its own
(``SOFTMAX_POLL_DIR`` in a temporary folder); the counts expected are the
clicks the test made.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from softmax_ui.locales.zh_tw import STRINGS as ZH
from softmax_ui.poll_store import DIR_ENV, PollStore

from .apptest_helpers import APP, EN, TIMEOUT, assert_no_exception


@pytest.fixture(autouse=True)
def poll_folder(monkeypatch, tmp_path):
    monkeypatch.setenv(DIR_ENV, str(tmp_path))
    return tmp_path


def open_lecture(**params: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params.update(params)
    at.switch_page("pages/lecture.py")
    at.run()
    assert_no_exception(at)
    return at


def lecturer(step: int = 3, **params: str) -> AppTest:
    return open_lecture(step=str(step), lecture_ask="true", present="true", **params)


def click_key(at: AppTest, key: str) -> AppTest:
    at.get_by_key(key).click().run()
    assert_no_exception(at)
    return at


def texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def tally(at: AppTest) -> list[int]:
    """The counts the projector's tally shows, in choice order."""
    bodies = [
        e.proto.body
        for e in at.get("html")
        if e.proto.body.startswith('<div class="poll-tally">')
    ]
    assert len(bodies) == 1, bodies
    return [int(n) for n in re.findall(r'data-count="(\d+)"', bodies[0])]


def joining(at: AppTest) -> str:
    """The projector's line with the poll's code and link (HTML)."""
    bodies = [
        e.proto.body
        for e in at.get("html")
        if e.proto.body.startswith('<div class="poll-join">')
    ]
    assert len(bodies) == 1, bodies
    return bodies[0]


def open_poll(at: AppTest) -> str:
    click_key(at, "lecture_poll_open")
    return re.search(r'data-code="(\w+)"', joining(at)).group(1)


def student(code: str, **params: str) -> AppTest:
    return open_lecture(lecture_poll=code, **params)


def test_a_poll_opens_with_a_code_a_link_and_an_empty_tally():
    at = lecturer()
    code = open_poll(at)
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{4}", code)
    assert f"/lecture?lecture_poll={code}<" in joining(at)
    assert re.fullmatch(r"[0-9a-f]{32}", at.query_params["lecture_host"])
    assert tally(at) == [0, 0, 0, 0]
    assert not at.get("plotly_chart")  # the view waits for the answer


def test_students_answers_reach_the_projectors_tally_once_each():
    at = lecturer()
    code = open_poll(at)
    choices = [0, 0, 3, 1, 0]
    for choice in choices:
        tab = student(code)
        assert f"**{EN['questions.hardmax_pick_prompt']}**" in texts(tab)
        assert not tab.get("plotly_chart") and not tab.header  # no step shown
        click_key(tab, f"lecture_poll_answer_{choice}")
        counted = EN["polls.counted"].format(
            choice=EN[f"questions.hardmax_pick_{choice}"]
        )
        assert counted in [s.value for s in tab.success]
        assert not [b for b in tab.button if b.key.startswith("lecture_poll_answer")]
    at.run()
    assert tally(at) == [3, 1, 0, 1]


def test_a_reloaded_tab_is_the_same_student_and_cannot_answer_twice():
    at = lecturer()
    code = open_poll(at)
    tab = student(code)
    voter = tab.query_params["lecture_voter"]
    assert re.fullmatch(r"[0-9a-f]{16}", voter)
    click_key(tab, "lecture_poll_answer_2")
    again = student(code, lecture_voter=voter)  # the same address, reloaded
    assert not [b for b in again.button if b.key.startswith("lecture_poll_answer")]
    counted = EN["polls.counted"].format(choice=EN["questions.hardmax_pick_2"])
    assert counted in [s.value for s in again.success]
    assert not again.warning  # the kept ids are no link problem
    at.run()
    assert tally(at) == [0, 0, 1, 0]


def test_a_second_click_from_a_stale_page_is_refused_with_a_message():
    at = lecturer()
    code = open_poll(at)
    tab = student(code)
    voter = tab.query_params["lecture_voter"]
    stale = student(code, lecture_voter=voter)  # the same tab in a second window
    click_key(tab, "lecture_poll_answer_0")
    click_key(stale, "lecture_poll_answer_1")
    repeated = EN["polls.repeated"].format(
        code=code, choice=EN["questions.hardmax_pick_0"]
    )
    assert repeated in [i.value for i in stale.info]
    at.run()
    assert tally(at) == [1, 0, 0, 0]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("<b>x</b>", "polls.bad_code"),
        ("**A**", "polls.bad_code"),
        ("", "polls.bad_code"),
        ("ZZZZ", "polls.unknown"),
    ],
)
def test_a_bad_or_unknown_code_gets_a_clear_message_shown_as_typed(typed, message):
    tab = student(typed)
    errors = [e.value for e in tab.error]
    assert len(errors) == 1
    if message == "polls.unknown":
        assert errors[0] == EN[message].format(code=typed)
    else:
        assert errors[0].startswith(EN[message].split("“")[0])
        assert "<b>" not in errors[0] and "**A**" not in errors[0]
    assert not [b for b in tab.button if b.key.startswith("lecture_poll_answer")]


def test_a_closed_poll_takes_no_answer_and_says_so():
    at = lecturer()
    code = open_poll(at)
    tab = student(code)
    click_key(at, "lecture_poll_close")
    click_key(tab, "lecture_poll_answer_0")
    assert EN["polls.closed"].format(code=code) in [w.value for w in tab.warning]
    late = student(code)
    assert EN["polls.closed"].format(code=code) in [w.value for w in late.warning]
    assert not [b for b in late.button if b.key.startswith("lecture_poll_answer")]
    at.run()
    assert tally(at) == [0, 0, 0, 0]


def test_reveal_closes_the_poll_shows_the_room_and_tells_the_students():
    at = lecturer()
    code = open_poll(at)
    right, wrong = student(code), student(code)
    click_key(right, "lecture_poll_answer_0")
    click_key(wrong, "lecture_poll_answer_3")
    click_key(at, "lecture_reveal")
    room = EN["questions.room"].format(right=1, total=2)
    assert any(room in t for t in texts(at))
    assert PollStore().poll(code).revealed
    right.run()
    assert any(
        t.startswith(EN["questions.right"].split("{")[0]) for t in texts(right)
    ), texts(right)
    wrong.run()
    told = EN["questions.wrong"].format(
        chosen=EN["questions.hardmax_pick_3"],
        choice=EN["questions.hardmax_pick_0"],
        why=EN["questions.hardmax_pick_why"],
    )
    assert told in texts(wrong)


def test_the_lecturers_reload_keeps_the_poll_on_the_projector():
    at = lecturer()
    code = open_poll(at)
    click_key(student(code), "lecture_poll_answer_1")
    again = lecturer(lecture_host=at.query_params["lecture_host"])
    assert f'data-code="{code}"' in joining(again)
    assert tally(again) == [0, 1, 0, 0]
    assert not again.warning


def test_a_forged_host_token_controls_no_poll():
    at = lecturer()
    open_poll(at)
    other = lecturer(lecture_host="0" * 32)
    assert other.get_by_key("lecture_poll_open")  # no poll of its own


def test_the_student_side_speaks_traditional_chinese():
    at = lecturer(lang="zh-TW")
    code = open_poll(at)
    assert f"lecture_poll={code}&amp;lang=zh-TW<" in joining(at)
    tab = student(code, lang="zh-TW")
    assert f"**{ZH['questions.hardmax_pick_prompt']}**" in texts(tab)
    click_key(tab, "lecture_poll_answer_0")
    counted = ZH["polls.counted"].format(choice=ZH["questions.hardmax_pick_0"])
    assert counted in [s.value for s in tab.success]


@pytest.mark.parametrize("minutes", [1, 10])
def test_the_poll_stays_open_for_the_time_chosen(minutes):
    at = lecturer()
    at.get_by_key("lecture_poll_minutes").set_value(minutes).run()
    code = open_poll(at)
    poll = PollStore().poll(code)
    assert round(poll.closes_at - poll.opened) == 60 * minutes


def test_a_store_that_cannot_be_written_costs_the_polls_not_the_lecture(
    monkeypatch, tmp_path
):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(DIR_ENV, str(blocked))
    at = lecturer(step=4)
    unavailable = EN["polls.unavailable"].split("{")[0]
    click_key(at, "lecture_poll_open")
    assert any(e.value.startswith(unavailable) for e in at.error)
    click_key(at, "lecture_reveal")  # the question still reveals
    assert at.get("plotly_chart")
    tab = student("ABCD")
    assert any(e.value.startswith(unavailable) for e in tab.error)


HOSTILE = [
    "\x00\u202e",
    "a" * 5000,
    "$x^2$ :red[x] ![](http://e.io/x.png)",
    "<img src=x onerror=alert(1)>",
    "ab3k ",  # a code in lower case, with a space: still the code's form
    "1e308",
]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("key", ["lecture_poll", "lecture_voter", "lecture_host"])
def test_hostile_values_of_the_poll_keys_break_nothing_and_show_no_markup(key, value):
    code = PollStore().open_poll("hardmax_pick", 4, seconds=60).code
    params = {"lecture_poll": code, key: value}
    at = open_lecture(step="3", lecture_ask="true", present="true", **params)
    shown = " ".join(
        [e.value for e in at.error] + [w.value for w in at.warning] + texts(at)
    )
    for markup in ("<img", ":red[", "![](", "$x^2$", "\x00", "\u202e"):
        assert markup not in shown
    if key == "lecture_voter":
        assert re.fullmatch(r"[0-9a-f]{16}", at.query_params["lecture_voter"])


def test_one_answer_is_said_in_the_singular():
    at = lecturer()
    code = open_poll(at)
    click_key(student(code), "lecture_poll_answer_0")
    at.run()
    assert f"· {EN['polls.answers_one']}<" in joining(at)
    click_key(student(code), "lecture_poll_answer_1")
    at.run()
    assert f"· {EN['polls.answers'].format(n=2)}<" in joining(at)
