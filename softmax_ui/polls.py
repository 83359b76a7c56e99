"""A poll of the room on a lecture question: the lecturer's panel and the students'.

In presenter mode, a question of the guided lecture (:mod:`.question_mode`)
has a "Poll the room" panel: the lecturer opens a poll for 1, 2, 5 or 10
minutes and the projector shows its 4-character code, the link to answer at
(``/lecture?lecture_poll=<code>``) and the tally, refreshed every
:data:`REFRESH` seconds, until the answer is revealed. The lecturer's tab
keeps the poll it controls in its address (``lecture_host``, a secret
token), so a reload keeps the poll on screen.

A student who opens the link sees the question and its choices, and nothing
else of the lecture; one answer per tab counts (the tab's id is kept in its
address, ``lecture_voter``, so a reload is the same student). A repeated,
late or malformed answer, or a code that is no poll, gets a message; what
the link carried is shown as typed (:func:`softmax_ui.text.as_typed`).

The polls and answers are in :class:`~softmax_ui.poll_store.PollStore`,
shared by every server process on the machine.
"""

from __future__ import annotations

import functools
import html
import re
import sqlite3
from collections.abc import Callable
from typing import Any

import streamlit as st

from .controls import (
    LECTURE_POLL,
    LECTURE_POLL_HOST,
    LECTURE_POLL_MINUTES,
    LECTURE_VOTER,
)
from .frame import styles
from .i18n import language, tr
from .poll_store import (
    SESSION_PATTERN,
    Answer,
    Poll,
    PollStore,
    default_folder,
    new_session_id,
    normal_code,
)
from .questions import BY_ID, Question
from .text import as_typed

REFRESH = 1.5  # seconds between two looks at the tally
_HOST_PATTERN = re.compile(r"[0-9a-f]{32}")
_RESULT = "_poll_result"


@functools.cache
def _store(folder: str) -> PollStore:
    return PollStore(folder)


def store() -> PollStore:
    """The machine's poll store (folder from ``$SOFTMAX_POLL_DIR``)."""
    return _store(str(default_folder()))


