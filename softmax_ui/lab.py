"""The live lab: a training run played back in the browser, and points placed by hand.

Python trains once (:func:`softmax_ui.runs.training_run`, cached) and hands
the browser the run: W and b at the recorded iterations (float32, base64, at
most :data:`runs.LAB_VALUES` numbers in all), J and the accuracies at every
iteration, and the examples. The component (``lab.js``, ``lab.css``, inline
as in :mod:`softmax_ui.live`) plays it: the decision regions are a forward pass
over a grid in JavaScript (in a Web Worker), drawn on a canvas with the J curve,
the metrics and a small Ŷ, all at the player's iteration, with no Python run
per frame.

On the training page the plane takes points by hand: the component sends the
edited list back (a trigger with a nonce, as the live view's), :func:`_edited`
stores it under :data:`hand_points.KEY` before the page runs, and the page
trains on it from iteration 0 and writes the key into the link.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Sequence
from dataclasses import asdict
from functools import partial

import numpy as np
import streamlit as st

from softmax_core import TrainingHistory
from softmax_core.regions import plane_grid

from . import hand_points, runs
from .components import declare, payload
from .frame import figure_sizes, presenter
from .i18n import tr
from .style import FONT_FAMILY, HIGHLIGHT, TEST_COLOUR, class_colour
from .text import as_typed, plain
from .training_data import Data

_component = declare("softmax_lab", "lab")
GRID_POINTS = 120  # the regions' grid, as the static regions' (runs.regions_at)
SHOWN_EXAMPLES = 8  # the columns of the small Ŷ
SPEEDS = (1, 3, 10, 30, 100, 300, 1000)  # iterations a second
PLAY_SECONDS = 8  # the default speed plays a run in about this long


def _b64(values: np.ndarray) -> dict[str, str]:
    """float32 numbers as plotly writes a typed array: ``{"dtype", "bdata"}``."""
    raw = np.ascontiguousarray(values, dtype="<f4").tobytes()
    return {"dtype": "f4", "bdata": base64.b64encode(raw).decode()}


@st.cache_data(max_entries=64, show_spinner=False)
def _encoded_run(data: Data, settings: runs.TrainingSettings) -> dict[str, object]:
    """The run of ``training_run(data, settings)`` as the component takes it."""
    history = runs.training_run(data, settings)
    return encode(history, data.X.shape[0])


def encode(history: TrainingHistory, n: int) -> dict[str, object]:
    """W and b at the snapshots (within :data:`runs.LAB_VALUES`), J and accuracies.

    Each snapshot is W1 (row by row), b1, then W2 and b2 with a hidden layer,
    one after the other in one float32 array.
    """
    iterations = sorted(history.snapshots)
    first = history.snapshots[iterations[0]]
    per = sum(a.size for a in first.arrays().values())
    fits = max(2, runs.LAB_VALUES // max(per, 1))
    if len(iterations) > fits:  # keep the first and last, evenly between
        keep = np.unique(np.linspace(0, len(iterations) - 1, fits).round().astype(int))
        iterations = [iterations[i] for i in keep]
    values = np.concatenate([
        np.concatenate([a.ravel() for a in history.snapshots[it].arrays().values()])
        for it in iterations
    ])  # fmt: skip
    tested = history.test_costs.size > 0
    return {
        "snapshots": iterations,
        "params": _b64(values),
        "n": n,
        "hidden": first.hidden_units,
        "classes": first.num_classes,
        "activation": first.activation,
        "iterations": history.iterations_done,
        "costs": _b64(history.costs),
        "accuracies": _b64(history.accuracies),
        "test_costs": _b64(history.test_costs) if tested else None,
        "test_accuracies": _b64(history.test_accuracies) if tested else None,
        "diverged": bool(history.diverged),
        "run_id": uuid.uuid4().hex,  # new for every run trained, not for a replay
    }


def _points(data: Data | None) -> dict[str, object] | None:
    if data is None or data.X.shape[1] == 0:
        return None
    return {
        "X": _b64(data.X[:2] if data.X.shape[0] >= 2 else data.X),
        "labels": data.labels.astype(int).tolist(),
    }


def _point_of(data: Data, k: int | None) -> list[float] | None:
    """Where example ``k`` of ``data`` is on the plane, or None."""
    if k is None or data.X.shape[0] != 2 or not 0 <= k < data.X.shape[1]:
        return None
    return [float(data.X[0, k]), float(data.X[1, k])]


def _hand_start(data: Data) -> list[list[float]]:
    """The points the hand editing starts from: the data's, at most 500 of them."""
    m = data.X.shape[1]
    picked = np.arange(m)
    if m > hand_points.MAX_POINTS:
        picked = np.unique(np.linspace(0, m - 1, hand_points.MAX_POINTS).astype(int))
    return [
        [int(data.labels[i]), round(float(data.X[0, i]), 2),
         round(float(data.X[1, i]), 2)]
        for i in picked
    ]  # fmt: skip


