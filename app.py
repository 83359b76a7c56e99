"""Softmax Explorer: the entry point. It builds the navigation and nothing else.

Run with ``make run`` (or ``streamlit run app.py``).
"""

import streamlit as st

from softmax_ui.i18n import tr
from softmax_ui.sidebar import presenter, presenting_by_link, settings_sidebar

st.set_page_config(
    page_title="Softmax Explorer",
    page_icon="assets/favicon.png",
    layout="wide",
    initial_sidebar_state="collapsed" if presenting_by_link() else "auto",
)
settings_sidebar()
pages = [
    st.Page(
        "pages/home.py", title=tr("home.nav"), icon=":material/home:", default=True
    ),
    st.Page("pages/lecture.py", title=tr("lecture.nav"), icon=":material/co_present:"),
    st.Page("pages/explorer.py", title=tr("explorer.nav"), icon=":material/bar_chart:"),
    st.Page("pages/loss.py", title=tr("loss.nav"), icon=":material/trending_down:"),
    st.Page("pages/logistic.py", title=tr("logistic.nav"), icon=":material/compare:"),
    st.Page(
        "pages/training.py", title=tr("training.nav"), icon=":material/model_training:"
    ),
]
st.navigation(pages, position="sidebar" if not presenter() else "top").run()
