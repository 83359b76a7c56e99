"""C = 2: the softmax of [z1, z2] is the sigmoid of z1 − z2 (logistic regression)."""

import streamlit as st

from softmax_core import sigmoid, softmax, softmax_steps, two_class_outputs
from softmax_ui import formulas, live
from softmax_ui.frame import finish_page, show_math, start_page
from softmax_ui.i18n import tr
from softmax_ui.views import two_class as view

start_page("logistic.title")
st.markdown(tr("logistic.intro"))

control_col, view_col = st.columns([1, 2], gap="large")
with control_col:
    z1, z2 = view.z_sliders("logistic", linked=True)
    point = two_class_outputs(z1, z2)
    a1, a2 = float(point.softmax_1), float(point.softmax_2)
    live.two_class_view("logistic", z1, z2, softmax_steps([z1, z2]), point)
    st.markdown(tr("logistic.sum", total=f"{a1 + a2:.3f}"))
    # As on the explorer: Python's numbers are drawn only when asked for.
    view.python_view("logistic", point)

with view_col:
    view.chart("logistic", z1, z2, a1)

st.markdown(tr("logistic.derivation"))
show_math(
    formulas.TWO_CLASSES,
    two_class_outputs,
    softmax,
    sigmoid,
    key="logistic_math",
)

finish_page()
