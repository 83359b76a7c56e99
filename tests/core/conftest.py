"""Shared helpers for the core's tests: an independent finite-difference gradient."""

from collections.abc import Callable

import numpy as np
import pytest


def _central_difference(
    f: Callable[[np.ndarray], float], x: np.ndarray, eps: float = 1e-6
) -> np.ndarray:
    """∂f/∂x_k ≈ (f(x + ε e_k) − f(x − ε e_k)) / 2ε, in float64, on a copy of x."""
    x = np.array(x, dtype=np.float64)
    grad = np.empty_like(x)
    for k in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[k] += eps
        down[k] -= eps
        grad[k] = (f(up) - f(down)) / (2 * eps)
    return grad


@pytest.fixture(scope="session")
def central_difference() -> Callable[..., np.ndarray]:
    """The suite's own finite-difference gradient, written apart from the core."""
    return _central_difference
