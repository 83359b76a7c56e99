"""Classroom links: a link to the current view that can hide chosen controls.

Each page has "Link to this view" in the sidebar. The link it shows is the
address bar's (read in the browser: tests/browser/test_classroom_links.py), so
here the test reads the query parameters the app keeps there: the page's
state, the language, presenter mode and ``?hide=``. A link with ``?hide=``
hides exactly the named controls (one CSS rule on their ``st-key-<key>``
classes) while they keep the values from the link, and anything in ``hide``
that names no control is reported and never reaches the page.
"""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from softmax_ui.classroom import CONTROLS, HIDDEN_WITH, PICKER_KEY, SHOW_ALL_KEY
from softmax_ui.locales.zh_tw import STRINGS as ZH
from softmax_ui.text import plain

from .apptest_helpers import APP, EN, TIMEOUT, assert_no_exception, set_widget

PAGES = ["home", "lecture", "explorer", "loss", "logistic", "training"]
HOSTILE = [
    "bogus",
    "</style><script>alert(1)</script>",
    "explorer_z0{}body{display:none}",
    "*",
    ".st-key-explorer_z0",
    "explorer_z0 ",  # a space is trimmed, as around commas: this one is fine
]


def open_link(page: str, query_params: dict[str, str] | None = None) -> AppTest:
    """A new visitor's session whose first request is ``/<page>?…``."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params.update(query_params or {})
    at.switch_page(f"pages/{page}.py").run()
    assert_no_exception(at)
    return at


def switch(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"pages/{page}.py").run()
    assert_no_exception(at)
    return at


def link_popovers(at: AppTest) -> list[str]:
    """Labels of the popovers in the sidebar."""
    labels = []

    def walk(node) -> None:
        for child in getattr(node, "children", {}).values():
            proto = getattr(child, "proto", None)
            if type(proto).__name__ == "Block" and proto.WhichOneof("type") == (
                "popover"
            ):
                labels.append(proto.popover.label)
            walk(child)

    walk(at.sidebar)
    return labels


def link_labels(at: AppTest) -> dict[str, str]:
    """The labels of the sidebar's link view (the link itself is the browser's)."""
    (view,) = [
        c
        for c in at.sidebar.get("bidi_component")
        if c.proto.component_name == "softmax_view_link"
    ]
    return json.loads(view.proto.json)[0]["labels"]


def in_url(at: AppTest) -> dict[str, list[str]]:
    """What the address bar's query string holds after the run."""
    return {
        key: value if isinstance(value, list) else [value]
        for key, value in at.query_params.items()
    }


def hidden_in_url(at: AppTest) -> list[str]:
    return in_url(at).get("hide", [])


def hidden_by_css(at: AppTest) -> set[str]:
    """The keys whose ``st-key-`` class the page's styles hide."""
    rules = [h.value for h in at.html if "display: none !important" in h.value]
    return set(re.findall(r"\.st-key-([A-Za-z0-9_-]+)", "".join(rules)))


def note_shown(at: AppTest) -> bool:
    return any(c.value.endswith(EN["classroom.hidden_note"]) for c in at.caption)


def live_hidden(at: AppTest) -> list[str]:
    (view,) = [
        c for c in at.get("bidi_component") if c.proto.component_name == "softmax_live"
    ]
    return json.loads(view.proto.json)[0]["hidden"]


@pytest.mark.parametrize("page", PAGES)
def test_each_page_has_a_link_to_this_view_in_the_sidebar(page):
    at = open_link(page)
    assert link_popovers(at) == [EN["classroom.link"]]
    assert link_labels(at)["copy"] == EN["classroom.copy"]
    assert not note_shown(at)
    assert not hidden_by_css(at)


def test_the_popover_speaks_the_chosen_language():
    at = set_widget(open_link("explorer"), "lang", "zh-TW")
    assert link_popovers(at) == [ZH["classroom.link"]]
    assert link_labels(at)["copied"] == ZH["classroom.copied"]
    labels = at.get_by_key(PICKER_KEY).options
    assert ZH["explorer.temperature"] in labels
    assert "z1 · 貓" in labels


def test_the_url_keeps_the_page_state_language_presenter_mode_and_hide():
    # In a browser the frontend writes a moved slider's value into the address
    # bar (tests/browser/test_classroom_links.py moves one); AppTest has no
    # frontend, so here the state comes in through the link.
    state = {"explorer_z1": "4.0", "explorer_temperature": "2.0"}
    at = open_link("explorer", {**state, "lang": "zh-TW", "present": "true"})
    set_widget(at, PICKER_KEY, ["explorer_z0", "explorer_C"])
    assert in_url(at) == {
        "explorer_z1": ["4.0"],
        "explorer_temperature": ["2.0"],
        "lang": ["zh-TW"],
        "present": ["true"],
        "hide": ["explorer_C", "explorer_z0"],  # one each, in page order
    }


