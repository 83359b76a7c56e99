"""Widget keys, defaults and the callbacks that set them (reset, randomize).

The defaults are the lecture's own example, so a page opens showing what the
lecture shows.
"""

from __future__ import annotations

from collections.abc import Container

import numpy as np
import streamlit as st

MAX_C = 10
LECTURE_Z = (5.0, 2.0, -1.0, 3.0)
LECTURE_Y_HAT = (0.3, 0.2, 0.1, 0.4)
Z_RANGE = (-10.0, 10.0)
TEMPERATURES = (
    0.05, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9,
    1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0,
)  # fmt: skip


def z_key(prefix: str, k: int) -> str:
    """The widget key of entry k of z on a page, e.g. ``explorer_z0``."""
    return f"{prefix}_z{k}"


def default_z(k: int) -> float:
    """Entry k of the lecture's z = [5, 2, −1, 3], then 0."""
    return LECTURE_Z[k] if k < len(LECTURE_Z) else 0.0


def z_values(prefix: str, count: int) -> np.ndarray:
    """The current z (the first ``count`` entries) from the sliders' state."""
    return np.array(
        [st.session_state.get(z_key(prefix, k), default_z(k)) for k in range(count)]
    )


def reset_to_lecture(
    prefix: str,
    extra: dict[str, object] | None = None,
    keep: Container[str] = (),
) -> None:
    """Callback: put the lecture's example back (z = [5, 2, −1, 3], C = 4, …).

    The controls named in ``keep`` (those a classroom link hides) keep their
    values: the link set them, and nobody can see them change.
    """
    values: dict[str, object] = {z_key(prefix, k): default_z(k) for k in range(MAX_C)}
    values[f"{prefix}_C"] = 4
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
        if z_key(prefix, k) not in keep:
            st.session_state[z_key(prefix, k)] = float(value)


LEARNING_RATES = (
    0.001, 0.003, 0.01, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0,
    30.0, 100.0,
)  # fmt: skip
HIDDEN_UNITS = (0, 2, 4, 8, 16, 32, 64)
L2_STRENGTHS = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
MAX_TEST_PERCENT = 50


def take_descent_step(path_key: str, y: np.ndarray, step_key: str) -> None:
    """Callback: append z − α dz[L] to the path of gradient steps on z."""
    from softmax_core import gradient_step_on_z

    path = st.session_state[path_key]
    path.append(
        gradient_step_on_z(y, z=path[-1], step_size=st.session_state[step_key])
    )


def restart_descent(path_key: str) -> None:
    """Callback: forget the gradient steps, back to the starting z."""
    del st.session_state[path_key][1:]
