"""Why subtract max z, and dz on the bars, in Chromium.

The explorer's switch must widen the real sliders and the live view's own
inputs to ±1000, the overflow example must show inf and NaN in the table and
a ⚠ in the live step table, and the link must keep every value, also those
brought back within ±10 when the switch goes off. On the loss page and the
lecture's step 5 the play button must move the bars of z[L] to the arrows'
heads.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from softmax_ui.locales import en, zh_tw

expect = pytest.importorskip(
    "playwright.sync_api", reason="browser tests need `pip install playwright`"
).expect
expect.set_options(timeout=10_000)

LIVE = '[data-testid="softmaxLive"]'
SWITCH = ".st-key-explorer_overflow"
TABLE = ".st-key-explorer_overflow_table table"


def link(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def slider_range(page, key: str) -> tuple[float, float]:
    box = page.locator(f'.st-key-{key} input[type="range"]')
    return tuple(box.evaluate("e => [Number(e.min), Number(e.max)]"))


def live_input_range(page, key: str) -> tuple[float, float]:
    box = page.locator(f'{LIVE} input[data-key="{key}"]')
    return tuple(box.evaluate("e => [Number(e.min), Number(e.max)]"))


def table_cells(page) -> list[list[str]]:
    return page.locator(TABLE).first.evaluate(
        """t => [...t.querySelectorAll('tbody tr')].map((tr) =>
             [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim()))"""
    )


def live_t_cells(page) -> list[str]:
    return page.locator(LIVE).evaluate(
        """root => [...root.querySelectorAll('table.steps tbody tr')]
             .map((tr) => tr.querySelectorAll('td')[2].textContent.trim())"""
    )


def test_the_switch_widens_the_sliders_and_the_live_view_to_1000(app):
    app.open("/explorer")
    assert slider_range(app.page, "explorer_z0") == (-10, 10)
    app.interact(lambda: app.page.locator(f"{SWITCH} label").click())
    app.eventually(
        lambda: _assert(slider_range(app.page, "explorer_z0") == (-1000, 1000))
    )
    app.eventually(
        lambda: _assert(live_input_range(app.page, "explorer_z3") == (-1000, 1000))
    )
    assert link(app.page)["explorer_overflow"] == ["true"]
    # The lecture's z overflows nothing yet: every a agrees with the lecture's.
    assert [row[8] for row in table_cells(app.page)][:4] == [
        "0.842", "0.042", "0.002", "0.114",
    ]  # fmt: skip


def test_the_example_overflows_naively_and_the_link_keeps_it_also_switched_off(app):
    app.open("/explorer")
    example = en.STRINGS["explorer.overflow_example"]
    button = app.page.get_by_role("button", name=example)
    app.interact(button.click)
    rows = table_cells(app.page)
    assert [row[1] for row in rows[:4]] == ["1000.0", "999.0", "998.0", "0.0"]
    assert [row[2] for row in rows] == ["⚠ inf"] * 3 + ["1", "⚠ inf"]
    assert [row[5] for row in rows[:4]] == ["⚠ NaN"] * 3 + ["0.000"]
    assert [row[8] for row in rows] == ["0.665", "0.245", "0.090", "0.000", "1.000"]
    app.eventually(
        lambda: _assert([c.startswith("⚠") for c in live_t_cells(app.page)]
                        == [True, True, True, False])
    )  # fmt: skip
    shown = link(app.page)
    assert shown["explorer_overflow"] == ["true"]
    assert [float(shown[f"explorer_z{k}"][0]) for k in range(3)] == [1000, 999, 998]
    # A reload of that link opens the same state.
    app.open(urlsplit(app.page.url).path + "?" + urlsplit(app.page.url).query)
    assert table_cells(app.page)[0][2] == "⚠ inf"
    # Switched off, z comes back within ±10, and the link says so.
    app.interact(lambda: app.page.locator(f"{SWITCH} label").click())
    app.eventually(lambda: _assert(slider_range(app.page, "explorer_z0") == (-10, 10)))
    assert app.page.locator(TABLE).count() == 0

    def clamped_in_link() -> None:
        shown = link(app.page)
        assert "explorer_overflow" not in shown
        values = [float(shown[f"explorer_z{k}"][0]) for k in range(4)]
        assert values == [10.0, 10.0, 10.0, 0.0], shown

    app.eventually(clamped_in_link)
    bars = app.page.locator(f'{LIVE} [data-testid="liveBars"]')
    assert json.loads(bars.get_attribute("data-z")) == [10.0, 10.0, 10.0, 0.0]


def test_in_chinese_the_switch_and_the_table_speak_chinese(app):
    zh = zh_tw.STRINGS
    app.open("/explorer?lang=zh-TW&present=true&explorer_overflow=true&explorer_z0=100")
    expect(app.page.locator(SWITCH)).to_contain_text(zh["explorer.overflow"])
    expect(app.page.locator(".st-key-explorer_overflow_table")).to_contain_text(
        zh["overflow.title"]
    )
    row = table_cells(app.page)[0]
    # z = 100: float32 overflows (past 88.72), float64 does not (below 709.78).
    assert row[1] == "100.0" and row[4] == "⚠ inf" and not row[2].startswith("⚠")


def _assert(condition: bool) -> None:
    assert condition


def plotted_z(page, key: str) -> list[float]:
    return page.locator(f".st-key-{key} .js-plotly-plot").evaluate(
        "gd => Array.from(gd.data[0].y)"
    )


@pytest.mark.parametrize(
    ("path", "key", "start", "end"),
    [
        # The lecture's ŷ = [0.3, 0.2, 0.1, 0.4] for a cat, α = 1.
        ("/loss", "loss_step_on_z", [-1.204, -1.609, -2.303, -0.916],
         [-1.504, -0.809, -2.403, -1.316]),
        ("/lecture?step=5&present=true", "lecture_step_on_z",
         [-1.204, -1.609, -2.303, -0.916], [-1.504, -0.809, -2.403, -1.316]),
    ],
)  # fmt: skip
def test_the_play_button_moves_z_to_the_arrows_heads(app, path, key, start, end):
    app.open(path)
    chart = app.page.locator(f".st-key-{key}")
    chart.scroll_into_view_if_needed()
    expect(chart.locator(".annotation-text", has_text="+0.80")).to_have_count(1)
    assert plotted_z(app.page, key) == pytest.approx(start, abs=1e-3)
    seen: list[list[float]] = []

    def moved_to_the_end() -> None:
        seen.append(plotted_z(app.page, key))
        assert seen[-1] == pytest.approx(end, abs=1e-3)

    chart.locator(".updatemenu-button").click()
    app.eventually(moved_to_the_end, timeout=10)
    # It went there in steps: the cat's logit passed values between the two.
    between = [z[1] for z in seen if start[1] + 0.01 < z[1] < end[1] - 0.01]
    assert between, seen


def test_the_live_views_own_input_sends_1000_and_python_keeps_it(app):
    app.open("/explorer?explorer_overflow=true")
    box = app.page.locator(f'{LIVE} input[data-key="explorer_z2"]')
    box.focus()
    mark = app.runs.mark()
    app.page.keyboard.press("End")  # the input's maximum, sent on the change
    app.settle(requested_since=mark)

    def python_has_it() -> None:
        assert link(app.page).get("explorer_z2") in (["1000"], ["1000.0"])
        assert (
            app.page.locator('.st-key-explorer_z2 input[type="range"]').evaluate(
                "e => Number(e.value)"
            )
            == 1000
        )
        assert table_cells(app.page)[2][2] == "⚠ inf"

    app.eventually(python_has_it)


def test_the_switch_and_the_wide_z_survive_a_visit_to_another_page(app):
    app.open("/explorer")
    example = en.STRINGS["explorer.overflow_example"]
    app.interact(app.page.get_by_role("button", name=example).click)
    nav = app.page.locator('[data-testid="stSidebarNavLink"]')
    app.interact(nav.filter(has_text=en.STRINGS["loss.nav"]).click)
    app.interact(nav.filter(has_text=en.STRINGS["explorer.nav"]).click)
    assert app.exceptions() == []

    def back_as_it_was() -> None:
        assert slider_range(app.page, "explorer_z0") == (-1000, 1000)
        assert table_cells(app.page)[0][1] == "1000.0"
        shown = link(app.page)
        assert shown["explorer_overflow"] == ["true"]
        assert float(shown["explorer_z0"][0]) == 1000

    app.eventually(back_as_it_was)
