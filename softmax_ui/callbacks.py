"""Callbacks that set controls (reset, randomize, gradient steps), and what they set.

A callback runs before the page does, so the widgets it sets are drawn with
their new values. The values are :mod:`softmax_ui.controls`'s defaults: the
lecture's own example, so a page opens showing what the lecture shows.
"""

from __future__ import annotations

from collections.abc import Container

import numpy as np
import streamlit as st

from softmax_core import MAX_CLASSES, gradient_step_on_z

from .controls import OVERFLOW_EXAMPLE_Z, class_count, z_entry


def z_values(prefix: str, count: int) -> np.ndarray:
    """The current z (the first ``count`` entries) from the sliders' state."""
    entries = [z_entry(prefix, k) for k in range(count)]
    return np.array([st.session_state.get(e.key, e.default) for e in entries])


def reset_to_lecture(
    prefix: str,
    extra: dict[str, object] | None = None,
    keep: Container[str] = (),
) -> None:
    """Callback: put the lecture's example back (z = [5, 2, −1, 3], C = 4, …).

    The controls named in ``keep`` (those a classroom link hides) keep their
    values: the link set them, and nobody can see them change.
    """
    resets = [z_entry(prefix, k) for k in range(MAX_CLASSES)]
    resets.append(class_count(prefix))
    values: dict[str, object] = {control.key: control.default for control in resets}
    values.update(extra or {})
    for key, value in values.items():
        if key not in keep:
            st.session_state[key] = value


def randomize_z(prefix: str, count: int, keep: Container[str] = ()) -> None:
    """Callback: draw a fresh z, each entry in −6 … 6 on the sliders' 0.1 grid.

    Entries named in ``keep`` (hidden by a classroom link) keep their values.
    """
    draws = np.random.default_rng().uniform(-6, 6, count).round(1)
    for k, value in enumerate(draws):
        key = z_entry(prefix, k).key
        if key not in keep:
            st.session_state[key] = float(value)


def show_overflow_example(
    prefix: str, switch_key: str, keep: Container[str] = ()
) -> None:
    """Callback: z = [1000, 999, 998, 0], C = 4, with the wide range switched on.

    e^z overflows float64 for the first three entries; the shifted steps do not.
    Controls named in ``keep`` (hidden by a classroom link) keep their values.
    """
    values: dict[str, object] = {
        switch_key: True,
        class_count(prefix).key: len(OVERFLOW_EXAMPLE_Z),
    }
    for k, value in enumerate(OVERFLOW_EXAMPLE_Z):
        values[z_entry(prefix, k).key] = value
    for key, value in values.items():
        if key not in keep:
            st.session_state[key] = value


def clamp_z_to_range(prefix: str, switch_key: str) -> None:
    """Callback of the wide-range switch: switched off, z comes back within ±10.

    Each z entry outside the normal range is set to its nearest end, in the
    session and in the URL: a slider whose range changes is a new widget, and
    Streamlit would otherwise leave the link without its value.
    """
    if st.session_state.get(switch_key):
        return
    for k in range(MAX_CLASSES):
        control = z_entry(prefix, k)
        value = st.session_state.get(control.key)
        if isinstance(value, int | float) and not control.low <= value <= control.high:
            st.session_state[control.key] = control.nearest(float(value))


def descent_path(path_key: str, start: object, start_z: np.ndarray) -> list[np.ndarray]:
    """The gradient steps on z taken so far, from ``start_z`` on.

    They start over whenever ``start`` (what the starting point depends on)
    changes; :func:`take_descent_step` and :func:`restart_descent` change them.
    """
    start_key = f"{path_key}_start"
    if st.session_state.get(start_key) != start:
        st.session_state[start_key] = start
        st.session_state[path_key] = [start_z]
    return st.session_state[path_key]


def take_descent_step(path_key: str, y: np.ndarray, step_key: str) -> None:
    """Callback: append z − α dz[L] to the path of gradient steps on z."""
    path = st.session_state[path_key]
    path.append(
        gradient_step_on_z(y, z=path[-1], step_size=st.session_state[step_key])
    )


def restart_descent(path_key: str) -> None:
    """Callback: forget the gradient steps, back to the starting z."""
    del st.session_state[path_key][1:]
