"""What a link asked for and what it could not have: the notice under the title.

Streamlit drops a URL value that a widget cannot take and clamps one out of
range. The link's query parameters are noted on a session's first run
(:func:`note_link`) and compared with the widgets' values once the page has
drawn them (:func:`link_problems`), so a mistyped link is never silent. The
controls a link may set are those of :mod:`softmax_ui.controls`; what a link
may hide, :mod:`softmax_ui.classroom`.
"""

from __future__ import annotations

import streamlit as st

from . import classroom
from .i18n import LANG_KEY, tr
from .text import as_typed

_LINK_PARAMS = "_link_params"
_SHOWN_PROBLEMS = 8


def note_link() -> None:
    """On a session's first run, keep the link's query parameters for the check."""
    if _LINK_PARAMS not in st.session_state:
        st.session_state[_LINK_PARAMS] = {
            key: st.query_params.get_all(key) for key in st.query_params
        }


def link_notice(problems: list[str]) -> None:
    """The warning that names the link's values the page could not use."""
    st.warning(tr("chrome.link_notice", keys=_shown_keys(problems)))


def link_problems() -> list[str]:
    """The link's keys whose values the page could not use, and bad ``hide=`` names.

    Checked once, on the session's first complete page run; empty after.
    """
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
