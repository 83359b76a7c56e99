r"""The network: its parameters, the forward pass and the gradients of J.

Shape convention: X is n×m, Z, Ŷ and Y are C×m, one example per column.

Without a hidden layer (softmax regression, the lecture's model)

.. math:: Z = W^{[1]} X + b^{[1]}, \quad \hat Y = \operatorname{softmax}(Z)

and with one hidden layer of h units and activation g (tanh or ReLU)

.. math:: A^{[1]} = g(W^{[1]} X + b^{[1]}), \quad
          Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad
          \hat Y = \operatorname{softmax}(Z^{[2]})

Backpropagation starts from the output gradient and then applies the chain
rule, two separate steps:

.. math:: dZ^{[L]} = \hat Y - Y, \qquad dW^{[L]} = \tfrac1m dZ^{[L]} A^{[L-1]T}, \quad
          db^{[L]} = \tfrac1m \textstyle\sum_i dZ^{[L](i)}

The cost is computed from the logits (log-sum-exp), the work runs in float32
on column chunks that fit in cache, and Y is never materialized: subtracting
1 at each example's true class turns Ŷ into Ŷ − Y in place.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from .activations import log_softmax, softmax

ACTIVATIONS = ("tanh", "relu")
# Columns per chunk. Each chunk costs some twenty numpy calls, so chunks must be
# wide for that overhead to vanish next to the work (at 1,000,000×2×4 a step
# took 33 ms with 4096 columns, 22 ms with 16384). Wider gains little, and with
# n = 2, C = 10 it hands each C×n×CHUNK matmul to two BLAS threads, which takes
# far longer whenever the other core is busy. C×CHUNK float32 fits in L3.
CHUNK = 16384


@dataclass(frozen=True)
class Parameters:
    """Weights and biases: W1 (h×n or C×n), b1, and W2 (C×h), b2 with a hidden layer."""

    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray | None = None
    b2: np.ndarray | None = None
    activation: str = "tanh"

    @property
    def hidden_units(self) -> int:
        """h, or 0 for plain softmax regression."""
        return 0 if self.W2 is None else int(self.W1.shape[0])

    @property
    def num_classes(self) -> int:
        """C, the number of rows of the output layer."""
        return int((self.W1 if self.W2 is None else self.W2).shape[0])

    def arrays(self) -> dict[str, np.ndarray]:
        """The weight and bias arrays by name (W1, b1, and W2, b2 if present)."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name != "activation" and getattr(self, f.name) is not None
        }

    def astype(self, dtype: np.typing.DTypeLike) -> Parameters:
        """The same parameters in another float dtype."""
        return Parameters(
            **{k: v.astype(dtype) for k, v in self.arrays().items()},
            activation=self.activation,
        )


def init_params(
    n: int,
    num_classes: int,
    *,
    hidden_units: int = 0,
    activation: str = "tanh",
    seed: int = 0,
    dtype: np.typing.DTypeLike = np.float32,
) -> Parameters:
    r"""Starting parameters for gradient descent.

    Softmax regression starts at W = 0, b = 0, where ŷ is uniform and
    J = log C. A hidden layer starts from small random weights (scaled by
    1/√fan-in, or √(2/fan-in) for ReLU) drawn from ``default_rng(seed)``, so
    its units differ.
    """
    if activation not in ACTIVATIONS:
        raise ValueError(f"The hidden activation must be one of {ACTIVATIONS}.")
    if hidden_units < 0:
        raise ValueError("The number of hidden units must be 0 or more.")
    if hidden_units == 0:
        return Parameters(
            W1=np.zeros((num_classes, n), dtype),
            b1=np.zeros((num_classes, 1), dtype),
            activation=activation,
        )
    rng = np.random.default_rng(seed)
    gain = 2.0 if activation == "relu" else 1.0
    W1 = rng.standard_normal((hidden_units, n)) * np.sqrt(gain / n)
    W2 = rng.standard_normal((num_classes, hidden_units)) * np.sqrt(1.0 / hidden_units)
    return Parameters(
        W1=W1.astype(dtype),
        b1=np.zeros((hidden_units, 1), dtype),
        W2=W2.astype(dtype),
        b2=np.zeros((num_classes, 1), dtype),
        activation=activation,
    )


def _hidden(params: Parameters, X: np.ndarray) -> np.ndarray:
    Z1 = params.W1 @ X
    Z1 += params.b1
    if params.activation == "relu":
        return np.maximum(Z1, 0, out=Z1)
    return np.tanh(Z1, out=Z1)


def logits(params: Parameters, X: np.typing.ArrayLike) -> np.ndarray:
    r"""The output layer's Z[L] (C×m) for inputs X (n×m).

    .. math:: Z^{[L]} = W^{[L]} A^{[L-1]} + b^{[L]}, \quad A^{[0]} = X
    """
    X = np.asarray(X, dtype=params.W1.dtype)
    if params.W2 is None:
        return params.W1 @ X + params.b1
    return params.W2 @ _hidden(params, X) + params.b2


def predict_proba(params: Parameters, X: np.typing.ArrayLike) -> np.ndarray:
    r"""Ŷ = softmax(Z[L]), C×m: each column holds one example's class probabilities."""

    return softmax(logits(params, X), axis=0)


def predict(params: Parameters, X: np.typing.ArrayLike) -> np.ndarray:
    """The most probable class of each example (argmax over the columns of Z[L])."""
    return np.argmax(logits(params, X), axis=0)


def accuracy(params: Parameters, X: np.typing.ArrayLike, labels: np.ndarray) -> float:
    """The share of examples whose most probable class is their label."""
    return float(np.mean(predict(params, X) == np.asarray(labels)))


