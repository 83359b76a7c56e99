"""Widgets shared by several pages: C, the z sliders, class names and linked choices."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from .i18n import class_names, tr
from .state import MAX_C, Z_RANGE, default_z, z_key
from .text import as_typed


def clamp_link_value(key: str, low: float, high: float) -> None:
    """Bring a number typed into the link (``?key=99``) to the nearest value allowed.

    Streamlit drops a bound URL value outside the widget's range; seeding the
    session state with the clamped number first makes the page open at the
    nearest valid state instead of the default.
    """
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


def class_count(prefix: str, *, label_key: str = "widgets.C") -> int:
    """C, the number of classes, 2 … 10 (default 4), kept in the URL."""
    clamp_link_value(f"{prefix}_C", 2, MAX_C)
    return int(
        st.number_input(
            tr(label_key),
            min_value=2,
            max_value=MAX_C,
            value=4,
            step=1,
            key=f"{prefix}_C",
            bind="query-params",
        )
    )


def z_sliders(prefix: str, names: list[str], columns: int = 1) -> None:
    """One slider per entry of z[L], labelled with its class, kept in the URL."""
    cols = st.columns(columns)
    for k, name in enumerate(names):
        clamp_link_value(z_key(prefix, k), *Z_RANGE)
        with cols[k % columns]:
            st.slider(
                tr("widgets.z_entry", k=k, name=name),
                min_value=Z_RANGE[0],
                max_value=Z_RANGE[1],
                value=default_z(k),
                step=0.1,
                format="%.1f",
                key=z_key(prefix, k),
                bind="query-params",
            )


def names_input(prefix: str, count: int) -> list[str]:
    """Editable class names (comma-separated); blanks fall back to the lecture's."""
    text = st.text_input(
        tr("widgets.names"),
        value="",
        placeholder=", ".join(class_names(count)),
        key=f"{prefix}_names",
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
    label: str,
    options: Sequence[Any],
    *,
    key: str,
    default: Any,
    **kwargs: Any,
) -> Any:
    """A radio, selectbox or select_slider whose URL value is the option itself.

    ``bind="query-params"`` would put the displayed label in the URL (which
    changes with the language) and take ``?rate=0.5`` but not ``?rate=.5``.
    Here the link holds the option (``?training_dataset=spirals``,
    ``?explorer_temperature=2``); a number that is not an option opens at the
    nearest one, and the value survives a visit to another page.
    """
    if key not in st.session_state and key in st.query_params:
        chosen = _nearest_option(st.query_params[key], options)
        if chosen is not None:
            st.session_state[key] = chosen
    if widget is st.select_slider:
        kwargs["value"] = default
    else:
        kwargs["index"] = list(options).index(default)
    value = widget(label, options, key=key, persist_state="session", **kwargs)
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
