"""Custom components drawn by a JavaScript and a CSS file beside this module.

Both of the app's components (the live view, the link to the current view) use
Streamlit's v2 components API with their code inline, so a page needs nothing
from the network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

_ASSETS = Path(__file__).parent


def declare(name: str, stem: str) -> Any:
    """The component ``name``, drawn by ``<stem>.js`` and styled by ``<stem>.css``."""
    return st.components.v2.component(
        name,
        html=f"<!-- drawn by {stem}.js -->\n",
        css=(_ASSETS / f"{stem}.css").read_text(encoding="utf-8"),
        js=(_ASSETS / f"{stem}.js").read_text(encoding="utf-8"),
    )


def payload(data: dict[str, Any]) -> list[dict[str, Any]]:
    """``data`` as a component is given it: the one item of a list.

    Streamlit looks for dataframes among the values of a dict it is given, and
    looking imports pandas, the largest import of a cold start, for pages that
    have no table. A list is sent as JSON as it is; the JavaScript reads
    ``data[0]``.
    """
    return [data]