def test_a_choice_the_app_writes_to_the_url_stays_there_beside_hide():
    at = open_link("loss", {"hide": "loss_step_size"})
    set_widget(at, "loss_source", "logits")
    assert in_url(at) == {"hide": ["loss_step_size"], "loss_source": ["logits"]}


def test_the_picker_offers_the_controls_this_page_drew_by_their_labels():
    at = set_widget(open_link("explorer"), "explorer_names", "ant, bee")
    picker = at.get_by_key(PICKER_KEY)
    # The page's own controls, in page order, its buttons too.
    assert picker.options == [
        EN["widgets.C"],
        EN["widgets.names"],
        "z0 · ant",
        "z1 · bee",
        "z2 · dog",
        "z3 · baby chick",
        EN["explorer.temperature"],
        EN["widgets.reset"],
        EN["widgets.randomize"],
        EN["live.python_view"],
        EN["explorer.overflow"],
        EN["explorer.overflow_example"],
    ]
    set_widget(at, "explorer_C", 6)
    assert "z5 · class 5" in at.get_by_key(PICKER_KEY).options


def test_the_loss_page_offers_z_entries_only_while_z_is_set_by_sliders():
    at = open_link("loss")
    assert not any(o.startswith("z") for o in at.get_by_key(PICKER_KEY).options)
    set_widget(at, "loss_source", "logits")
    assert "z0 · other" in at.get_by_key(PICKER_KEY).options


@pytest.mark.parametrize(
    ("page", "buttons"),
    [
        ("explorer", ["explorer_reset", "explorer_randomize"]),
        ("loss", ["loss_take_step", "loss_reset_steps"]),
    ],
)
def test_a_link_can_hide_the_buttons_of_a_page(page, buttons):
    at = open_link(page)
    labels = {key: at.button(key=key).label for key in buttons}
    assert labels == {key: EN[CONTROLS[key]] for key in buttons}
    assert set(labels.values()) <= set(at.get_by_key(PICKER_KEY).options)
    at = open_link(page, {"hide": ",".join(buttons)})
    assert hidden_by_css(at) == set(buttons)
    assert hidden_in_url(at) == buttons
    assert note_shown(at)
    assert not at.warning


def test_random_z_leaves_a_hidden_z_entry_at_the_links_value():
    at = open_link(
        "explorer", {"explorer_z0": "-2", "explorer_z2": "4", "hide": "explorer_z0"}
    )
    at.button(key="explorer_randomize").click().run()
    assert_no_exception(at)
    z = [at.get_by_key(f"explorer_z{k}").value for k in range(4)]
    assert z[0] == -2.0
    assert z[1:] != [2.0, 4.0, 3.0]  # the shown entries were drawn afresh
    assert all(-6.0 <= v <= 6.0 for v in z[1:])
    assert hidden_by_css(at) == {"explorer_z0"}


def test_lecture_example_leaves_hidden_controls_at_the_links_values():
    link = {
        "explorer_C": "3",
        "explorer_z0": "-2",
        "explorer_z1": "1",
        "explorer_temperature": "2.0",
        "hide": "explorer_C,explorer_z0,explorer_temperature",
    }
    at = open_link("explorer", link)
    at.button(key="explorer_reset").click().run()
    assert_no_exception(at)
    assert at.get_by_key("explorer_C").value == 3
    assert at.get_by_key("explorer_z0").value == -2.0
    assert at.get_by_key("explorer_temperature").value == 2.0
    # The shown entries go back to the lecture's z = [5, 2, −1, 3].
    assert [at.get_by_key(f"explorer_z{k}").value for k in (1, 2)] == [2.0, -1.0]


def test_choosing_controls_hides_them_at_once_and_puts_hide_in_the_url():
    at = open_link("explorer")
    set_widget(at, PICKER_KEY, ["explorer_temperature"])
    assert hidden_by_css(at) == {"explorer_temperature"}
    assert hidden_in_url(at) == ["explorer_temperature"]
    assert note_shown(at)
    assert live_hidden(at) == ["explorer_temperature"]
    set_widget(at, PICKER_KEY, [])
    assert not hidden_by_css(at)
    assert "hide" not in at.query_params
    assert not note_shown(at)


