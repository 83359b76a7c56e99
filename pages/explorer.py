"""Softmax vs hardmax: sliders for z[L], live bars and the lecture's step table."""

import streamlit as st

from softmax_core import (
    hardmax,
    naive_softmax_steps,
    shifted_softmax_steps,
    softmax,
    softmax_steps,
)
from softmax_ui import controls, formulas, live
from softmax_ui.callbacks import (
    apply_pending_z,
    clamp_z_to_range,
    randomize_z,
    rerun_for_pending_z,
    reset_to_lecture,
    show_overflow_example,
    z_values,
)
from softmax_ui.classroom import hidden_keys
from softmax_ui.controls import EXPLORER_NAMES, EXPLORER_OVERFLOW, TEMPERATURE
from softmax_ui.frame import finish_page, show_math, start_page
from softmax_ui.i18n import tr
from softmax_ui.views import softmax as view
from softmax_ui.widgets import (
    class_count,
    names_input,
    select_slider,
    toggle,
    z_sliders,
)

start_page("explorer.title")
st.markdown(tr("explorer.intro"))

# "Why subtract max z": the sliders reach ±1000, where e^z overflows. Drawn
# before the sliders, whose range (and the link's clamping) follows it.
with st.container(horizontal=True, gap="medium", vertical_alignment="center"):
    overflow = toggle(
        EXPLORER_OVERFLOW,
        help=tr("explorer.overflow_help"),
        on_change=clamp_z_to_range,
        args=("explorer", EXPLORER_OVERFLOW.key),
    )
    st.button(
        tr(controls.EXPLORER_OVERFLOW_EXAMPLE.label),
        on_click=show_overflow_example,
        args=("explorer", EXPLORER_OVERFLOW.key),
        kwargs={"keep": hidden_keys()},
        key=controls.EXPLORER_OVERFLOW_EXAMPLE.key,
        icon=":material/warning:",
    )
apply_pending_z("explorer", wide=overflow)


# C, the class names and the two buttons decide which sliders there are: a
# change runs the whole page. They sit above the fragment below, so a slider's
# move neither runs nor resends them.
count_column, names_column, buttons_column = st.columns(
    [3, 4, 4], gap="medium", vertical_alignment="bottom"
)
with count_column:
    count = class_count("explorer")
with names_column:
    names = names_input(EXPLORER_NAMES, count)
with buttons_column, st.container(horizontal=True, gap="small"):
    # Side by side where both labels fit, one under the other where they do
    # not: a label is never cut short.
    st.button(
        tr(controls.EXPLORER_RESET.label),
        on_click=reset_to_lecture,
        args=("explorer",),
        kwargs={
            "extra": {TEMPERATURE.key: TEMPERATURE.default},
            "keep": hidden_keys(),
        },
        key=controls.EXPLORER_RESET.key,
        width="stretch",
    )
    st.button(
        tr(controls.EXPLORER_RANDOMIZE.label),
        on_click=randomize_z,
        args=("explorer", count),
        kwargs={"keep": hidden_keys()},
        key=controls.EXPLORER_RANDOMIZE.key,
        width="stretch",
    )


# A fragment: a move of a slider reruns the sliders and the view, not the rest
# of the page. Every element in it is sent again and redrawn by the browser on
# each move, so it holds only what a move changes (benchmarks/latency.py).
@st.fragment
def sliders_and_view(names: list[str], overflow: bool) -> None:
    slider_col, view_col = st.columns([1, 2], gap="large")
    keys = [controls.z_entry("explorer", k).key for k in range(len(names))]
    keys.append(TEMPERATURE.key)
    # On every run but a session's first, the sliders' new values are in the
    # session state before the sliders are drawn: the view, drawn first, then
    # reaches the browser before them.
    order = [(view_col, _view), (slider_col, _sliders)]
    if not all(key in st.session_state for key in keys):
        order.reverse()
    for column, draw in order:
        with column:
            draw(names, overflow)


def _sliders(names: list[str], overflow: bool) -> None:
    z_sliders("explorer", names, wide=overflow)
    select_slider(TEMPERATURE, help=tr("explorer.temperature_help"))


def _view(names: list[str], overflow: bool) -> None:
    z = z_values("explorer", len(names))
    temperature = float(st.session_state[TEMPERATURE.key])
    table = softmax_steps(z, temperature=temperature)
    soft = softmax(z, temperature=temperature)
    hard = hardmax(z)
    live.softmax_view(
        "explorer", names, z, temperature, table, soft, hard, wide=overflow
    )
    view.temperature_note(temperature)
    if overflow:
        # The exponent is z/T: naive and shifted computations of the same a.
        scaled = z / temperature
        view.overflow_comparison(
            "explorer",
            names,
            shifted_softmax_steps(scaled),
            naive_softmax_steps(scaled, "float64"),
            naive_softmax_steps(scaled, "float32"),
            temperature=temperature,
        )
    view.python_view(
        "explorer", names, table, soft, hard, temperature=temperature
    )


sliders_and_view(names, overflow)
rerun_for_pending_z("explorer")

softmax_and_hardmax = formulas.side_by_side(
    formulas.SOFTMAX_WITH_TEMPERATURE, formulas.HARDMAX
)
# With "why subtract max z" on, the two computations the table sets side by side.
overflow_steps = (shifted_softmax_steps, naive_softmax_steps) if overflow else ()
show_math(
    softmax_and_hardmax, softmax, hardmax, *overflow_steps, key="explorer_math"
)

finish_page()
