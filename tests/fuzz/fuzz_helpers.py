"""Driving the app with random inputs under ``AppTest``, and reading what it shows.

The fuzz tests open every page through ``app.py``'s navigation, give its
widgets random values (extremes included), and check what a student would
see: no exception, and no NaN or infinity in a metric, a table, a line of
text or the data of a plotly figure.

Widgets are found on the rendered page, not listed by hand, so a page that
gains or loses a widget is fuzzed as it is. A radio or select box shows
labels, not values; the values behind them come from ``CHOICES`` or, for a
widget not listed there, from whichever of its option indexes or labels its
``format_func`` maps onto a shown label.
"""

from __future__ import annotations

import base64
import json
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Widget

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
PAGES = sorted(path.stem for path in (ROOT / "pages").glob("*.py"))
TIMEOUT = 120

# The values behind the labels of the radios and select boxes.
CHOICES: dict[str, tuple[Any, ...]] = {
    "lang": ("en", "zh-TW"),
    "loss_source": ("lecture", "logits"),
    "training_dataset": ("blobs", "spirals"),
    "training_activation": ("tanh", "relu"),
}
# Typed into text inputs: blanks, separators only, markup, very long, scripts.
HOSTILE_TEXT = (
    "",
    " ",
    ",,,,,,,,,,",
    "a,a,a,a",
    "<b>bold</b>, <i>x</i>",
    '<a href="https://example.com">x</a>',
    "![](http://example.com/a.png), [y](http://example.com)",
    "猫, 狗, 小雞, 其他",
    "é" * 30 + "," + "x" * 500,
    "nan, inf, -inf, NaN",
    "$x$, **b**, `c`, :red[d]",
    "\u202e\u200b\x00\t",
)
# A word "nan", "inf" or "infinity" (any case) that is not part of a longer word.
NOT_A_NUMBER = re.compile(r"(?<![A-Za-z])(nan|inf|infinity|-inf)(?![A-Za-z])", re.I)
# Shown on purpose by the explorer's "why subtract max z": a naive e^z that
# overflowed, marked ⚠ in its table ("⚠ inf", "⚠ NaN"). An unmarked NaN or inf
# anywhere, the explorer's included, is still a finding.
MARKED_OVERFLOW = re.compile(r"⚠ (inf|NaN)")


def _overflow_explanations() -> set[str]:
    """The sentence under that table, which names inf and NaN, in each language."""
    from softmax_core import EXP_OVERFLOW
    from softmax_ui.i18n import CATALOGS

    limits = {
        "f64": f"{EXP_OVERFLOW[np.dtype(np.float64)]:.2f}",
        "f32": f"{EXP_OVERFLOW[np.dtype(np.float32)]:.2f}",
    }
    return {
        strings["overflow.explain"].format(**limits) for strings in CATALOGS.values()
    }


# --- Opening the app -----------------------------------------------------------


def open_page(page: str, query_params: dict[str, Any] | None = None) -> AppTest:
    """Run ``app.py``, then switch to ``pages/<page>.py`` through its navigation."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params.update(query_params or {})
    run(at)
    return run(at.switch_page(f"pages/{page}.py"))


def open_by_link(page: str, query_params: dict[str, Any]) -> AppTest:
    """A session whose first request is ``/<page>?…`` (a link), not the home page."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params.update(query_params)
    return run(at.switch_page(f"pages/{page}.py"))


def run(at: AppTest) -> AppTest:
    """Run the app once and fail with the page's own traceback if it raised."""
    at.run()
    assert_no_exception(at)
    LANGUAGE_BETWEEN_RUNS["lang"] = _session_value(at, "lang", "en")
    return at


# AppTest formats a radio's value with the page's format_func between runs,
# outside the script, where tr() sees no session state and answers in
# English. The conftest makes tr() answer there in the language of the last run.
LANGUAGE_BETWEEN_RUNS = {"lang": "en"}


def _session_value(at: AppTest, key: str, default: Any) -> Any:
    try:
        return at.session_state[key]
    except KeyError:
        return default


