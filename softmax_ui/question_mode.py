"""Predict, then reveal: a lecture step asks its question before it shows the view.

With "Ask the question first" on (the lecture's sidebar, or
``?lecture_ask=true`` in a classroom link), a step that has a question
(:mod:`softmax_ui.questions`) shows the question and its choices in place of
its caption and view. Choosing an answer, or the lecturer's "Reveal the
answer" (its shortcut is B, the blank-screen key of a presenter's clicker, in
presenter mode), shows the answer with one line of explanation, then the
step as usual. A step with two questions asks them one after the other.

Once answered, a question stays answered in the tab (going back a step and
forth again does not ask it twice); the answer line is one line, so that a
projected step keeps to the screen's height. In presenter mode the question
also has the poll panel of :mod:`softmax_ui.polls`.
"""

from __future__ import annotations

import streamlit as st

from . import polls
from .controls import LECTURE_ASK
from .frame import styles
from .i18n import tr
from .questions import Question, of_step
from .sidebar import presenter

# Question id -> the choice made, or REVEALED when the answer was only revealed.
_DONE = "_questions_done"
_ASK_CHOSEN = "_lecture_ask_chosen"
REVEALED = -1


def asking() -> bool:
    """The sidebar's "Ask the question first", read from the link on the first run."""
    key = LECTURE_ASK.key
    if _ASK_CHOSEN not in st.session_state:
        flag = st.query_params.get(key, "").strip().lower()
        st.session_state[_ASK_CHOSEN] = flag in ("true", "1", "yes", "on")
    # A widget's value lives as long as the widget is drawn: the choice itself
    # is kept apart, and given back to the toggle before it is drawn.
    st.session_state[key] = st.session_state[_ASK_CHOSEN]
    st.sidebar.toggle(
        tr(LECTURE_ASK.label),
        key=key,
        help=tr("questions.ask_mode_help"),
        on_change=_remember_ask,
    )
    if st.session_state[key]:
        st.query_params[key] = "true"
    else:
        st.query_params.pop(key, None)
    return st.session_state[key]


def _remember_ask() -> None:
    st.session_state[_ASK_CHOSEN] = st.session_state[LECTURE_ASK.key]


def questions_first(step: str, caption: str) -> bool:
    """Ask ``step``'s questions, then show its ``caption``; True once the view may show.

    Draws the answered questions a line each, then the first unanswered one
    with its choices (and, in presenter mode, the poll panel), or, once all
    are answered, the caption. Projected, the answers take the caption's
    place (it stays in their tooltip): the tallest steps fill a 1080-pixel
    screen already, and the answer is what the hall reads then.
    """
    questions = of_step(step)
    if not asking() or not questions:
        st.markdown(caption)
        return True
    styles("questions.css")
    if presenter():
        styles("questions_presenter.css")
    done: dict[str, int] = st.session_state.setdefault(_DONE, {})
    answered = [q for q in questions if q.id in done]
    waiting = [q for q in questions if q.id not in done]
    if answered:
        # One block, a line per answer: no gap between them.
        with st.container(key="lecture_answers"):
            st.markdown(
                "  \n".join(answer_line(q, done[q.id]) for q in answered),
                help=caption if presenter() and not waiting else None,
            )
    if waiting:
        ask(waiting[0])
        return False
    if not presenter():
        st.markdown(caption)
    return True


def ask(question: Question) -> None:
    """The question, its choices, "Reveal the answer" and the poll panel."""
    with st.container(key="lecture_question"):
        with st.container(key="lecture_question_prompt"):
            st.markdown(
                f":material/help: **{tr('questions.badge')}** · {tr(question.prompt)}"
            )
        # Two choices a row; on a phone the rows stack in the choices' order.
        for row in range(0, question.choices, 2):
            for k, column in enumerate(st.columns(2), start=row):
                if k < question.choices:
                    column.button(
                        tr(question.choice(k)),
                        key=f"lecture_choice_{question.id}_{k}",
                        on_click=_choose,
                        args=(question, k),
                        width="stretch",
                    )
        projected = presenter()
        st.button(
            tr("questions.reveal"),
            key="lecture_reveal",
            type="primary",
            icon=":material/visibility:",
            on_click=_reveal,
            args=(question,),
            shortcut="B" if projected else None,
            help=tr("questions.reveal_help") if projected else None,
        )
        if projected:
            polls.host_panel(question)
        else:
            st.caption(tr("questions.hidden"))


def answer_line(question: Question, chosen: int) -> str:
    """One line: the answer, whether the choice was right, why, and the room's tally."""
    right, why = tr(question.choice(question.answer)), tr(question.why)
    if chosen == REVEALED:
        text = tr("questions.answer", choice=right, why=why)
    elif chosen == question.answer:
        text = ":material/check_circle: " + tr("questions.right", choice=right, why=why)
    else:
        chosen_text = tr(question.choice(chosen))
        text = ":material/cancel: " + tr(
            "questions.wrong", chosen=chosen_text, choice=right, why=why
        )
    room = (polls.room_summary(question) or "") if presenter() else ""
    return f"{text} {room}".strip()


def _choose(question: Question, k: int) -> None:
    st.session_state.setdefault(_DONE, {})[question.id] = k
    if presenter():
        polls.reveal_hosted(question)


def _reveal(question: Question) -> None:
    st.session_state.setdefault(_DONE, {})[question.id] = REVEALED
    polls.reveal_hosted(question)
