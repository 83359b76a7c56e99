r"""Labels, the cross-entropy loss L, the cost J and the output gradient dz[L].

Shape convention: Y and Ŷ are C×m, one example per column; a 1-D y is one
example. The gradient of the loss with respect to the raw output z[L]
(``output_gradient``) is kept apart from the chain rule for the parameters
(in ``training``): that split is where backpropagation starts.
"""

from __future__ import annotations

import numpy as np

from .activations import log_softmax


def one_hot(labels: np.typing.ArrayLike, num_classes: int) -> np.ndarray:
    r"""The label matrix Y, C×m, from integer class labels.

    .. math::

        Y = [y^{(1)}\ y^{(2)}\ \cdots\ y^{(m)}], \qquad
        y^{(i)}_j = [\, j = \text{label}_i \,]

    Parameters
    ----------
    labels : array_like of int
        m class indices, each in 0 … C−1.
    num_classes : int
        C ≥ 1.

    Raises
    ------
    ValueError
        If a label is not an integer in 0 … C−1.

    Examples
    --------
    >>> one_hot([1, 2, 0], 4)
    array([[0., 0., 1.],
           [1., 0., 0.],
           [0., 1., 0.],
           [0., 0., 0.]])
    """
    num_classes = int(num_classes)
    if num_classes < 1:
        raise ValueError(
            f"The number of classes C must be at least 1, got {num_classes}."
        )
    labels = np.asarray(labels)
    if labels.ndim != 1:
        labels = labels.reshape(-1)
    if not np.issubdtype(labels.dtype, np.integer):
        # NaN, inf and words are not whole numbers either: same message, no
        # cast warning and no numpy error text.
        try:
            with np.errstate(invalid="ignore"):
                as_int = labels.astype(np.int64)
            whole = np.array_equal(as_int, labels)
        except (TypeError, ValueError):
            whole = False
        if not whole:
            raise ValueError("Class labels must be whole numbers 0 … C−1.")
        labels = as_int
    bad = (labels < 0) | (labels >= num_classes)
    if np.any(bad):
        i = int(np.argmax(bad))
        raise ValueError(
            f"Label {labels[i]} (example {i}) is out of range: with C = {num_classes}"
            f" classes a label must be between 0 and {num_classes - 1}."
        )
    Y = np.zeros((num_classes, labels.size))
    Y[labels, np.arange(labels.size)] = 1.0
    return Y


def loss(
    y: np.typing.ArrayLike, y_hat: np.typing.ArrayLike, axis: int = 0
) -> np.ndarray | float:
    r"""Cross-entropy loss of one or many examples.

    .. math:: L(\hat y, y) = -\sum_{j=1}^{C} y_j \log \hat y_j

    Terms with :math:`y_j = 0` contribute nothing, even where :math:`\hat y_j = 0`.
    With a one-hot y only the true class's term is left: L = −log ŷ_true.

    Parameters
    ----------
    y : array_like
        Labels, one-hot (or any distribution) along ``axis``.
    y_hat : array_like
        Predicted probabilities ŷ = a[L], same shape.
    axis : int, optional
        The class axis.

    Returns
    -------
    float or numpy.ndarray
        L for one example (a float for 1-D input), or one L per example.

    Examples
    --------
    >>> loss(np.array([0, 1, 0, 0]), np.array([0.3, 0.2, 0.1, 0.4]))
    1.6094...
    """
    out = np.sum(loss_terms(y, y_hat), axis=axis)
    return float(out) if np.ndim(out) == 0 else out


