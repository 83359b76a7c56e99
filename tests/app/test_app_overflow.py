"""The explorer's "why subtract max z": z up to ±1000, naive e^z overflowing.

Every number is read from the page (the comparison table, the step table,
the live view's data and the sliders' ranges), in English and Traditional
Chinese.
"""

import json

import pytest

from softmax_ui.locales.en import STRINGS as EN
from softmax_ui.locales.zh_tw import STRINGS as ZH

from .apptest_helpers import click, open_page, set_widget

SWITCH = "explorer_overflow"


def table_with(at, header: str):
    tables = [t.value for t in at.table if header in t.value.columns]
    assert len(tables) == 1, f"expected one table with {header!r}"
    return tables[0]


def comparison(at, strings=EN):
    return table_with(at, f"a ({strings['overflow.shifted']})")


def live_data(at) -> dict:
    components = at.get("bidi_component")
    live = [c for c in components if c.proto.id.endswith("-explorer_live")]
    assert len(live) == 1
    return json.loads(live[0].proto.json)[0]


def live_entries(at) -> list[dict]:
    return live_data(at)["entries"]


def z_slider(at, k: int):
    return at.get_by_key(f"explorer_z{k}")


def test_the_switch_is_off_by_default_and_the_sliders_end_at_10():
    at = open_page("explorer")
    assert at.get_by_key(SWITCH).value is False
    assert z_slider(at, 0).max == 10.0 and z_slider(at, 0).min == -10.0
    assert not [t for t in at.table if "e^(z − max z)" in t.value.columns]


def test_switched_on_the_sliders_and_the_live_view_reach_1000():
    at = set_widget(open_page("explorer"), SWITCH, True)
    assert z_slider(at, 0).max == 1000.0 and z_slider(at, 3).min == -1000.0
    assert {(e["min"], e["max"]) for e in live_entries(at)} == {(-1000.0, 1000.0)}
    # The lecture's z overflows nothing: every column agrees, and the page says so.
    table = comparison(at)
    assert list(table["a (float64)"][:4]) == ["0.842", "0.042", "0.002", "0.114"]
    assert list(table["a (float32)"][:4]) == ["0.842", "0.042", "0.002", "0.114"]
    assert any(EN["overflow.none_yet"] in c.value for c in at.caption)


def test_the_overflow_example_shows_inf_and_nan_naively_and_exact_a_shifted():
    at = click(open_page("explorer"), "explorer.overflow_example")
    assert at.get_by_key(SWITCH).value is True
    assert [z_slider(at, k).value for k in range(4)] == [1000.0, 999.0, 998.0, 0.0]
    table = comparison(at)
    assert list(table["z"][:4]) == ["1000.0", "999.0", "998.0", "0.0"]
    for dtype in ("float64", "float32"):
        assert list(table[f"e^z ({dtype})"]) == ["⚠ inf"] * 3 + ["1", "⚠ inf"]
        assert list(table[f"a ({dtype})"][:4]) == ["⚠ NaN"] * 3 + ["0.000"]
    assert list(table["z − max z"][:4]) == ["0.0", "-1.0", "-2.0", "-1000.0"]
    assert list(table["e^(z − max z)"]) == ["1", "0.3679", "0.1353", "0", "1.503"]
    assert list(table["a (shifted)"]) == ["0.665", "0.245", "0.090", "0.000", "1.000"]
    assert any("709.78" in m.value and "88.72" in m.value for m in at.markdown)


def test_the_step_tables_mark_the_entries_whose_e_to_the_z_overflows():
    at = click(open_page("explorer"), "explorer.overflow_example")
    at = set_widget(at, "explorer_python_view", True)
    steps = table_with(at, EN["table.t_shifted"])
    assert [cell.startswith("⚠") for cell in steps[EN["table.t_shifted"]]] == [
        True, True, True, False,
    ]  # fmt: skip
    assert live_data(at)["overflow_limit"] == pytest.approx(709.78, abs=0.01)


