"""Reading what a page shows under ``AppTest``: metrics, tables and plotly figures.

Every number a test checks is read from the rendered page (a metric's text, a
cell of an ``st.table``, the data of a plotly figure), never from the core.
Labels and headers are looked up in the English catalog, because that is the
text the page shows.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import numpy as np
from streamlit.testing.v1 import AppTest

from softmax_ui.locales.en import STRINGS as EN

APP = Path(__file__).resolve().parents[2] / "app.py"
TIMEOUT = 30


def open_page(page: str, query_params: dict[str, str] | None = None) -> AppTest:
    """Run ``app.py``, then switch to ``pages/<page>.py`` through its navigation."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params.update(query_params or {})
    at.run()
    assert_no_exception(at)
    at.switch_page(f"pages/{page}.py").run()
    assert_no_exception(at)
    return at


def assert_no_exception(at: AppTest) -> None:
    """Fail with the page's own traceback when the last run raised."""
    messages = [e.message + "\n" + "\n".join(e.stack_trace) for e in at.exception]
    assert not messages, "\n\n".join(messages)


def set_widget(at: AppTest, key: str, value: Any) -> AppTest:
    """Set the widget with ``key`` (any type) and rerun the app."""
    at.get_by_key(key).set_value(value)
    at.run()
    assert_no_exception(at)
    return at


def click(at: AppTest, label_key: str) -> AppTest:
    """Click the button labelled with the English string ``label_key`` and rerun."""
    buttons = [b for b in at.button if b.label == EN[label_key]]
    assert len(buttons) == 1, f"expected one button {EN[label_key]!r}"
    buttons[0].click().run()
    assert_no_exception(at)
    return at


def metric(at: AppTest, label: str) -> str:
    """The text of the one metric labelled ``label``."""
    values = [m.value for m in at.metric if m.label == label]
    assert len(values) == 1, f"expected one metric {label!r}, got {at.metric}"
    return values[0]


def metric_number(at: AppTest, label: str) -> float:
    """A metric's text as a number; ``"98.7%"`` reads as 0.987."""
    text = metric(at, label).strip()
    return float(text[:-1]) / 100 if text.endswith("%") else float(text)


def figure(at: AppTest, key: str) -> dict:
    """The plotly figure JSON of the ``st.plotly_chart`` with ``key``.

    AppTest has no class for plotly charts; the element is an ``UnknownElement``
    whose proto (``PlotlyChart``) carries the figure as a JSON string in ``spec``.
    """
    charts = [c for c in at.get("plotly_chart") if c.key == key]
    assert len(charts) == 1, f"expected one plotly chart {key!r}"
    return json.loads(charts[0].proto.spec)


def trace(fig: dict, name: str) -> dict:
    """The one trace of ``fig`` called ``name``."""
    traces = [t for t in fig["data"] if t.get("name") == name]
    assert len(traces) == 1, f"expected one trace {name!r}"
    return traces[0]


def values(data: Any) -> np.ndarray:
    """A trace's x, y or z as an array.

    Plotly 6 writes numeric arrays as typed arrays, ``{"dtype": "f8", "bdata":
    <base64>, "shape": "r, c"}``; lists stay lists.
    """
    if isinstance(data, dict) and "bdata" in data:
        array = np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"])
        shape = data.get("shape")
        if shape:
            array = array.reshape([int(n) for n in str(shape).split(",")])
        return array.astype(np.float64)
    return np.asarray(data)


def column(at: AppTest, table_index: int, header: str) -> list[str]:
    """The cells of one column of an ``st.table`` as the page shows them."""
    frame = at.table[table_index].value
    return [str(v) for v in frame[header]]


def shown_costs(at: AppTest, curve: str = "training.cost_axis") -> np.ndarray:
    """J at every iteration, from the training page's cost curve.

    ``curve`` is the catalog key of the line's name: ``"training.cost_axis"``
    for the training set, ``"training.test_cost_axis"`` for the test set.
    """
    return values(trace(figure(at, "training_cost"), EN[curve])["y"])


def shown_iteration(at: AppTest) -> int:
    """The iteration the training page's scrubber is on."""
    return int(at.get_by_key("training_iteration").value)


def j_now(at: AppTest) -> float:
    """The training page's metric of J at the iteration it shows."""
    label = EN["training.cost_now"].format(it=shown_iteration(at))
    shown = {float(m.value) for m in at.metric if m.label == label}
    assert len(shown) == 1, f"expected the metric {label!r}"
    return shown.pop()
