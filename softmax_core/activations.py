r"""Activations of the output layer: softmax, its log, hardmax and the sigmoid.

Shape convention (the lecture's): a 1-D ``z`` is one example, a column
z[L] of C entries; a 2-D ``Z`` is C×m, one example per column, so the class
axis is ``axis=0`` unless told otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# np.exp overflows float64 just above this; the step table shifts beyond it.
_EXP_SAFE_MAX = 709.0


def _check_temperature(temperature: float) -> float:
    temperature = float(temperature)
    if not np.isfinite(temperature) or temperature <= 0:
        raise ValueError(
            f"The temperature T must be a positive number, got {temperature!r}."
        )
    return temperature


def _as_float_array(z: np.typing.ArrayLike) -> np.ndarray:
    z = np.asarray(z)
    if not np.issubdtype(z.dtype, np.floating):
        z = z.astype(np.float64)
    return z


def _shifted(z: np.ndarray, axis: int, temperature: float) -> np.ndarray:
    # (z − max z) / T, shifted before dividing: every entry is ≤ 0, so a tiny T
    # can only send entries to −inf (e^−inf = 0), never to +inf (inf − inf = NaN).
    shifted = z - np.max(z, axis=axis, keepdims=True)
    if temperature != 1.0:
        with np.errstate(over="ignore"):
            shifted = shifted / shifted.dtype.type(temperature)
    return shifted


def softmax(
    z: np.typing.ArrayLike, axis: int = 0, temperature: float = 1.0
) -> np.ndarray:
    r"""Softmax activation a[L] = ŷ of the output layer.

    The lecture computes a temporary vector t, then normalizes it:

    .. math::

        t = e^{z^{[L]} / T}, \qquad a^{[L]}_j = \frac{t_j}{\sum_{i=1}^{C} t_i}

    With the temperature T = 1 this is the lecture's softmax. As T → 0 it
    approaches hardmax; as T → ∞ it approaches the uniform 1/C.

    Parameters
    ----------
    z : array_like
        Logits z[L]; 1-D for one example or C×m for m examples.
    axis : int, optional
        The class axis (0 in the column convention).
    temperature : float, optional
        T > 0; z is divided by T before the exponential.

    Returns
    -------
    numpy.ndarray
        Probabilities of the same shape, summing to 1 along ``axis``. A
        float32 input stays float32; integers become float64.

    Notes
    -----
    Softmax is unchanged by adding a constant to every z_j, so the largest
    entry is subtracted before the exponential: no e^z overflows.

    Examples
    --------
    >>> softmax(np.array([5.0, 2.0, -1.0, 3.0])).round(3)
    array([0.842, 0.042, 0.002, 0.114])
    """
    temperature = _check_temperature(temperature)
    z = _as_float_array(z)
    t = np.exp(_shifted(z, axis, temperature))
    return t / np.sum(t, axis=axis, keepdims=True)


def log_softmax(
    z: np.typing.ArrayLike, axis: int = 0, temperature: float = 1.0
) -> np.ndarray:
    r"""Logarithm of the softmax, computed stably in the log-sum-exp form.

    .. math::

        \log a^{[L]}_j = \frac{z_j}{T} - \log \sum_{i=1}^{C} e^{z_i / T}

    Parameters
    ----------
    z : array_like
        Logits z[L]; 1-D or C×m.
    axis : int, optional
        The class axis.
    temperature : float, optional
        T > 0.

    Returns
    -------
    numpy.ndarray
        log ŷ, finite for every finite z (never log 0 = −inf from underflow).

    Examples
    --------
    >>> log_softmax(np.array([0.0, 1000.0])).round(3)
    array([-1000.,     0.])
    """
    temperature = _check_temperature(temperature)
    z = _as_float_array(z)
    shifted = _shifted(z, axis, temperature)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


@dataclass(frozen=True)
class SoftmaxSteps:
    """The lecture's intermediate values for one z, for a step table.

    Attributes
    ----------
    z : numpy.ndarray
        The logits, as given.
    t : numpy.ndarray
        t = e^{z/T − shift}; with ``shift = 0`` exactly the lecture's t.
    total : float
        Σ_j t_j.
    a : numpy.ndarray
        a[L] = t / Σt.
    shift : float
        The constant subtracted from z/T before the exponential: 0 unless
        e^{z/T} or Σt would overflow float64, then max_j z_j / T.
    """

    z: np.ndarray
    t: np.ndarray
    total: float
    a: np.ndarray
    shift: float

    @property
    def shifted(self) -> bool:
        """True when t is e^{z/T − shift} rather than e^{z/T}."""
        return self.shift != 0.0

    @property
    def overflowed(self) -> np.ndarray:
        """Which entries of t overflowed to inf (only ever in the naive steps)."""
        return ~np.isfinite(self.t)


def softmax_steps(z: np.typing.ArrayLike, temperature: float = 1.0) -> SoftmaxSteps:
    r"""The lecture's steps t = e^z, Σt and a = t / Σt for one example.

    .. math:: t = e^{z^{[L]}/T}, \quad \sum_j t_j, \quad a^{[L]} = t / \sum_j t_j

    Where e^{z/T} or Σt would overflow float64 (z/T above about 709 − log C),
    every entry is shifted by s = max_j z_j / T first, so t = e^{z/T − s}: a is
    the same, and ``shift`` says that t and Σt are scaled by e^{−s}.

    Examples
    --------
    >>> steps = softmax_steps([5, 2, -1, 3])
    >>> steps.t.round(2)
    array([148.41,   7.39,   0.37,  20.09])
    >>> round(steps.total, 2), steps.a.round(3)
    (176.26, array([0.842, 0.042, 0.002, 0.114]))
    """
    temperature = _check_temperature(temperature)
    z = np.asarray(z, dtype=np.float64)
    if z.ndim != 1 or z.size == 0:
        raise ValueError("softmax_steps takes one example: a 1-D z with C ≥ 1 entries.")
    scaled = z / temperature
    top = float(np.max(scaled))
    # Shift only when needed, so the table shows the lecture's own t otherwise;
    # also shift when everything underflows (all z/T far below 0). Σt ≤ C·e^top,
    # so the sum, not only each t_j, must stay below the overflow.
    shift = (
        top if (top > _EXP_SAFE_MAX - np.log(z.size) or top < -_EXP_SAFE_MAX) else 0.0
    )
    t = np.exp(scaled - shift)
    total = float(np.sum(t))
    return SoftmaxSteps(z=z, t=t, total=total, a=t / total, shift=shift)


# The largest z whose e^z a float type holds: ln of its largest number.
EXP_OVERFLOW = {
    np.dtype(np.float64): float(np.log(np.finfo(np.float64).max)),  # 709.78
    np.dtype(np.float32): float(np.log(np.finfo(np.float32).max)),  # 88.72
}


def naive_softmax_steps(
    z: np.typing.ArrayLike, dtype: np.typing.DTypeLike = np.float64
) -> SoftmaxSteps:
    r"""The steps t = e^z, Σt and a = t / Σt with no shift: why softmax shifts.

    .. math:: t = e^{z^{[L]}}, \quad a^{[L]} = t / \sum_j t_j
              \quad \text{(in } \texttt{dtype}\text{, without subtracting } \max_j z_j)

    In float64, e^z overflows to inf past z ≈ 709.78 (the log of the largest
    float64), in float32 past z ≈ 88.72 (see :data:`EXP_OVERFLOW`); then
    Σt is inf and a = inf / inf is NaN, while :func:`softmax_steps`, which
    subtracts max z first, stays exact. Compare the two to see why the core
    subtracts the max.

    Examples
    --------
    >>> naive_softmax_steps([1000.0, 0.0]).a
    array([nan,  0.])
    >>> naive_softmax_steps([100.0, 0.0], np.float32).overflowed
    array([ True, False])
    >>> naive_softmax_steps([5, 2, -1, 3]).a.round(3)
    array([0.842, 0.042, 0.002, 0.114])
    """
    dtype = np.dtype(dtype)
    z = np.asarray(z, dtype=np.float64)
    if z.ndim != 1 or z.size == 0:
        raise ValueError("naive_softmax_steps takes one example: a 1-D z.")
    with np.errstate(over="ignore", invalid="ignore"):
        t = np.exp(z.astype(dtype))
        total = t.sum(dtype=dtype)
        a = t / total
    return SoftmaxSteps(z=z, t=t, total=float(total), a=a, shift=0.0)


def shifted_softmax_steps(z: np.typing.ArrayLike) -> SoftmaxSteps:
    r"""Softmax's steps with max z subtracted first, always: it never overflows.

    .. math::

        s = \max_j z_j, \quad t = e^{z^{[L]} - s}, \quad
        a^{[L]} = \frac{t}{\sum_j t_j}
        = \frac{e^{z} e^{-s}}{\sum_j e^{z_j} e^{-s}} = \operatorname{softmax}(z)

    Every exponent z_j − s is ≤ 0, so each t_j lies in (0, 1], the largest is
    exactly 1, and 1 ≤ Σt ≤ C: nothing overflows for any finite z, and a is
    softmax(z) itself. Set beside :func:`naive_softmax_steps`, whose e^z
    overflows past z ≈ 709.78 in float64 and 88.72 in float32.

    Parameters
    ----------
    z : array_like
        The logits z[L] of one example (1-D, finite).

    Returns
    -------
    SoftmaxSteps
        ``t`` = e^{z − s}, ``total`` = Σt, ``a`` = t / Σt, ``shift`` = s.

    Examples
    --------
    >>> steps = shifted_softmax_steps([1000.0, 999.0, 998.0, 0.0])
    >>> (steps.z - steps.shift).tolist(), steps.t.round(3)
    ([0.0, -1.0, -2.0, -1000.0], array([1.   , 0.368, 0.135, 0.   ]))
    >>> round(steps.total, 3), steps.a.round(3)
    (1.503, array([0.665, 0.245, 0.09 , 0.   ]))
    """
    z = np.asarray(z, dtype=np.float64)
    if z.ndim != 1 or z.size == 0:
        raise ValueError("shifted_softmax_steps takes one example: a 1-D z.")
    shift = float(np.max(z))
    t = np.exp(z - shift)
    total = float(np.sum(t))
    return SoftmaxSteps(z=z, t=t, total=total, a=t / total, shift=shift)


def hardmax(z: np.typing.ArrayLike, axis: int = 0) -> np.ndarray:
    r"""Hardmax: 1 at the largest entry of z, 0 everywhere else.

    .. math:: \operatorname{hardmax}(z)_j = [\, j = \arg\max_i z_i \,]

    A tie goes to the first index, as :func:`numpy.argmax` does.

    Examples
    --------
    >>> hardmax(np.array([5.0, 2.0, -1.0, 3.0]))
    array([1., 0., 0., 0.])
    """
    z = _as_float_array(z)
    winner = np.expand_dims(np.argmax(z, axis=axis), axis)
    out = np.zeros_like(z)
    np.put_along_axis(out, winner, 1, axis=axis)
    return out


def sigmoid(x: np.typing.ArrayLike) -> np.ndarray:
    r"""Logistic sigmoid σ(x), stable in both tails.

    .. math:: \sigma(x) = \frac{1}{1 + e^{-x}}

    For x < 0 it is evaluated as e^{x} / (1 + e^{x}), so e^{−x} never
    overflows.

    Examples
    --------
    >>> sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    array([0. , 0.5, 1. ])
    """
    x = _as_float_array(x)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))
