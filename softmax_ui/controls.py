"""Every control of the app, declared once: key, label, range or options, default.

A widget's key is also its URL parameter (``?explorer_temperature=2``), so a
key is public API: classroom links hand it out and a lecture's notes quote it.
Each control is one :class:`Control` here; the pages draw it with the helpers
of :mod:`softmax_ui.widgets`, the link clamping reads its range and default,
the live view (:mod:`softmax_ui.live`) its range and step, and the sidebar's
"Link to this view" offers to hide exactly the controls with ``hideable``
set (:data:`HIDEABLE`, in page order). The guided lecture draws the same
controls under its own prefix (:meth:`Control.on`).

A control added to :data:`REGISTRY` and drawn by its page shows in the page,
in the link picker and in the URL. Keys never change once given out: z is
0-based on the explorer and the loss page (``explorer_z0`` is z[L]'s first
entry, as numpy counts) and 1-based on the C = 2 page (``logistic_z1`` is the
lecture's z₁); links of both kinds are in use.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from softmax_core import MAX_CLASSES

from .runs import TrainingSettings
from .training_data import DataSettings

# The lecture's example: z[L] = [5, 2, −1, 3] and the ŷ of a cat picture.
LECTURE_Z = (5.0, 2.0, -1.0, 3.0)
LECTURE_Y_HAT = (0.3, 0.2, 0.1, 0.4)
LECTURE_CLASSES = len(LECTURE_Z)

TEMPERATURES = (
    0.05, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9,
    1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0,
)  # fmt: skip
LEARNING_RATES = (
    0.001, 0.003, 0.01, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0,
    30.0, 100.0,
)  # fmt: skip
HIDDEN_UNITS = (0, 2, 4, 8, 16, 32, 64)
L2_STRENGTHS = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
DATASETS = ("blobs", "spirals", "upload")
ACTIVATIONS = ("tanh", "relu")
LOSS_SOURCES = ("lecture", "logits")
# The z sliders' range, and the explorer's while "why subtract max z" is on:
# far past ln(float64's largest) ≈ 709.78, where e^z overflows.
Z_LIMIT = 10.0
WIDE_Z_LIMIT = 1000.0
# "An example that overflows": e^z is inf for the first three in float64.
OVERFLOW_EXAMPLE_Z = (1000.0, 999.0, 998.0, 0.0)


@dataclass(frozen=True)
class Control:
    """One control: its key (the URL parameter), label, values and default.

    ``low``, ``high`` and ``step`` give a number's range; ``options`` a
    choice's; a button has neither. ``format`` is how a slider writes its
    value (``"%.1f"``), whose decimals the live view rounds to. ``hideable``
    says whether a classroom link may hide it (``?hide=<key>``), and
    ``hides_with`` the keys of other elements that go with it when hidden.
    """

    key: str
    label: str  # catalog key
    default: Any = None
    low: float | None = None
    high: float | None = None
    step: float | None = None
    options: tuple[Any, ...] | None = None
    format: str | None = None
    hideable: bool = True
    hides_with: tuple[str, ...] = ()

    @property
    def decimals(self) -> int:
        """The decimals of ``format`` (``"%.2f"`` → 2), else 0.

        Examples
        --------
        >>> TEMPERATURE.decimals, TEST_SHARE.decimals
        (2, 0)
        """
        if self.format and self.format.startswith("%.") and self.format[-1] == "f":
            return int(self.format[2:-1])
        return 0

    def on(self, prefix: str) -> Control:
        """This control under another page's ``prefix`` (the lecture's).

        Examples
        --------
        >>> TEMPERATURE.on("lecture").key
        'lecture_temperature'
        """
        name = self.key.split("_", 1)[1]
        return replace(self, key=f"{prefix}_{name}", hideable=False)

    def nearest(self, value: float) -> float:
        """``value`` brought onto the control: clamped, on its step grid or options.

        Examples
        --------
        >>> z_entry("explorer", 0).nearest(99.04), TEMPERATURE.nearest(0.33)
        (10.0, 0.3)
        """
        if self.options:
            return min(self.options, key=lambda option: abs(option - value))
        value = min(max(value, self.low), self.high)
        steps = round((value - self.low) / self.step)
        return round(self.low + steps * self.step, self.decimals)


def class_count(prefix: str) -> Control:
    """C, the number of classes, 2 … 10 (the lecture's 4 to start with)."""
    return Control(
        f"{prefix}_C", "widgets.C", default=LECTURE_CLASSES, low=2, high=MAX_CLASSES,
        step=1,
    )  # fmt: skip


def z_entry(prefix: str, k: int, *, wide: bool = False) -> Control:
    """Entry k of z[L] (0-based), −10 … 10 on a 0.1 grid; the lecture's z to start.

    ``wide``: −1000 … 1000, the explorer's range while "why subtract max z"
    is on (:data:`EXPLORER_OVERFLOW`), where e^z overflows.

    Examples
    --------
    >>> z_entry("explorer", 0).high, z_entry("explorer", 0, wide=True).high
    (10.0, 1000.0)
    """
    limit = WIDE_Z_LIMIT if wide else Z_LIMIT
    return Control(
        f"{prefix}_z{k}", "widgets.z_entry",
        default=LECTURE_Z[k] if k < LECTURE_CLASSES else 0.0,
        low=-limit, high=limit, step=0.1, format="%.1f",
    )  # fmt: skip


def z_entries(prefix: str) -> tuple[Control, ...]:
    """The sliders of z[L] for every C up to 10."""
    return tuple(z_entry(prefix, k) for k in range(MAX_CLASSES))


_DATA = DataSettings()
_RUN = TrainingSettings()

# --- Softmax vs hardmax -------------------------------------------------------
EXPLORER_C = class_count("explorer")
EXPLORER_NAMES = Control("explorer_names", "widgets.names", default="")
TEMPERATURE = Control(
    "explorer_temperature", "explorer.temperature", default=1.0,
    options=TEMPERATURES, format="%.2f",  # the live view's decimals
)  # fmt: skip
EXPLORER_RESET = Control("explorer_reset", "widgets.reset")
EXPLORER_RANDOMIZE = Control("explorer_randomize", "widgets.randomize")
EXPLORER_PYTHON_VIEW = Control("explorer_python_view", "live.python_view", False)
# "Why subtract max z": the z sliders reach ±1000 and the naive e^z is shown
# overflowing beside the shifted one. Its button's key is no URL key, and no
# other control's key with a suffix (a hidden control's CSS class is exact).
EXPLORER_OVERFLOW = Control("explorer_overflow", "explorer.overflow", default=False)
EXPLORER_OVERFLOW_EXAMPLE = Control(
    "explorer_overflow_example", "explorer.overflow_example"
)

# --- Loss and dz --------------------------------------------------------------
LOSS_SOURCE = Control(
    "loss_source", "loss.source", default="lecture", options=LOSS_SOURCES
)
LOSS_C = class_count("loss")
# Its options are the classes 0 … C−1 of the moment; 1 is the lecture's cat.
TRUE_CLASS = Control("loss_true_class", "loss.true_class", default=1)
STEP_SIZE = Control(
    "loss_step_size", "loss.step_size", default=1.0, low=0.1, high=5.0, step=0.1
)
TAKE_STEP = Control("loss_take_step", "loss.take_step")
RESET_STEPS = Control("loss_reset_steps", "loss.reset_steps")

# --- C = 2 is logistic (1-based, as the lecture writes z₁ and z₂) ------------
TWO_CLASS_Z1 = Control(
    "logistic_z1", "classroom.z1", default=1.67, low=-10.0, high=10.0, step=0.01,
    format="%.2f",
)  # fmt: skip
TWO_CLASS_Z2 = Control(
    "logistic_z2", "classroom.z2", default=0.0, low=-10.0, high=10.0, step=0.01,
    format="%.2f",
)  # fmt: skip

# --- Training -----------------------------------------------------------------
DATASET = Control(
    "training_dataset", "training.dataset", default=_DATA.kind, options=DATASETS
)
UPLOAD = Control("training_upload", "training.upload")
TRAINING_C = replace(class_count("training"), default=_RUN.num_classes)
EXAMPLES = Control(
    "training_m", "training.m", default=_DATA.examples, low=40, high=3000, step=20
)
SEED = Control("training_seed", "training.seed", default=_DATA.seed, low=0, high=10_000)
TEST_SHARE = Control(
    "training_test_share", "training.test_share",
    default=round(100 * _RUN.test_share), low=0, high=50, step=5, format="%d%%",
)  # fmt: skip
# The run's choices, each a field of TrainingSettings with its default.
HIDDEN, ACTIVATION, LEARNING_RATE, L2 = (
    Control(key, label, default=getattr(_RUN, field), options=options)
    for key, label, field, options in (
        ("training_hidden_units", "training.hidden", "hidden_units", HIDDEN_UNITS),
        ("training_activation", "training.activation", "activation", ACTIVATIONS),
        ("training_learning_rate", "training.learning_rate", "learning_rate",
         LEARNING_RATES),
        ("training_l2", "training.l2", "l2", L2_STRENGTHS),
    )
)  # fmt: skip
ITERATIONS = Control(
    "training_iterations", "training.iterations", default=_RUN.iterations, low=1,
    high=3000,
)  # fmt: skip
# The scrubber through the run's snapshots: its options are the run's.
SNAPSHOT = Control("training_iteration", "training.iteration")
# The example selected in "Inside the model" (1-based as Y's columns are
# labelled; 0 for none): a row of its table, or a column of Y or Ŷ.
EXAMPLE = Control(
    "training_example", "inside.example", default=0, low=0, high=3000, step=1,
    hideable=False,
)  # fmt: skip

# Points placed by hand on the lab's plane (softmax_ui/hand_points.py writes
# and reads its value, ``class.x.y`` parts joined by "_"); not a widget, so a
# classroom link cannot hide it.
HAND_POINTS = Control("training_points", "lab.points", hideable=False)

# --- Guided lecture -----------------------------------------------------------
# Its high end is the number of steps, which the lecture's step list decides.
# The previous and next buttons belong to the step navigation.
LECTURE_STEP = Control(
    "step", "classroom.step_navigation", default=1, low=1,
    hides_with=("lecture_previous", "lecture_next"),
)  # fmt: skip
DESCENT_STEP_COUNT = Control(
    "lecture_descent_steps", "lecture.descent_steps", default=3, low=0, high=20,
    hideable=False,
)  # fmt: skip
COLUMNS_SHOWN = Control(
    "lecture_columns", "lecture.columns_shown", default=6, low=2, high=12,
    hideable=False,
)  # fmt: skip

# Predict, then reveal (softmax_ui/question_mode.py): a step with a question
# asks it before its view; and a poll of the room (softmax_ui/polls.py): the
# student's link names the poll's code, the lecturer's tab keeps the secret
# token of the poll it runs, and a student's tab its own id, so that a reload
# answers as the same student.
LECTURE_ASK = Control(
    "lecture_ask", "questions.ask_mode", default=False, hideable=False
)
LECTURE_POLL = Control("lecture_poll", "polls.title", default="", hideable=False)
LECTURE_POLL_HOST = Control("lecture_host", "polls.title", default="", hideable=False)
LECTURE_VOTER = Control("lecture_voter", "polls.title", default="", hideable=False)
# Keys of the address that belong to one tab and stay out of the links it
# hands out ("Link to this view").
TAB_ONLY = (LECTURE_POLL_HOST.key, LECTURE_VOTER.key)
LECTURE_POLL_MINUTES = Control(
    "lecture_poll_minutes", "polls.minutes", default=2, options=(1, 2, 5, 10),
    hideable=False,
)  # fmt: skip

# Every control of the pages, in page order (the link picker's order).
REGISTRY: tuple[Control, ...] = (
    EXPLORER_C, EXPLORER_NAMES, *z_entries("explorer"), TEMPERATURE, EXPLORER_RESET,
    EXPLORER_RANDOMIZE, EXPLORER_PYTHON_VIEW, EXPLORER_OVERFLOW,
    EXPLORER_OVERFLOW_EXAMPLE,
    LOSS_SOURCE, LOSS_C, TRUE_CLASS, *z_entries("loss"), STEP_SIZE, TAKE_STEP,
    RESET_STEPS,
    TWO_CLASS_Z1, TWO_CLASS_Z2,
    DATASET, UPLOAD, TRAINING_C, EXAMPLES, SEED, TEST_SHARE, HIDDEN, ACTIVATION,
    LEARNING_RATE, ITERATIONS, L2, SNAPSHOT, EXAMPLE,
    LECTURE_STEP, DESCENT_STEP_COUNT, COLUMNS_SHOWN,
    HAND_POINTS,
)  # fmt: skip
BY_KEY: dict[str, Control] = {control.key: control for control in REGISTRY}
# What a classroom link may hide, in page order.
HIDEABLE: tuple[str, ...] = tuple(c.key for c in REGISTRY if c.hideable)
