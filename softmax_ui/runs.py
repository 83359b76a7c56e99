"""Training runs for the training page, cached so equal inputs train once.

The cache is shared by every session on the server: a room of students with
the default settings costs one training run.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from softmax_core import Regions, TrainingHistory, class_regions, train

from .streamlit_internals import draw_outside_the_cache
from .training_data import Data, split_data

SNAPSHOTS = 100  # the scrubber's
# The live lab (softmax_ui/lab.py) plays the snapshots of W and b: at most this
# many float32 values of them in all (1.2 MB), as dense as that allows.
LAB_VALUES = 300_000


@dataclass(frozen=True)
class TrainingSettings:
    """What a training run depends on besides its data; its defaults are the page's.

    One frozen value for the training page, the guided lecture and the cache:
    equal settings are one cache key, so equal runs are trained once.
    """

    num_classes: int = 4
    hidden_units: int = 0
    activation: str = "tanh"
    learning_rate: float = 0.05
    iterations: int = 300
    l2: float = 0.0
    test_share: float = 0.0

    def __post_init__(self) -> None:
        # Plain Python numbers: 0.05 and numpy's float64(0.05) would pickle,
        # and so hash, differently, and make two cache keys of one run.
        for name, kind in (
            ("num_classes", int), ("hidden_units", int), ("learning_rate", float),
            ("iterations", int), ("l2", float), ("test_share", float),
        ):  # fmt: skip
            object.__setattr__(self, name, kind(getattr(self, name)))
        object.__setattr__(self, "activation", str(self.activation))


@st.cache_data(max_entries=64, show_spinner=False)
def training_run(
    data: Data,
    settings: TrainingSettings,
    _progress: Callable[[int], Any] | None = None,
) -> TrainingHistory:
    """Gradient descent on ``data``, with about 100 snapshots for scrubbing.

    With ``settings.test_share`` > 0 that share of the examples is held out
    (:func:`split_data`) and its J and accuracy are recorded as well.
    ``_progress`` (not part of the cache key) hears of every step, see
    :func:`progress_bar`.
    """
    train_set, test_set = split_data(data, settings.test_share)
    return train(
        train_set.X,
        train_set.labels,
        settings.num_classes,
        learning_rate=settings.learning_rate,
        iterations=settings.iterations,
        hidden_units=settings.hidden_units,
        activation=settings.activation,
        snapshot_every=snapshot_every(settings, data.X.shape[0]),
        l2=settings.l2,
        test=None if test_set is None else (test_set.X, test_set.labels),
        progress=_progress,
    )


def parameter_count(settings: TrainingSettings, n: int) -> int:
    """How many numbers W and b of the run's model hold (n features)."""
    C, h = settings.num_classes, settings.hidden_units
    return C * (n + 1) if h == 0 else h * (n + 1) + C * (h + 1)


def scrub_every(settings: TrainingSettings) -> int:
    """The scrubber's step: about :data:`SNAPSHOTS` positions over the run."""
    return max(1, settings.iterations // SNAPSHOTS)


def snapshot_every(settings: TrainingSettings, n: int) -> int:
    """The run's snapshot step: as dense as :data:`LAB_VALUES` allows.

    Dense enough for the lab to play every iteration when it fits; chosen to
    divide the scrubber's step where it can, so the scrubber's iterations
    (every :func:`scrub_every`) are all among the snapshots.
    """
    per = parameter_count(settings, n)
    needed = max(1, -(-(settings.iterations + 1) * per // LAB_VALUES))
    scrub = scrub_every(settings)
    if needed <= scrub:
        return min(d for d in range(needed, scrub + 1) if scrub % d == 0)
    return -(-needed // scrub) * scrub


def scrub_iterations(history: TrainingHistory, settings: TrainingSettings) -> list[int]:
    """The snapshots the scrubber offers: every :func:`scrub_every`, and the last."""
    step = scrub_every(settings)
    iterations = sorted(history.snapshots)
    return [it for it in iterations if it % step == 0 or it == iterations[-1]]


def progress_bar(
    placeholder: Any, iterations: int, label: Callable[[int], str]
) -> Callable[[int], None]:
    """A ``progress`` callback that fills a bar in ``placeholder`` (an ``st.empty``).

    Nothing shows for a run that ends within half a second; after that the
    bar moves at most ten times a second. The bar is drawn outside the
    cache's record of the training run, so a cached run replays no stale bar.
    """
    start = time.monotonic()
    shown = [start]

    def report(done: int) -> None:
        now = time.monotonic()
        if now - start < 0.5 or now - shown[0] < 0.1:
            return
        shown[0] = now
        draw_outside_the_cache(placeholder.progress, done / max(iterations, 1),
                               label(done))

    return report


@st.cache_data(max_entries=256, show_spinner=False)
def regions_at(data: Data, settings: TrainingSettings, iteration: int) -> Regions:
    """Decision regions at ``iteration`` of the run ``training_run(data, settings)``."""
    history = training_run(data, settings)
    return class_regions(history.snapshots[iteration], data.X, points=120)
