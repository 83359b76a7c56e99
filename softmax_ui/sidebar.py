"""The sidebar's settings: the language and presenter mode, kept in the URL.

``app.py`` calls :func:`settings_sidebar` before it builds the navigation;
anything that looks different when projected asks :func:`presenter`.
"""

from __future__ import annotations

import streamlit as st

from . import links
from .i18n import LANG_KEY, LANGUAGE_NAMES, LANGUAGES, tr

PRESENT_KEY = "present"
_PRESENT_TO_ADDRESS = "_present_to_address"
# Where the language and presenter mode are kept across pages (see
# _keep_across_pages), by the key of their widget.
_CHOSEN = {LANG_KEY: "_chosen_lang", PRESENT_KEY: "_chosen_present"}


def settings_sidebar() -> None:
    """The language and presenter-mode controls, kept in the URL (?lang=, ?present=).

    On a session's first run it also notes the link's query parameters, so
    :func:`softmax_ui.frame.finish_page` can say which of them could not be used.
    """
    links.note_link()
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


def presenter() -> bool:
    """True in presenter mode (large type for projection)."""
    return bool(st.session_state.get(PRESENT_KEY, False))


def presenting_by_link() -> bool:
    """True when the address asks for presenter mode (``?present=true``, ``1``, …)."""
    flag = st.query_params.get(PRESENT_KEY, "").strip().lower()
    return flag in ("true", "1", "yes", "on")


def present_flag_rewritten() -> bool:
    """True once after a ``?present=1`` was rewritten ``?present=true``: rerun then.

    See :func:`_accept_short_present_flag`. Asked by the page, not by
    :func:`settings_sidebar`: a rerun before the navigation has run would open
    the home page, not this one.
    """
    return bool(st.session_state.pop(_PRESENT_TO_ADDRESS, False))


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
        chosen[_CHOSEN[PRESENT_KEY]] = presenting_by_link()
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
