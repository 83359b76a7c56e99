"""The data a training run learns from: generated blobs or spirals, or an upload.

Each is cached, so a room of students with the same settings makes one data
set, and a large upload is read once however often the page reruns.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import streamlit as st

from softmax_core import (
    LabelledData,
    make_blobs,
    make_spirals,
    read_csv,
    standardize,
    train_test_split,
)

from .text import as_typed


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


@dataclass(frozen=True)
class DataSettings:
    """What a generated data set depends on; its defaults are the training page's.

    One frozen value for the training page, the guided lecture and the cache,
    as :class:`softmax_ui.runs.TrainingSettings` is for the run.
    """

    kind: str = "blobs"  # "blobs" or "spirals"
    num_classes: int = 4
    examples: int = 300  # m
    seed: int = 0

    def __post_init__(self) -> None:
        # Plain Python values, as in TrainingSettings: one cache key per data set.
        object.__setattr__(self, "kind", str(self.kind))
        for name in ("num_classes", "examples", "seed"):
            object.__setattr__(self, name, int(getattr(self, name)))


@st.cache_data(max_entries=64, show_spinner=False)
def generated_data(settings: DataSettings) -> Data:
    """Blobs or spirals (2×m)."""
    make = make_blobs if settings.kind == "blobs" else make_spirals
    X, labels = make(settings.examples, settings.num_classes, seed=settings.seed)
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
    if labels_test.size == 0:  # one example (points placed by hand): all to train
        return data, None
    return (
        replace(data, X=X, labels=labels),
        replace(data, X=X_test, labels=labels_test),
    )
