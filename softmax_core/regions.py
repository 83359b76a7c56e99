r"""Decision regions of a trained classifier over a 2-D input plane.

Every point x of a grid gets the class with the largest ŷ_j = softmax(z)_j,
which is the largest z_j: the regions' borders are where two z's are equal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .network import Parameters, predict_proba


@dataclass(frozen=True)
class Regions:
    """The predicted class and its probability on a grid over the plane.

    ``classes[i, j]`` and ``confidence[i, j]`` belong to the point
    (``xs[j]``, ``ys[i]``).
    """

    xs: np.ndarray
    ys: np.ndarray
    classes: np.ndarray
    confidence: np.ndarray


def plane_grid(
    X: np.typing.ArrayLike, points: int = 150, margin: float = 0.1
) -> tuple[np.ndarray, np.ndarray]:
    """Grid coordinates spanning the two features of X (2×m), widened by ``margin``."""
    X = np.asarray(X, dtype=np.float64)
    low, high = X.min(axis=1), X.max(axis=1)
    pad = margin * np.maximum(high - low, 1e-9)
    return (
        np.linspace(low[0] - pad[0], high[0] + pad[0], points),
        np.linspace(low[1] - pad[1], high[1] + pad[1], points),
    )


def class_regions(
    params: Parameters, X: np.typing.ArrayLike, points: int = 150
) -> Regions:
    r"""The classifier's decision regions over the plane of the 2-D data X.

    .. math:: \text{class}(x) = \arg\max_j \hat y_j(x), \qquad
              \text{confidence}(x) = \max_j \hat y_j(x)
    """
    xs, ys = plane_grid(X, points)
    gx, gy = np.meshgrid(xs, ys)
    Y_hat = predict_proba(params, np.stack([gx.ravel(), gy.ravel()]))
    shape = (ys.size, xs.size)
    return Regions(
        xs=xs,
        ys=ys,
        classes=np.argmax(Y_hat, axis=0).reshape(shape),
        confidence=np.max(Y_hat, axis=0).reshape(shape),
    )
