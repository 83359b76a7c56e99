"""Training runs for the training page, cached so equal inputs train once.

The cache is shared by every session on the server: a room of students with
the default settings costs one training run.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import streamlit as st

from softmax_core import (
    LabelledData,
    Regions,
    TrainingHistory,
    class_regions,
    make_blobs,
    make_spirals,
    read_csv,
    standardize,
    train,
    train_test_split,
)

from .streamlit_internals import draw_outside_the_cache
from .text import as_typed

DATASETS = ("blobs", "spirals", "upload")
SNAPSHOTS = 100


@dataclass(frozen=True)
class Data:
    """Training data as the page uses it: standardized X (n×m), labels, names.

    ``rows_in_file`` is set when an upload had more rows than the m kept. The
    other fields say what the reader did with an upload (see
    :class:`softmax_core.LabelledData`); names in them come as typed
    (:func:`~softmax_ui.text.as_typed`).
    """

    X: np.ndarray
    labels: np.ndarray
    class_names: tuple[str, ...] | None
    feature_names: tuple[str, ...]
    standardized: bool
    rows_in_file: int | None = None
    label_from_words: str | None = None
    dropped_index_column: str | None = None
    header_made: bool = False
    rows_left_out: int = 0
    rows_with_missing: tuple[int, ...] = ()


@st.cache_data(max_entries=64, show_spinner=False)
def generated_data(kind: str, num_classes: int, m: int, seed: int) -> Data:
    """Blobs or spirals (2×m)."""
    make = make_blobs if kind == "blobs" else make_spirals
    X, labels = make(m, num_classes, seed=seed)
    return Data(X, labels, None, ("x₁", "x₂"), standardized=False)


def uploaded_data(content: bytes) -> Data:
    """A CSV upload, features standardized (mean 0, std 1). Raises ValueError.

    Names from the file go into plotly figures, which read ``<b>``, ``<a href>``
    and the like as markup, and the error message (quoting a bad value) into
    Markdown, which reads ``![](url)`` as an image to fetch: both come escaped,
    as character references that show as typed.
    """
    outcome = _read_upload(content)
    if isinstance(outcome, str):
        raise ValueError(outcome)
    return outcome


# A refused file is remembered too: every rerun of the page (any widget moved)
# would otherwise read the same large bad file again.
@st.cache_data(max_entries=16, show_spinner=False)
def _read_upload(content: bytes) -> Data | str:
    try:
        data: LabelledData = read_csv(content)
    except ValueError as err:
        return as_typed(err, limit=None)
    X, _, _ = standardize(data.X)
    return Data(
        X,
        data.labels,
        tuple(as_typed(name) for name in data.class_names),
        tuple(as_typed(name) for name in data.feature_names),
        standardized=True,
        rows_in_file=data.rows_in_file,
        label_from_words=as_typed(data.label_column) if data.label_from_words else None,
        dropped_index_column=None
        if data.dropped_index_column is None
        else as_typed(data.dropped_index_column),
        header_made=data.header_made,
        rows_left_out=data.rows_left_out,
        rows_with_missing=data.rows_with_missing,
    )


@st.cache_data(max_entries=64, show_spinner=False)
def split_data(data: Data, test_share: float) -> tuple[Data, Data | None]:
    """``data`` as a training set and a held-out test set (None for share 0)."""
    if test_share <= 0:
        return data, None
    X, labels, X_test, labels_test = train_test_split(data.X, data.labels, test_share)
    return (
        replace(data, X=X, labels=labels),
        replace(data, X=X_test, labels=labels_test),
    )


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
