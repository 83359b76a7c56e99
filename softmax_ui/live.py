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

from softmax_core import EXP_OVERFLOW, SoftmaxSteps, TwoClassOutputs

from . import controls
from .classroom import hidden_keys
from .components import declare, payload
from .controls import Control
from .frame import figure_sizes, presenter
from .i18n import tr
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
    """One value the view shows and can change: a z entry (or T, with options).

    Its range, step and options are its control's (:meth:`of`), sent to the
    JavaScript as they are.
    """

    key: str
    label: str
    aria: str
    value: float
    min: float
    max: float
    step: float
    decimals: int
    options: tuple[float, ...] | None
    control: Control

    @classmethod
    def of(cls, control: Control, *, label: str, aria: str, value: float) -> Entry:
        """The entry for ``control`` (its key, range, step, decimals, options)."""
        options = control.options
        return cls(
            key=control.key,
            label=label,
            aria=aria,
            value=float(value),
            min=min(options) if options else control.low,
            max=max(options) if options else control.high,
            step=0.0 if options else control.step,
            decimals=control.decimals,
            options=options,
            control=control,
        )

    def sent(self) -> dict[str, object]:
        """What the JavaScript is given: every field but the control."""
        return {k: v for k, v in asdict(self).items() if k != "control"}


def softmax_view(
    prefix: str,
    names: Sequence[str],
    z: np.ndarray,
    temperature: float,
    table: SoftmaxSteps,
    soft: np.ndarray,
    hard: np.ndarray,
    *,
    wide: bool = False,
) -> None:
    """Live softmax and hardmax bars and the step table, with inputs for z and T.

    ``wide``: the z inputs reach ±1000, as the page's sliders do while "why
    subtract max z" is on; a released value is brought into that range.
    """
    # The page's names are escaped for plotly and Markdown ("&lt;b&gt;"); the
    # view sets text, not markup, so it gets them as typed.
    names = [plain(name) for name in names]
    entries = [
        Entry.of(
            controls.z_entry(prefix, k, wide=wide),
            label=name,
            aria=tr("live.drag_z", k=k, name=name),
            value=z[k],
        )
        for k, name in enumerate(names)
    ]
    temp = Entry.of(
        controls.TEMPERATURE.on(prefix),
        label="T",
        aria=tr("live.drag_t"),
        value=temperature,
    )
    computed = {
        "a": soft.tolist(),
        "hard": hard.tolist(),
        "t": table.t.tolist(),
        "total": table.total,
        "shift": table.shift,
    }
    labels = {
        "title": tr("explorer.chart_title"),
        "softmax": tr("explorer.softmax_bar"),
        "hardmax": tr("explorer.hardmax_bar"),
        "steps": tr("explorer.steps"),
        "hardmax_column": tr("table.hardmax"),
        "temperature": tr("explorer.temperature"),
        "hint": tr("live.hint"),
        "overflows": tr("overflow.marked"),
    }
    _mount(f"{prefix}_live", "softmax", entries, temp, computed, labels, inputs=True)


def two_class_view(
    prefix: str, z1: float, z2: float, table: SoftmaxSteps, outputs: TwoClassOutputs
) -> None:
    """Live bars of the two softmax outputs, σ(z₁ − z₂) and their step table.

    It follows the page's two z sliders; it has no inputs of its own, since
    those sliders sit right above it.
    """
    entries = [
        Entry.of(
            control.on(prefix),
            label=tr(f"logistic.a{k + 1}"),
            aria=tr(f"logistic.a{k + 1}"),
            value=value,
        )
        for k, (control, value) in enumerate(
            ((controls.TWO_CLASS_Z1, z1), (controls.TWO_CLASS_Z2, z2))
        )
    ]
    computed = {
        "a": [float(outputs.softmax_1), float(outputs.softmax_2)],
        "t": table.t.tolist(),
        "total": table.total,
        "shift": table.shift,
        "sigma": float(outputs.sigmoid_of_difference),
    }
    labels = {
        "title": tr("live.two_class_title"),
        "sigma": tr("logistic.sigma"),
        "hint": tr("live.hint_follow"),
    }
    _mount(f"{prefix}_live", "two_class", entries, None, computed, labels, inputs=False)


def _mount(
    key: str,
    mode: str,
    entries: list[Entry],
    temperature: Entry | None,
    computed: dict[str, object],
    labels: dict[str, str],
    *,
    inputs: bool,
) -> None:
    sizes = figure_sizes()
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
            "entries": [e.sent() for e in entries],
            "temperature": temperature.sent() if temperature else None,
            "python": computed,  # what Python computed: the view at rest
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
            "sizes": asdict(sizes),
            "presenter": presenter(),
            # Where e^(z/T) overflows float64: the table marks those entries.
            "overflow_limit": EXP_OVERFLOW[np.dtype(np.float64)],
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
            st.session_state[name] = entry.control.nearest(float(value))
    st.session_state[_ack_key(key)] = str(payload.get("nonce", ""))
