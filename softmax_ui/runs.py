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

SNAPSHOTS = 100


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
        snapshot_every=max(1, settings.iterations // SNAPSHOTS),
        l2=settings.l2,
        test=None if test_set is None else (test_set.X, test_set.labels),
        progress=_progress,
    )


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
