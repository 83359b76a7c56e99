"""The guided lecture: the lecture's steps one at a time, each with its live view.

The step is in the URL (``?step=4``, 1-based). Previous and next are buttons
with keyboard shortcuts: ← and → on the visible pair, PageUp and PageDown (what
a presenter's clicker sends) on a hidden pair. Streamlit ignores the keys while
the focus is in an input (a text box, a slider, a select box), and a disabled
button has no shortcut, so both ends clamp.
"""

from dataclasses import replace

import streamlit as st

from softmax_ui import poll_students
from softmax_ui.classroom import hidden_keys
from softmax_ui.controls import LECTURE_STEP
from softmax_ui.frame import finish_page, start_page, styles
from softmax_ui.i18n import tr
from softmax_ui.lecture_steps import STEPS
from softmax_ui.question_mode import questions_first
from softmax_ui.widgets import clamp_link_value

NAMES = tuple(STEPS)
# The step in the URL, 1 … the number of steps the lecture has.
STEP = replace(LECTURE_STEP, high=len(NAMES))
STEP_KEY = STEP.key


def move(delta: int) -> None:
    """Callback: go ``delta`` steps on, staying within the lecture."""
    step = st.session_state.get(STEP_KEY, 1) + delta
    st.session_state[STEP_KEY] = min(max(step, 1), len(NAMES))


start_page("lecture.title")
# A student's poll link (?lecture_poll=…) shows the poll's question only.
if poll_students.answering():
    poll_students.student_view()
    finish_page()
    st.stop()
# Streamlit would open a ?step= outside 1 … N at step 1: open the nearest step.
clamp_link_value(STEP)
heading_col, previous_col, next_col = st.columns([6, 1, 1], vertical_alignment="center")
caption, view, footer = st.container(), st.container(), st.container()
with footer:
    step = st.pagination(
        len(NAMES),
        max_visible_pages=None,
        key=STEP_KEY,
        bind="query-params",
        width="stretch",
    )
# A link that hides the step navigation keeps students on its step: the
# buttons' keyboard and clicker shortcuts go too.
fixed = STEP_KEY in hidden_keys()
first, last = fixed or step == 1, fixed or step == len(NAMES)
# A button has one shortcut: the clicker's keys go on a pair that is never shown.
clicker = st.container(key="lecture_clicker")
for place, key, delta, shortcut in (
    (previous_col, "lecture_previous", -1, "Left"),
    (next_col, "lecture_next", 1, "Right"),
    (clicker, "lecture_page_up", -1, "PageUp"),
    (clicker, "lecture_page_down", 1, "PageDown"),
):
    place.button(
        tr("lecture.previous" if delta < 0 else "lecture.next"),
        key=key,
        on_click=move,
        args=(delta,),
        disabled=first if delta < 0 else last,
        shortcut=shortcut,
        width="stretch",
    )
styles("lecture.css")

current = NAMES[step - 1]
heading_col.header(
    tr(
        "lecture.step_heading",
        n=step,
        total=len(NAMES),
        title=tr(f"lecture.{current}_title"),
    ),
    anchor=False,
)
# With questions asked first, the caption and the view wait for the answer.
with caption:
    answered = questions_first(current, tr(f"lecture.{current}_caption"))
if answered:
    with view:
        STEPS[current]()

finish_page()