def test_float32_overflows_first_between_88_72_and_709_78():
    at = set_widget(open_page("explorer"), SWITCH, True)
    at = set_widget(at, "explorer_z0", 100.0)
    table = comparison(at)
    assert table["e^z (float32)"][0] == "⚠ inf"
    assert not table["e^z (float64)"][0].startswith("⚠")
    assert table["a (float64)"][0] == "1.000"


def test_a_link_with_the_switch_keeps_z_1000_and_without_it_clamps_to_10():
    at = open_page("explorer", {SWITCH: "true", "explorer_z0": "1000"})
    assert z_slider(at, 0).value == 1000.0
    assert comparison(at)["e^z (float64)"][0] == "⚠ inf"
    at = open_page("explorer", {"explorer_z0": "1000"})
    assert z_slider(at, 0).value == 10.0


def test_switched_off_z_comes_back_within_10_and_stays_in_the_link():
    at = click(open_page("explorer"), "explorer.overflow_example")
    at = set_widget(at, SWITCH, False)
    assert [z_slider(at, k).value for k in range(4)] == [10.0, 10.0, 10.0, 0.0]
    assert z_slider(at, 0).max == 10.0
    link = {key: float(at.query_params[key]) for key in at.query_params}
    assert link == {
        "explorer_z0": 10.0, "explorer_z1": 10.0, "explorer_z2": 10.0,
        "explorer_z3": 0.0,
    }  # fmt: skip


def test_in_chinese_the_switch_the_button_and_the_table_are_translated():
    at = open_page("explorer", {"lang": "zh-TW"})
    assert at.get_by_key(SWITCH).label == ZH["explorer.overflow"]
    buttons = [b for b in at.button if b.label == ZH["explorer.overflow_example"]]
    buttons[0].click().run()
    table = comparison(at, ZH)
    assert table[f"a ({ZH['overflow.shifted']})"][0] == "0.665"
    assert any("709.78" in m.value and "溢位" in m.value for m in at.markdown)


def test_with_a_temperature_the_table_starts_from_z_over_t_and_says_so():
    at = open_page(
        "explorer",
        {SWITCH: "true", "explorer_z0": "400", "explorer_temperature": "0.5"},
    )
    table = comparison(at)
    # e^(400/0.5) = e^800 overflows float64, though e^400 would not.
    assert table["z/T"][0] == "800.0" and table["e^z (float64)"][0] == "⚠ inf"
    assert table["a (shifted)"][0] == "1.000"
    assert any(
        EN["overflow.temperature"].format(T="0.5") == c.value for c in at.caption
    )


def test_show_the_math_adds_the_shifted_and_naive_steps_while_the_switch_is_on():
    at = open_page("explorer")
    at.session_state["explorer_math"] = True
    at.run()
    assert not any("def shifted_softmax_steps(" in c.value for c in at.code)
    at = set_widget(at, SWITCH, True)
    sources = " ".join(c.value for c in at.code)
    assert "def shifted_softmax_steps(" in sources
    assert "def naive_softmax_steps(" in sources


def test_a_link_hiding_the_switch_hides_only_the_switch_and_keeps_it_off():
    at = open_page("explorer", {"hide": SWITCH})
    rules = "".join(h.value for h in at.html if "display: none" in h.value)
    assert f".st-key-{SWITCH} " in rules or f".st-key-{SWITCH}{{" in rules
    assert ".st-key-explorer_overflow_example" not in rules
    # The example cannot widen a switch the link keeps off: nothing moves.
    at = click(at, "explorer.overflow_example")
    assert at.get_by_key(SWITCH).value is False
    assert z_slider(at, 0).value == 5.0 and z_slider(at, 0).max == 10.0


def test_with_the_switch_hidden_but_on_the_example_still_overflows():
    at = open_page("explorer", {"hide": SWITCH, SWITCH: "true"})
    at = click(at, "explorer.overflow_example")
    assert [z_slider(at, k).value for k in range(4)] == [1000.0, 999.0, 998.0, 0.0]