def training_lab(
    history: TrainingHistory | None,
    data: Data,
    settings: runs.TrainingSettings,
    names: Sequence[str],
    *,
    key: str,
    train_set: Data | None = None,
    test_set: Data | None = None,
    plane: Data | None = None,
    editable: bool = False,
    hand: bool = False,
    highlight: int | None = None,
    diverged_at: int | None = None,
    compact: bool = False,
) -> None:
    """The lab of a run: play, pause, step, speed, rewind, regions, J, Ŷ.

    Parameters
    ----------
    history : TrainingHistory or None
        ``runs.training_run(data, settings)``; None for no run (an empty plane).
    data : Data
        The examples trained on and held out (the regions' grid spans them).
    settings : TrainingSettings
        The run's settings (its cache key).
    names : sequence of str
        The class names.
    key : str
        The component's key.
    train_set, test_set : Data, optional
        The examples drawn as trained on and as held out.
    plane : Data, optional
        What else the plane must span (the data set under points by hand), so
        it stays put while points come and go.
    editable : bool
        Whether points can be placed by hand.
    hand : bool
        Whether ``data`` are points placed by hand.
    highlight : int, optional
        An example to ring on the plane: its column in ``data``.
    diverged_at : int, optional
        An iteration to mark on the J curve.
    compact : bool
        The guided lecture's form: the plane and the curve, no Ŷ, no editing.
    """
    sizes = figure_sizes()
    count = settings.num_classes
    two_d = data.X.shape[0] == 2
    spans = [d.X for d in (data, plane) if d is not None and d.X.shape[1] and
             d.X.shape[0] == 2]  # fmt: skip
    if spans:
        xs, ys = plane_grid(np.concatenate(spans, axis=1), GRID_POINTS)
    else:
        xs = ys = np.linspace(-3.3, 3.3, GRID_POINTS)
    run = None
    if history is not None:
        run = _encoded_run(data, settings)
    iterations = history.iterations_done if history is not None else 0
    wanted = max(iterations, 1) / PLAY_SECONDS
    default_speed = min(SPEEDS, key=lambda s: abs(s - wanted))
    shown = min(SHOWN_EXAMPLES, data.X.shape[1])
    train_set = train_set if train_set is not None else data
    _component(
        key=key,
        data=payload({
            "run": run,
            "plane": two_d,
            "grid": [float(xs[0]), float(xs[-1]), float(ys[0]), float(ys[-1]),
                     GRID_POINTS],
            "train": _points(train_set),
            "test": _points(test_set),
            "shown": {
                "X": data.X[:, :shown].T.astype(float).round(6).tolist(),
                "labels": data.labels[:shown].astype(int).tolist(),
            },
            "names": [plain(name) for name in names],
            "count": count,
            "axes": [plain(name) for name in data.feature_names[:2]],
            "colours": {
                "classes": [class_colour(k) for k in range(count)],
                "test": TEST_COLOUR,
                "highlight": HIGHLIGHT,
            },
            "speeds": list(SPEEDS),
            "speed": default_speed,
            "highlight": _point_of(data, highlight),
            "diverged_at": diverged_at,
            "compact": compact,
            "editable": editable and two_d,
            "hand": hand,
            "hand_start": _hand_start(data) if editable and two_d else [],
            "max_points": hand_points.MAX_POINTS,
            "labels": _labels(),
            "sizes": asdict(sizes),
            "presenter": presenter(),
            "font_family": FONT_FAMILY,
            "ack": st.session_state.get(_ack_key(key)),
        }),
        on_points_change=partial(_edited, key),
    )


