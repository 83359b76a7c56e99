"""The control registry: one declaration per control, and what reads it agrees."""

from __future__ import annotations

import pytest

from softmax_core import MAX_CLASSES
from softmax_ui import classroom, controls
from softmax_ui.controls import BY_KEY, REGISTRY
from softmax_ui.locales.en import STRINGS as EN
from softmax_ui.locales.zh_tw import STRINGS as ZH

PAGES = ("explorer", "loss", "logistic", "training", "lecture")


def test_each_key_is_declared_once_and_starts_with_its_page():
    keys = [control.key for control in REGISTRY]
    assert len(keys) == len(set(keys))
    assert all(key == "step" or key.split("_", 1)[0] in PAGES for key in keys)


@pytest.mark.parametrize("control", REGISTRY, ids=lambda control: control.key)
def test_each_label_is_in_both_catalogs(control):
    assert control.label in EN
    assert control.label in ZH


def test_the_link_picker_offers_exactly_the_hideable_controls_in_page_order():
    assert list(classroom.CONTROLS) == [c.key for c in REGISTRY if c.hideable]
    assert classroom.CONTROLS["explorer_temperature"] == "explorer.temperature"


def test_the_number_of_classes_reaches_the_cores_limit():
    for prefix in ("explorer", "loss", "training"):
        assert BY_KEY[f"{prefix}_C"].high == MAX_CLASSES
    assert f"explorer_z{MAX_CLASSES - 1}" in BY_KEY
    assert f"explorer_z{MAX_CLASSES}" not in BY_KEY


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("explorer_z0", 99.0, 10.0),
        ("explorer_z0", -1e308, -10.0),
        ("explorer_z0", 1.2345, 1.2),
        ("logistic_z1", 1.2345, 1.23),
        ("explorer_temperature", 0.33, 0.3),
        ("explorer_temperature", 1e9, 20.0),
    ],
)
def test_a_value_from_the_live_view_is_brought_onto_its_slider(key, value, expected):
    assert BY_KEY[key].nearest(value) == expected


def test_the_lecture_draws_a_control_under_its_own_prefix_and_never_hides_it():
    lecture = controls.STEP_SIZE.on("lecture")
    assert (lecture.key, lecture.low, lecture.high) == ("lecture_step_size", 0.1, 5.0)
    assert not lecture.hideable
