"""Tables (pandas DataFrames) of values the core computed, with translated headers."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from softmax_core import DzCheck, SoftmaxSteps

from .i18n import tr


def _number(value: float) -> str:
    # Four significant digits, scientific where fixed notation would hide them.
    return f"{value:.4g}" if 1e-4 <= abs(value) < 1e6 or value == 0 else f"{value:.3e}"


def step_table(
    names: Sequence[str], steps: SoftmaxSteps, hard: np.ndarray
) -> pd.DataFrame:
    """The lecture's steps per class: z, t = e^z, a = t / Σt and hardmax."""
    t_header = tr("table.t_shifted") if steps.shifted else tr("table.t")
    return pd.DataFrame(
        {
            tr("table.class"): list(names),
            "z": [f"{v:.1f}" for v in steps.z],
            t_header: [_number(v) for v in steps.t],
            tr("table.a"): [f"{v:.3f}" for v in steps.a],
            tr("table.hardmax"): [f"{v:.0f}" for v in hard],
        }
    )


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
