"""Widgets shared by several pages: C, the z sliders and the class names."""

from __future__ import annotations

import streamlit as st

from .i18n import class_names, tr
from .state import MAX_C, Z_RANGE, default_z, z_key


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
    defaults = class_names(count)
    text = st.text_input(
        tr("widgets.names"),
        value="",
        placeholder=", ".join(defaults),
        key=f"{prefix}_names",
        help=tr("widgets.names_help"),
        max_chars=400,
    )
    typed = [part.strip()[:24] for part in text.split(",")] if text.strip() else []
    names = [
        typed[k] if k < len(typed) and typed[k] else defaults[k] for k in range(count)
    ]
    # Bars are keyed by name: a repeated name gets its class number added.
    return [
        f"{name} ({k})" if names.count(name) > 1 else name
        for k, name in enumerate(names)
    ]
