r"""Trained parameters out of the app: JSON and ``.npz``, and numpy code to use them.

The files hold W1, b1 (and W2, b2 with a hidden layer) and the hidden
activation; :data:`NUMPY_SNIPPET` computes the predictions from them with
plain numpy, so a student can reproduce the app's Ŷ outside the app.
"""

from __future__ import annotations

import io
import json

import numpy as np

from .network import ACTIVATIONS, Parameters

_SNIPPET = '''\
import numpy as np

params = np.load("softmax_parameters.npz")
{X}

A = X
if "W2" in params:  # one hidden layer before the softmax layer
    Z1 = params["W1"] @ X + params["b1"]
    A = np.tanh(Z1) if str(params["activation"]) == "tanh" else np.maximum(Z1, 0)
    W, b = params["W2"], params["b2"]
else:  # softmax regression: Z = W X + b
    W, b = params["W1"], params["b1"]
Z = W @ A + b
t = np.exp(Z - Z.max(axis=0))  # t = e^z, shifted so that nothing overflows
Y_hat = t / t.sum(axis=0)      # a = t / Σt: C×m, each column sums to 1
print(Y_hat.round(3))
print("predicted classes:", Y_hat.argmax(axis=0))
'''


def numpy_snippet(X: np.typing.ArrayLike) -> str:
    r"""Plain numpy code that loads the ``.npz`` file and computes Ŷ for ``X``.

    The code computes Z = W X + b (after the hidden layer, if any) and
    a = t / Σt with t = e^(z − max z), and prints Ŷ (C×m) and the predicted
    classes. ``X`` (n×m) is written into the code with every digit, so it
    prints the very Ŷ that :func:`softmax_core.predict_proba` gives.

    Examples
    --------
    >>> print(numpy_snippet([[0.5], [2.0]]).splitlines()[3])
    X = np.array([  # n×m: one example per column
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be n×m: one example per column.")
    rows = "".join(f"    {row!r},\n" for row in X.tolist())
    return _SNIPPET.format(
        X=f"X = np.array([  # n×m: one example per column\n{rows}])"
    )


NUMPY_SNIPPET = numpy_snippet([[0.5, -1.0], [2.0, 0.3]])
"""The snippet for a small example X (2 features, 2 examples)."""


def parameters_to_npz(params: Parameters) -> bytes:
    """The parameters as the bytes of a ``.npz`` file (with the activation)."""
    buffer = io.BytesIO()
    np.savez(buffer, activation=np.array(params.activation), **params.arrays())
    return buffer.getvalue()


def parameters_from_npz(data: bytes) -> Parameters:
    """Parameters read back from :func:`parameters_to_npz`'s bytes."""
    with np.load(io.BytesIO(data), allow_pickle=False) as archive:
        arrays = {k: archive[k] for k in archive.files if k != "activation"}
        activation = str(archive["activation"]) if "activation" in archive else "tanh"
    return _parameters(arrays, activation)


def parameters_to_json(params: Parameters) -> str:
    """The parameters as JSON: nested lists of numbers, the activation and dtype."""
    document = {k: v.tolist() for k, v in params.arrays().items()}
    document["activation"] = params.activation
    document["dtype"] = str(params.W1.dtype)
    return json.dumps(document, indent=1)


def parameters_from_json(text: str) -> Parameters:
    """Parameters read back from :func:`parameters_to_json`'s text."""
    document = json.loads(text)
    activation = document.pop("activation", "tanh")
    dtype = np.dtype(document.pop("dtype", "float64"))
    if dtype.kind != "f":
        raise ValueError("This file does not hold softmax-classifier parameters.")
    arrays = {k: np.asarray(v, dtype=dtype) for k, v in document.items()}
    return _parameters(arrays, activation)


def _parameters(arrays: dict[str, np.ndarray], activation: str) -> Parameters:
    if activation not in ACTIVATIONS or "W1" not in arrays or "b1" not in arrays:
        raise ValueError("This file does not hold softmax-classifier parameters.")
    return Parameters(**arrays, activation=activation)
