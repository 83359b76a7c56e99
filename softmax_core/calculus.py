r"""Derivatives checked by hand: finite differences and gradient steps on z[L].

These are the lecture's claims made checkable: dz[L] = ŷ − y agrees with a
numerical derivative of L, and stepping z against dz[L] lowers L while the
true class's probability ŷ_true rises (maximum likelihood).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .activations import softmax
from .losses import loss_from_logits, output_gradient


def numerical_gradient(
    f: Callable[[np.ndarray], float], x: np.typing.ArrayLike, eps: float = 1e-6
) -> np.ndarray:
    r"""Central finite-difference gradient of a scalar function.

    .. math:: \frac{\partial f}{\partial x_k} \approx
              \frac{f(x + \varepsilon e_k) - f(x - \varepsilon e_k)}{2\varepsilon}

    Examples
    --------
    >>> square = lambda v: float(np.sum(v**2))
    >>> numerical_gradient(square, np.array([1.0, -2.0])).round(6)
    array([ 2., -4.])
    """
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    flat, out = x.reshape(-1), grad.reshape(-1)
    for k in range(flat.size):
        keep = flat[k]
        flat[k] = keep + eps
        up = f(x)
        flat[k] = keep - eps
        down = f(x)
        flat[k] = keep
        out[k] = (up - down) / (2 * eps)
    return grad


@dataclass(frozen=True)
class DzCheck:
    """dz[L] from the formula beside its finite-difference estimate."""

    formula: np.ndarray
    numerical: np.ndarray

    @property
    def differences(self) -> np.ndarray:
        """|formula − numerical| for each of the C entries."""
        return np.abs(self.formula - self.numerical)

    @property
    def max_abs_difference(self) -> float:
        """The largest |formula − numerical| over the C entries."""
        return float(np.max(self.differences))


def check_output_gradient(
    y: np.typing.ArrayLike, *, z: np.typing.ArrayLike, eps: float = 1e-6
) -> DzCheck:
    r"""Compare dz[L] = ŷ − y with the numerical derivative ∂L/∂z.

    .. math:: dz^{[L]} = \hat y - y \quad\text{vs}\quad
              \frac{L(z + \varepsilon e_k) - L(z - \varepsilon e_k)}{2\varepsilon}

    The labels come first, as in :func:`~softmax_core.losses.loss_from_logits`;
    z by keyword, so the two vectors cannot be swapped unseen.

    Examples
    --------
    >>> check = check_output_gradient([0, 1, 0, 0], z=[5.0, 2.0, -1.0, 3.0])
    >>> check.max_abs_difference < 1e-8
    True
    """
    z = np.asarray(z, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    formula = output_gradient(y, y_hat=softmax(z))
    numerical = numerical_gradient(lambda v: loss_from_logits(y, v), z, eps)
    return DzCheck(formula=formula, numerical=numerical)


def logits_from_probabilities(y_hat: np.typing.ArrayLike) -> np.ndarray:
    r"""A z whose softmax is the given ŷ: z = log ŷ (any constant may be added).

    .. math:: \operatorname{softmax}(\log \hat y)_j
              = \frac{\hat y_j}{\sum_i \hat y_i} = \hat y_j

    Examples
    --------
    >>> softmax(logits_from_probabilities([0.3, 0.2, 0.1, 0.4])).round(3)
    array([0.3, 0.2, 0.1, 0.4])
    """
    y_hat = np.asarray(y_hat, dtype=np.float64)
    if np.any(y_hat <= 0) or not np.isclose(np.sum(y_hat), 1.0):
        raise ValueError("ŷ must hold positive probabilities that sum to 1.")
    return np.log(y_hat)


def gradient_step_on_z(
    y: np.typing.ArrayLike, *, z: np.typing.ArrayLike, step_size: float
) -> np.ndarray:
    r"""One gradient-descent step on the logits themselves.

    .. math:: z \leftarrow z - \alpha\, dz^{[L]} = z - \alpha (\hat y - y)

    The labels come first, as in :func:`~softmax_core.losses.loss_from_logits`;
    z and the step size α by keyword.

    Examples
    --------
    >>> gradient_step_on_z([0, 1], z=[0.0, 0.0], step_size=1.0)
    array([-0.5,  0.5])
    """
    z = np.asarray(z, dtype=np.float64)
    return z - float(step_size) * output_gradient(y, y_hat=softmax(z))


def step_on_z_frames(
    y: np.typing.ArrayLike,
    *,
    z: np.typing.ArrayLike,
    step_size: float,
    frames: int = 13,
) -> tuple[np.ndarray, np.ndarray]:
    r"""One gradient step on z drawn as ``frames`` stages, and ŷ at each stage.

    .. math::

        z(s) = z - s\,\alpha\, dz^{[L]}, \quad dz^{[L]} = \hat y - y, \quad
        s = 0, \tfrac{1}{n-1}, \dots, 1; \qquad \hat y(s) = \operatorname{softmax}(z(s))

    dz[L] is taken once, at the starting z: the stage s = 1 is exactly
    :func:`gradient_step_on_z`, the stages between move each z_j along a
    straight line from z_j to z_j − α dz_j, and ŷ(s) follows them.

    Returns
    -------
    z_frames, y_hat_frames : numpy.ndarray
        Both ``frames`` × C: row 0 is the start, the last row one full step.

    Examples
    --------
    >>> zs, ys = step_on_z_frames([0, 1], z=[0.0, 0.0], step_size=1.0, frames=3)
    >>> zs
    array([[ 0.  ,  0.  ],
           [-0.25,  0.25],
           [-0.5 ,  0.5 ]])
    >>> ys[:, 1].round(3)
    array([0.5  , 0.622, 0.731])
    """
    if frames < 2:
        raise ValueError("An animation of a step needs at least 2 frames.")
    z = np.asarray(z, dtype=np.float64)
    move = -float(step_size) * output_gradient(y, y_hat=softmax(z))
    stages = np.linspace(0.0, 1.0, frames)[:, None]
    z_frames = z[None, :] + stages * move[None, :]
    return z_frames, softmax(z_frames, axis=1)