def loss_terms(y: np.typing.ArrayLike, y_hat: np.typing.ArrayLike) -> np.ndarray:
    r"""The terms −y_j log ŷ_j of the loss, one per class (0 where y_j = 0).

    .. math:: \ell_j = \begin{cases} -y_j \log \hat y_j & y_j \ne 0 \\
              0 & y_j = 0 \end{cases}

    Examples
    --------
    >>> loss_terms(np.array([0, 1, 0, 0]), np.array([0.3, 0.2, 0.1, 0.4])).round(3)
    array([0.   , 1.609, 0.   , 0.   ])
    """
    y = np.asarray(y, dtype=np.float64)
    y_hat = np.asarray(y_hat, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_y_hat = np.log(y_hat)
        # 0 · log 0 is NaN (and warns) here; np.where drops it below.
        terms = -y * log_y_hat
    return np.where(y != 0, terms, 0.0)


def loss_from_logits(
    y: np.typing.ArrayLike, z: np.typing.ArrayLike, axis: int = 0
) -> np.ndarray | float:
    r"""Cross-entropy loss from the logits z[L] rather than from ŷ.

    .. math:: L = -\sum_{j=1}^{C} y_j \log \operatorname{softmax}(z)_j
              = \log \sum_i e^{z_i} - \sum_j y_j z_j \quad (\textstyle\sum_j y_j = 1)

    Computed through :func:`log_softmax`, so it is finite for every finite z,
    where ``loss(y, softmax(z))`` would give inf once ŷ underflows to 0.

    Examples
    --------
    >>> round(loss_from_logits([0, 1], [1000.0, 0.0]), 3)
    1000.0
    """
    y = np.asarray(y, dtype=np.float64)
    log_y_hat = log_softmax(np.asarray(z, dtype=np.float64), axis=axis)
    out = -np.sum(np.where(y != 0, y * log_y_hat, 0.0), axis=axis)
    return float(out) if np.ndim(out) == 0 else out


def cost(Y: np.typing.ArrayLike, Y_hat: np.typing.ArrayLike) -> float:
    r"""The cost J: the mean loss over the m examples (columns).

    .. math:: J = \frac{1}{m} \sum_{i=1}^{m} L(\hat y^{(i)}, y^{(i)})

    Parameters
    ----------
    Y, Y_hat : array_like
        C×m labels and predictions (a 1-D pair is one example).

    Examples
    --------
    >>> Y = np.array([[0, 1], [1, 0]])
    >>> Y_hat = np.array([[0.2, 0.9], [0.8, 0.1]])
    >>> round(cost(Y, Y_hat), 4)
    0.1643
    """
    losses = np.atleast_1d(loss(Y, Y_hat, axis=0))
    return float(np.mean(losses))


def output_gradient(
    y: np.typing.ArrayLike, *, y_hat: np.typing.ArrayLike
) -> np.ndarray:
    r"""The gradient that starts backpropagation, dz[L] = ∂L/∂z[L].

    .. math:: dz^{[L]} = \hat y - y, \qquad dZ^{[L]} = \hat Y - Y \ (C \times m)

    For the cost J the chain rule then divides by m where the parameters'
    gradients sum over examples (dW = dZ Aᵀ / m).

    Parameters
    ----------
    y : array_like
        Labels y (or Y, C×m), in the order of :func:`loss`.
    y_hat : array_like
        Predictions ŷ = a[L] (or Ŷ), same shape; by keyword only, since the
        two arrays swapped would give the gradient with its sign flipped.

    Examples
    --------
    >>> output_gradient(np.array([0, 1, 0, 0]), y_hat=np.array([0.3, 0.2, 0.1, 0.4]))
    array([ 0.3, -0.8,  0.1,  0.4])
    """
    return np.asarray(y_hat, dtype=np.float64) - np.asarray(y, dtype=np.float64)


def true_class_loss_curve(points: int = 400) -> tuple[np.ndarray, np.ndarray]:
    r"""The loss as a function of the true class's probability p, for plotting.

    With a one-hot y only one term is left: L = −log p, on p ∈ (0, 1].
    It is 0 at p = 1 and grows without bound as p → 0.

    Returns
    -------
    p, L : numpy.ndarray
        ``points`` probabilities from 0.005 to 1 (denser near 0) and −log p.
    """
    p = np.geomspace(0.005, 1.0, points)
    return p, -np.log(p)
