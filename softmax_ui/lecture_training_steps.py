"""The guided lecture's steps about the m training examples: J, Y and Ŷ, training.

They use :mod:`softmax_ui.runs` with the training page's default settings, so
the lecture and that page share one cached training run.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import streamlit as st

from softmax_core import (
    Parameters,
    TrainingHistory,
    cost,
    cost_and_gradients,
    loss,
    one_hot,
    predict_proba,
)

from . import figures, runs
from .chrome import figure_sizes, show_math
from .i18n import class_names, tr
from .state import LECTURE_Y_HAT

# The training page's defaults (blobs, C = 4, m = 300, seed 0; softmax
# regression, α = 0.05, 300 iterations): equal settings share the cache.
DATA = ("blobs", 4, 300, 0)
SETTINGS = runs.TrainingSettings()
CHART = {"displayModeBar": False}
SHOWN_COLUMNS = 6
# Early in training, when the examples' losses still differ widely.
COST_ITERATION = 15


def _training() -> tuple[runs.Data, TrainingHistory]:
    data = runs.generated_data(*DATA)
    return data, runs.training_run(data, SETTINGS)


def _iteration(history: TrainingHistory, key: str, near: int) -> tuple[int, Parameters]:
    """A slider over the run's snapshots, starting at the one nearest ``near``."""
    steps = sorted(history.snapshots)
    start = min(steps, key=lambda s: abs(s - near))
    iteration = st.select_slider(tr("training.iteration"), steps, value=start, key=key)
    return iteration, history.snapshots[iteration]


def cost_step() -> None:
    names = class_names(4)
    data, history = _training()
    controls, view = st.columns([1, 3], gap="large")
    with controls:
        iteration, params = _iteration(history, "lecture_cost", COST_ITERATION)
    Y, Y_hat = one_hot(data.labels, 4), predict_proba(params, data.X)
    losses, value = loss(Y, Y_hat), cost(Y, Y_hat)
    with controls:
        st.metric("m", f"{len(losses)}")
        st.metric(tr("lecture.cost_value", it=iteration), f"{value:.3f}")
    view.plotly_chart(
        figures.example_losses(
            losses,
            data.labels,
            names,
            value,
            figure_sizes(),
            x_label=tr("lecture.example_axis"),
            y_label=tr("lecture.loss_axis"),
            cost_label="J",
            title=tr("lecture.losses_title", m=len(losses), it=iteration),
        ),
        key="lecture_losses",
        config=CHART,
    )
    show_math(
        r"J = \frac{1}{m}\sum_{i=1}^{m} L(\hat y^{(i)}, y^{(i)})", cost,
        key="lecture_math",
    )


def matrices() -> None:
    names, sz = class_names(4), figure_sizes()
    data, history = _training()
    m = data.X.shape[1]
    controls, y_col, y_hat_col = st.columns([1, 2, 2], gap="large")
    shown = controls.slider(
        tr("lecture.columns_shown"), 2, 12, SHOWN_COLUMNS, key="lecture_columns"
    )
    # Column (1) is the lecture's own example: a cat predicted [0.3, 0.2, 0.1, 0.4].
    rest = slice(0, shown - 1)
    Y = np.column_stack([one_hot([1], 4), one_hot(data.labels[rest], 4)])
    Y_hat = np.column_stack(
        [np.array(LECTURE_Y_HAT), predict_proba(history.params, data.X[:, rest])]
    )
    columns = [f"({i + 1})" for i in range(shown)]
    y_col.plotly_chart(
        figures.matrix_heatmap(
            Y, names, columns, sz, title=tr("training.Y_title", C=4, m=m)
        ),
        key="lecture_Y",
        config=CHART,
    )
    y_hat_col.plotly_chart(
        figures.matrix_heatmap(
            Y_hat, names, columns, sz, title=tr("training.Y_hat_title", C=4, m=m)
        ),
        key="lecture_Y_hat",
        config=CHART,
    )


def training() -> None:
    names, sz = class_names(4), figure_sizes()
    # Both charts have their legend below them, which adds three lines to a
    # chart: two lines off the height keep each only a line taller than the
    # other steps' charts, so that projected this step too fits the screen.
    sz = replace(sz, height=sz.height - 2 * sz.font)
    data, history = _training()
    controls, curve_col, region_col = st.columns([1, 2, 2], gap="large")
    with controls:
        iteration, _ = _iteration(history, "lecture_iteration", SETTINGS.iterations)
        st.metric(tr("training.cost_start"), f"{history.costs[0]:.3f}")
        st.metric(
            tr("training.cost_now", it=iteration), f"{history.costs[iteration]:.3f}"
        )
        st.metric(tr("training.accuracy_now"), f"{history.accuracies[iteration]:.1%}")
    curve_col.plotly_chart(
        figures.cost_curve(
            history.costs,
            history.accuracies,
            iteration,
            sz,
            cost_label=tr("training.cost_axis"),
            accuracy_label=tr("training.accuracy_axis"),
            x_label=tr("training.iteration_axis"),
            title=tr("training.cost_title"),
        ),
        key="lecture_cost",
        config=CHART,
    )
    regions = runs.regions_at(data, SETTINGS, iteration)
    region_col.plotly_chart(
        figures.decision_regions(
            regions.xs,
            regions.ys,
            regions.classes,
            data.X,
            data.labels,
            names,
            sz,
            x_label=data.feature_names[0],
            y_label=data.feature_names[1],
            title=tr("training.regions_title", it=iteration),
        ),
        key="lecture_regions",
        config=CHART,
    )
    show_math(
        r"dZ^{[L]} = \hat Y - Y, \qquad dW^{[L]} = \tfrac{1}{m}\, dZ^{[L]} X^{T},"
        r" \qquad W \leftarrow W - \alpha\, dW",
        cost_and_gradients,
        key="lecture_math",
    )
