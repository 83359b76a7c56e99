r"""How well a classifier does: the confusion matrix."""

from __future__ import annotations

import numpy as np


def confusion_matrix(
    labels: np.typing.ArrayLike, predicted: np.typing.ArrayLike, num_classes: int
) -> np.ndarray:
    r"""Counts of (true class, predicted class) pairs, a C×C matrix.

    .. math:: M_{jk} = \#\{\, i : y^{(i)} = j,\ \hat c^{(i)} = k \,\}

    Rows are the true classes, columns the predicted ones; the diagonal
    counts the correct predictions and the entries sum to m.

    Examples
    --------
    >>> confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2], 3)
    array([[1, 0, 0],
           [0, 1, 1],
           [0, 0, 1]])
    """
    labels = np.asarray(labels, dtype=np.intp).reshape(-1)
    predicted = np.asarray(predicted, dtype=np.intp).reshape(-1)
    if labels.size != predicted.size:
        raise ValueError("Need one prediction per label.")
    counts = np.bincount(labels * num_classes + predicted, minlength=num_classes**2)
    return counts.reshape(num_classes, num_classes)