def assert_no_exception(at: AppTest) -> None:
    messages = [e.message + "\n" + "\n".join(e.stack_trace) for e in at.exception]
    assert not messages, "\n\n".join(messages)


# --- Random widget values --------------------------------------------------------


def widgets(at: AppTest) -> list[Widget]:
    """Every widget on the page and in the sidebar that a user could change."""
    kinds = (
        "slider select_slider number_input radio selectbox text_input toggle checkbox"
    ).split()
    found = [w for kind in kinds for w in at.get(kind)]
    return [w for w in found if not getattr(w.proto, "disabled", False)]


def buttons(at: AppTest) -> list[Widget]:
    return [b for b in at.get("button") if not b.proto.disabled]


def _number(text: str) -> int | float:
    return float(text) if re.search(r"[.eEn]", text) else int(text)


def option_values(widget: Widget) -> list[Any]:
    """The values a radio or select box can take, as its script passes them."""
    shown = list(widget.options)
    candidates = CHOICES.get(widget.key or "") or [*range(len(shown)), *shown]
    formatted = []
    for value in candidates:
        try:
            if str(widget.format_func(value)) in shown:
                formatted.append(value)
        except (KeyError, IndexError, TypeError, ValueError):
            continue
    return formatted


def random_value(widget: Widget, rng: np.random.Generator, extreme: float) -> Any:
    """A random value for ``widget``: an end of its range with probability
    ``extreme``, else anywhere on its grid."""
    kind = widget.type
    at_an_end = rng.random() < extreme
    if kind in ("slider", "number_input"):
        low, high, step = widget.min, widget.max, widget.step or 1
        if low is None or high is None:
            low, high = -1e6, 1e6
        if at_an_end:
            value = low if rng.random() < 0.5 else high
        else:
            value = low + step * int(rng.integers(0, int((high - low) / step) + 1))
            value = min(max(value, low), high)
        integer = widget.proto.data_type == 0  # INT, for sliders and number inputs
        return int(round(value)) if integer else round(float(value), 6)
    if kind == "select_slider":
        options = [_number(text) for text in widget.options]
        if at_an_end:
            return options[0] if rng.random() < 0.5 else options[-1]
        return options[int(rng.integers(len(options)))]
    if kind in ("radio", "selectbox"):
        values = option_values(widget)
        return values[int(rng.integers(len(values)))] if values else widget.value
    if kind in ("toggle", "checkbox"):
        return bool(rng.random() < 0.5)
    if kind == "text_input":
        return HOSTILE_TEXT[int(rng.integers(len(HOSTILE_TEXT)))]
    raise AssertionError(f"no random values for a {kind}")


