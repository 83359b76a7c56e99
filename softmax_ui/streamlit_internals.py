"""Every use of Streamlit's private internals, in one place beside the version pin.

Streamlit (pinned to 1.67 in ``requirements.txt``) offers no public API for
these three needs. Each use is a small function here, and
``tests/app/test_streamlit_internals.py`` fails loudly, naming the internal,
when an upgrade moves or renames it.

- ``PagesManager.uses_pages_directory``: whether a run is in the old
  pages-folder mode (a deep link opened first on a fresh server runs the page
  without ``app.py``); :func:`leave_pages_folder_mode`.
- ``ScriptRunContext.shared.widget_user_keys_this_run``: the widget keys this
  run has drawn; :func:`widget_keys_this_run`.
- ``script_run_context.in_cached_function``: set while a ``st.cache_data``
  function runs, so that its elements are recorded to be replayed on a cache
  hit; :func:`draw_outside_the_cache`.
- ``QueryParams.set_corrected_value`` and ``remove_param`` (reached through
  ``get_session_state().query_params()``): the link's value of a widget bound
  to it (``bind="query-params"``), which ``st.query_params`` refuses to set;
  :func:`write_bound_link_value`.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Container
from typing import Any

from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.scriptrunner_utils.script_run_context import (
    in_cached_function,
)
from streamlit.runtime.state.session_state_proxy import get_session_state


def leave_pages_folder_mode() -> bool:
    """Switch Streamlit's pages-folder mode off; True if it was on.

    A fresh server whose first visitor opens ``/explorer?…`` runs
    ``pages/explorer.py`` on its own, as in Streamlit's pages-folder mode,
    because the app has a ``pages/`` folder. With the mode off, a rerun comes
    back through ``app.py`` and its ``st.navigation``.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        return True
    return False


def widget_keys_this_run() -> Container[str] | None:
    """The keys of the widgets this run has drawn so far, or None if unknown.

    Streamlit notes them to refuse a key used twice in one run.
    """
    ctx = get_script_run_ctx()
    return getattr(getattr(ctx, "shared", None), "widget_user_keys_this_run", None)


def draw_outside_the_cache(draw: Callable[..., Any], *args: Any) -> None:
    """Call ``draw(*args)`` as if no cached function were running.

    Inside a cached function Streamlit records every element drawn, to draw it
    again on a cache hit; a progress bar belongs to the page, not to the cached
    result. Run in a copy of the context, so the flag is back as it was after.
    """

    def unrecorded() -> None:
        in_cached_function.set(False)
        draw(*args)

    contextvars.copy_context().run(unrecorded)


def write_bound_link_value(key: str, value: float | None) -> None:
    """Put a bound slider's number into the link (None: take it out).

    Streamlit writes a bound widget's value into the link when code sets it,
    but not when the widget is new to it, as a slider whose range changed is
    (its id includes the range): then the link kept no value, or the old one.
    ``st.query_params`` refuses to set a bound key, so this sets it the way
    Streamlit corrects a clamped link value, and the browser's address follows.
    """
    with get_session_state().query_params() as params:
        if value is None:
            params.remove_param(key)
        elif not params.stored_param_matches_corrected_value(
            key, value, "double_value"
        ):
            params.set_corrected_value(key, value, "double_value")
