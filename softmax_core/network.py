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

:func:`reference_cost_and_gradients` writes these steps out as the lecture
does. :func:`cost_and_gradients`, which training runs, computes the same
numbers faster: the cost from the logits (log-sum-exp), in float32, each bias
folded into its weights as the weight of an input that is always 1, and every
array allocated once per data set (see ``_Batch``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

import numpy as np

from .activations import log_softmax, softmax
from .losses import cost, one_hot, output_gradient

ACTIVATIONS = ("tanh", "relu")
# Columns per chunk, for data sets larger than the app's (m ≤ 3000 is one
# chunk). Each chunk costs some twenty numpy calls, so chunks must be wide for
# that overhead to vanish next to the work (at 1,000,000×2×4 a step took 33 ms
# with 4096 columns, 22 ms with 16384). Wider gains little, and with n = 2,
# C = 10 it hands each C×n×CHUNK matmul to two BLAS threads, which takes far
# longer whenever the other core is busy. C×CHUNK float32 fits in L3.
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


class _Batch:
    r"""m examples laid out once for many passes of gradient descent over them.

    The parameters travel as one flat vector θ holding each layer's weights
    with its bias as one more column, :math:`[W^{[l]}\; b^{[l]}]`, and each
    layer's input gets a last row of ones, so one matrix product gives
    :math:`W A + b` and one gives both :math:`dW = \tfrac1m dZ A^T` and
    :math:`db = \tfrac1m \sum_i dZ^{(i)}`. The update and its finiteness check
    are one call each over θ, whatever the number of layers.

    Profiled at the sizes the training page offers (m ≤ 3000, C ≤ 10, h ≤ 64),
    a step was mostly not arithmetic: some forty numpy calls of a microsecond
    or two each, and temporaries. A temporary of a few hundred KiB (h×m
    float32 at h = 64) is where glibc may hand back memory to the kernel on
    free and fault it in again page by page on the next allocation; depending
    on what ran before in the process, ``1 - A * A`` took 0.03 ms or 0.6 ms
    (340 page faults), most of a step. So everything here writes into buffers
    allocated once (``out=``), with no arithmetic expression on arrays, and Y/m,
    the inputs with their row of ones, each example's true-class index and
    every chunk's views are made once per data set, not once per step.
    """

    def __init__(
        self,
        X: np.typing.ArrayLike,
        labels: np.typing.ArrayLike,
        num_classes: int,
        *,
        hidden_units: int = 0,
        activation: str = "tanh",
        l2: float = 0.0,
        dtype: np.typing.DTypeLike = np.float32,
        gradients: bool = True,
        scale: float = 1.0,
    ) -> None:
        dtype = np.dtype(dtype)
        X = np.asarray(X)
        labels = np.asarray(labels, dtype=np.intp).reshape(-1)
        n, m = X.shape
        C, h = int(num_classes), int(hidden_units)
        self.n, self.m, self.C, self.h = n, m, C, h
        self.dtype, self.activation, self.labels = dtype, activation, labels
        self.relu = activation == "relu"
        rows1 = h if h else C
        # Each layer is stored transposed, [W b]ᵀ, inputs+1 × outputs: its
        # gradient [A; 1] dZᵀ / m is then a product with contiguous rows (below).
        self.blocks = [(n + 1, rows1)] + ([(h + 1, C)] if h else [])
        self.size = sum(r * c for r, c in self.blocks)
        # [X; 1]: the bias of the first layer is the weight of a constant input.
        X1 = np.empty((n + 1, m), dtype)
        X1[:n] = X
        X1[n] = 1
        self.X1 = X1
        width = min(CHUNK, m)
        self.width = width
        self.block = np.empty((C, width), dtype)
        self.flat = self.block.reshape(-1)
        self.is_max = np.empty((C, width), bool)
        per_column = np.empty((4, width), dtype)  # z_max, z_true, sums, scale
        if h:
            # [A¹; 1], the output layer's input: its last row stays 1.
            self.A1 = np.empty((h + 1, width), dtype)
            self.A1[h] = 1
            self.dA1 = np.empty((h, width), dtype)
            self.slope = np.empty((h, width), dtype)
        self.gradients = gradients
        if gradients:
            # Y/m, built once: dZ/m = Ŷ/m − Y/m is then one subtraction per step.
            # Times ``scale``: train passes α, so that its step θ − α dθ is
            # one subtraction.
            Y_m = np.zeros((C, m), dtype)
            Y_m[labels, np.arange(m)] = scale / m
            self.inverse_m = dtype.type(scale / m)
        # Everything a chunk of columns works on, sliced once.
        self.chunks = []
        column = np.arange(width)
        for s in range(0, m, width):
            e = min(s + width, m)
            k = e - s
            chunk = {
                "k": k,
                "X": X1[:, s:e],
                "X_rows": list(X1[:, s:e]) if n + 1 <= 8 and k >= 1024 else [],
                "count_floats": C * k <= 1024,
                # Z[y⁽ⁱ⁾, i] of a chunk sits at flat[y⁽ⁱ⁾·width + i] of its block.
                "true": labels[s:e] * width + column[:k],
                "Z": self.block[:, :k],
                "is_max": self.is_max[:, :k],
                "z_max": per_column[0, :k],
                "z_true": per_column[1, :k],
                "sums": per_column[2, :k],
                "scale": per_column[3, :k],
            }
            if gradients:
                chunk["Y_m"] = Y_m[:, s:e]
            if h:
                chunk |= {
                    "A1": self.A1[:, :k],
                    "A": self.A1[:h, :k],
                    "dA": self.dA1[:, :k],
                    "slope": self.slope[:, :k],
                }
            self.chunks.append(chunk)
        self._views_of: dict[int, tuple[np.ndarray, list, list]] = {}
        if not gradients:
            return
        self.grad = np.empty(self.size, dtype)
        self.grad_blocks = self._stored(self.grad)
        self.extra = None if len(self.chunks) == 1 else np.empty(self.size, dtype)
        if self.extra is not None:
            self.extra_blocks = self._stored(self.extra)
        # λ/m on every weight, 0 on every bias: dθ += (λ/m) W, J += (λ/2m) Σ W².
        self.l2, self.scale = float(l2), float(scale)
        if self.l2:
            self.decay = np.zeros(self.size, dtype)
            for view in self._natural(self.decay):
                view[:, :-1] = self.scale * self.l2 / m
            self.weight_decay = np.empty(self.size, dtype)

    def _stored(self, theta: np.ndarray) -> list[np.ndarray]:
        """Each layer's block of θ as stored, [W b]ᵀ: (n+1)×rows, then (h+1)×C."""
        views, start = [], 0
        for rows, cols in self.blocks:
            views.append(theta[start : start + rows * cols].reshape(rows, cols))
            start += rows * cols
        return views

    def _natural(self, theta: np.ndarray) -> list[np.ndarray]:
        """Each layer's [W b] (rows × inputs+1) as a view into θ."""
        return [block.T for block in self._stored(theta)]

    def _views(self, theta: np.ndarray) -> tuple[list, list]:
        # Training alternates between two θ vectors: their views are made once.
        cached = self._views_of.get(id(theta))
        if cached is None or cached[0] is not theta:
            if len(self._views_of) > 3:
                self._views_of.clear()
            cached = (theta, self._stored(theta), self._natural(theta))
            self._views_of[id(theta)] = cached
        return cached[1], cached[2]

    def pack(self, params: Parameters) -> np.ndarray:
        """θ, a new flat array holding ``params``."""
        theta = np.empty(self.size, self.dtype)
        layers = [(params.W1, params.b1)]
        if self.h:
            layers.append((params.W2, params.b2))
        for view, (W, b) in zip(self._natural(theta), layers, strict=True):
            view[:, :-1] = W
            view[:, -1:] = b
        return theta

    def unpack(self, theta: np.ndarray) -> Parameters:
        """The parameters in θ, as new (C-contiguous) arrays."""
        views = self._natural(theta)
        arrays = {"W1": views[0][:, :-1].copy(), "b1": views[0][:, -1:].copy()}
        if self.h:
            arrays |= {"W2": views[1][:, :-1].copy(), "b2": views[1][:, -1:].copy()}
        return Parameters(**arrays, activation=self.activation)

    def gradient_arrays(self, grad: np.ndarray) -> dict[str, np.ndarray]:
        """dW1, db1 (and dW2, db2) from the flat gradient, as new arrays."""
        out = {}
        for layer, view in enumerate(self._natural(grad), start=1):
            out[f"dW{layer}"] = view[:, :-1].copy()
            out[f"db{layer}"] = view[:, -1:].copy()
        return out

    def cost_and_gradients(self, theta: np.ndarray) -> tuple[float, int, np.ndarray]:
        r"""J (with L2), the number of correct argmax predictions and dJ/dθ.

        The gradient, times ``scale``, is a buffer of the batch, overwritten by
        the next call.
        """
        return self._pass(theta, True)

    def cost_and_correct(self, theta: np.ndarray) -> tuple[float, int]:
        """J without regularization and the number of correct predictions."""
        J, correct, _ = self._pass(theta, False)
        return J, correct

    def _pass(self, theta: np.ndarray, backward: bool):
        stored, natural = self._views(theta)
        hidden = self.h > 0
        W_in, W_out = natural[0], natural[-1]  # [W b] of the first and last layer
        if hidden:
            W2_T = stored[1][:-1]  # W²ᵀ, h×C and contiguous
        flat = self.flat
        loss_sum = 0.0
        correct = 0
        ties = False
        for c, chunk in enumerate(self.chunks):
            k, Xc = chunk["k"], chunk["X"]
            z_max, z_true, sums = chunk["z_max"], chunk["z_true"], chunk["sums"]
            if hidden:
                A, A_prev = chunk["A"], chunk["A1"]
                np.matmul(W_in, Xc, out=A)  # Z¹ = W¹X + b¹
                if self.relu:
                    # A¹ = Z¹ ⊙ [Z¹ > 0], keeping [Z¹ > 0] = g'(Z¹) for the
                    # backward pass: np.maximum(Z, 0) takes as long as both.
                    np.greater(A, 0, out=chunk["slope"])
                    np.multiply(A, chunk["slope"], out=A)
                else:
                    np.tanh(A, out=A)
            else:
                A_prev = Xc
            Z = np.matmul(W_out, A_prev, out=chunk["Z"])  # Z = W A + b
            np.maximum.reduce(Z, axis=0, out=z_max)
            # Log-sum-exp: after the shift the largest exponent is 0, nothing
            # overflows, and an example is right where its true z is 0.
            np.subtract(Z, z_max, out=Z)
            flat.take(chunk["true"], out=z_true, mode="clip")  # all in range
            correct += k - np.count_nonzero(z_true)
            # One 0 per column unless some column ties (or holds inf or NaN).
            # count_nonzero is slow on floats, fast on bools: compare first,
            # unless Z is so small that the extra call costs more.
            if chunk["count_floats"]:
                ties |= np.count_nonzero(Z) != Z.size - k
            else:
                ties |= np.count_nonzero(np.equal(Z, 0, out=chunk["is_max"])) != k
            E = np.exp(Z, out=Z)
            np.add.reduce(E, axis=0, out=sums)
            if backward:
                # dZ/m = Ŷ/m − Y/m with Ŷ = E / Σ E: a scale, then one subtraction.
                np.divide(self.inverse_m, sums, out=chunk["scale"])
                np.multiply(E, chunk["scale"], out=E)
                dZ = np.subtract(E, chunk["Y_m"], out=E)
            # L⁽ⁱ⁾ = log Σⱼ e^(zⱼ − max) − (z_y − max), both terms ≥ 0: summed in
            # float64, nothing cancels.
            np.log(sums, out=sums)
            np.subtract(sums, z_true, out=sums)
            loss_sum += float(np.add.reduce(sums, dtype=np.float64))
            if not backward:
                continue
            g = self.extra_blocks if c else self.grad_blocks
            if hidden:
                np.matmul(A_prev, dZ.T, out=g[1])  # [dW² db²]ᵀ = [A¹; 1] dZᵀ / m
                dZ = np.matmul(W2_T, dZ, out=chunk["dA"])
                slope = chunk["slope"]  # ReLU: g'(Z¹) = [Z¹ > 0], from the forward
                if not self.relu:
                    np.multiply(A, A, out=slope)  # g'(Z¹) = 1 − tanh² Z¹
                    np.subtract(1, slope, out=slope)
                np.multiply(dZ, slope, out=dZ)  # dZ¹ = W²ᵀ dZ² ⊙ g'(Z¹)
            # [dW¹ db¹]ᵀ = [X; 1] dZ¹ᵀ / m. With few inputs and many examples,
            # one matrix-vector product per input row: OpenBLAS multiplies a
            # 10×3000 by a 3000×3 matrix three times slower than it does three
            # such products.
            if chunk["X_rows"]:
                for x_row, g_row in zip(chunk["X_rows"], g[0], strict=True):
                    np.matmul(dZ, x_row, out=g_row)
            else:
                np.matmul(Xc, dZ.T, out=g[0])
            if c:
                np.add(self.grad, self.extra, out=self.grad)
        J = loss_sum / self.m
        if ties or not math.isfinite(J):
            correct = self._count_by_argmax(theta)
        if not backward:
            return J, correct, None
        if self.l2:
            decay = np.multiply(self.decay, theta, out=self.weight_decay)
            np.add(self.grad, decay, out=self.grad)
            J += 0.5 * float(np.dot(decay, theta)) / self.scale  # (λ/2m) Σ W²
        return J, correct, self.grad

    def _count_by_argmax(self, theta: np.ndarray) -> int:
        # Ties, inf or NaN: np.argmax decides (a tie goes to the first class).
        params = self.unpack(theta)
        return int(np.count_nonzero(predict(params, self.X1[:-1]) == self.labels))


def cost_and_gradients(
    params: Parameters, X: np.ndarray, labels: np.ndarray, l2: float = 0.0
) -> tuple[float, float, dict[str, np.ndarray]]:
    r"""J, the training accuracy and ∂J/∂W, ∂J/∂b for every layer, in one pass.

    .. math:: J = \frac1m \sum_i \Big(\log \sum_j e^{z^{(i)}_j}
              - z^{(i)}_{y^{(i)}}\Big),
              \qquad dZ^{[L]} = \hat Y - Y

    The fast kernel behind :func:`softmax_core.train`: it runs in the dtype of
    the parameters, chunk by chunk over the columns, with every bias folded
    into its weights (see ``_Batch``). :func:`reference_cost_and_gradients`
    computes the same numbers in the lecture's steps. labels are m integers.

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
    batch = _Batch(
        X,
        labels,
        params.num_classes,
        hidden_units=params.hidden_units,
        activation=params.activation,
        l2=l2,
        dtype=params.W1.dtype,
    )
    J, correct, grad = batch.cost_and_gradients(batch.pack(params))
    return J, correct / batch.m, batch.gradient_arrays(grad)


def reference_cost_and_gradients(
    params: Parameters,
    X: np.typing.ArrayLike,
    labels: np.typing.ArrayLike,
    l2: float = 0.0,
) -> tuple[float, float, dict[str, np.ndarray]]:
    r"""J, the accuracy and every gradient, step by step as in the lecture (float64).

    Forward pass, with :math:`A^{[0]} = X` and, with a hidden layer,
    :math:`A^{[1]} = g(Z^{[1]})`, :math:`Z^{[1]} = W^{[1]} X + b^{[1]}`:

    .. math:: Z^{[L]} = W^{[L]} A^{[L-1]} + b^{[L]}, \qquad
              \hat Y = \operatorname{softmax}(Z^{[L]}), \qquad
              J = \frac1m \sum_{i=1}^{m} L(\hat y^{(i)}, y^{(i)})
              + \frac{\lambda}{2m} \sum_l \lVert W^{[l]} \rVert_F^2

    Backward pass, from the output gradient:

    .. math:: dZ^{[L]} = \hat Y - Y, \qquad
              dW^{[L]} = \tfrac1m\, dZ^{[L]} A^{[L-1]T} + \tfrac{\lambda}{m} W^{[L]},
              \qquad db^{[L]} = \tfrac1m \textstyle\sum_i dZ^{[L](i)}

    and, with a hidden layer, the chain rule through g
    (:math:`g'(Z) = 1 - A^2` for tanh, :math:`[Z > 0]` for ReLU):

    .. math:: dZ^{[1]} = W^{[2]T} dZ^{[2]} \odot g'(Z^{[1]}), \qquad
              dW^{[1]} = \tfrac1m\, dZ^{[1]} X^T + \tfrac{\lambda}{m} W^{[1]},
              \qquad db^{[1]} = \tfrac1m \textstyle\sum_i dZ^{[1](i)}

    The same numbers as :func:`cost_and_gradients`, which training uses: that
    one is fused and chunked for speed, this one is written to be read.

    Returns
    -------
    cost : float
    accuracy : float
    grads : dict
        dW1, db1 (and dW2, db2), float64, with the shapes of the parameters.
    """
    W = {k: v.astype(np.float64) for k, v in params.arrays().items()}
    X = np.asarray(X, dtype=np.float64)
    labels = np.asarray(labels).reshape(-1)
    m = X.shape[1]
    L = 2 if "W2" in W else 1

    A = {0: X}  # A[0] = X
    if L == 2:
        Z1 = W["W1"] @ X + W["b1"]
        A[1] = np.tanh(Z1) if params.activation == "tanh" else np.maximum(Z1, 0.0)
    Z = W[f"W{L}"] @ A[L - 1] + W[f"b{L}"]
    Y_hat = softmax(Z, axis=0)
    Y = one_hot(labels, params.num_classes)
    J = cost(Y, Y_hat)

    grads = {}
    dZ = output_gradient(Y, y_hat=Y_hat)  # dZ[L] = Ŷ − Y
    for layer in range(L, 0, -1):
        grads[f"dW{layer}"] = dZ @ A[layer - 1].T / m
        grads[f"db{layer}"] = np.sum(dZ, axis=1, keepdims=True) / m
        if layer > 1:
            # dZ[1] = W[2]ᵀ dZ[2] ⊙ g'(Z[1])
            g_prime = 1.0 - A[1] ** 2 if params.activation == "tanh" else Z1 > 0
            dZ = (W["W2"].T @ dZ) * g_prime
    if l2:
        for layer in range(1, L + 1):
            J += l2 / (2 * m) * np.sum(W[f"W{layer}"] ** 2)
            grads[f"dW{layer}"] += l2 / m * W[f"W{layer}"]
    accuracy = np.mean(np.argmax(Z, axis=0) == labels)
    return float(J), float(accuracy), {f"d{k}": grads[f"d{k}"] for k in W}


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