def test_a_link_with_hide_hides_exactly_those_controls_which_keep_its_values():
    at = open_link(
        "explorer",
        {
            "explorer_z0": "-2",
            "explorer_z1": "4",
            "explorer_temperature": "2.0",
            "hide": "explorer_z0,explorer_temperature",
        },
    )
    assert hidden_by_css(at) == {"explorer_z0", "explorer_temperature"}
    assert at.get_by_key("explorer_z0").value == -2.0
    assert at.get_by_key("explorer_temperature").value == 2.0
    assert at.get_by_key("explorer_z1").value == 4.0
    assert note_shown(at)
    assert not at.warning  # every value of the link was used
    # The live view drops its own inputs for the hidden values.
    assert live_hidden(at) == ["explorer_z0", "explorer_temperature"]
    assert at.get_by_key(PICKER_KEY).value == ["explorer_z0", "explorer_temperature"]
    # A rerun keeps all of it.
    set_widget(at, "explorer_z1", 1.0)
    assert hidden_by_css(at) == {"explorer_z0", "explorer_temperature"}
    assert at.get_by_key("explorer_z0").value == -2.0
    assert hidden_in_url(at) == ["explorer_z0", "explorer_temperature"]


def test_hide_may_be_repeated_or_comma_separated():
    at = open_link("explorer", {"hide": ["explorer_temperature", "explorer_C,step"]})
    assert hidden_by_css(at) == {
        "explorer_temperature",
        "explorer_C",
        "step",
        *HIDDEN_WITH["step"],
    }
    assert hidden_in_url(at) == ["explorer_C", "explorer_temperature", "step"]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hide_value_that_names_no_control_is_reported_and_never_injected(name):
    at = open_link("explorer", {"hide": f"explorer_C,{name}"})
    expected = (
        {"explorer_C", "explorer_z0"}
        if name.strip() == "explorer_z0"
        else {"explorer_C"}
    )
    assert hidden_by_css(at) == expected
    styles = "".join(h.value for h in at.html)
    assert "<script" not in styles and "{}" not in styles and "body" not in styles
    assert hidden_in_url(at) == [key for key in CONTROLS if key in expected]
    warnings = [w.value for w in at.warning]
    if name.strip() in CONTROLS:
        assert warnings == []
    else:
        # Named as typed (character references), so Markdown in it does nothing.
        assert len(warnings) == 1 and f"“hide={name.strip()}”" in plain(warnings[0])
        assert "<" not in warnings[0]


def test_a_link_that_hides_nothing_known_hides_nothing():
    at = open_link("explorer", {"hide": "</style>,,nothing,explorer_live"})
    assert not hidden_by_css(at)
    assert "hide" not in at.query_params
    assert not note_shown(at)
    assert live_hidden(at) == []


def test_hide_survives_a_visit_to_another_page_and_back():
    at = open_link("explorer", {"hide": "explorer_z0"})
    switch(at, "loss")
    assert in_url(at) == {"hide": ["explorer_z0"]}
    # None of the loss page's own controls is hidden: no note there.
    assert not note_shown(at)
    assert at.get_by_key(PICKER_KEY).value == []
    set_widget(at, PICKER_KEY, ["loss_true_class"])
    assert hidden_in_url(at) == ["explorer_z0", "loss_true_class"]
    switch(at, "explorer")
    assert hidden_by_css(at) == {"explorer_z0", "loss_true_class"}
    assert at.get_by_key(PICKER_KEY).value == ["explorer_z0"]
    assert note_shown(at)


def test_show_all_brings_every_control_back_and_drops_hide_from_the_url():
    at = open_link("explorer", {"hide": "explorer_z0,explorer_C"})
    at.button(key=SHOW_ALL_KEY).click().run()
    assert_no_exception(at)
    assert not hidden_by_css(at)
    assert "hide" not in at.query_params
    assert not note_shown(at)
    assert at.get_by_key(PICKER_KEY).value == []
    assert in_url(at) == {}


def test_the_lecture_link_can_hide_its_step_navigation():
    at = open_link("lecture", {"step": "3", "hide": "step"})
    assert hidden_by_css(at) == {"step", *HIDDEN_WITH["step"]}
    assert at.get_by_key("step").value == 3
    assert note_shown(at)
    assert in_url(at) == {"step": ["3"], "hide": ["step"]}


def test_the_logistic_page_hides_a_z_slider_and_its_live_view_follows():
    at = open_link("logistic", {"logistic_z1": "2.5", "hide": "logistic_z1"})
    assert hidden_by_css(at) == {"logistic_z1"}
    assert at.get_by_key("logistic_z1").value == 2.5
    assert live_hidden(at) == ["logistic_z1"]


def test_the_home_page_has_no_controls_to_hide_but_keeps_the_link():
    at = open_link("home", {"lang": "zh-TW", "hide": "explorer_z0"})
    assert any(c.value == ZH["classroom.nothing_to_hide"] for c in at.sidebar.caption)
    assert in_url(at) == {"lang": ["zh-TW"], "hide": ["explorer_z0"]}


def test_every_control_label_is_in_both_catalogs():
    for label_key in set(CONTROLS.values()):
        assert label_key in EN and label_key in ZH, label_key
