"""Points placed by hand on the training plane, and their form in a link.

The URL key ``training_points`` holds them as ``class.x.y`` parts joined by
``_``, with x and y in hundredths (``2.-150.75`` is a point of class 2 at
(−1.5, 0.75)); ``none`` is a plane emptied on purpose. Classes are 0 … 9, at
most :data:`MAX_POINTS` points travel in a link, and a part that does not fit
is refused with a message naming it while the others are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from softmax_core import MAX_CLASSES

KEY = "training_points"
EMPTY = "none"
MAX_POINTS = 500
# |x|, |y| at most 1000 (in hundredths 100000): the plane of any data set here.
MAX_HUNDREDTHS = 100_000
_PART = re.compile(r"^(\d)\.(-?\d{1,6})\.(-?\d{1,6})$")


@dataclass(frozen=True)
class HandPoints:
    """Points by hand: X (2×m, in hundredths exactly), labels, what was refused.

    ``refused`` holds the link's parts that were left out (as typed, cut to
    a few), and ``dropped`` how many parts were beyond :data:`MAX_POINTS`.
    """

    X: np.ndarray
    labels: np.ndarray
    refused: tuple[str, ...] = ()
    dropped: int = 0

    @property
    def m(self) -> int:
        """The number of points."""
        return int(self.labels.size)


def empty() -> HandPoints:
    """A plane with no point."""
    return HandPoints(np.zeros((2, 0)), np.zeros(0, dtype=np.intp))


def parse(text: str) -> HandPoints:
    """The points of a ``training_points`` value.

    Examples
    --------
    >>> p = parse("0.100.-50_3.0.25")
    >>> p.X.tolist(), p.labels.tolist(), p.refused
    ([[1.0, 0.0], [-0.5, 0.25]], [0, 3], ())
    >>> parse("0.1.2_cat_7.1.1e9").refused
    ('cat', '7.1.1e9')
    """
    text = (text or "").strip()
    if text in ("", EMPTY):
        return empty()
    xs: list[int] = []
    ys: list[int] = []
    labels: list[int] = []
    refused: list[str] = []
    dropped = 0
    for part in text.split("_"):
        found = _PART.match(part.strip())
        if (
            found is None
            or any(abs(int(v)) > MAX_HUNDREDTHS for v in found.group(2, 3))
            or int(found.group(1)) >= MAX_CLASSES
        ):
            if part:
                refused.append(part[:40])
            continue
        if len(labels) >= MAX_POINTS:
            dropped += 1
            continue
        labels.append(int(found.group(1)))
        xs.append(int(found.group(2)))
        ys.append(int(found.group(3)))
    X = np.array([xs, ys], dtype=np.float64).reshape(2, -1) / 100
    return HandPoints(X, np.array(labels, dtype=np.intp), tuple(refused), dropped)


def serialize(X: np.ndarray, labels: np.ndarray) -> str:
    """``training_points`` for points X (2×m) of classes ``labels``.

    Coordinates are rounded to hundredths and clamped to ±1000; more than
    :data:`MAX_POINTS` points are cut to the first ones.

    Examples
    --------
    >>> serialize(np.array([[1.0, 0.0], [-0.5, 0.254]]), np.array([0, 3]))
    '0.100.-50_3.0.25'
    >>> serialize(np.zeros((2, 0)), np.zeros(0))
    'none'
    """
    X = np.asarray(X, dtype=np.float64).reshape(2, -1)[:, :MAX_POINTS]
    labels = np.asarray(labels).reshape(-1)[:MAX_POINTS]
    if labels.size == 0:
        return EMPTY
    hundredths = np.clip(
        np.rint(np.nan_to_num(X) * 100), -MAX_HUNDREDTHS, MAX_HUNDREDTHS
    ).astype(np.int64)
    return "_".join(
        f"{int(k)}.{x}.{y}"
        for k, x, y in zip(labels, hundredths[0], hundredths[1], strict=True)
    )


def from_sent(value: object) -> tuple[np.ndarray, np.ndarray] | None:
    """Points as the lab sends them (a list of ``[class, x, y]``), or None if unfit.

    Entries that are not three finite numbers with a class in 0 … 9 are left
    out; at most :data:`MAX_POINTS` are taken.
    """
    if not isinstance(value, list):
        return None
    xs, ys, labels = [], [], []
    for item in value[: 4 * MAX_POINTS]:
        if not (isinstance(item, list | tuple) and len(item) == 3):
            continue
        k, x, y = item
        if not all(isinstance(v, int | float) and not isinstance(v, bool)
                   for v in (k, x, y)):  # fmt: skip
            continue
        if not (np.isfinite(x) and np.isfinite(y)) or int(k) != k:
            continue
        if not 0 <= k < MAX_CLASSES:
            continue
        labels.append(int(k))
        xs.append(float(x))
        ys.append(float(y))
        if len(labels) >= MAX_POINTS:
            break
    return np.array([xs, ys], dtype=np.float64).reshape(2, -1), np.array(
        labels, dtype=np.intp
    )
