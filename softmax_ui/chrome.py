"""What every page shares: the sidebar settings, presenter mode and "show the math".

Pages call :func:`start_page` first and :func:`show_math` for their formula;
``app.py`` calls :func:`settings_sidebar` before it builds the navigation.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import streamlit as st

from . import classroom
from .i18n import LANG_KEY, LANGUAGE_NAMES, LANGUAGES, tr
from .reconnect import watch_connection
from .streamlit_internals import leave_pages_folder_mode
from .style import Sizes, sizes
from .text import as_typed

PRESENT_KEY = "present"
_LINK_PARAMS = "_link_params"
_LINK_NOTICE = "_link_notice"
_PRESENT_TO_ADDRESS = "_present_to_address"
_UNTITLED_WHEN_PRESENTING = frozenset({"lecture.title"})
# Where the language and presenter mode are kept across pages (see
# _keep_across_pages), by the key of their widget.
_SHOWN_PROBLEMS = 8
_CHOSEN = {LANG_KEY: "_chosen_lang", PRESENT_KEY: "_chosen_present"}

# On every page. The lecture's previous and next buttons sit in narrow columns
# beside the step's heading: each column takes its button's whole label (a
# laptop would cut "Previous" to "Pr…"), and the heading's column the rest,
# wrapping the heading rather than the row (except on a phone's narrow screen).
_LAYOUT_CSS = """
<style>
[data-testid="stColumn"]:has(> div > .st-key-lecture_previous),
[data-testid="stColumn"]:has(> div > .st-key-lecture_next) {
  flex: 0 0 auto !important; width: auto !important;
  min-width: max-content !important; }
@media (min-width: 640px) {
  [data-testid="stHorizontalBlock"]:has(> div > div > .st-key-lecture_previous) {
    flex-wrap: nowrap !important; }
  [data-testid="stHorizontalBlock"]:has(> div > div > .st-key-lecture_previous)
    > [data-testid="stColumn"]:first-child { flex: 1 1 0 !important; min-width: 0; }
}
/* On a laptop's short screen, less empty space above the title (Streamlit
   leaves 6rem): the explorer's bars fit above the fold. */
@media (max-height: 800px) {
  [data-testid="stMain"] .block-container { padding-top: 4rem; }
}
</style>
"""

_PHONE_CSS = (Path(__file__).parent / "phone.css").read_text(encoding="utf-8")

_PRESENTER_CSS = """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 26px; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stWidgetLabel"] p, [data-testid="stCaptionContainer"],
[data-testid="stTable"] td, [data-testid="stTable"] th, .stButton button p,
[data-testid="stExpander"] summary p, [data-testid="stMain"] input,
[data-testid="stMain"] textarea, [data-testid="stMain"] [data-baseweb="select"] div,
[data-baseweb="popover"] li, [data-testid="stPaginationPage"],
[data-testid="stPaginationPageActive"] { font-size: 26px !important; }
[data-testid="stMarkdownContainer"] code, [data-testid="stCaptionContainer"] code,
[data-testid="stCode"] code, kbd { font-size: 24px !important; }
h1 { font-size: 56px !important; } h2 { font-size: 44px !important; }
h3 { font-size: 36px !important; }
.katex { font-size: 1.5em !important; }
/* In px: the root's larger rem would push the page a third of the screen down,
   and leave a step of the lecture taller than the screen. */
.block-container { max-width: 100% !important; padding: 104px 40px 16px !important; }
[data-testid="stMain"] [data-testid="stVerticalBlock"] { row-gap: 16px !important; }
h1 { padding-top: 4px !important; } h2 { padding-top: 8px !important; }
/* A long toggle label in a column wraps instead of ending in "…". */
[data-testid="stCheckbox"] .stMarkdownEllipsis { white-space: normal !important; }
[data-testid="stSliderThumbValue"], [data-testid="stSliderTickBar"] {
  font-size: 24px !important; }
/* After the rule for paragraphs and more specific than it: a metric's value is
   a paragraph too, and must stay large. */
