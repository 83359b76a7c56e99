"""A poll of the room on a lecture question: the lecturer's side.

In presenter mode, a question of the guided lecture (:mod:`.question_mode`)
has a "Poll the room" panel: the lecturer opens a poll for 1, 2, 5 or 10
minutes and the projector shows its 4-character code, the link to answer at
(``/lecture?lecture_poll=<code>``, the students' side is
:mod:`softmax_ui.poll_students`) and the tally, refreshed every
:data:`REFRESH` seconds, until the answer is revealed. The lecturer's tab
keeps the poll it controls in its address (``lecture_host``, a secret
token), so a reload keeps the poll on screen.

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

from .controls import LECTURE_POLL, LECTURE_POLL_HOST, LECTURE_POLL_MINUTES
from .i18n import language, tr
from .poll_store import Poll, PollStore, default_folder
from .questions import Question
from .text import as_typed

REFRESH = 1.5  # seconds between two looks at the tally
_HOST_PATTERN = re.compile(r"[0-9a-f]{32}")


@functools.cache
def _store(folder: str) -> PollStore:
    return PollStore(folder)


def store() -> PollStore:
    """The machine's poll store (folder from ``$SOFTMAX_POLL_DIR``)."""
    return _store(str(default_folder()))


def store_may_fail(function: Callable[..., Any]) -> Callable[..., Any]:
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


@store_may_fail
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


@store_may_fail
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
@store_may_fail
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
        total = sum(counts)
        answers = (
            tr("polls.answers_one") if total == 1 else tr("polls.answers", n=total)
        )
        st.html(
            '<div class="poll-join">'
            f'<span class="poll-code" data-code="{code}">{code}</span>'
            f'<span class="poll-link">{link}</span>'
            f'<span class="poll-state">{html.escape(state)} · '
            f"{html.escape(answers)}</span></div>"
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


@store_may_fail
def room_summary(question: Question) -> str:
    """ "The room: 12 of 20 right." for the poll this tab ran on ``question``."""
    poll = hosted_poll()
    if poll is None or poll.question != question.id:
        return ""
    counts = store().tally(poll.code)
    if not counts:
        return ""
    return tr("questions.room", right=counts[question.answer], total=sum(counts))


@store_may_fail
def reveal_hosted(question: Question) -> None:
    """Close the poll on ``question`` and let its students see the answer."""
    poll = hosted_poll()
    if poll is not None and poll.question == question.id:
        store().reveal(poll.code)
