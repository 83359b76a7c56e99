r"""One gradient step on W and b by hand, nudges, and where gradient descent diverges.

Softmax regression only (no hidden layer): Z = W X + b, Ŷ = softmax(Z), with
X n×m, W C×n, b C×1 and Z, Ŷ, Y C×m. The gradients are the lecture's two
steps, the output gradient and then the chain rule for the parameters,

.. math:: dZ = \hat Y - Y, \qquad dW = \tfrac1m\, dZ\, X^T, \qquad
          db = \tfrac1m \textstyle\sum_{i=1}^{m} dZ^{(i)}

computed by :func:`softmax_core.reference_cost_and_gradients`, the same
function the training code's fast kernel is tested against.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .network import Parameters, reference_cost_and_gradients


@dataclass(frozen=True)
class Gradients:
    """J at (W, b) and its gradients dW (C×n) and db (C×1), all float64."""

    cost: float
    dW: np.ndarray
    db: np.ndarray


@dataclass(frozen=True)
class DescentStep:
    """One step of gradient descent: the new W and b, and what moved them.

    ``dW``, ``db`` and ``cost`` are those at the W and b before the step.
    """

    W: np.ndarray
    b: np.ndarray
    dW: np.ndarray
    db: np.ndarray
    cost: float


def _as_parameters(W: np.typing.ArrayLike, b: np.typing.ArrayLike) -> Parameters:
    W = np.asarray(W, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64).reshape(-1, 1)
    if W.ndim != 2 or b.shape[0] != W.shape[0]:
        raise ValueError(f"W must be C×n and b C×1; got {W.shape} and {b.shape}.")
    return Parameters(W1=W, b1=b)


def gradients(
    W: np.typing.ArrayLike,
    b: np.typing.ArrayLike,
    X: np.typing.ArrayLike,
    labels: np.typing.ArrayLike,
    *,
    l2: float = 0.0,
) -> Gradients:
    r"""The cost J of softmax regression and its gradients at W and b.

    .. math:: dZ = \hat Y - Y, \qquad dW = \tfrac1m\, dZ\, X^T
              + \tfrac{\lambda}{m} W, \qquad
              db = \tfrac1m \textstyle\sum_i dZ^{(i)}

    and :math:`J = \frac1m \sum_i L^{(i)} + \frac{\lambda}{2m}\lVert W\rVert_F^2`
    (λ = 0 is the lecture's cost).

    Parameters
    ----------
    W, b : array_like
        C×n weights and C biases (C×1 or a flat C).
    X : array_like
        n×m features.
    labels : array_like of int
        m class indices in 0 … C−1.
    l2 : float, optional
        The L2 regularization λ ≥ 0 of the training page.

    Examples
    --------
    >>> g = gradients(np.zeros((2, 1)), np.zeros(2), np.array([[1.0, -1.0]]), [0, 1])
    >>> round(g.cost, 4), g.dW.ravel().tolist(), g.db.ravel().tolist()
    (0.6931, [-0.5, 0.5], [0.0, 0.0])
    """
    J, _, grads = reference_cost_and_gradients(_as_parameters(W, b), X, labels, l2)
    return Gradients(cost=J, dW=grads["dW1"], db=grads["db1"])


def gradient_step(
    W: np.typing.ArrayLike,
    b: np.typing.ArrayLike,
    X: np.typing.ArrayLike,
    labels: np.typing.ArrayLike,
    alpha: float,
    *,
    l2: float = 0.0,
) -> DescentStep:
    r"""One step of gradient descent on softmax regression.

    .. math:: W \leftarrow W - \alpha\, dW, \qquad b \leftarrow b - \alpha\, db

    with dW and db from :func:`gradients`, the step the training page repeats.

    Examples
    --------
    >>> X, labels = np.array([[1.0, -1.0]]), [0, 1]
    >>> step = gradient_step(np.zeros((2, 1)), np.zeros(2), X, labels, alpha=1.0)
    >>> step.W.ravel().tolist()
    [0.5, -0.5]
    >>> gradients(step.W, step.b, X, labels).cost < step.cost
    True
    """
    alpha = float(alpha)
    if not math.isfinite(alpha) or alpha <= 0:
        raise ValueError(f"The learning rate α must be a positive number, got {alpha}.")
    params = _as_parameters(W, b)
    g = gradients(params.W1, params.b1, X, labels, l2=l2)
    return DescentStep(
        W=params.W1 - alpha * g.dW,
        b=params.b1 - alpha * g.db,
        dW=g.dW,
        db=g.db,
        cost=g.cost,
    )


def nudge(
    W: np.typing.ArrayLike,
    b: np.typing.ArrayLike,
    row: int,
    column: int,
    delta: float,
) -> tuple[np.ndarray, np.ndarray]:
    r"""W and b with one entry moved by ``delta``: new arrays, the inputs untouched.

    Column ``n`` (one past W's last) is b, as in the augmented matrix
    :math:`[W \; b]`; a nudge of size δ changes J by about δ times that
    entry's gradient, :math:`\Delta J \approx \delta \cdot dW_{rc}`.

    Examples
    --------
    >>> W, b = nudge(np.zeros((2, 2)), np.zeros(2), 1, 2, 0.5)
    >>> W.tolist(), b.ravel().tolist()
    ([[0.0, 0.0], [0.0, 0.0]], [0.0, 0.5])
    """
    params = _as_parameters(W, b)
    W, b = params.W1.copy(), params.b1.copy()
    C, n = W.shape
    if not (0 <= row < C and 0 <= column <= n):
        raise ValueError(
            f"Entry ({row}, {column}) is outside [W b], which is {C}×{n + 1}."
        )
    if column == n:
        b[row, 0] += delta
    else:
        W[row, column] += delta
    return W, b


def divergence_iteration(
    costs: Sequence[float] | np.ndarray, rises: int = 5, *, tolerance: float = 1e-6
) -> int | None:
    r"""The first iteration at which gradient descent is seen to diverge, or None.

    That is the first iteration t where J is inf or NaN, where J has risen in
    each of the ``rises`` steps up to it, or where J has stayed above its
    starting value :math:`J_0` for ``rises`` iterations in a row:

    .. math:: J_{t-r} < J_{t-r+1} < \dots < J_t
              \quad\text{or}\quad
              J_{t-r+1}, \dots, J_t > J_0, \qquad r = \text{rises}

    With a suitable α, J falls. A rise step after step means each step
    overshoots the minimum further; a J that jumps above where it started
    and stays there means the steps bounce across the valley. A rise counts
    when it exceeds ``tolerance`` · max(|J|, 1), so the last digits of
    float32 wobbling near a minimum are not taken for divergence.

    Examples
    --------
    >>> divergence_iteration([1.0, 0.8, 0.9, 1.0, 0.95, 0.97, 0.99, 1.0, 1.1, 1.2])
    9
    >>> divergence_iteration([1.0, 0.8, float("nan")])
    2
    >>> divergence_iteration([1.4, 2.4, 2.3, 2.4, 2.3, 2.4, 2.3])
    5
    >>> divergence_iteration([1.0, 0.5, 0.6, 0.4, 0.3]) is None
    True
    """
    if rises < 1:
        raise ValueError("rises must be at least 1.")
    costs = np.asarray(costs, dtype=np.float64).reshape(-1)
    rising = above = 0
    for t, J in enumerate(costs):
        if not math.isfinite(J):
            return t
        if t == 0:
            continue
        before, start = costs[t - 1], costs[0]
        rising = rising + 1 if J - before > tolerance * max(abs(before), 1.0) else 0
        above = above + 1 if J - start > tolerance * max(abs(start), 1.0) else 0
        if rising >= rises or above >= rises:
            return t
    return None
