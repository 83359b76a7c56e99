"""Classroom links: the URL of the current view, with chosen controls hidden.

As in TensorFlow Playground's classroom links, a lecturer sets up a page, picks
the controls a student should not touch, and hands out the link::

    /explorer?explorer_z1=4&hide=explorer_z0&hide=explorer_temperature

(or ``hide=explorer_z0,explorer_temperature``, typed by hand). Whoever opens it
sees the same view without those controls. A hidden widget still runs, so it
keeps the value from the link; it is only not drawn: each keyed element carries
the CSS class ``st-key-<key>``, and one ``display: none`` rule per hidden key
removes it from the page (and the live view drops its own input for that value).

Only the keys of :data:`CONTROLS` (the hideable controls of
:mod:`softmax_ui.controls`) are accepted in ``?hide=``, so no text from a
link ever reaches the page's CSS; the rest are reported with the link's other
unusable values. The hidden set lives in the session and is kept in the URL, so
it survives reruns and visits to other pages. The lecturer picks it in the
sidebar's "Link to this view", which hides the controls at once and shows the
link to copy.
"""

from __future__ import annotations

from collections.abc import Container, Iterable

import streamlit as st

from .components import declare, payload
from .controls import BY_KEY, HIDEABLE, TAB_ONLY
from .i18n import tr
from .streamlit_internals import widget_keys_this_run
from .widgets import typed_names

HIDE_PARAM = "hide"
PICKER_KEY = "classroom_hide"
SHOW_ALL_KEY = "classroom_show_all"
LINK_KEY = "classroom_link"
_HIDDEN = "_classroom_hidden"
_SHOWN_REFUSALS = 5
# The link as the address bar has it: see classroom_link.js for why it is read
# in the browser.
_link = declare("softmax_view_link", "classroom_link")


# Every control a link can hide, in page order: widget key -> catalog key of its
# label (declared in softmax_ui.controls). A key that is not here is never hidden.
CONTROLS: dict[str, str] = {key: BY_KEY[key].label for key in HIDEABLE}
# Elements hidden along with a control (the lecture's previous and next buttons
# with its step navigation).
HIDDEN_WITH: dict[str, tuple[str, ...]] = {
    key: BY_KEY[key].hides_with for key in HIDEABLE if BY_KEY[key].hides_with
}


def hidden_keys() -> frozenset[str]:
    """The controls hidden in this session, first read from the link's ``?hide=``.

    Returns
    -------
    frozenset of str
        Keys of :data:`CONTROLS` only; anything else in the link is left out.
    """
    if _HIDDEN not in st.session_state:
        wanted = _names_in(st.query_params.get_all(HIDE_PARAM))
        st.session_state[_HIDDEN] = frozenset(n for n in wanted if n in CONTROLS)
    return st.session_state[_HIDDEN]


def refused(values: Iterable[str]) -> list[str]:
    """The names in ``?hide=`` values that are no control (at most a few of them).

    Examples
    --------
    >>> refused(["explorer_z0,bogus", "<b>"])
    ['bogus', '<b>']
    """
    return [n for n in _names_in(values) if n not in CONTROLS][:_SHOWN_REFUSALS]


def hide_controls() -> None:
    """Hide this session's hidden controls and keep ``?hide=`` in the URL.

    Called at the top of each page, before its widgets, so that a hidden
    control is never drawn for a moment first.
    """
    hidden = _in_page_order(hidden_keys())
    if hidden:
        st.html(f"<style>{hiding_css(hidden)}</style>")
    # One ?hide= per control (Streamlit would write a comma as %2C). Written
    # only when it changes: each write sends the server's whole query string to
    # the browser, which may be a slider move behind the address bar.
    if st.query_params.get_all(HIDE_PARAM) != hidden:
        if hidden:
            st.query_params[HIDE_PARAM] = hidden
        else:
            del st.query_params[HIDE_PARAM]


