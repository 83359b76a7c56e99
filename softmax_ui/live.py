"""The live view: bars and the step table that follow a slider while it moves.

Streamlit reruns a page when a slider is released, so a chart drawn in Python
jumps from value to value. The live view is a custom component (Streamlit's
v2 components API, its HTML, JavaScript and CSS inline: ``live.js`` and
``live.css`` beside this file) that redraws in the browser on every movement,
once per animation frame, with softmax computed in a few lines of JavaScript.
Python stays the source of truth:

- Each run passes in the sliders' values and the numbers ``softmax_core``
  computed from them; at rest the view shows exactly those.
- While one of the page's Streamlit sliders is dragged, the view follows its
  thumb (Streamlit updates the slider's ``aria-valuetext`` before it reruns).
- The view's own range inputs send their values back on release (or on a key
  press) as a trigger; :func:`_commit` writes them into the sliders'
  session-state keys before the page runs, so after the rerun the sliders, the
  link (``?explorer_z0=…``) and the view show the same values.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import partial

import numpy as np
import streamlit as st

from softmax_core import SoftmaxSteps, TwoClassOutputs

from .chrome import figure_sizes, presenter
from .classroom import hidden_keys
from .components import declare, payload
from .i18n import tr
from .state import TEMPERATURES, Z_RANGE, z_key
from .style import (
    FONT_FAMILY,
    HARDMAX_COLOUR,
    HIGHLIGHT,
    SOFTMAX_COLOUR,
    class_colour,
)
from .text import plain

_component = declare("softmax_live", "live")


@dataclass(frozen=True)
class Entry:
    """One value the view shows and can change: a z entry (or T, with options)."""

    key: str
    label: str
    aria: str
    value: float
    min: float
    max: float
    step: float
    decimals: int
    options: tuple[float, ...] | None = None

    def allowed(self, value: float) -> float:
        """``value`` brought onto the slider: clamped, on its step grid or options."""
        if self.options:
            return min(self.options, key=lambda option: abs(option - value))
        value = min(max(value, self.min), self.max)
        steps = round((value - self.min) / self.step)
        return round(self.min + steps * self.step, self.decimals)


def softmax_view(
    prefix: str,
    names: Sequence[str],
    z: np.ndarray,
    temperature: float,
    steps: SoftmaxSteps,
    soft: np.ndarray,
    hard: np.ndarray,
) -> None:
    """Live softmax and hardmax bars and the step table, with inputs for z and T."""
    # The page's names are escaped for plotly and Markdown ("&lt;b&gt;"); the
    # view sets text, not markup, so it gets them as typed.
    names = [plain(name) for name in names]
    entries = [
        Entry(
            key=z_key(prefix, k),
            label=name,
            aria=tr("live.drag_z", k=k, name=name),
            value=float(z[k]),
            min=Z_RANGE[0],
            max=Z_RANGE[1],
            step=0.1,
            decimals=1,
        )
        for k, name in enumerate(names)
    ]
    temp = Entry(
        key=f"{prefix}_temperature",
        label="T",
        aria=tr("live.drag_t"),
        value=float(temperature),
        min=TEMPERATURES[0],
        max=TEMPERATURES[-1],
        step=0.0,
        decimals=2,
        options=TEMPERATURES,
    )
    python = {
        "a": soft.tolist(),
        "hard": hard.tolist(),
        "t": steps.t.tolist(),
        "total": steps.total,
        "shift": steps.shift,
    }
    labels = {
        "title": tr("explorer.chart_title"),
        "softmax": tr("explorer.softmax_bar"),
        "hardmax": tr("explorer.hardmax_bar"),
        "steps": tr("explorer.steps"),
        "hardmax_column": tr("table.hardmax"),
        "temperature": tr("explorer.temperature"),
        "hint": tr("live.hint"),
    }
    _mount(f"{prefix}_live", "softmax", entries, temp, python, labels, inputs=True)


def two_class_view(
    prefix: str, z1: float, z2: float, steps: SoftmaxSteps, outputs: TwoClassOutputs
) -> None:
    """Live bars of the two softmax outputs, σ(z₁ − z₂) and their step table.

    It follows the page's two z sliders; it has no inputs of its own, since
    those sliders sit right above it.
    """
    entries = [
        Entry(
            key=f"{prefix}_z{k + 1}",
            label=tr(f"logistic.a{k + 1}"),
            aria=tr(f"logistic.a{k + 1}"),
            value=float(value),
            min=-10.0,
            max=10.0,
            step=0.01,
            decimals=2,
        )
        for k, value in enumerate((z1, z2))
    ]
    python = {
        "a": [float(outputs.softmax_1), float(outputs.softmax_2)],
        "t": steps.t.tolist(),
        "total": steps.total,
        "shift": steps.shift,
        "sigma": float(outputs.sigmoid_of_difference),
    }
    labels = {
        "title": tr("live.two_class_title"),
        "sigma": tr("logistic.sigma"),
        "hint": tr("live.hint_follow"),
    }
    _mount(f"{prefix}_live", "two_class", entries, None, python, labels, inputs=False)


def _mount(
    key: str,
    mode: str,
    entries: list[Entry],
    temperature: Entry | None,
    python: dict[str, object],
    labels: dict[str, str],
    *,
    inputs: bool,
) -> None:
    sz = figure_sizes()
    # A control hidden by a classroom link loses its input in the view too, and
    # a value sent for it anyway is not taken.
    every = [*entries, *([temperature] if temperature else [])]
    hidden_here = hidden_keys()
    hidden = [e.key for e in every if e.key in hidden_here]
    limits = {e.key: e for e in every if e.key not in hidden}
    _component(
        key=key,
        data=payload({
            "mode": mode,
            "inputs": inputs,
            "hidden": hidden,
            "entries": [asdict(e) for e in entries],
            "temperature": asdict(temperature) if temperature else None,
            "python": python,
            "labels": {
                "class": tr("table.class"),
                "t": tr("table.t"),
                "t_shifted": tr("table.t_shifted"),
                "a": tr("table.a"),
                "sum_t": tr("live.sum_t"),
                "shift_note": tr("explorer.shift_note", shift="{shift}"),
                **labels,
            },
            "colours": {
                "classes": [class_colour(k) for k in range(len(entries))],
                "softmax": SOFTMAX_COLOUR,
                "hardmax": HARDMAX_COLOUR,
                "highlight": HIGHLIGHT,
            },
            "sizes": asdict(sz),
            "presenter": presenter(),
            "font_family": FONT_FAMILY,
            "ack": st.session_state.get(_ack_key(key)),
        }),
        on_commit_change=partial(_commit, key, limits),
    )


def _ack_key(key: str) -> str:
    return f"_{key}_ack"


def _commit(key: str, limits: dict[str, Entry]) -> None:
    """Callback: the view sent released values; put them into the sliders' keys.

    It runs before the page, so the sliders are created with the new values
    (and write them to the link). The nonce goes back to the view in the next
    run's data, telling it that Python now has what it sent.
    """
    payload = (st.session_state.get(key) or {}).get("commit")
    if not isinstance(payload, dict):
        return
    values = payload.get("values")
    for name, value in (values if isinstance(values, dict) else {}).items():
        entry = limits.get(name)
        if entry is None or not isinstance(value, int | float):
            continue
        if math.isfinite(value):
            st.session_state[name] = entry.allowed(float(value))
    st.session_state[_ack_key(key)] = str(payload.get("nonce", ""))
