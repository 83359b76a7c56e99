"""A training run: J and accuracy over the iterations, regions, Y and Ŷ, confusion.

Drawn by the training page and the guided lecture's steps on the cost, the
matrices and training, from one cached run (:mod:`softmax_ui.runs`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

import numpy as np
import streamlit as st

from softmax_core import (
    Parameters,
    TrainingHistory,
    numpy_snippet,
    parameters_to_json,
    parameters_to_npz,
)

from .. import figures, runs, tables
from ..controls import LEARNING_RATES, Control
from ..frame import plot
from ..i18n import tr
from ..style import Sizes
from ..training_data import Data


def upload_notes(data: Data) -> None:
    """What the reader found in an upload and did to it, one line each."""
    st.caption(tr("training.upload_read", m=data.X.shape[1], n=data.X.shape[0],
                  C=len(data.class_names)))  # fmt: skip
    # Names as typed in the file.
    if data.dropped_index_column:
        st.caption(tr("training.upload_index_dropped", name=data.dropped_index_column))
    elif data.dropped_index_column == "":
        st.caption(tr("training.upload_index_unnamed"))
    if data.header_made:
        st.caption(tr("training.upload_header_made", n=data.X.shape[0]))
    if data.label_from_words:
        st.caption(tr("training.upload_label_column", name=data.label_from_words))
    if data.rows_left_out:
        more = data.rows_left_out > len(data.rows_with_missing)
        rows = ", ".join(map(str, data.rows_with_missing)) + (", …" * more)
        st.caption(tr("training.upload_missing", rows=rows, count=data.rows_left_out))
    if data.rows_in_file:
        st.info(tr("training.upload_subsampled", rows=data.rows_in_file,
                   m=data.X.shape[1]), icon=":material/filter_alt:")  # fmt: skip


def snapshot_slider(
    control: Control,
    history: TrainingHistory,
    near: int,
    settings: runs.TrainingSettings,
    **kwargs: Any,
) -> tuple[int, Parameters]:
    """A slider over the run's snapshots, starting at the one nearest ``near``.

    It offers about :data:`runs.SNAPSHOTS` of them (:func:`runs.scrub_iterations`).
    """
    iterations = runs.scrub_iterations(history, settings)
    start = min(iterations, key=lambda it: abs(it - near))
    iteration = st.select_slider(
        tr(control.label), iterations, value=start, key=control.key, **kwargs
    )
    return iteration, history.snapshots[iteration]


def run_metrics(
    history: TrainingHistory, iteration: int, places: Sequence[Any], *, tested: bool
) -> None:
    """J at the start and at ``iteration``, and the accuracy there.

    ``places`` holds the three metrics' containers (columns, or one column
    three times); ``tested``, the test set's J and accuracy go under the
    training set's.
    """
    start, cost_now, accuracy_now = places
    start.metric(tr("training.cost_start"), f"{history.costs[0]:.3f}")
    cost_now.metric(tr("training.cost_now", it=iteration),
                    f"{history.costs[iteration]:.3f}")  # fmt: skip
    accuracy_now.metric(tr("training.accuracy_now"),
                        f"{history.accuracies[iteration]:.1%}")  # fmt: skip
    if tested:
        cost_now.metric(tr("training.test_cost_now", it=iteration),
                        f"{history.test_costs[iteration]:.3f}")  # fmt: skip
        accuracy_now.metric(tr("training.test_accuracy_now"),
                            f"{history.test_accuracies[iteration]:.1%}")  # fmt: skip


def cost_curve(
    prefix: str,
    history: TrainingHistory,
    iteration: int,
    sizes: Sizes,
    *,
    tested: bool,
    place: Any = st,
    diverged_at: int | None = None,
) -> None:
    """J and accuracy over the iterations (the test set's too), ``iteration`` marked.

    ``diverged_at``, the iteration where J is seen to diverge, is crossed on
    it (:func:`divergence_note` says it in words, with a smaller α to try).
    """
    plot(
        figures.cost_curve(
            history.costs, history.accuracies, iteration, sizes,
            cost_label=tr("training.train_cost_axis" if tested else
                          "training.cost_axis"),
            accuracy_label=tr("training.accuracy_axis"),
            x_label=tr("training.iteration_axis"), title=tr("training.cost_title"),
            test_costs=history.test_costs, test_accuracies=history.test_accuracies,
            test_cost_label=tr("training.test_cost_axis"),
            test_accuracy_label=tr("training.test_accuracy_axis"),
            diverged_at=diverged_at,
            diverged_label=tr("inside.diverged_mark", it=diverged_at),
        ),
        key=f"{prefix}_cost", place=place,
    )  # fmt: skip


def divergence_note(
    diverged_at: int,
    history: TrainingHistory,
    learning_rate: float | None,
    *,
    place: Any = st,
) -> None:
    """The warning that J diverges at ``diverged_at``, with a smaller α to try."""
    place.warning(divergence_message(diverged_at, history, learning_rate),
                  icon=":material/trending_up:")  # fmt: skip


def divergence_message(
    diverged_at: int, history: TrainingHistory, learning_rate: float | None
) -> str:
    """What the page says where J diverges: where, why, and a smaller α to try."""
    if learning_rate is None:
        return tr("inside.diverged_plain", it=diverged_at)
    # An option of the slider about ten times smaller (below them all: α/10).
    smaller = [rate for rate in LEARNING_RATES if rate <= learning_rate / 10]
    suggestion = smaller[-1] if smaller else learning_rate / 10
    stopped = history.diverged and diverged_at >= history.iterations_done
    return tr(
        "inside.diverged_stopped" if stopped else "inside.diverged_rising",
        it=diverged_at, alpha=f"{learning_rate:g}", smaller=f"{suggestion:g}",
    )


def regions(
    prefix: str,
    data: Data,
    settings: runs.TrainingSettings,
    iteration: int,
    names: Sequence[str],
    sizes: Sizes,
    *,
    train_set: Data,
    test_set: Data | None = None,
    place: Any = st,
    highlight: int | None = None,
) -> None:
    """The plane coloured by predicted class at ``iteration``, the examples on it.

    Only data with two features has a plane to draw; other data gets a note.
    ``highlight``, the index of an example of ``data``, is ringed.
    """
    if data.X.shape[0] != 2:
        place.info(tr("training.no_regions", n=data.X.shape[0]))
        return
    grid = runs.regions_at(data, settings, iteration)
    plot(
        figures.decision_regions(
            grid.xs, grid.ys, grid.classes, train_set.X, train_set.labels, names,
            sizes, x_label=data.feature_names[0], y_label=data.feature_names[1],
            title=tr("training.regions_title", it=iteration),
            test_X=test_set.X if test_set else None,
            test_labels=test_set.labels if test_set else None,
            test_label=tr("training.test_points"),
            highlight=None if highlight is None else data.X[:, highlight],
            highlight_label=tr("inside.example_name", i=(highlight or 0) + 1),
        ),
        key=f"{prefix}_regions", place=place,
    )  # fmt: skip


def matrices(
    prefix: str,
    Y: np.ndarray,
    Y_hat: np.ndarray,
    names: Sequence[str],
    sizes: Sizes,
    *,
    m: int,
    places: Sequence[Any],
    examples: Sequence[int] | None = None,
    highlight: int | None = None,
    on_select: Any = None,
) -> None:
    """Y and Ŷ (C×m) as heatmaps of some of their columns, in ``places``.

    The columns are those of ``examples`` (indices into the data), by default
    the first ones. ``highlight``, an example's index, has its column framed;
    with ``on_select`` (a callback taking the chart's key) a click on a
    column selects its example.
    """
    count = Y.shape[0]
    examples = list(range(Y.shape[1]) if examples is None else examples)
    columns = [f"({i + 1})" for i in examples]
    framed = examples.index(highlight) if highlight in examples else None
    y_place, y_hat_place = places
    for matrix, name, title, place in (
        (Y, "Y", "training.Y_title", y_place),
        (Y_hat, "Y_hat", "training.Y_hat_title", y_hat_place),
    ):
        key = f"{prefix}_{name}"
        select = {} if on_select is None else {
            "on_select": partial(on_select, key), "selection_mode": "points"}
        plot(
            figures.matrix_heatmap(
                matrix, names, columns, sizes, title=tr(title, C=count, m=m),
                examples=examples if on_select else None, highlight_column=framed,
            ),
            key=key, place=place, **select,
        )  # fmt: skip


def example_losses(
    prefix: str,
    losses: np.ndarray,
    labels: np.ndarray,
    names: Sequence[str],
    cost: float,
    iteration: int,
    sizes: Sizes,
    *,
    place: Any = st,
) -> None:
    """Each example's loss as a bar, J as a line across them."""
    plot(
        figures.example_losses(
            losses,
            labels,
            names,
            cost,
            sizes,
            x_label=tr("lecture.example_axis"),
            y_label=tr("lecture.loss_axis"),
            cost_label="J",
            title=tr("lecture.losses_title", m=len(losses), it=iteration),
        ),
        key=f"{prefix}_losses",
        place=place,
    )


def history_download(history: TrainingHistory) -> None:
    """J and accuracy at every iteration as a CSV file."""
    st.download_button(
        tr("training.download"),
        tables.history_frame(
            history.costs, history.accuracies, history.test_costs,
            history.test_accuracies,
        ).to_csv(index=False),
        file_name="softmax_training_history.csv", mime="text/csv",
        icon=":material/download:", on_click="ignore",
    )  # fmt: skip


def confusion(
    prefix: str,
    counts: np.ndarray,
    names: Sequence[str],
    iteration: int,
    sizes: Sizes,
    *,
    tested: bool,
) -> None:
    """The confusion matrix of the set judged, with how many it got right."""
    judged = "training.confusion_test" if tested else "training.confusion_train"
    st.subheader(tr(judged))
    confusion_col, confusion_note = st.columns([2, 1], gap="large")
    plot(
        figures.confusion_heatmap(
            counts, names, sizes, true_label=tr("training.true_class"),
            predicted_label=tr("training.predicted_class"),
            title=tr("training.confusion_title", it=iteration, m=int(counts.sum())),
        ),
        key=f"{prefix}_confusion", place=confusion_col,
    )  # fmt: skip
    confusion_note.markdown(tr(
        "training.confusion_note", right=int(counts.trace()), m=int(counts.sum())
    ))  # fmt: skip
    if not tested:
        confusion_note.caption(tr("training.confusion_no_test"))


def export(
    prefix: str, params: Parameters, X_shown: np.ndarray, iteration: int
) -> None:
    """W and b at ``iteration`` as ``.npz`` or JSON, and numpy code that uses them."""
    st.subheader(tr("training.export"))
    st.markdown(tr("training.export_intro", it=iteration))
    npz_col, json_col = st.columns(2)
    npz_col.download_button(
        tr("training.export_npz"), partial(parameters_to_npz, params),
        file_name="softmax_parameters.npz", mime="application/octet-stream",
        icon=":material/download:", key=f"{prefix}_export_npz", on_click="ignore",
    )  # fmt: skip
    json_col.download_button(
        tr("training.export_json"), partial(parameters_to_json, params),
        file_name="softmax_parameters.json", mime="application/json",
        icon=":material/download:", key=f"{prefix}_export_json", on_click="ignore",
    )  # fmt: skip
    st.caption(tr("training.export_snippet", shown=X_shown.shape[1]))
    st.code(numpy_snippet(X_shown), language="python")
