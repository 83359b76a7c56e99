"""After a server restart, the open tab comes back to the same view by itself.

Drawn once a run on every page (in the sidebar, outside every fragment): a
watcher in the browser that notices Streamlit's "Connection error" dialog,
shows it in the page's language, and reloads the page as soon as the server
answers again (see ``reconnect.js`` for why a reload: the view is in the
address, the old session is not on the new server). The same watcher gives
the file picker's own English words ("Browse files", "… per file") the page's
language.
"""

from __future__ import annotations

import streamlit as st

from .components import declare, payload
from .i18n import language, tr

_watcher = declare("softmax_reconnect", "reconnect")


def health_path(base_url_path: str) -> str:
    """The server's health check below the app's base path (``server.baseUrlPath``).

    >>> health_path("")
    '/_stcore/health'
    >>> health_path("/room/")
    '/room/_stcore/health'
    """
    base = base_url_path.strip("/")
    return f"/{base}/_stcore/health" if base else "/_stcore/health"


def watch_connection() -> None:
    """Draw the watcher, with the dialog's words in the current language."""
    with st.sidebar:
        _watcher(
            key="reconnect",
            data=payload({
                "health": health_path(st.get_option("server.baseUrlPath") or ""),
                "uploader": None if language() == "en" else {
                    key: tr(f"reconnect.uploader_{key}")
                    for key in ("drop", "browse", "upload", "per_file")
                },
                "labels": {
                    "title": tr("reconnect.title"),
                    "message": tr("reconnect.message"),
                    "command": tr("reconnect.command"),
                }
            }),
        )
