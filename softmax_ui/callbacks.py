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

from .controls import OVERFLOW_EXAMPLE_Z, class_count, z_entries, z_entry
from .streamlit_internals import write_bound_link_value


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


def _pending_key(prefix: str) -> str:
    return f"_{prefix}_pending_z"


def _pending_key(prefix: str) -> str:
    return f"_{prefix}_pending_z"


def show_overflow_example(
    prefix: str, switch_key: str, keep: Container[str] = ()
) -> None:
    """Callback: z = [1000, 999, 998, 0], C = 4, with the wide range switched on.

    e^z overflows float64 for the first three entries; the shifted steps do not.
    Controls named in ``keep`` (hidden by a classroom link) keep their values.
    The z values wait for the sliders to widen (see :func:`apply_pending_z`).
    """
    if switch_key in keep and not st.session_state.get(switch_key):
        return  # a link hides the switch, off: z stays within ±10
    st.session_state[switch_key] = True
    count = class_count(prefix).key
    if count not in keep:
        st.session_state[count] = len(OVERFLOW_EXAMPLE_Z)
    st.session_state[_pending_key(prefix)] = {
        z_entry(prefix, k).key: value
        for k, value in enumerate(OVERFLOW_EXAMPLE_Z)
        if z_entry(prefix, k).key not in keep
    }


def clamp_z_to_range(prefix: str, switch_key: str) -> None:
    """Callback of the wide-range switch: switched off, z comes back within ±10.

    Each z entry outside the normal range is set to its nearest end at once,
    so the narrower sliders can hold it, and again once they are drawn
    (:func:`apply_pending_z`), so that the link holds it too.
    """
    wide = bool(st.session_state.get(switch_key))
    values = {}
    for k in range(MAX_CLASSES):
        control = z_entry(prefix, k, wide=wide)
        value = st.session_state.get(control.key)
        if isinstance(value, int | float):
            values[control.key] = control.nearest(float(value))
    st.session_state.update(values)
    st.session_state[_pending_key(prefix)] = values


# A change of the sliders' range makes them new widgets to Streamlit: on their
# first run a value set by code does not reach the link (and an old value in
# the link overrides it). So the values wait one run: the run after the change
# draws the sliders with their new range and reruns (rerun_for_pending_z); the
# next sets the values before the sliders (apply_pending_z) and writes them
# into the link after them (write_pending_z).


def apply_pending_z(prefix: str, *, wide: bool) -> None:
    """Set the z values a range change left waiting, if their run has come.

    Call before the sliders are drawn; ``wide`` is their range (each value is
    brought into it).
    """
    pending = st.session_state.get(_pending_key(prefix))
    if pending and st.session_state.get(f"{_pending_key(prefix)}_ready"):
        for k, control in enumerate(z_entries(prefix)):
            if control.key in pending:
                nearest = z_entry(prefix, k, wide=wide).nearest(pending[control.key])
                pending[control.key] = nearest
        st.session_state.update(pending)


def rerun_for_pending_z(prefix: str) -> None:
    """After the sliders: rerun once for waiting values, or write them into the link."""
    key = _pending_key(prefix)
    pending = st.session_state.get(key)
    if not pending:
        return
    if not st.session_state.get(f"{key}_ready"):
        st.session_state[f"{key}_ready"] = True
        st.rerun()
    del st.session_state[key], st.session_state[f"{key}_ready"]
    for name, value in pending.items():
        default = next(c.default for c in z_entries(prefix) if c.key == name)
        write_bound_link_value(name, None if value == default else float(value))


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
