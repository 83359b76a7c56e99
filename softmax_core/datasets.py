r"""Toy data sets for training: X is n×m (here 2×m), labels are m integers in 0 … C−1.

Every generator is seeded and draws from its own ``numpy.random.default_rng``,
so the same arguments always give the same data.
"""

from __future__ import annotations

import numpy as np

MAX_CLASSES = 10


def _check_sizes(m: int, num_classes: int) -> tuple[int, int]:
    m, num_classes = int(m), int(num_classes)
    if not 2 <= num_classes <= MAX_CLASSES:
        raise ValueError(
            f"The number of classes C must be between 2 and {MAX_CLASSES},"
            f" got {num_classes}."
        )
    if m < num_classes:
        raise ValueError(
            f"Need at least one example per class: m = {m} is less than"
            f" C = {num_classes}."
        )
    return m, num_classes


def _balanced_labels(m: int, num_classes: int) -> np.ndarray:
    return np.arange(m) % num_classes


def make_blobs(
    m: int, num_classes: int, *, spread: float = 0.9, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    r"""C Gaussian blobs with centres evenly spaced on a circle of radius 3.

    .. math:: x^{(i)} \sim \mathcal N(\mu_{k}, \text{spread}^2 I), \quad
              \mu_k = 3(\cos\tfrac{2\pi k}{C}, \sin\tfrac{2\pi k}{C})

    Returns
    -------
    X : numpy.ndarray
        2×m features.
    labels : numpy.ndarray
        m class indices, as balanced as m allows.

    Examples
    --------
    >>> X, labels = make_blobs(8, 4, seed=1)
    >>> X.shape, labels.tolist()
    ((2, 8), [0, 1, 2, 3, 0, 1, 2, 3])
    """
    m, num_classes = _check_sizes(m, num_classes)
    rng = np.random.default_rng(seed)
    labels = _balanced_labels(m, num_classes)
    angle = 2 * np.pi * labels / num_classes
    centres = 3.0 * np.stack([np.cos(angle), np.sin(angle)])
    X = centres + float(spread) * rng.standard_normal((2, m))
    return X, labels


def make_spirals(
    m: int, num_classes: int, *, noise: float = 0.2, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    r"""C interleaved spiral arms, which no linear classifier separates.

    Arm k at radius r ∈ [0.2, 1] (scaled by 3) has angle
    θ = 2πk/C + 4r + noise·ε, ε ~ N(0, 1).

    Examples
    --------
    >>> X, labels = make_spirals(6, 3, seed=0)
    >>> X.shape, labels.tolist()
    ((2, 6), [0, 1, 2, 0, 1, 2])
    """
    m, num_classes = _check_sizes(m, num_classes)
    rng = np.random.default_rng(seed)
    labels = _balanced_labels(m, num_classes)
    radius = rng.uniform(0.2, 1.0, m)
    angle = (
        2 * np.pi * labels / num_classes
        + 4.0 * radius
        + float(noise) * rng.standard_normal(m)
    )
    X = 3.0 * radius * np.stack([np.cos(angle), np.sin(angle)])
    return X, labels


def standardize(X: np.typing.ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Scale every feature (row of X) to mean 0 and standard deviation 1.

    .. math:: x_k \leftarrow \frac{x_k - \mu_k}{\sigma_k}

    A constant feature (σ = 0) is only centred.

    Returns
    -------
    X_standard, mean, std : numpy.ndarray
        The scaled n×m X, and the n×1 mean and std used.
    """
    X = np.asarray(X, dtype=np.float64)
    mean = X.mean(axis=1, keepdims=True)
    std = X.std(axis=1, keepdims=True)
    std = np.where(std > 0, std, 1.0)
    return (X - mean) / std, mean, std


def train_test_split(
    X: np.typing.ArrayLike,
    labels: np.typing.ArrayLike,
    test_share: float,
    *,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    r"""Hold out a share of the examples (columns) as a test set.

    The examples are shuffled with ``default_rng(seed)``; the last
    ⌊share · m⌉ go to the test set (at least 1 when the share is above 0, and
    at least 1 example is always left to train on).

    Returns
    -------
    X_train, labels_train, X_test, labels_test : numpy.ndarray
        With ``test_share = 0`` the test arrays are empty (n×0 and 0).

    Examples
    --------
    >>> X, labels = make_blobs(10, 2)
    >>> [a.shape for a in train_test_split(X, labels, 0.3)]
    [(2, 7), (7,), (2, 3), (3,)]
    """
    X = np.asarray(X)
    labels = np.asarray(labels).reshape(-1)
    test_share = float(test_share)
    if not 0 <= test_share < 1:
        raise ValueError(f"The test share must be in [0, 1), got {test_share!r}.")
    m = labels.size
    count = 0 if test_share == 0 else min(max(round(test_share * m), 1), m - 1)
    order = np.random.default_rng(seed).permutation(m)
    train, test = order[: m - count], order[m - count :]
    return X[:, train], labels[train], X[:, test], labels[test]
