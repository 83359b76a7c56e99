r"""C = 2: softmax regression reduces to logistic regression.

.. math::

    \operatorname{softmax}([z_1, z_2])_1 = \frac{e^{z_1}}{e^{z_1} + e^{z_2}}
    = \frac{1}{1 + e^{-(z_1 - z_2)}} = \sigma(z_1 - z_2)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activations import sigmoid, softmax


@dataclass(frozen=True)
class TwoClassOutputs:
    """The two softmax outputs beside the sigmoid of the difference."""

    softmax_1: np.ndarray
    softmax_2: np.ndarray
    sigmoid_of_difference: np.ndarray


def two_class_outputs(
    z1: np.typing.ArrayLike, z2: np.typing.ArrayLike
) -> TwoClassOutputs:
    r"""Softmax of [z1, z2] and σ(z1 − z2), for scalars or arrays of pairs.

    .. math:: a_1 = \frac{e^{z_1}}{e^{z_1} + e^{z_2}}, \quad a_2 = 1 - a_1,
              \quad \sigma(z_1 - z_2) = a_1

    Examples
    --------
    >>> out = two_class_outputs(1.0, -0.672)
    >>> float(out.softmax_1.round(3)), float(out.softmax_2.round(3))
    (0.842, 0.158)
    """
    z1 = np.asarray(z1, dtype=np.float64)
    z2 = np.asarray(z2, dtype=np.float64)
    a = softmax(np.stack(np.broadcast_arrays(z1, z2)), axis=0)
    return TwoClassOutputs(
        softmax_1=a[0], softmax_2=a[1], sigmoid_of_difference=sigmoid(z1 - z2)
    )


def difference_grid(
    center: float = 0.0, half_width: float = 10.0, points: int = 401
) -> np.ndarray:
    """Evenly spaced values of z1 − z2 around ``center`` for plotting σ."""
    return np.linspace(center - half_width, center + half_width, points)