def hiding_css(keys: Iterable[str]) -> str:
    """One ``display: none`` rule for the elements of the given controls.

    Keys that are not in :data:`CONTROLS` are skipped, whatever they hold.

    Examples
    --------
    >>> hiding_css(["explorer_z0", "x{}*"])
    '.st-key-explorer_z0 { display: none !important; }'
    """
    known = [key for key in keys if key in CONTROLS]
    selectors = [
        f".st-key-{name}" for key in known for name in (key, *HIDDEN_WITH.get(key, ()))
    ]
    return f"{', '.join(selectors)} {{ display: none !important; }}" if known else ""


def hides_controls_here() -> bool:
    """True when some of the controls this page has drawn are hidden.

    Called after the page's widgets ran.
    """
    return bool(hidden_keys() & set(_controls_on_page()))


def hidden_note() -> None:
    """Say that some controls are hidden in this link, with a button to show them."""
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        note = tr("classroom.hidden_note")
        st.caption(f":material/visibility_off: {note}", width="content")
        st.button(
            tr("classroom.show_all"),
            key=SHOW_ALL_KEY,
            type="tertiary",
            icon=":material/visibility:",
            on_click=_show_all,
        )


def link_popover() -> None:
    """The sidebar's "Link to this view": controls to hide, and the link to copy."""
    offered = _controls_on_page()
    hidden = hidden_keys()
    with st.sidebar.popover(tr("classroom.link"), icon=":material/link:"):
        st.caption(tr("classroom.link_help"))
        if offered:
            labels = {key: _label(key) for key in offered}
            # The picker shows this page's share of the session's hidden set.
            st.session_state[PICKER_KEY] = [key for key in offered if key in hidden]
            st.multiselect(
                tr("classroom.hide"),
                offered,
                format_func=labels.__getitem__,
                key=PICKER_KEY,
                placeholder=tr("classroom.hide_placeholder"),
                help=tr("classroom.hide_help"),
                on_change=_choose,
                args=(tuple(offered),),
            )
        else:
            st.caption(tr("classroom.nothing_to_hide"))
        _link(
            key=LINK_KEY,
            data=payload({
                "private": list(TAB_ONLY),
                "labels": {
                    "link": tr("classroom.link"),
                    "copy": tr("classroom.copy"),
                    "copied": tr("classroom.copied"),
                    "copy_by_hand": tr("classroom.copy_by_hand"),
                }
            }),
        )


def _names_in(values: Iterable[str]) -> list[str]:
    names = [name.strip() for value in values for name in value.split(",")]
    return list(dict.fromkeys(name for name in names if name))


def _in_page_order(keys: Container[str]) -> list[str]:
    return [key for key in CONTROLS if key in keys]


def _controls_on_page() -> list[str]:
    """The controls of :data:`CONTROLS` that this run has drawn, in page order."""
    return _in_page_order(_keys_this_run())


def _keys_this_run() -> Container[str]:
    # Streamlit notes each widget key of a run (to refuse a key used twice);
    # that set is exactly this page's controls, where the session state may
    # still hold the previous page's for one run. The session state is the
    # fallback should a later version not keep the set there.
    keys = widget_keys_this_run()
    return st.session_state if keys is None else keys


def _label(key: str) -> str:
    """The control's label as the page shows it, in the current language."""
    if CONTROLS[key] != "widgets.z_entry":
        return tr(CONTROLS[key])
    prefix, k = key.rsplit("_z", 1)
    return tr("widgets.z_entry", k=int(k), name=_class_name(prefix, int(k)))


def _class_name(prefix: str, k: int) -> str:
    # The explorer's typed class names (comma-separated), as the z sliders use them.
    return typed_names(str(st.session_state.get(f"{prefix}_names") or ""), k + 1)[k]


def _choose(offered: tuple[str, ...]) -> None:
    """Callback: this page's picks replace its share of the hidden set."""
    picked = set(st.session_state.get(PICKER_KEY) or ()) & set(CONTROLS)
    st.session_state[_HIDDEN] = (hidden_keys() - set(offered)) | picked


def _show_all() -> None:
    """Callback: hide nothing any more (the link loses its ``hide``)."""
    st.session_state[_HIDDEN] = frozenset()