def _labels() -> dict[str, str]:
    return {
        part: tr(f"lab.{part}")
        for part in (
            "play", "pause", "rewind", "step", "speed", "speed_unit", "iteration_of",
            "shading", "softmax", "hardmax", "cost", "accuracy", "test_cost",
            "test_accuracy", "iteration_axis", "y_hat", "example", "regions",
            "curve", "diverged", "add_class", "clear", "back", "edit_hint",
            "point_count", "too_many", "no_plane", "no_run", "highlight",
        )
    }


def _ack_key(key: str) -> str:
    return f"_{key}_ack"


def _edited(key: str) -> None:
    """Callback: the lab sent the points placed by hand; keep them for the page.

    ``None`` for points means back to the data set. The nonce goes back to the
    lab with the next run, telling it the page now trains on what it sent.
    """
    sent = (st.session_state.get(key) or {}).get("points")
    if not isinstance(sent, dict):
        return
    st.session_state[_ack_key(key)] = str(sent.get("nonce", ""))
    if sent.get("points") is None:
        st.session_state[hand_points.KEY] = None
        return
    parsed = hand_points.from_sent(sent.get("points"))
    if parsed is not None:
        st.session_state[hand_points.KEY] = hand_points.serialize(*parsed)


def current_hand_points() -> tuple[hand_points.HandPoints | None, str | None]:
    """The points placed by hand (None for the data set) and the link's raw value.

    Read from the session, or from the link on a session's first run; the
    link is kept in step with them (the key written, or removed).
    """
    key = hand_points.KEY
    raw = None
    if key not in st.session_state:
        raw = st.query_params.get(key)
        st.session_state[key] = raw
    text = st.session_state[key]
    if text is None:
        if key in st.query_params:
            del st.query_params[key]
        return None, raw
    parsed = hand_points.parse(text)
    canonical = hand_points.serialize(parsed.X, parsed.labels)
    st.session_state[key] = canonical
    if st.query_params.get(key) != canonical:
        st.query_params[key] = canonical
    return parsed, raw


def hand_data(points: hand_points.HandPoints, count: int) -> tuple[Data, list[str]]:
    """Points by hand as training data for C = ``count``, and notes on them.

    Points of a class beyond C − 1 are left out of training (kept in the
    link); the notes say so, and name the link's parts that were refused.
    """
    inside = points.labels < count
    data = Data(points.X[:, inside], points.labels[inside], None, ("x₁", "x₂"),
                standardized=False)  # fmt: skip
    notes = [tr("lab.hand_active", m=data.X.shape[1])]
    if points.refused:
        shown = ", ".join(f"“{as_typed(part)}”" for part in points.refused[:5])
        notes.append(tr("lab.hand_refused",
                        parts=shown + " …" * (len(points.refused) > 5)))  # fmt: skip
    if points.dropped:
        notes.append(tr("lab.hand_dropped", count=points.dropped))
    beyond = int((~inside).sum())
    if beyond:
        notes.append(tr("lab.hand_beyond_c", count=beyond, C=count))
    if data.X.shape[1] and len(set(data.labels.tolist())) == 1:
        notes.append(tr("lab.hand_one_class"))
    return data, notes
