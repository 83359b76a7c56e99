"""Nonsense typed into the URL: every page opens at a valid state, with a notice.

Links are opened as a first request (``/<page>?…``), with random mixes of the
page's own widget keys, the sidebar's ``lang`` and ``present``, keys of other
pages and keys nobody knows; values of the wrong type, huge (±1e308), infinite,
NaN, empty or repeated. The page must run without an exception, show only
finite numbers, keep every widget inside its range, and name in its notice
every key whose value it could not use.
"""

import re
import zlib

import numpy as np
import pytest

from softmax_ui.i18n import CATALOGS
from softmax_ui.text import as_typed, plain

from .fuzz_helpers import (
    PAGES,
    assert_numbers_are_finite,
    open_by_link,
    open_page,
    run,
    widgets,
)

LINKS_PER_PAGE = 10
# Values no widget of the app can take as they are.
UNUSABLE = (
    "", " ", "nan", "NaN", "inf", "-inf", "Infinity", "1e308", "-1e308", "1e999",
    "abc", "0x1F", "1,5", "--1", "<script>alert(1)</script>", "%00", "五",
    "9" * 400, "[1](http://example.com)",
)  # fmt: skip
USABLE_LOOKING = ("0", "1", "-1", "2", "3.5", "-10", "10", "true", "false", "en")
UNKNOWN_KEYS = (
    "bogus", "__proto__", "constructor", "page", "explorer_z99", "loss_z-1",
    "training_C.1", "lang[]", "_link_params", "_link_notice", "x" * 300,
    "ünïcødé", "q uote", "<b>key</b>",
)  # fmt: skip


def page_keys() -> dict[str, list[str]]:
    """Each page's widget keys, as a plain visit renders them."""
    keys = {}
    for page in PAGES:
        at = open_page(page)
        keys[page] = sorted({w.key for w in widgets(at) if w.key})
    return keys


@pytest.fixture(scope="module")
def keys_by_page() -> dict[str, list[str]]:
    return page_keys()


def random_link(rng: np.random.Generator, keys: list[str], others: list[str]) -> dict:
    link: dict = {}
    pool = keys + others + list(UNKNOWN_KEYS)
    for key in rng.choice(pool, size=int(rng.integers(1, 8)), replace=False):
        values = UNUSABLE if rng.random() < 0.6 else USABLE_LOOKING
        picks = rng.choice(values, size=int(rng.integers(1, 3)))
        link[str(key)] = [str(v) for v in picks] if len(picks) > 1 else str(picks[0])
    return link


def clearly_unusable(key: str, value, page_keys: list[str]) -> bool:
    """A key the page does not have, a repeated key, or a value in UNUSABLE
    (clamped to the nearest valid value or dropped: not used as it is)."""
    return key not in page_keys or isinstance(value, list) or value in UNUSABLE


def as_named(key: str) -> str:
    """How the notice writes a key: its start, as typed, in quotation marks."""
    return f"“{as_typed(key)}”"


def notice_text(at) -> str:
    """The link notice, in whichever language the page shows, or ""."""
    for template in (c["chrome.link_notice"] for c in CATALOGS.values()):
        prefix = template.split("{keys}")[0]
        for warning in at.warning:
            if warning.value.startswith(prefix):
                return warning.value[len(prefix) :]
    return ""


def assert_widgets_hold_valid_values(at) -> None:
    for widget in widgets(at):
        value = widget.value
        if widget.type in ("slider", "number_input"):
            assert value == value, f"{widget.key} is NaN"
            low, high = widget.min, widget.max
            if low is not None and high is not None:
                assert low <= value <= high, f"{widget.key} = {value}"
        elif widget.type == "select_slider":
            assert str(value) in widget.options, f"{widget.key} = {value!r}"
        elif widget.type in ("radio", "selectbox"):
            assert widget.index is not None and 0 <= widget.index < len(widget.options)