[data-testid="stMetricValue"],
[data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p {
  font-size: 56px !important; line-height: 1.2 !important; }
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] p {
  font-size: 26px !important; }
[data-testid="stMetricDelta"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMetricDelta"] div { font-size: 28px !important; }
</style>
"""


def settings_sidebar() -> None:
    """The language and presenter-mode controls, kept in the URL (?lang=, ?present=).

    On a session's first run it also notes the link's query parameters, so
    :func:`finish_page` can say which of them could not be used.
    """
    if _LINK_PARAMS not in st.session_state:
        st.session_state[_LINK_PARAMS] = {
            key: st.query_params.get_all(key) for key in st.query_params
        }
    short_flag = _accept_short_present_flag()
    _keep_across_pages()
    # Not bound: a bound selectbox would want "繁體中文" in the URL, not "zh-TW".
    st.sidebar.selectbox(
        "Language · 語言",
        LANGUAGES,
        format_func=LANGUAGE_NAMES.get,
        key=LANG_KEY,
        on_change=_remember,
        args=(LANG_KEY,),
    )
    if st.session_state[LANG_KEY] == "en":
        st.query_params.pop(LANG_KEY, None)
    else:
        st.query_params[LANG_KEY] = st.session_state[LANG_KEY]
    if not short_flag:
        st.sidebar.toggle(
            tr("chrome.presenter"),
            key=PRESENT_KEY,
            help=tr("chrome.presenter_help"),
            bind="query-params",
            on_change=_remember,
            args=(PRESENT_KEY,),
        )


def _remember(key: str) -> None:
    st.session_state[_CHOSEN[key]] = st.session_state[key]


def _keep_across_pages() -> None:
    # A widget's value is the widget's: a new page (a link in the navigation,
    # st.switch_page) starts with an address without ?lang and ?present, and
    # Streamlit may take the widget for a new one and give it its default.
    # The choice itself lives in plain session state, read from the link once
    # and put back into the widget before every run draws it.
    chosen = st.session_state
    if _CHOSEN[LANG_KEY] not in chosen:
        wanted = st.query_params.get(LANG_KEY, "en").strip().lower()
        chosen[_CHOSEN[LANG_KEY]] = next(
            (code for code in LANGUAGES if code.lower() == wanted), "en"
        )
    if _CHOSEN[PRESENT_KEY] not in chosen:
        flag = st.query_params.get(PRESENT_KEY, "").strip().lower()
        chosen[_CHOSEN[PRESENT_KEY]] = flag in ("true", "1", "yes", "on")
    for key, kept in _CHOSEN.items():
        st.session_state[key] = chosen[kept]


def _accept_short_present_flag() -> bool:
    # A hand-typed ?present=1 means presenter mode, like the bound ?present=true.
    # The bound toggle reads only "true" and would drop "1" from the address,
    # and a reload or a copied link would lose presenter mode. So the address
    # says "true" instead, the toggle waits (once bound, the address can no
    # longer be set), and start_page reruns the page: the toggle reads "true".
    if PRESENT_KEY not in st.session_state:
        flag = st.query_params.get(PRESENT_KEY, "").strip().lower()
        if flag in ("1", "yes", "on"):
            st.query_params[PRESENT_KEY] = "true"
            st.session_state[_PRESENT_TO_ADDRESS] = True
            return True
    return False


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
    if leave_pages_folder_mode():
        st.rerun()
    # Here, not in settings_sidebar: a rerun before the navigation has run
    # would open the home page, not this one.
    if st.session_state.pop(_PRESENT_TO_ADDRESS, False):
        st.rerun()
    st.html(_LAYOUT_CSS)
    st.html(f"<style>{_PHONE_CSS}</style>")
    if presenter():
        st.html(_PRESENTER_CSS)
    # Projected, the lecture's own heading ("Step 4 of 10 · …") names what is
    # on the screen; the page's title above it would push the step's view
    # below the screen's edge.
    if not (presenter() and title_key in _UNTITLED_WHEN_PRESENTING):
        # No link icon beside it: its room, kept even while hidden, pushed a
        # title that just fits onto an empty second line.
        st.title(tr(title_key), anchor=False)
    classroom.hide_controls()
    st.session_state[_LINK_NOTICE] = st.empty()


def finish_page() -> None:
    """End a page: the notes on its link, and the sidebar's "Link to this view".

    Streamlit drops a URL value that a widget cannot take and clamps one out
    of range; comparing the link with the widgets' values afterwards finds
    both, and the notice names them, so a mistyped link is never silent.
    Under it, a note says when the link hides some of the page's controls.
    """
    placeholder = st.session_state.pop(_LINK_NOTICE, None)
    problems, hidden_here = _link_problems(), classroom.hides_controls_here()
    if problems or hidden_here:
        with (st if placeholder is None else placeholder).container():
            if problems:
                st.warning(tr("chrome.link_notice", keys=_shown_keys(problems)))
            if hidden_here:
                classroom.hidden_note()
    classroom.link_popover()
    watch_connection()


def _link_problems() -> list[str]:
    # Checked once, on the session's first complete page run.
    params: dict[str, list[str]] | None = st.session_state.get(_LINK_PARAMS)
    if not params:
        return []
    st.session_state[_LINK_PARAMS] = {}
    problems = [
        key
        for key, values in params.items()
        if key not in ("embed", classroom.HIDE_PARAM)
        and not _link_value_taken(key, values)
    ]
    hidden = params.get(classroom.HIDE_PARAM, [])
    return problems + [f"{classroom.HIDE_PARAM}={n}" for n in classroom.refused(hidden)]


def _shown_keys(keys: list[str]) -> str:
    # Anyone can write a link, and the notice is Markdown: each name is shown
    # as typed (a blank line, "![](http://…)" or "$…$" start no markup), cut to
    # a sensible length, and only the first few of many are listed.
    shown = [f"“{as_typed(key)}”" for key in keys[:_SHOWN_PROBLEMS]]
    if len(keys) > _SHOWN_PROBLEMS:
        shown.append(f"… (+{len(keys) - _SHOWN_PROBLEMS})")
    return ", ".join(shown)


def _link_value_taken(key: str, values: list[str]) -> bool:
    if key not in st.session_state or len(values) != 1:
        return False
    text, value = values[0].strip(), st.session_state[key]
    if key == LANG_KEY:
        return text.lower() == str(value).lower()
    if isinstance(value, bool):
        return text.lower() in (("true", "1", "yes", "on") if value else ("false", "0"))
    try:
        return abs(float(text) - float(value)) < 1e-9
    except (TypeError, ValueError):
        return text == str(value)


def show_math(latex: str, *functions: Callable, key: str) -> None:
    """An expander with the formula and the source of the core functions behind it.

    Its content is sent only once it is opened (``key``, prefixed by the page,
    holds whether it is): a closed expander with a formula and code in it would
    still make the browser load KaTeX and a syntax highlighter for the page's
    first paint, about half a second of a cold start.
    """
    box = st.expander(tr("chrome.show_math"), key=key, on_change="rerun")
    if box.open:
        with box:
            st.latex(latex)
            for function in functions:
                st.caption(f"`softmax_core.{function.__name__}`")
                st.code(_source(function), language="python")


@functools.cache
def _source(function: Callable) -> str:
    return inspect.getsource(function)


def figure_sizes():
    """Figure sizes for the current display mode."""
    return sizes(presenter())


def sized_columns(
    spec: int | Sequence[float], sz: Sizes, *, gap: str = "small"
) -> list[tuple[Any, Sizes]]:
    """``st.columns(spec, gap=gap)``, each column with ``sz`` narrowed to its width.

    One spec for both, so a figure's idea of its width (where it wraps a long
    title, see :meth:`Sizes.column`) follows the columns it is drawn in.
    """
    columns = st.columns(spec, gap=gap)
    return [(column, sz.column(spec, k, gap)) for k, column in enumerate(columns)]