def shake(
    at: AppTest,
    rng: np.random.Generator,
    *,
    share: float = 0.6,
    extreme: float = 0.35,
    click: float = 0.25,
    fixed: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Give about ``share`` of the widgets a random value, maybe click a button,
    then run once. ``fixed`` values win over random ones. Returns what was set.
    """
    chosen: dict[str, Any] = {}
    for widget in widgets(at):
        name = widget.key or widget.label
        if name in (fixed or {}):
            value = fixed[name]
        elif rng.random() < share:
            value = random_value(widget, rng, extreme)
        else:
            continue
        widget.set_value(value)
        chosen[name] = value
    available = buttons(at)
    if available and rng.random() < click:
        button = available[int(rng.integers(len(available)))]
        button.click()
        chosen[f"click {button.label}"] = True
    run(at)
    return chosen


# --- What the page shows -----------------------------------------------------------


def texts(at: AppTest) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of text on the page that may show a number
    (not the source code and formulas of "Show the math")."""
    for kind in (
        "markdown caption text title header subheader info warning error success toast"
    ).split():
        for element in at.get(kind):
            yield kind, str(element.value)
    for m in at.metric:
        yield f"metric {m.label!r}", f"{m.value} {m.delta or ''}"
    for k, table in enumerate(at.table):
        for column, cells in table.value.items():
            yield f"table {k} column {column!r}", " ".join(str(c) for c in cells)
        yield f"table {k} header", " ".join(str(c) for c in table.value.columns)


def figures(at: AppTest) -> dict[str, dict]:
    """The plotly figure JSON of every ``st.plotly_chart``, by key."""
    return {
        chart.key or f"chart {k}": json.loads(chart.proto.spec)
        for k, chart in enumerate(at.get("plotly_chart"))
    }


def decode(data: Any) -> np.ndarray:
    """A plotly 6 typed array (``{"dtype", "bdata", "shape"}``) as numbers."""
    array = np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"])
    if data.get("shape"):
        array = array.reshape([int(n) for n in str(data["shape"]).split(",")])
    return array.astype(np.float64)


def _typed(at: AppTest) -> list[str]:
    """What was typed into the page's text inputs, comma-separated parts too:
    a class named "nan" is the student's word, not a number."""
    typed = [str(t.value or "") for t in at.text_input]
    parts = {part.strip() for text in typed for part in text.split(",")}
    return sorted((p for p in parts | set(typed) if p.strip()), key=len, reverse=True)


def _shows_not_a_number(text: str, typed: list[str]) -> bool:
    for word in typed:
        text = text.replace(word, " ")
    return bool(NOT_A_NUMBER.search(MARKED_OVERFLOW.sub(" ", text)))


def _figure_problems(
    node: Any, path: str, typed: list[str], null: bool = False
) -> Iterator[str]:
    # Plotly's JSON encoder writes NaN and ±inf in lists as null, and keeps
    # them in typed arrays, so both are looked for. A component's own data
    # may hold null (``null=True``), but not NaN or Infinity.
    if isinstance(node, dict):
        if "bdata" in node and "dtype" in node:
            values = decode(node)
            if not np.all(np.isfinite(values)):
                yield f"{path}: {values[~np.isfinite(values)][:3]} in a typed array"
            return
        for key, value in node.items():
            yield from _figure_problems(value, f"{path}.{key}", typed, null)
    elif isinstance(node, list):
        for k, value in enumerate(node):
            yield from _figure_problems(value, f"{path}[{k}]", typed, null)
    elif node is None and not null:
        yield f"{path}: null (NaN or inf written by plotly)"
    elif isinstance(node, float) and not math.isfinite(node):
        yield f"{path}: {node}"
    elif isinstance(node, str) and _shows_not_a_number(node, typed):
        yield f"{path}: {node!r}"


def bad_numbers(at: AppTest, *, allow_text: tuple[str, ...] = ()) -> list[str]:
    """Every NaN or infinity the page shows, with where it is.

    ``allow_text`` lists texts that may say "inf" (an upload error quoting the
    file's own value, say); words typed into a text input may appear anywhere.
    """
    typed = _typed(at)
    allowed = {*allow_text, *_overflow_explanations()}
    problems = [
        f"{where}: {text[:200]!r}"
        for where, text in texts(at)
        if _shows_not_a_number(text, typed) and text not in allowed
    ]
    for key, fig in figures(at).items():
        for part in ("data", "layout"):
            problems += _figure_problems(fig.get(part), f"{key}.{part}", typed)
    # Custom components (the live bars) get their numbers as JSON.
    for k, component in enumerate(at.get("bidi_component")):
        if component.proto.json:
            data = json.loads(component.proto.json)
            problems += _figure_problems(data, f"component {k}", typed, null=True)
    return problems


def assert_numbers_are_finite(at: AppTest, **kwargs: Any) -> None:
    problems = bad_numbers(at, **kwargs)
    assert not problems, "the page shows NaN or inf:\n" + "\n".join(problems)


def traces(fig: dict) -> list[dict]:
    return fig.get("data", [])


def trace_values(data: Any) -> np.ndarray:
    """A trace's x or y as numbers (typed array or list)."""
    if isinstance(data, dict) and "bdata" in data:
        return decode(data)
    return np.asarray(data, dtype=np.float64)