@pytest.mark.parametrize("page", PAGES)
def test_a_nonsense_link_opens_a_valid_page_and_names_what_it_could_not_use(
    page, keys_by_page
):
    rng = np.random.default_rng(zlib.crc32(page.encode()))
    own = keys_by_page[page] + ["lang", "present"]
    others = sorted({k for keys in keys_by_page.values() for k in keys} - set(own))
    for _ in range(LINKS_PER_PAGE):
        link = random_link(rng, own, others)
        try:
            at = open_by_link(page, link)
            assert at.title, "the page has no title"
            assert_numbers_are_finite(at)
            assert_widgets_hold_valid_values(at)
            named = notice_text(at)
            for key, value in link.items():
                if clearly_unusable(key, value, own):
                    assert as_named(key) in named, f"{key!r} is not in the notice"
            # The next run is an ordinary one: no notice, nothing raised.
            run(at)
            assert not notice_text(at)
            assert_numbers_are_finite(at)
        except AssertionError as err:
            raise AssertionError(f"link {link}\n{err}") from err


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("value", ["1e308", "-1e308", "inf", "-inf", "nan", ""])
def test_every_key_of_a_page_at_once_with_an_extreme_value(page, value, keys_by_page):
    link = {key: value for key in keys_by_page[page] + ["lang", "present"]}
    at = open_by_link(page, link)
    assert_numbers_are_finite(at)
    assert_widgets_hold_valid_values(at)
    assert notice_text(at)


def test_huge_numbers_in_a_link_open_sliders_at_their_ends():
    link = {"explorer_z0": "1e308", "explorer_z1": "-1e308", "explorer_C": "inf"}
    at = open_by_link("explorer", link)
    assert at.get_by_key("explorer_z0").value == 10.0
    assert at.get_by_key("explorer_z1").value == -10.0
    assert at.get_by_key("explorer_C").value == 10
    assert_numbers_are_finite(at)


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("training_learning_rate", "1e308", 100.0),
        ("training_learning_rate", "inf", 100.0),
        ("training_learning_rate", "-1e308", 0.001),
        ("training_hidden_units", "inf", 64),
        ("training_hidden_units", "1e308", 64),
        ("training_hidden_units", "-inf", 0),
        ("training_l2", "1e999", 10.0),
    ],
)
def test_huge_numbers_in_a_link_pick_the_nearest_end_of_a_choice(key, text, value):
    at = open_by_link("training", {key: text})
    assert at.get_by_key(key).value == value


def test_markup_in_a_link_key_is_not_shown_as_a_link_or_an_image():
    # A link shared in the room could otherwise put someone's image or link
    # into everyone's notice.
    key = "![x](http://e.io/a.png)[y](http://e.io)"
    at = open_by_link("explorer", {key: "1", "bogus": "1"})
    # As character references Markdown shows the text as typed: no image, no
    # link, and nothing that could end a code span.
    assert notice_text(at) == f"“{as_typed(key)}”, “bogus”."
    assert plain(notice_text(at)) == f"“{key}”, “bogus”."
    assert not re.search(r"[!\[\]()`]", re.sub(r"&#\d+;", "", notice_text(at)))


@pytest.mark.parametrize(
    "key",
    [
        "\n\n# HUGE HEADING",
        "\n\n![](http://e.io/b)",
        "a`\n\n`b ![](http://e.io/c)",
        "$\\href{http://e.io}{k}$",
        ":red[x] **b** <img src=//e.io/d>",
        "\u202ertl\x00nul",
    ],
)
def test_a_key_that_would_end_a_code_span_is_still_shown_as_text(key):
    at = open_by_link("explorer", {key: "1"})
    shown = notice_text(at)
    assert shown, "no notice"
    assert "\n" not in shown and "\x00" not in shown and "\u202e" not in shown
    bare = re.sub(r"&#\d+;", "", shown)  # what Markdown could read as markup
    assert not re.search(r"[!\[\]()`$<>*#:&]", bare), shown


def test_a_very_long_key_is_cut_short_in_the_notice():
    at = open_by_link("explorer", {"k" * 100_000: "1"})
    assert len(notice_text(at)) < 100