def _store_may_fail(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function``, saying so on the page when the store cannot be used.

    A folder that cannot be written (a read-only disk, a ``SOFTMAX_POLL_DIR``
    that is a file) costs the polls, not the lecture.
    """

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except (sqlite3.Error, OSError) as error:
            st.error(tr("polls.unavailable", folder=as_typed(default_folder(), None)))
            st.caption(as_typed(f"{type(error).__name__}: {error}", limit=200))
            return None

    return guarded


# --- The lecturer's side ----------------------------------------------------------


def hosted_poll() -> Poll | None:
    """The poll this tab opened (its token in the address), or None."""
    key = LECTURE_POLL_HOST.key
    if key not in st.session_state:
        token = st.query_params.get(key, "").strip().lower()
        st.session_state[key] = token if _HOST_PATTERN.fullmatch(token) else ""
    token = st.session_state[key]
    return store().hosted(token) if token else None


@_store_may_fail
def host_panel(question: Question) -> None:
    """The projector's panel: open a poll on ``question``, then its code and tally."""
    poll = hosted_poll()
    if poll is None or poll.question != question.id:
        with st.container(
            horizontal=True, vertical_alignment="bottom", key="lecture_poll_opener"
        ):
            st.segmented_control(
                tr(LECTURE_POLL_MINUTES.label),
                LECTURE_POLL_MINUTES.options,
                default=LECTURE_POLL_MINUTES.default,
                format_func=lambda n: tr("polls.minutes_value", n=n),
                key=LECTURE_POLL_MINUTES.key,
            )
            st.button(
                tr("polls.open"),
                key="lecture_poll_open",
                icon=":material/how_to_vote:",
                on_click=_open,
                args=(question,),
            )
        return
    _live_tally(poll.code, question)


@_store_may_fail
def _open(question: Question) -> None:
    minutes = (
        st.session_state.get(LECTURE_POLL_MINUTES.key) or LECTURE_POLL_MINUTES.default
    )
    poll = store().open_poll(question.id, question.choices, seconds=60 * minutes)
    st.session_state[LECTURE_POLL_HOST.key] = poll.host
    st.query_params[LECTURE_POLL_HOST.key] = poll.host


def student_link(code: str) -> str:
    """The address a student opens to answer poll ``code``."""
    base = st.context.url or "/lecture"
    if not base.rstrip("/").endswith("lecture"):
        base = base.rstrip("/") + "/lecture"
    lang = "" if language() == "en" else f"&lang={language()}"
    return f"{base}?{LECTURE_POLL.key}={code}{lang}"


@st.fragment(run_every=REFRESH)
@_store_may_fail
def _live_tally(code: str, question: Question) -> None:
    poll = store().poll(code)
    if poll is None:
        return
    counts = store().tally(code)
    with st.container(key="lecture_poll_live"):
        state = (
            tr("polls.left", s=poll.seconds_left())
            if poll.is_open()
            else tr("polls.closed_now")
        )
        # The code large enough to read from the back of the hall; the link
        # is the address this tab has, escaped (HTML, not Markdown, here).
        link = html.escape(student_link(code))
        st.html(
            '<div class="poll-join">'
            f'<span class="poll-code" data-code="{code}">{code}</span>'
            f'<span class="poll-link">{link}</span>'
            f'<span class="poll-state">{html.escape(state)} · '
            f"{html.escape(tr('polls.answers', n=sum(counts)))}</span></div>"
        )
        tally_bars(question, counts, revealed=False)
        if poll.is_open():
            st.button(
                tr("polls.close"),
                key="lecture_poll_close",
                icon=":material/stop_circle:",
                on_click=store().close,
                args=(code,),
            )


def tally_bars(question: Question, counts: list[int], *, revealed: bool) -> None:
    """One bar per choice with its count; the right one marked once revealed."""
    total = max(sum(counts), 1)
    rows = []
    for k, count in enumerate(counts):
        right = revealed and k == question.answer
        rows.append(
            f'<div class="poll-row{" poll-right" if right else ""}"'
            f' data-choice="{k}" data-count="{count}">'
            f'<span class="poll-label">{html.escape(tr(question.choice(k)))}</span>'
            f'<span class="poll-bar"><span style="width:{100 * count / total:.1f}%">'
            f"</span></span>"
            f'<span class="poll-count">{count}</span></div>'
        )
    st.html(f'<div class="poll-tally">{"".join(rows)}</div>')


@_store_may_fail
def room_summary(question: Question) -> str:
    """ "The room: 12 of 20 right." for the poll this tab ran on ``question``."""
    poll = hosted_poll()
    if poll is None or poll.question != question.id:
        return ""
    counts = store().tally(poll.code)
    if not counts:
        return ""
    return tr("questions.room", right=counts[question.answer], total=sum(counts))


@_store_may_fail
def reveal_hosted(question: Question) -> None:
    """Close the poll on ``question`` and let its students see the answer."""
    poll = hosted_poll()
    if poll is not None and poll.question == question.id:
        store().reveal(poll.code)


# --- The students' side -----------------------------------------------------------


def answering() -> bool:
    """True when the address is a student's poll link (``?lecture_poll=``)."""
    return LECTURE_POLL.key in st.query_params


@_store_may_fail
def student_view() -> None:
    """The poll's question and choices, or a message saying why not."""
    styles("questions.css")
    typed = st.query_params.get(LECTURE_POLL.key, "")
    # Kept as given, so the link check sees the value taken.
    st.session_state[LECTURE_POLL.key] = typed
    code = normal_code(typed)
    if code is None:
        st.error(tr("polls.bad_code", code=as_typed(typed)))
        return
    poll = store().poll(code)
    question = None if poll is None else BY_ID.get(poll.question)
    if poll is None or question is None:
        st.error(tr("polls.unknown", code=code))
        return
    voter = _voter()
    st.subheader(tr("polls.student_title", code=code), anchor=False)
    st.markdown(f"**{tr(question.prompt)}**")
    result = st.session_state.pop(_RESULT, None)
    mine = store().answered(code, voter)
    if result is not None:
        _say(result, code, question, mine)
    if mine is None and poll.is_open():
        for k in range(question.choices):
            st.button(
                tr(question.choice(k)),
                key=f"lecture_poll_answer_{k}",
                on_click=_answer,
                args=(code, voter, k),
                width="stretch",
            )
    elif mine is None:
        if result is None:
            st.warning(tr("polls.closed", code=code))
    elif result is None and not poll.revealed:
        # A reloaded tab: its answer is in (the answer, once revealed, says it).
        _say(Answer.COUNTED, code, question, mine)
    _answer_when_revealed(code, question.id, mine)


def _voter() -> str:
    """This tab's id: from its address, else a new one written there."""
    key = LECTURE_VOTER.key
    if key not in st.session_state:
        given = st.query_params.get(key, "").strip().lower()
        st.session_state[key] = (
            given if SESSION_PATTERN.fullmatch(given) else new_session_id()
        )
    if st.query_params.get(key) != st.session_state[key]:
        st.query_params[key] = st.session_state[key]
    return st.session_state[key]


@_store_may_fail
def _answer(code: str, voter: str, choice: int) -> None:
    st.session_state[_RESULT] = store().answer(code, voter, choice)


def _say(result: Answer, code: str, question: Question, mine: int | None) -> None:
    if result is Answer.COUNTED:
        st.success(tr("polls.counted", choice=tr(question.choice(mine))))
    elif result is Answer.REPEATED and mine is not None:
        st.info(tr("polls.repeated", code=code, choice=tr(question.choice(mine))))
    elif result is Answer.REPEATED:
        st.info(tr("polls.repeated_unknown", code=code))
    elif result is Answer.CLOSED:
        st.warning(tr("polls.closed", code=code))
    elif result is Answer.UNKNOWN:
        st.error(tr("polls.unknown", code=code))
    else:
        st.error(tr("polls.invalid"))


@st.fragment(run_every=REFRESH * 2)
def _answer_when_revealed(code: str, question_id: str, mine: int | None) -> None:
    poll, question = store().poll(code), BY_ID[question_id]
    if poll is None or not poll.revealed:
        if mine is not None:
            st.caption(tr("polls.waiting"))
        return
    right = tr(question.choice(question.answer))
    if mine is None:
        text = tr("questions.answer", choice=right, why=tr(question.why))
    elif mine == question.answer:
        text = tr("questions.right", choice=right, why=tr(question.why))
    else:
        text = tr(
            "questions.wrong",
            chosen=tr(question.choice(mine)),
            choice=right,
            why=tr(question.why),
        )
    st.markdown(text)
    tally_bars(question, store().tally(code), revealed=True)
