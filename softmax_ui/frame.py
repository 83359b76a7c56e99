"""The frame of every page: its start and end, "Show the math", figure sizes.

A page calls :func:`start_page` first and :func:`finish_page` last; between
them it draws its controls and views. The page's CSS is in ``page.css`` and,
in presenter mode, ``presenter.css`` beside this module (:func:`styles`).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st

from . import classroom, links
from .i18n import tr
from .reconnect import watch_connection
from .sidebar import present_flag_rewritten, presenter
from .streamlit_internals import leave_pages_folder_mode
from .style import Sizes, sizes

if TYPE_CHECKING:  # the explorer opens without plotly's figures (see its page)
    import plotly.graph_objects as go

_LINK_NOTICE = "_link_notice"
_UNTITLED_WHEN_PRESENTING = frozenset({"lecture.title"})
# Plotly's toolbar (zoom, pan, download) is no use in a lecture, and covers titles.
_CHART_CONFIG = {"displayModeBar": False}


@functools.cache
def _css(name: str) -> str:
    return (Path(__file__).parent / name).read_text(encoding="utf-8")


def styles(name: str) -> None:
    """Put the CSS file ``name`` (beside this module) on the page."""
    st.html(f"<style>\n{_css(name)}</style>")


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
    if present_flag_rewritten():
        st.rerun()
    styles("page.css")
    styles("phone.css")
    if presenter():
        styles("presenter.css")
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

    The notice under the title names the link's values the page could not use
    (:mod:`softmax_ui.links`); under it, a note says when the link hides some
    of the page's controls.
    """
    placeholder = st.session_state.pop(_LINK_NOTICE, None)
    problems, hidden_here = links.link_problems(), classroom.hides_controls_here()
    if problems or hidden_here:
        with (st if placeholder is None else placeholder).container():
            if problems:
                links.link_notice(problems)
            if hidden_here:
                classroom.hidden_note()
    classroom.link_popover()
    watch_connection()


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


def plot(figure: go.Figure, *, key: str, place: Any = st, **select: Any) -> None:
    """Draw a figure of :mod:`softmax_ui.figures` in ``place`` (a column), keyed.

    ``select`` (``on_select=…``, ``selection_mode=…``) makes its points
    selectable, as ``st.plotly_chart`` does.
    """
    place.plotly_chart(figure, key=key, config=_CHART_CONFIG, **select)


def figure_sizes() -> Sizes:
    """Figure sizes for the current display mode."""
    return sizes(presenter())


def sized_columns(
    spec: int | Sequence[float], sizes: Sizes, *, gap: str = "small"
) -> list[tuple[Any, Sizes]]:
    """``st.columns(spec, gap=gap)``, each column with ``sizes`` narrowed to its width.

    One spec for both, so a figure's idea of its width (where it wraps a long
    title, see :meth:`Sizes.column`) follows the columns it is drawn in.
    """
    columns = st.columns(spec, gap=gap)
    return [(column, sizes.column(spec, k, gap)) for k, column in enumerate(columns)]
