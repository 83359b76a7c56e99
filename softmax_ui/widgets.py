"""The controls of :mod:`softmax_ui.controls` as widgets, kept in the URL.

Each helper takes a :class:`~softmax_ui.controls.Control` and reads its key,
label, range and default from it; a page says only where the widget goes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from . import controls
from .controls import Control
from .i18n import class_names, tr
from .text import as_typed


def clamp_link_value(control: Control) -> None:
    """Bring a number typed into the link (``?key=99``) to the nearest value allowed.

    Streamlit drops a bound URL value outside the widget's range; seeding the
    session state with the clamped number first makes the page open at the
    nearest valid state instead of the default.
    """
    key, low, high = control.key, control.low, control.high
    if key in st.session_state or key not in st.query_params:
        return
    try:
        value = float(st.query_params[key])
    except ValueError:
        return
    if value == value:  # not NaN
        st.session_state[key] = type(low)(min(max(value, low), high))
    if abs(value) == float("inf"):
        # Streamlit 1.67 raises OverflowError turning ?key=inf into the value of
        # an integer widget: give the URL the clamped number and run again.
        st.query_params[key] = str(st.session_state[key])
        st.rerun()


def slider(
    control: Control, *, label: str | None = None, linked: bool = True, **kwargs: Any
) -> Any:
    """``st.slider`` for ``control``; ``linked``, its value is kept in the URL.

    ``label`` replaces the catalog's where it names more (a z entry's class).
    """
    if linked:
        clamp_link_value(control)
        kwargs["bind"] = "query-params"
    return st.slider(
        tr(control.label) if label is None else label,
        control.low,
        control.high,
        control.default,
        control.step,
        format=control.format,
        key=control.key,
        **kwargs,
    )


def select_slider(control: Control, **kwargs: Any) -> Any:
    """``st.select_slider`` over the control's options, kept in the URL.

    Streamlit writes the value into the URL as it formats it (``?…=2.0``);
    :func:`linked_choice` writes the option itself instead.
    """
    return st.select_slider(
        tr(control.label),
        options=control.options,
        value=control.default,
        key=control.key,
        bind="query-params",
        **kwargs,
    )


def number_input(control: Control, **kwargs: Any) -> int:
    """``st.number_input`` for a whole-number ``control``, kept in the URL."""
    clamp_link_value(control)
    return int(
        st.number_input(
            tr(control.label),
            min_value=control.low,
            max_value=control.high,
            value=control.default,
            step=control.step,
            key=control.key,
            bind="query-params",
            **kwargs,
        )
    )


def class_count(prefix: str) -> int:
    """C, the number of classes, 2 … 10 (default 4), kept in the URL."""
    return number_input(controls.class_count(prefix))


def z_sliders(
    prefix: str, names: list[str], columns: int = 1, *, wide: bool = False
) -> None:
    """One slider per entry of z[L], labelled with its class, kept in the URL.

    ``wide``: the sliders reach ±1000 (see :func:`controls.z_entry`).
    """
    cols = st.columns(columns)
    for k, name in enumerate(names):
        with cols[k % columns]:
            slider(
                controls.z_entry(prefix, k, wide=wide),
                label=tr("widgets.z_entry", k=k, name=name),
            )


def toggle(control: Control, **kwargs: Any) -> bool:
    """``st.toggle`` for ``control``, kept in the URL (``?key=true``)."""
    return st.toggle(
        tr(control.label),
        value=control.default,
        key=control.key,
        bind="query-params",
        **kwargs,
    )


def names_input(control: Control, count: int) -> list[str]:
    """Editable class names (comma-separated); blanks fall back to the lecture's."""
    text = st.text_input(
        tr(control.label),
        value=control.default,
        placeholder=", ".join(class_names(count)),
        key=control.key,
        help=tr("widgets.names_help"),
        max_chars=400,
    )
    names = [as_typed(name) for name in typed_names(text, count)]
    # Bars are keyed by name: a repeated name gets its class number added.
    return [
        f"{name} ({k})" if names.count(name) > 1 else name
        for k, name in enumerate(names)
    ]


def typed_names(text: str, count: int) -> list[str]:
    """The ``count`` class names typed as "a, b, c", each cut to 24 characters.

    A blank or missing name is the lecture's.

    Examples
    --------
    >>> typed_names("kitten, , puppy", 4)
    ['kitten', 'cat', 'puppy', 'baby chick']
    """
    defaults = class_names(count)
    typed = [part.strip()[:24] for part in text.split(",")]
    return [
        typed[k] if k < len(typed) and typed[k] else defaults[k] for k in range(count)
    ]


def linked_choice(
    widget: Callable[..., Any],
    control: Control,
    options: Sequence[Any] | None = None,
    **kwargs: Any,
) -> Any:
    """A radio, selectbox or select_slider whose URL value is the option itself.

    The options are the control's unless given (the classes of the moment).

    ``bind="query-params"`` would put the displayed label in the URL (which
    changes with the language) and take ``?rate=0.5`` but not ``?rate=.5``.
    Here the link holds the option (``?training_dataset=spirals``,
    ``?explorer_temperature=2``); a number that is not an option opens at the
    nearest one, and the value survives a visit to another page.
    """
    key, default = control.key, control.default
    options = control.options if options is None else options
    if key not in st.session_state and key in st.query_params:
        chosen = _nearest_option(st.query_params[key], options)
        if chosen is not None:
            st.session_state[key] = chosen
    if widget is st.select_slider:
        kwargs["value"] = default
    else:
        kwargs["index"] = list(options).index(default)
    value = widget(
        tr(control.label), options, key=key, persist_state="session", **kwargs
    )
    if value == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = _link_text(value)
    return value


def _link_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _nearest_option(text: str, options: Sequence[Any]) -> Any | None:
    """The option ``text`` names, or the nearest number; None if there is none.

    Examples
    --------
    >>> _nearest_option("1e308", (0.001, 0.5, 100.0)), _nearest_option("-inf", (0, 64))
    (100.0, 0)
    """
    text = text.strip()
    for option in options:
        if str(option).lower() == text.lower():
            return option
    if all(isinstance(o, int | float) for o in options):
        try:
            number = float(text)
        except ValueError:
            return None
        if number == number:  # not NaN
            # Brought into the options' range first: beyond it every distance
            # rounds to the same huge (or infinite) number, and the first
            # option, not the nearest end, would win.
            number = min(max(number, min(options)), max(options))
            return min(options, key=lambda o: abs(o - number))
    return None


def keep_choice_in_range(key: str, options: Sequence[Any]) -> None:
    """Drop a remembered choice that is no longer offered (e.g. class 7 when C = 4)."""
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]
