"""Every link the README and the classroom module's docstring hand out still works.

A widget key is a URL parameter, and links written down are in lecture notes
and e-mails: each one is opened as a new visitor would, and each of its keys
must land on its widget with the link's value, with no notice of a value the
page could not use. The links are read from the documents themselves, so a
link added there is tested too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from softmax_ui import classroom
from softmax_ui.controls import BY_KEY, HIDEABLE, REGISTRY, Control

from .apptest_helpers import APP, EN, TIMEOUT, assert_no_exception

ROOT = Path(__file__).resolve().parents[2]
# A link in backticks: a path, a query string or both (`/explorer?…`, `?step=4`).
LINK = re.compile(r"`((?:https?://[^/`\s]+)?/?[a-z]*\?[^`\s]+)`")
INDENTED_LINK = re.compile(r"^\s+(/[a-z]+\?\S+)$", re.MULTILINE)
# A bare ``?key=…`` says where it is used in the words around it.
PAGE_OF_BARE_LINK = {"step": "lecture"}
TRUE = ("1", "true", "yes", "on")


def _documented_links() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = LINK.findall(readme)
    links += INDENTED_LINK.findall(classroom.__doc__ or "")
    return list(dict.fromkeys(links))


LINKS = _documented_links()


def _page_and_query(link: str) -> tuple[str, list[tuple[str, str]]]:
    parts = urlsplit(link)
    query = parse_qsl(parts.query)
    page = parts.path.strip("/") or PAGE_OF_BARE_LINK.get(query[0][0], "home")
    return page, query


def _opened(page: str, query: list[tuple[str, str]]) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    # Repeated keys (hide=a&hide=b) are one comma-separated value here, as a
    # link may also write them.
    params: dict[str, list[str]] = {}
    for key, value in query:
        params.setdefault(key, []).append(value)
    at.query_params.update({key: ",".join(v) for key, v in params.items()})
    at.switch_page(f"pages/{page}.py").run()
    assert_no_exception(at)
    return at


def _lands(at: AppTest, key: str, text: str) -> bool:
    value = at.get_by_key(key).value
    if isinstance(value, bool):
        return value == (text.lower() in TRUE)
    try:
        return float(text) == pytest.approx(float(value))
    except (TypeError, ValueError):
        return text == str(value)


def test_the_documents_hold_links_with_widget_keys_and_hidden_controls():
    keys = {key for link in LINKS for key, _ in _page_and_query(link)[1]}
    assert {"explorer_z0", "explorer_temperature", "step", "lang", "present",
            classroom.HIDE_PARAM} <= keys  # fmt: skip


@pytest.mark.parametrize("link", LINKS)
def test_each_key_of_a_documented_link_lands_on_its_widget(link):
    page, query = _page_and_query(link)
    at = _opened(page, query)
    notices = [w.value for w in at.warning]
    assert not notices, f"{link} opened with a notice: {notices}"
    hidden: set[str] = set()
    for key, text in query:
        if key == classroom.HIDE_PARAM:
            hidden.update(name.strip() for name in text.split(","))
            continue
        if key in BY_KEY:
            assert BY_KEY[key].key == key
        assert _lands(at, key, text), (
            f"{link}: {key} shows {at.get_by_key(key).value!r}, not {text!r}"
        )
    if hidden:
        assert hidden <= set(HIDEABLE)
        rules = "".join(h.value for h in at.html if "display: none" in h.value)
        for key in hidden:
            assert f".st-key-{key}" in rules, f"{link}: {key} is not hidden"
        assert any(c.value.endswith(EN["classroom.hidden_note"]) for c in at.caption)


# --- Every control a link may set -----------------------------------------------

# What else a link must say for a control to be drawn at all.
NEEDS = {
    "loss_C": {"loss_source": "logits"},
    "training_upload": {"training_dataset": "upload"},
    **{f"loss_z{k}": {"loss_source": "logits", "loss_C": "10"} for k in range(10)},
    **{f"explorer_z{k}": {"explorer_C": "10"} for k in range(10)},
}


def _other_value(control: Control) -> Any | None:
    """A value of ``control`` that is not its default, or None if it has none."""
    if control.options:
        return next(o for o in (*control.options[1:], control.options[0])
                    if o != control.default)  # fmt: skip
    if control.low is None:
        return None
    return control.low if control.default != control.low else control.high


LINKED = [
    control
    for control in REGISTRY
    if control.hideable and _other_value(control) is not None
]


@pytest.mark.parametrize("control", LINKED, ids=lambda control: control.key)
def test_a_link_sets_each_control_of_the_registry(control):
    value = _other_value(control)
    page = control.key.split("_", 1)[0]
    query = [*NEEDS.get(control.key, {}).items(), (control.key, str(value))]
    at = _opened(page, query)
    assert not [w.value for w in at.warning]
    assert _lands(at, control.key, str(value))


@pytest.mark.parametrize(
    ("page", "key"), [(c.key.split("_", 1)[0], c.key) for c in REGISTRY if c.hideable]
)
def test_each_control_a_link_may_hide_is_drawn_on_its_page(page, key):
    # Drawn, it is offered in "Link to this view" (which lists what the page drew).
    query = [*NEEDS.get(key, {}).items()]
    at = _opened("lecture" if key == "step" else page, query)
    assert at.get_by_key(key) is not None
