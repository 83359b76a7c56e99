"""Tables (pandas DataFrames) of values the core computed, with translated headers."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from softmax_core import EXP_OVERFLOW, DzCheck, SoftmaxSteps

from .i18n import tr


def _number(value: float) -> str:
    # Four significant digits, scientific where fixed notation would hide them.
    return f"{value:.4g}" if 1e-4 <= abs(value) < 1e6 or value == 0 else f"{value:.3e}"


WARNING = "⚠"


def _marked(value: float, overflows: bool) -> str:
    return f"{WARNING} {_number(value)}" if overflows else _number(value)


def step_table(
    names: Sequence[str],
    steps: SoftmaxSteps,
    hard: np.ndarray,
    *,
    temperature: float = 1.0,
) -> pd.DataFrame:
    """The lecture's steps per class: z, t = e^z, a = t / Σt and hardmax.

    An entry whose e^(z/T) would overflow float64 is marked ⚠: its t is shown
    only because the table shifted every z (see the shift note).
    """
    t_header = tr("table.t_shifted") if steps.shifted else tr("table.t")
    overflows = steps.z / temperature > EXP_OVERFLOW[np.dtype(np.float64)]
    return pd.DataFrame(
        {
            tr("table.class"): list(names),
            "z": [f"{v:.1f}" for v in steps.z],
            t_header: [_marked(v, o) for v, o in zip(steps.t, overflows, strict=True)],
            tr("table.a"): [f"{v:.3f}" for v in steps.a],
            tr("table.hardmax"): [f"{v:.0f}" for v in hard],
        }
    )


def _naive(value: float) -> str:
    # numpy's own words for what overflowed: inf, and NaN for inf / inf.
    if np.isnan(value):
        return f"{WARNING} NaN"
    if np.isinf(value):
        return f"{WARNING} inf"
    return _number(value)


def overflow_table(
    names: Sequence[str],
    shifted: SoftmaxSteps,
    naive64: SoftmaxSteps,
    naive32: SoftmaxSteps,
    *,
    temperature: float = 1.0,
) -> pd.DataFrame:
    """e^z and a computed naively in float64 and float32 beside the shifted steps.

    One row per class, then a row Σ with Σt (and Σa). What overflowed is
    marked ⚠ and written as numpy gives it: ``inf``, ``NaN``. With T ≠ 1 the
    steps were computed from z/T, and the first column says so.
    """

    def total(steps: SoftmaxSteps) -> str:
        value = float(np.sum(steps.a))
        return f"{value:.3f}" if np.isfinite(value) else _naive(value)

    rows = {
        tr("table.class"): [*names, "Σ"],
        "z" if temperature == 1.0 else "z/T": [*(f"{v:.1f}" for v in shifted.z), ""],
    }
    for label, steps in (
        (tr("overflow.float64"), naive64),
        (tr("overflow.float32"), naive32),
    ):
        rows[f"e^z ({label})"] = [*map(_naive, steps.t), _naive(steps.total)]
        rows[f"a ({label})"] = [
            *(_naive(v) if not np.isfinite(v) else f"{v:.3f}" for v in steps.a),
            total(steps),
        ]
    rows["z − max z"] = [*(f"{v:.1f}" for v in shifted.z - shifted.shift), ""]
    rows["e^(z − max z)"] = [*map(_number, shifted.t), _number(shifted.total)]
    rows[f"a ({tr('overflow.shifted')})"] = [
        *(f"{v:.3f}" for v in shifted.a),
        total(shifted),
    ]
    return pd.DataFrame(rows)


def loss_terms_table(
    names: Sequence[str], y: np.ndarray, y_hat: np.ndarray, terms: np.ndarray
) -> pd.DataFrame:
    """L = −Σ y_j log ŷ_j term by term (the y_j = 0 terms are 0)."""
    return pd.DataFrame(
        {
            tr("table.class"): list(names),
            "y_j": [f"{v:.0f}" for v in y],
            "ŷ_j": [f"{v:.3f}" for v in y_hat],
            tr("table.term"): [f"{v:.3f}" for v in terms],
        }
    )


def dz_check_table(names: Sequence[str], check: DzCheck) -> pd.DataFrame:
    """dz from the formula ŷ − y beside the finite-difference derivative ∂L/∂z."""
    return pd.DataFrame(
        {
            tr("table.class"): list(names),
            tr("table.dz_formula"): [f"{v:+.6f}" for v in check.formula],
            tr("table.dz_numeric"): [f"{v:+.6f}" for v in check.numerical],
            tr("table.difference"): [f"{v:.1e}" for v in check.differences],
        }
    )


def history_frame(
    costs: np.ndarray,
    accuracies: np.ndarray,
    test_costs: np.ndarray | None = None,
    test_accuracies: np.ndarray | None = None,
) -> pd.DataFrame:
    """The J and accuracy history, one row per iteration, for the CSV download.

    With a held-out test set, its J and accuracy are two more columns.
    """
    frame = pd.DataFrame(
        {"iteration": np.arange(len(costs)), "cost_J": costs, "accuracy": accuracies}
    )
    if test_costs is not None and len(test_costs):
        frame["test_cost_J"] = test_costs
        frame["test_accuracy"] = test_accuracies
    return frame
