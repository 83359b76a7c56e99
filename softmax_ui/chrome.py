"""What every page shares: the sidebar settings, presenter mode and "show the math".

Pages call :func:`start_page` first and :func:`show_math` for their formula;
``app.py`` calls :func:`settings_sidebar` before it builds the navigation.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from .i18n import LANG_KEY, LANGUAGE_NAMES, LANGUAGES, tr
from .style import sizes

PRESENT_KEY = "present"

_PRESENTER_CSS = """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 26px; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stWidgetLabel"] p, [data-testid="stCaptionContainer"],
[data-testid="stTable"] td, [data-testid="stTable"] th, .stButton button p,
[data-testid="stExpander"] summary p { font-size: 26px !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {
  font-size: 56px !important; }
[data-testid="stMetricLabel"] p { font-size: 26px !important; }
h1 { font-size: 56px !important; } h2 { font-size: 44px !important; }
h3 { font-size: 36px !important; }
.katex { font-size: 1.5em !important; }
.block-container { max-width: 100% !important; padding: 5rem 2.5rem 2rem !important; }
[data-testid="stSliderThumbValue"], [data-testid="stSliderTickBar"] {
  font-size: 22px !important; }
</style>
"""


def settings_sidebar() -> None:
    """The language and presenter-mode controls, kept in the URL (?lang=, ?present=)."""
    _accept_short_present_flag()
    st.sidebar.selectbox(
        "Language · 語言",
        LANGUAGES,
        format_func=LANGUAGE_NAMES.get,
        key=LANG_KEY,
        bind="query-params",
    )
    st.sidebar.toggle(
        tr("chrome.presenter"),
        key=PRESENT_KEY,
        help=tr("chrome.presenter_help"),
        bind="query-params",
    )


def _accept_short_present_flag() -> None:
    # A hand-typed ?present=1 means presenter mode, like the bound ?present=true.
    if PRESENT_KEY not in st.session_state:
        flag = st.query_params.get(PRESENT_KEY, "").strip().lower()
        if flag in ("1", "yes", "on"):
            st.session_state[PRESENT_KEY] = True


def presenter() -> bool:
    """True in presenter mode (large type for projection)."""
    return bool(st.session_state.get(PRESENT_KEY, False))


def start_page(title_key: str) -> None:
    """Begin a page: make sure it runs inside the app's navigation, then its title.

    A fresh server whose first visitor opens a deep link (``/explorer?…``)
    runs a page from ``pages/`` on its own, in Streamlit's older pages-folder
    mode, where ``app.py`` (the navigation, language, presenter mode) never
    runs. Switching that mode off and rerunning brings the same page back
    through ``app.py``, with the query string intact.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
    if presenter():
        st.html(_PRESENTER_CSS)
    st.title(tr(title_key))


def show_math(latex: str, *functions: Callable) -> None:
    """An expander with the formula and the source of the core functions behind it."""
    with st.expander(tr("chrome.show_math")):
        st.latex(latex)
        for function in functions:
            st.caption(f"`softmax_core.{function.__name__}`")
            st.code(inspect.getsource(function), language="python")


def figure_sizes():
    """Figure sizes for the current display mode."""
    return sizes(presenter())
