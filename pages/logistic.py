"""C = 2: the softmax of [z1, z2] is the sigmoid of z1 − z2 (logistic regression)."""

import streamlit as st

from softmax_core import (
    sigmoid,
    softmax,
    softmax_steps,
    two_class_outputs,
)
from softmax_ui import live
from softmax_ui.chrome import finish_page, show_math, start_page
from softmax_ui.i18n import tr
from softmax_ui.two_class_chart import two_class_chart
from softmax_ui.widgets import clamp_link_value

start_page("logistic.title")
st.markdown(tr("logistic.intro"))

controls, view = st.columns([1, 2], gap="large")
with controls:
    clamp_link_value("logistic_z1", -10.0, 10.0)
    clamp_link_value("logistic_z2", -10.0, 10.0)
    z1 = st.slider(
        "z₁",
        -10.0,
        10.0,
        1.67,
        0.01,
        format="%.2f",
        key="logistic_z1",
        bind="query-params",
    )
    z2 = st.slider(
        "z₂",
        -10.0,
        10.0,
        0.0,
        0.01,
        format="%.2f",
        key="logistic_z2",
        bind="query-params",
    )
    point = two_class_outputs(z1, z2)
    a1, a2 = float(point.softmax_1), float(point.softmax_2)
    live.two_class_view("logistic", z1, z2, softmax_steps([z1, z2]), point)
    st.markdown(tr("logistic.sum", total=f"{a1 + a2:.3f}"))
    # As on the explorer: Python's numbers are drawn only when asked for.
    if st.toggle(
        tr("live.python_view"), key="logistic_python_view", persist_state="session"
    ):
        with st.container(border=True):
            st.caption(tr("live.python_view_help"))
            st.metric(tr("logistic.a1"), f"{a1:.3f}")
            st.metric(tr("logistic.a2"), f"{a2:.3f}")
            sigma = float(point.sigmoid_of_difference)
            st.metric(tr("logistic.sigma"), f"{sigma:.3f}")

with view:
    two_class_chart(z1, z2, a1, key="logistic_curves")

st.markdown(tr("logistic.derivation"))
show_math(
    r"\frac{e^{z_1}}{e^{z_1} + e^{z_2}} = \frac{1}{1 + e^{-(z_1 - z_2)}}"
    r" = \sigma(z_1 - z_2)",
    two_class_outputs,
    softmax,
    sigmoid,
    key="logistic_math",
)

finish_page()
