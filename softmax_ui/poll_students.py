"""A poll of the room, the students' side: the question and its choices.

A student who opens the projector's link (``/lecture?lecture_poll=<code>``,
see :mod:`softmax_ui.polls`) sees the poll's question and choices and
nothing else of the lecture. One answer per tab counts: the tab's id is kept
in its address (``lecture_voter``), so a reload is the same student and says
its answer is in. A repeated or late answer, a code that is no poll and
anything that is not a code get a message; what the link carried is shown
as typed (:func:`softmax_ui.text.as_typed`). Once the lecturer reveals, the
tab shows the answer and the room's tally.
"""

from __future__ import annotations

import streamlit as st

from .controls import LECTURE_POLL, LECTURE_VOTER
from .frame import styles
from .i18n import tr
from .poll_store import SESSION_PATTERN, Answer, new_session_id, normal_code
from .polls import REFRESH, store, store_may_fail, tally_bars
from .questions import BY_ID, Question
from .text import as_typed

_RESULT = "_poll_result"
_SEEN_REVEAL = "_poll_seen_reveal"  # the poll whose reveal this tab has run for


def answering() -> bool:
    """True when the address is a student's poll link (``?lecture_poll=``)."""
    return LECTURE_POLL.key in st.query_params


@store_may_fail
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
    if poll.revealed:  # this run's page already says nothing that waits
        st.session_state[_SEEN_REVEAL] = code
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


@store_may_fail
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
    if st.session_state.get(_SEEN_REVEAL) != code:
        # Revealed since the page ran: run it all again, so that what it said
        # while waiting ("your answer is in …") gives way to the answer.
        st.session_state[_SEEN_REVEAL] = code
        st.rerun(scope="app")
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
