"""The loss of one example: L term by term, the curve −log p, dz[L] and steps on z.

Drawn by the loss page and the guided lecture's steps on the loss, the
likelihood and the gradient.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import streamlit as st

from softmax_core import DzCheck, loss_terms, output_gradient, softmax, step_on_z_frames

from .. import figures, step_figures, tables
from ..controls import Control
from ..frame import plot
from ..i18n import tr
from ..style import Sizes
from ..widgets import keep_choice_in_range, linked_choice


def true_class(control: Control, names: Sequence[str], *, linked: bool) -> int:
    """The true class, one of the ``names``; ``linked``, it is kept in the URL."""
    classes = range(len(names))

    def label(k: int) -> str:
        return f"{k}: {names[k]}"

    if linked:
        keep_choice_in_range(control.key, classes)
        return linked_choice(st.selectbox, control, classes, format_func=label)
    return st.selectbox(
        tr(control.label),
        classes,
        index=control.default,
        key=control.key,
        format_func=label,
    )


def terms(names: Sequence[str], y: np.ndarray, y_hat: np.ndarray) -> None:
    """y, ŷ and the loss's terms −y_j log ŷ_j, one row per class."""
    st.markdown(tr("loss.y_vector", y=", ".join(f"{v:.0f}" for v in y)))
    st.markdown(tr("loss.y_hat_vector", y_hat=", ".join(f"{v:.3f}" for v in y_hat)))
    st.table(
        tables.loss_terms_table(names, y, y_hat, loss_terms(y, y_hat)), hide_index=True
    )


def value(loss: float) -> None:
    """L, the loss of the example."""
    st.metric(tr("loss.value"), f"{loss:.3f}")


def true_term_note(y_hat: np.ndarray, true_class: int) -> None:
    """That only the true class's term is left: L = −log ŷ_true."""
    st.caption(
        tr("loss.only_true_term", j=true_class + 1, p=f"{y_hat[true_class]:.3f}")
    )


def curve(
    prefix: str, p_grid: np.ndarray, p_loss: np.ndarray, p_true: float, loss: float,
    sizes: Sizes, *, level_with: str = "",
) -> None:  # fmt: skip
    """The curve L = −log p, with the example's point on it."""
    figure = figures.loss_curve(
        p_grid, p_loss, p_true, loss, sizes, x_label=tr("loss.curve_x"),
        y_label=tr("loss.curve_y"), title=tr("loss.curve_title"), level_with=level_with,
    )  # fmt: skip
    plot(figure, key=f"{prefix}_curve")


def gradient_bars(
    prefix: str, names: Sequence[str], dz: np.ndarray, sizes: Sizes, *,
    level_with: str = "",
) -> None:  # fmt: skip
    """dz[L] = ŷ − y, one signed bar per class."""
    figure = figures.signed_bars(
        names, dz, sizes, title=tr("loss.dz_title"), level_with=level_with
    )
    plot(figure, key=f"{prefix}_dz")


def descent_trace(
    prefix: str, losses: Sequence[float], p_true: Sequence[float], true_name: str,
    sizes: Sizes, *, level_with: str = "",
) -> None:  # fmt: skip
    """L and the true class's probability over the gradient steps on z."""
    figure = figures.descent_trace(
        losses, p_true, sizes, loss_label=tr("loss.trace_loss"),
        p_label=tr("loss.trace_p", name=true_name), x_label=tr("loss.trace_x"),
        title=tr("loss.trace_title"), level_with=level_with,
    )  # fmt: skip
    plot(figure, key=f"{prefix}_trace")


def gradient_check(names: Sequence[str], check: DzCheck) -> None:
    """dz[L] from the formula beside its finite-difference estimate."""
    st.table(tables.dz_check_table(names, check), hide_index=True)


def step_on_z(
    prefix: str, names: Sequence[str], y: np.ndarray, z: np.ndarray, *,
    step_size: float, sizes: Sizes,
) -> None:  # fmt: skip
    """dz[L] = ŷ − y as an arrow on each entry of z[L], and the step played.

    Each z_j gets an arrow to z_j − α dz_j; the play button moves the logits
    along them in 13 frames while ŷ = softmax(z) follows. The true class's
    dz is ŷ_true − 1 < 0, so its logit rises; every other dz_j = ŷ_j > 0
    pushes its logit down.
    """
    z_frames, y_hat_frames = step_on_z_frames(
        y, z=z, step_size=step_size, frames=13
    )
    dz = output_gradient(y, y_hat=softmax(z))
    true_class = int(np.argmax(y))
    figure = step_figures.step_on_z(
        names, z_frames, y_hat_frames, dz, true_class, sizes,
        title=tr("dz_arrows.title", alpha=f"{step_size:g}"),
        z_title=tr("dz_arrows.z_title"), y_hat_title=tr("dz_arrows.y_hat_title"),
        play=tr("dz_arrows.play"),
    )  # fmt: skip
    plot(figure, key=f"{prefix}_step_on_z")
    st.caption(
        tr(
            "dz_arrows.caption",
            alpha=f"{step_size:g}",
            name=names[true_class],
            dz=f"{dz[true_class]:+.2f}",
        )
    )
