"""The guided lecture's steps about the m training examples: J, Y and Ŷ, training.

They draw the training page's views from a run with that page's default
settings (:data:`DATA`, :data:`SETTINGS`), so the lecture and the page share
one cached training run.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import streamlit as st

from softmax_core import (
    TrainingHistory,
    cost,
    cost_and_gradients,
    loss,
    one_hot,
    predict_proba,
)

from . import formulas, runs
from .controls import COLUMNS_SHOWN, LECTURE_CLASSES, LECTURE_Y_HAT, SNAPSHOT
from .frame import figure_sizes, show_math
from .i18n import class_names, tr
from .lab import training_lab
from .training_data import Data, DataSettings, generated_data
from .views import training as view
from .widgets import slider

PREFIX = "lecture"
MATH_KEY = "lecture_math"
# The training page's defaults (blobs, C = 4, m = 300, seed 0; softmax
# regression, α = 0.05, 300 iterations): equal settings share the cache.
DATA = DataSettings()
SETTINGS = runs.TrainingSettings()
# Early in training, when the examples' losses still differ widely.
COST_ITERATION = 15


def _training() -> tuple[Data, TrainingHistory]:
    data = generated_data(DATA)
    return data, runs.training_run(data, SETTINGS)


def cost_step() -> None:
    names = class_names(LECTURE_CLASSES)
    data, history = _training()
    control_col, view_col = st.columns([1, 3], gap="large")
    with control_col:
        iteration, params = view.snapshot_slider(
            SNAPSHOT.on("lecture_cost"), history, COST_ITERATION, SETTINGS
        )
    Y = one_hot(data.labels, LECTURE_CLASSES)
    Y_hat = predict_proba(params, data.X)
    losses, value = loss(Y, Y_hat), cost(Y, Y_hat)
    with control_col:
        st.metric("m", f"{len(losses)}")
        st.metric(tr("lecture.cost_value", it=iteration), f"{value:.3f}")
    view.example_losses(
        PREFIX, losses, data.labels, names, value, iteration, figure_sizes(),
        place=view_col,
    )  # fmt: skip
    show_math(formulas.COST, cost, key=MATH_KEY)


def matrices() -> None:
    names, sizes = class_names(LECTURE_CLASSES), figure_sizes()
    data, history = _training()
    control_col, y_col, y_hat_col = st.columns([1, 2, 2], gap="large")
    with control_col:
        shown = slider(COLUMNS_SHOWN, linked=False)
    # Column (1) is the lecture's own example: a cat predicted [0.3, 0.2, 0.1, 0.4].
    rest = slice(0, shown - 1)
    Y = np.column_stack(
        [one_hot([1], LECTURE_CLASSES), one_hot(data.labels[rest], LECTURE_CLASSES)]
    )
    Y_hat = np.column_stack(
        [np.array(LECTURE_Y_HAT), predict_proba(history.params, data.X[:, rest])]
    )
    view.matrices(
        PREFIX, Y, Y_hat, names, sizes, m=data.X.shape[1], places=(y_col, y_hat_col)
    )


def training() -> None:
    names, sizes = class_names(LECTURE_CLASSES), figure_sizes()
    data, history = _training()
    # The lab plays the run: the plane and the J curve side by side.
    training_lab(history, data, SETTINGS, names, key="lecture_lab", compact=True)
    # The same run as the training page's figures, with a scrubber.
    # Both charts have their legend below them, which adds three lines to a
    # chart: two lines off the height keep each only a line taller than the
    # other steps' charts.
    sizes = replace(sizes, height=sizes.height - 2 * sizes.font)
    with st.expander(tr("lab.report")):
        control_col, curve_col, region_col = st.columns([1, 2, 2], gap="large")
        with control_col:
            iteration, _ = view.snapshot_slider(
                SNAPSHOT.on(PREFIX), history, SETTINGS.iterations, SETTINGS
            )
        view.run_metrics(history, iteration, [control_col] * 3, tested=False)
        view.cost_curve(
            PREFIX, history, iteration, sizes, tested=False, place=curve_col
        )
        view.regions(
            PREFIX, data, SETTINGS, iteration, names, sizes, train_set=data,
            place=region_col,
        )  # fmt: skip
    show_math(
        formulas.side_by_side(
            formulas.OUTPUT_GRADIENTS, formulas.WEIGHT_GRADIENT, formulas.DESCENT_STEP
        ),
        cost_and_gradients,
        key=MATH_KEY,
    )
