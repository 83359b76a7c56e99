r"""Each example's loss L⁽ⁱ⁾ and the examples ordered worst first.

Shape convention: Y and Z[L] are C×m, one example per column. The cost J is
the mean of these losses; the examples with the largest L⁽ⁱ⁾ are the ones
that pull hardest on the gradient dZ[L] = Ŷ − Y.
"""

from __future__ import annotations

import numpy as np

from .losses import loss_from_logits


def example_losses(Y: np.typing.ArrayLike, *, Z: np.typing.ArrayLike) -> np.ndarray:
    r"""The loss of every example, one number per column of Y.

    .. math:: L^{(i)} = L(\hat y^{(i)}, y^{(i)})
              = -\sum_{j=1}^{C} y^{(i)}_j \log \hat y^{(i)}_j,
              \qquad \hat y^{(i)} = \operatorname{softmax}(z^{(i)}),
              \qquad J = \frac1m \sum_{i=1}^{m} L^{(i)}

    Computed from the logits Z[L] through ``log_softmax`` (see
    :func:`softmax_core.loss_from_logits`), so a confident mistake has a
    large finite loss rather than ``inf`` once its ŷ rounds to 0.

    Parameters
    ----------
    Y : array_like
        C×m one-hot labels.
    Z : array_like
        C×m logits Z[L] (keyword only: swapped with Y the numbers would
        still come out, and be wrong).

    Returns
    -------
    numpy.ndarray
        m losses L⁽¹⁾ … L⁽ᵐ⁾, each ≥ 0.

    Examples
    --------
    >>> Y = np.array([[1.0, 0.0], [0.0, 1.0]])
    >>> example_losses(Y, Z=np.array([[2.0, 2.0], [0.0, 0.0]])).round(3)
    array([0.127, 2.127])
    """
    Y = np.asarray(Y, dtype=np.float64)
    Z = np.asarray(Z, dtype=np.float64)
    if Y.shape != Z.shape:
        raise ValueError(f"Y and Z must both be C×m; got {Y.shape} and {Z.shape}.")
    if Y.ndim == 1:
        Y, Z = Y[:, None], Z[:, None]
    return np.atleast_1d(loss_from_logits(Y, Z, axis=0))


def worst_first(losses: np.typing.ArrayLike) -> np.ndarray:
    r"""The example indices ordered from the largest loss to the smallest.

    .. math:: L^{(\pi_1)} \ge L^{(\pi_2)} \ge \dots \ge L^{(\pi_m)}

    Examples with equal losses keep their order (a stable sort), so the
    table does not reshuffle between two runs of the page; a NaN loss, which
    says nothing good about its example, comes first.

    Examples
    --------
    >>> worst_first([0.1, 2.0, 0.5, 2.0]).tolist()
    [1, 3, 2, 0]
    """
    losses = np.asarray(losses, dtype=np.float64).reshape(-1)
    key = np.where(np.isnan(losses), np.inf, losses)
    return np.argsort(-key, kind="stable")
