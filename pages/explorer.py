"""Softmax vs hardmax: sliders for z[L], live bars and the lecture's step table."""

import streamlit as st

from softmax_core import hardmax, softmax, softmax_steps
from softmax_ui import live
from softmax_ui.chrome import figure_sizes, finish_page, show_math, start_page
from softmax_ui.classroom import hidden_keys
from softmax_ui.i18n import tr
from softmax_ui.state import (
    TEMPERATURES,
    randomize_z,
    reset_to_lecture,
    z_key,
    z_values,
)
from softmax_ui.widgets import class_count, names_input, z_sliders

start_page("explorer.title")
st.markdown(tr("explorer.intro"))


# C, the class names and the two buttons decide which sliders there are: a
# change runs the whole page. They sit above the fragment below, so a slider's
# move neither runs nor resends them.
count_column, names_column, buttons_column = st.columns(
    [3, 4, 4], gap="medium", vertical_alignment="bottom"
)
with count_column:
    count = class_count("explorer")
with names_column:
    names = names_input("explorer", count)
with buttons_column, st.container(horizontal=True, gap="small"):
    # Side by side where both labels fit, one under the other where they do
    # not: a label is never cut short.
    st.button(
        tr("widgets.reset"),
        on_click=reset_to_lecture,
        args=("explorer",),
        kwargs={"extra": {"explorer_temperature": 1.0}, "keep": hidden_keys()},
        key="explorer_reset",
        width="stretch",
    )
    st.button(
        tr("widgets.randomize"),
        on_click=randomize_z,
        args=("explorer", count),
        kwargs={"keep": hidden_keys()},
        key="explorer_randomize",
        width="stretch",
    )


# A fragment: a move of a slider reruns the sliders and the view, not the rest
# of the page. Every element in it is sent again and redrawn by the browser on
# each move, so it holds only what a move changes (benchmarks/latency.py).
@st.fragment
def sliders_and_view(names: list[str]) -> None:
    controls, view = st.columns([1, 2], gap="large")
    keys = [z_key("explorer", k) for k in range(len(names))]
    keys.append("explorer_temperature")
    # On every run but a session's first, the sliders' new values are in the
    # session state before the sliders are drawn: the view, drawn first, then
    # reaches the browser before them.
    order = [(view, _view), (controls, _sliders)]
    if not all(key in st.session_state for key in keys):
        order.reverse()
    for column, draw in order:
        with column:
            draw(names)


def _sliders(names: list[str]) -> None:
    z_sliders("explorer", names)
    st.select_slider(
        tr("explorer.temperature"),
        options=TEMPERATURES,
        value=1.0,
        key="explorer_temperature",
        bind="query-params",
        help=tr("explorer.temperature_help"),
    )


def _view(names: list[str]) -> None:
    z = z_values("explorer", len(names))
    temperature = float(st.session_state["explorer_temperature"])
    steps = softmax_steps(z, temperature=temperature)
    soft = softmax(z, temperature=temperature)
    hard = hardmax(z)
    live.softmax_view("explorer", names, z, temperature, steps, soft, hard)
    if temperature == 1.0:
        st.info(tr("explorer.t_is_one"), icon=":material/school:")
    else:
        st.info(tr("explorer.t_note", T=temperature), icon=":material/thermostat:")
    # Built only when asked for: its plotly figure was half the cost of every
    # run, and while it is off the browser loads no plotly bundle and the
    # page imports neither plotly's figures nor pandas (for st.table).
    if st.toggle(
        tr("live.python_view"),
        key="explorer_python_view",
        persist_state="session",
    ):
        from softmax_ui import figures, tables

        with st.container(border=True):
            st.caption(tr("live.python_view_help"))
            st.subheader(tr("explorer.steps"))
            st.table(tables.step_table(names, steps, hard), hide_index=True)
            st.markdown(tr("explorer.sum_t", total=f"{steps.total:.4g}"))
            if steps.shifted:
                st.warning(tr("explorer.shift_note", shift=f"{steps.shift:.4g}"))
            st.plotly_chart(
                figures.softmax_hardmax_bars(
                    names,
                    soft,
                    hard,
                    figure_sizes(),
                    soft_label=tr("explorer.softmax_bar"),
                    hard_label=tr("explorer.hardmax_bar"),
                    title=tr("explorer.chart_title"),
                ),
                key="explorer_bars",
                config={"displayModeBar": False},
            )


sliders_and_view(names)

show_math(
    r"t = e^{z^{[L]}/T}, \qquad a^{[L]}_j = \frac{t_j}{\sum_{i=1}^{C} t_i}, \qquad"
    r" \operatorname{hardmax}(z)_j = [\,j = \arg\max_i z_i\,]",
    softmax,
    hardmax,
    key="explorer_math",
)

finish_page()