def _count_correct(
    Z: np.ndarray, z_max: np.ndarray, z_true: np.ndarray, rows: np.ndarray, mask
) -> int:
    """How many columns of Z have their argmax at ``rows`` (ties: the first wins).

    ``np.argmax(Z, axis=0)`` is slow; where every column has one largest entry
    (no ties), a column is right exactly when its true-class logit is the max.
    """
    if np.count_nonzero(np.equal(Z, z_max, out=mask)) == Z.shape[1]:
        return int(np.count_nonzero(z_true == z_max))
    return int(np.count_nonzero(np.argmax(Z, axis=0) == rows))  # ties, inf or NaN


def cost_and_gradients(
    params: Parameters, X: np.ndarray, labels: np.ndarray, l2: float = 0.0
) -> tuple[float, float, dict[str, np.ndarray]]:
    r"""J, the training accuracy and ∂J/∂W, ∂J/∂b for every layer, in one pass.

    .. math:: J = \frac1m \sum_i \Big(\log \sum_j e^{z^{(i)}_j}
              - z^{(i)}_{y^{(i)}}\Big),
              \qquad dZ^{[L]} = \hat Y - Y

    X must have the dtype of the parameters and be C-contiguous; labels are
    m integers. The work runs chunk by chunk over the columns.

    With L2 regularization λ > 0 (beyond the lecture) every weight matrix
    adds to the cost and to its gradient:

    .. math:: J_\lambda = J + \frac{\lambda}{2m} \sum_l \lVert W^{[l]} \rVert_F^2,
              \qquad dW^{[l]} \mathrel{+}= \frac{\lambda}{m} W^{[l]}

    Returns
    -------
    cost : float
    accuracy : float
    grads : dict
        dW1, db1 (and dW2, db2) with the shapes of the parameters.
    """
    n, m = X.shape
    dtype = params.W1.dtype
    hidden = params.W2 is not None
    W_out, b_out = (params.W2, params.b2) if hidden else (params.W1, params.b1)
    grads = {f"d{k}": np.zeros_like(v) for k, v in params.arrays().items()}
    dW_out, db_out = (
        (grads["dW2"], grads["db2"]) if hidden else (grads["dW1"], grads["db1"])
    )
    # One C×width block, reused by every chunk (the last one uses its left
    # part). Entry (j, i) of a chunk is flat[j·width + i], so Z[y⁽ⁱ⁾, i] is a
    # plain 1-D gather: no per-chunk arange, no 2-D fancy index.
    width = min(CHUNK, m)
    block = np.empty((W_out.shape[0], width), dtype)
    flat = block.reshape(-1)
    is_max = np.empty(block.shape, bool)
    column = np.arange(width)
    total_loss = 0.0
    correct = 0
    for start in range(0, m, width):
        Xc = X[:, start : start + width]
        rows = labels[start : start + width]
        k = rows.size
        true = rows * width + column[:k]  # where each Z[y⁽ⁱ⁾, i] sits in flat
        A_prev = _hidden(params, Xc) if hidden else Xc
        Z = np.matmul(W_out, A_prev, out=block[:, :k])
        Z += b_out
        z_max = Z.max(axis=0)
        z_true = flat.take(true)
        correct += _count_correct(Z, z_max, z_true, rows, is_max[:, :k])
        Z -= z_max  # log-sum-exp: the largest exponent is 0, nothing overflows
        z_true -= z_max
        E = np.exp(Z, out=Z)
        sums = E.sum(axis=0)
        Y_hat = np.divide(E, sums, out=E)  # Ŷ = softmax(Z), column by column
        # Per-example loss log Σⱼ e^(zⱼ − max) − (z_y − max), summed in float64.
        losses = np.log(sums, out=sums)
        losses -= z_true
        total_loss += float(np.sum(losses, dtype=np.float64))
        dZ = Y_hat  # dZ = Ŷ − Y, without Y: subtract 1 at each true class
        flat[true] -= 1
        dW_out += dZ @ A_prev.T  # dW = dZ Aᵀ / m, summed here, divided by m below
        db_out += dZ.sum(axis=1, keepdims=True)
        if hidden:
            dA1 = params.W2.T @ dZ
            if params.activation == "relu":
                dA1 *= A_prev > 0
            else:
                dA1 *= 1 - A_prev * A_prev
            grads["dW1"] += dA1 @ Xc.T
            grads["db1"] += dA1.sum(axis=1, keepdims=True)
    scale = dtype.type(1.0 / m)
    for g in grads.values():
        g *= scale
    if l2:
        for name, W in params.arrays().items():
            if name.startswith("W"):
                total_loss += 0.5 * l2 * float(np.sum(W * W, dtype=np.float64))
                grads[f"d{name}"] += dtype.type(l2 / m) * W
    return total_loss / m, correct / m, grads


def cost_and_accuracy(
    params: Parameters, X: np.typing.ArrayLike, labels: np.typing.ArrayLike
) -> tuple[float, float]:
    r"""J (the mean cross-entropy, no regularization) and accuracy on a data set.

    .. math:: J = \frac1m \sum_{i=1}^{m} L(\hat y^{(i)}, y^{(i)}), \qquad
              L = \log \sum_j e^{z_j} - z_{y}

    For a held-out test set: the forward pass only, no gradients.
    """
    labels = np.asarray(labels).reshape(-1)
    if labels.size == 0:
        raise ValueError("A data set to evaluate needs at least one example.")
    Z = logits(params, X)
    cols = np.arange(labels.size)
    losses = -log_softmax(Z, axis=0)[labels, cols]
    correct = np.argmax(Z, axis=0) == labels
    return float(np.mean(losses, dtype=np.float64)), float(np.mean(correct))
