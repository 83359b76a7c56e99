"""The live view follows a slider while it is dragged, and Python catches up.

The app runs under ``streamlit run`` in headless Chromium. During a drag (mouse
down, several moves, values read *before* mouse up) the numbers the live view
shows must equal ``softmax_core.softmax`` of the z and T it shows, to 1e-6;
after the release, the page's Streamlit sliders, the link and the numbers that
Python renders must hold the same values. The view lives in a shadow root,
which Playwright's CSS locators enter on their own.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Iterator

import numpy as np
import pytest

from softmax_core import EXP_OVERFLOW, softmax, softmax_steps, two_class_outputs
from softmax_ui.controls import TEMPERATURES
from softmax_ui.locales import en, zh_tw

TIMEOUT = 30.0
LECTURE_Z = [5.0, 2.0, -1.0, 3.0]
BARS = '[data-testid="liveBars"]'


# -- fixtures: the session's server and Chromium (tests/browser/conftest.py) --


@pytest.fixture
def chromium(browser):
    """The session's headless Chromium (skipped, saying why, without one)."""
    return browser


@pytest.fixture
def live_url(server) -> str:
    """The URL of the session's ``streamlit run app.py``."""
    return server.url


class Live:
    """One tab on the app, with the live view's numbers at hand."""

    def __init__(self, page, url: str) -> None:
        self.page = page
        self.url = url
        self.errors: list[str] = []
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, path: str) -> None:
        self.page.goto(self.url + path)
        self.idle()

    def poll(self, check, timeout: float = TIMEOUT, what: str = "a condition"):
        """Call ``check`` until it returns something truthy; return that."""
        deadline = time.monotonic() + timeout
        while True:
            result = check()
            if result:
                return result
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {what}")
            self.page.wait_for_timeout(20)

    def idle(self) -> None:
        """The script has finished and the view shows Python's numbers."""

        def ready() -> bool:
            state = self.page.evaluate(
                """() => document.querySelector('[data-testid="stApp"]')
                       ?.getAttribute('data-test-script-state')"""
            )
            bars = self.page.locator(BARS)
            return (
                state == "notRunning"
                and bars.count() == 1
                and bars.get_attribute("data-source") == "python"
            )

        self.poll(ready, what="the page to settle with the live view at rest")

    def shown(self) -> dict:
        """What the view shows: z, T, a (full precision), source, frame count."""
        bars = self.page.locator(BARS)
        attrs = bars.evaluate("b => Object.fromEntries(Object.entries(b.dataset))")
        return {
            "z": json.loads(attrs["z"]),
            "T": json.loads(attrs["temperature"]),
            "a": json.loads(attrs["values"]),
            "python_a": json.loads(attrs["pythonValues"]),
            "source": attrs["source"],
            "frames": int(attrs["frames"]),
        }

    def printed(self) -> dict[str, list[str]]:
        """The texts printed on the bars and in the view's step table."""
        return self.page.locator("[data-testid=softmaxLive]").evaluate(
            """root => ({
              bars: [...root.querySelectorAll('svg text.value')]
                .map((t) => t.textContent),
              rows: [...root.querySelectorAll('table.steps tbody tr')]
                .map((tr) => [...tr.querySelectorAll('td')]
                  .map((td) => td.textContent.trim())),
              header: [...root.querySelectorAll('table.steps thead th')]
                .map((th) => th.textContent),
              total: root.querySelector('table.steps tfoot td.num').textContent,
            })"""
        )

    def next_shown(self, before: dict) -> dict:
        """Wait for the view to redraw with values other than ``before``."""
        return self.poll(
            lambda: (
                (s := self.shown())["frames"] > before["frames"]
                and (s["z"], s["T"]) != (before["z"], before["T"])
                and s
            ),
            timeout=5,
            what="a redraw during the drag",
        )

    def streamlit_slider(self, key: str):
        return self.page.locator(f'.st-key-{key} input[type="range"]')

    def show_python_view(self, prefix: str, shown: str) -> None:
        """Turn on "The same numbers from Python" and wait for ``shown`` in it."""
        view = self.page.locator(f".st-key-{prefix}_python_view")
        if not view.locator('input[type="checkbox"]').is_checked():
            view.locator("label").click()
        self.page.locator(shown).first.wait_for()
        self.idle()

    def python_table(self) -> list[list[str]]:
        """Cells of the step table Python rendered (st.table)."""
        self.show_python_view("explorer", '[data-testid="stTable"] table')
        return self.page.locator('[data-testid="stTable"] table').first.evaluate(
            """t => [...t.querySelectorAll('tbody tr')].map((tr) =>
                 [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim()))"""
        )


@pytest.fixture
def live_context(chromium) -> Iterator:
    """A browser context of the test's own: nothing cached or stored before."""
    context = chromium.new_context(viewport={"width": 1600, "height": 1000})
    context.set_default_timeout(TIMEOUT * 1000)
    yield context
    context.close()


@pytest.fixture
def live(live_context, live_url) -> Iterator[Live]:
    """A new tab: a new Streamlit session, as a new visitor would open."""
    tab = Live(live_context.new_page(), live_url)
    try:
        yield tab
        assert tab.errors == [], tab.errors
    finally:
        tab.page.close()


def assert_is_softmax(shown: dict) -> None:
    expected = softmax(np.array(shown["z"]), temperature=shown["T"])
    np.testing.assert_allclose(shown["a"], expected, rtol=0, atol=1e-6)


def drag(live: Live, locator, fractions: list[float]) -> list[dict]:
    """Press on ``locator``, move to each fraction of its width, read the view
    after every move (before the release), then release and return the reads."""
    # The mouse reaches only what the window shows.
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    y = box["y"] + box["height"] / 2
    page = live.page
    reads = []
    page.mouse.move(box["x"] + box["width"] * fractions[0], y)
    page.mouse.down()
    before = live.shown()
    for fraction in fractions[1:]:
        page.mouse.move(box["x"] + box["width"] * fraction, y, steps=3)
        before = live.next_shown(before)
        reads.append(before)
    # A read can come between the steps of the last move: before the release,
    # wait until the view stops redrawing, and take that as the last read.
    frames: list[int] = []

    def still() -> dict | None:
        # No new frame over the last two polls, 20 ms apart.
        now = live.shown()
        frames.append(now["frames"])
        return now if len(frames) >= 3 and len(set(frames[-3:])) == 1 else None

    reads[-1] = live.poll(still, what="the view to stop redrawing")
    page.mouse.up()
    return reads


# -- the tests -----------------------------------------------------------------


def test_the_view_opens_at_the_lecture_example_with_pythons_numbers(live):
    live.open("/explorer")
    shown = live.shown()
    assert shown["z"] == LECTURE_Z and shown["T"] == 1.0
    assert shown["source"] == "python"
    assert_is_softmax(shown)
    printed = live.printed()
    assert printed["bars"][0::2] == ["0.842", "0.042", "0.002", "0.114"]
    assert printed["bars"][1::2] == ["1", "0", "0", "0"]
    assert [row[2] for row in printed["rows"]] == ["148.4", "7.389", "0.3679", "20.09"]
    assert printed["total"] == "176.3"


def test_the_bars_and_table_follow_a_drag_of_the_views_own_input(live):
    live.open("/explorer")
    own = live.page.locator('input[data-key="explorer_z1"]')
    reads = drag(live, own, [0.6, 0.66, 0.72, 0.8, 0.88, 0.95])
    assert len(reads) == 5
    for shown in reads:
        assert shown["source"] == "browser"
        assert shown["z"][0::2] == [5.0, -1.0] and shown["z"][3] == 3.0
        assert_is_softmax(shown)
    assert len({tuple(s["z"]) for s in reads}) == 5, "every move redrew new values"
    last = reads[-1]
    printed = live.printed()
    assert printed["bars"][0::2] == [f"{a:.3f}" for a in last["a"]]
    assert [row[3] for row in printed["rows"]] == [f"{a:.3f}" for a in last["a"]]

    # After the release Python has the value: slider, link and st.table agree.
    z1 = last["z"][1]
    live.idle()
    assert live.shown()["z"] == last["z"]
    slider = live.streamlit_slider("explorer_z1")
    assert slider.get_attribute("aria-valuetext") == f"{z1:.1f}"
    assert f"explorer_z1={z1:g}" in live.page.url
    rows = live.python_table()
    a_python = softmax(np.array(last["z"]))
    assert [row[1] for row in rows] == [f"{v:.1f}" for v in last["z"]]
    assert [row[3] for row in rows] == [f"{v:.3f}" for v in a_python]
    np.testing.assert_allclose(live.shown()["python_a"], a_python, atol=1e-12)


def test_the_view_follows_a_drag_of_the_pages_streamlit_slider(live):
    live.open("/explorer")
    thumb = live.page.locator(
        '.st-key-explorer_z0 [data-testid="stSliderThumbValue"]'
    ).locator("..")
    box = thumb.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page = live.page
    page.mouse.move(x, y)
    page.mouse.down()
    before = live.shown()
    reads = []
    for dx in (-20, -45, -70, -100, -130):
        page.mouse.move(x + dx, y, steps=2)
        before = live.next_shown(before)
        reads.append(before)
    for shown in reads:
        assert shown["source"] == "browser"
        assert shown["z"][1:] == LECTURE_Z[1:]
        assert_is_softmax(shown)
    # A read can come between the two steps of a move: before the release, wait
    # for the view to show where the thumb ended.
    thumb_value = live.streamlit_slider("explorer_z0")
    settled = live.poll(
        lambda: (
            (s := live.shown())["z"][0]
            == float(thumb_value.get_attribute("aria-valuetext"))
            and s
        ),
        what="the view to reach the thumb",
    )
    assert settled["source"] == "browser"
    page.mouse.up()
    live.idle()
    last = live.shown()
    assert last["z"][0] == pytest.approx(settled["z"][0], abs=0.1 + 1e-9)
    assert (
        live.streamlit_slider("explorer_z0").get_attribute("aria-valuetext")
        == f"{last['z'][0]:.1f}"
    )
    assert [row[1] for row in live.python_table()][0] == f"{last['z'][0]:.1f}"


def test_dragging_the_temperature_redraws_with_t_and_python_catches_up(live):
    live.open("/explorer?explorer_z0=-2.5&explorer_z1=7.3&explorer_z2=0.4")
    temperature = live.page.locator('input[data-key="explorer_temperature"]')
    reads = drag(live, temperature, [0.53, 0.4, 0.25, 0.1, 0.02])
    for shown in reads:
        assert shown["z"] == [-2.5, 7.3, 0.4, 3.0]
        assert shown["T"] in TEMPERATURES
        assert_is_softmax(shown)
    assert reads[-1]["T"] < 0.2
    live.idle()
    T = reads[-1]["T"]
    assert live.shown()["T"] == T
    slider = live.streamlit_slider("explorer_temperature")
    assert float(slider.get_attribute("aria-valuetext")) == T
    expected = softmax(np.array([-2.5, 7.3, 0.4, 3.0]), temperature=T)
    assert [row[3] for row in live.python_table()] == [f"{v:.3f}" for v in expected]


def test_a_drag_of_a_slider_in_one_move_each_way_agrees_with_the_core(live):
    # A link sets every z (the sliders' range is −10 … 10) and T; then the own
    # input of the last class is swept from one end to the other.
    z = [-9.7, 10.0, -10.0, 9.9, 3.3, -0.1]
    query = "&".join(f"explorer_z{k}={v:g}" for k, v in enumerate(z))
    live.open(f"/explorer?explorer_C=6&{query}&explorer_temperature=0.3")
    assert live.shown()["z"] == z and live.shown()["T"] == 0.3
    own = live.page.locator('input[data-key="explorer_z5"]')
    reads = drag(live, own, [0.5, 1.0, 0.0, 0.75, 0.25])
    for shown in reads:
        assert shown["z"][:5] == z[:5]
        assert shown["T"] == 0.3
        assert_is_softmax(shown)
    assert reads[0]["z"][5] >= 9.5 and reads[1]["z"][5] <= -9.5


OVERFLOW_64 = EXP_OVERFLOW[np.dtype(np.float64)]
LARGE = [
    [1e4, -1e4, 0.0, 5.0],
    [-1e4, -1e4 + 1, -1e4 + 2, -1e4 + 3],
    [1e4, 1e4 - 0.5, 9999.0, -1e4],
    [800.0, 799.0, -3.0, 0.0],
]


def test_large_z_typed_into_the_views_inputs_does_not_overflow(live):
    live.open("/explorer")
    rng = np.random.default_rng(7)
    cases = [*LARGE, *rng.uniform(-1e4, 1e4, (6, 4)).round(1).tolist()]
    temperature_input = live.page.locator('input[data-key="explorer_temperature"]')
    for T_index in (TEMPERATURES.index(1.0), 0, len(TEMPERATURES) - 1):
        temperature_input.evaluate(
            """(input, index) => { input.value = String(index);
                 input.dispatchEvent(new Event('input', { bubbles: true })); }""",
            T_index,
        )
        T = TEMPERATURES[T_index]
        for z in cases:
            # Widen the inputs and send 'input' only, as a drag does: nothing
            # is committed, the view computes everything in the browser.
            for k, value in enumerate(z):
                live.page.locator(f'input[data-key="explorer_z{k}"]').evaluate(
                    """(input, value) => {
                         input.min = -1e5; input.max = 1e5; input.step = 'any';
                         input.value = String(value);
                         input.dispatchEvent(new Event('input', { bubbles: true }));
                       }""",
                    value,
                )
            shown = live.poll(
                lambda z=z, T=T: (s := live.shown())["z"] == z and s["T"] == T and s,
                what=f"z = {z}, T = {T}",
            )
            assert shown["source"] == "browser"
            a = shown["a"]
            assert all(math.isfinite(v) for v in a) and sum(a) == pytest.approx(1)
            assert_is_softmax(shown)
            steps = softmax_steps(z, temperature=T)
            printed = live.printed()
            # An entry whose e^(z/T) overflows float64 is marked ⚠.
            marks = ["⚠ " if v / T > OVERFLOW_64 else "" for v in z]
            assert [row[2] for row in printed["rows"]] == [
                mark + _python_number(v) for mark, v in zip(marks, steps.t, strict=True)
            ]
            assert printed["total"] == f"{steps.total:.4g}"
            t_header = en.STRINGS["table.t_shifted" if steps.shifted else "table.t"]
            assert printed["header"][2] == t_header


def _python_number(value: float) -> str:
    # How the step table prints t: 4 significant digits, scientific outside.
    if value == 0 or 1e-4 <= abs(value) < 1e6:
        return f"{value:.4g}"
    return f"{value:.3e}"


def test_arrow_keys_on_the_views_inputs_change_the_values(live):
    live.open("/explorer")
    own = live.page.locator('input[data-key="explorer_z0"]')
    own.focus()
    for _ in range(3):
        live.page.keyboard.press("ArrowRight")
    live.poll(lambda: live.shown()["z"][0] == 5.3, what="z0 = 5.3")
    live.idle()
    assert live.streamlit_slider("explorer_z0").get_attribute("aria-valuetext") == "5.3"
    assert "explorer_z0=5.3" in live.page.url

    live.page.locator('input[data-key="explorer_temperature"]').focus()
    live.page.keyboard.press("ArrowLeft")
    live.poll(lambda: live.shown()["T"] == 0.9, what="T = 0.9")
    live.idle()
    shown = live.shown()
    assert shown["z"] == [5.3, *LECTURE_Z[1:]]
    assert_is_softmax(shown)
    slider = live.streamlit_slider("explorer_temperature")
    assert slider.get_attribute("aria-valuetext") == "0.9"


def test_arrow_keys_on_a_streamlit_slider_redraw_the_view(live):
    live.open("/explorer")
    live.streamlit_slider("explorer_z3").focus()
    live.page.keyboard.press("ArrowLeft")
    live.page.keyboard.press("ArrowLeft")
    live.poll(lambda: live.shown()["z"][3] == 2.8, what="z3 = 2.8")
    live.idle()
    shown = live.shown()
    assert shown["z"] == [5.0, 2.0, -1.0, 2.8]
    assert_is_softmax(shown)
    assert [row[1] for row in live.python_table()][3] == "2.8"


def test_the_sliders_and_the_view_agree_after_the_buttons_rerun_the_page(live):
    live.open("/explorer?explorer_z2=6.6")
    live.page.get_by_role("button", name=en.STRINGS["widgets.randomize"]).click()
    live.poll(lambda: live.shown()["z"][2] != 6.6, what="random z")
    live.idle()
    shown = live.shown()
    sliders = [
        float(live.streamlit_slider(f"explorer_z{k}").get_attribute("aria-valuetext"))
        for k in range(4)
    ]
    assert shown["z"] == sliders
    assert_is_softmax(shown)
    live.page.get_by_role("button", name=en.STRINGS["widgets.reset"]).click()
    live.poll(lambda: live.shown()["z"] == LECTURE_Z, what="the lecture's z")
    live.idle()
    assert live.printed()["bars"][0] == "0.842"


# A laptop's touch screen, and a phone (its inputs are narrower: longer moves).
TOUCH_SCREENS = {
    "laptop": ({"width": 1600, "height": 1000}, False, 0.08),
    "phone": ({"width": 390, "height": 844}, True, 0.1),
}


@pytest.mark.parametrize("screen", TOUCH_SCREENS)
def test_touch_drags_move_the_views_input(chromium, live_url, screen):
    viewport, mobile, move = TOUCH_SCREENS[screen]
    context = chromium.new_context(viewport=viewport, has_touch=True, is_mobile=mobile)
    try:
        tab = Live(context.new_page(), live_url)
        tab.open("/explorer")
        box = tab.page.locator('input[data-key="explorer_z2"]').bounding_box()
        y = box["y"] + box["height"] / 2
        x = box["x"] + box["width"] * 0.45  # z2 = −1 sits at 45 %
        cdp = context.new_cdp_session(tab.page)

        def touch(kind: str, x: float) -> None:
            points = [] if kind == "touchEnd" else [{"x": x, "y": y}]
            cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

        touch("touchStart", x)
        before = tab.shown()
        reads = []
        if mobile:
            # A phone's input is narrow: after the browser's touch slop (the
            # first pixels of a drag move nothing) a few pixels are a few units.
            for step in range(1, 6):
                touch("touchMove", x + step * box["width"] * move)
                tab.page.wait_for_timeout(100)
            reads.append(
                tab.poll(
                    lambda: (s := tab.shown())["z"][2] > 0 and s,
                    timeout=5,
                    what="z2 dragged past 0",
                )
            )
        else:
            # The browser starts a touch drag only once the finger has moved a
            # few pixels (its touch slop): the first move may redraw nothing.
            for step in range(1, 6):
                touch("touchMove", x + step * box["width"] * move)
                if step > 1:
                    before = tab.next_shown(before)
                    reads.append(before)
        for shown in reads:
            assert shown["source"] == "browser"
            assert_is_softmax(shown)
        assert reads[-1]["z"][2] > 0
        touch("touchEnd", 0)
        tab.idle()
        z2 = tab.shown()["z"][2]
        slider = tab.streamlit_slider("explorer_z2")
        assert slider.get_attribute("aria-valuetext") == f"{z2:.1f}"
        assert tab.errors == []
    finally:
        context.close()


def test_the_two_class_view_follows_the_z_sliders_and_the_metrics_catch_up(live):
    live.open("/logistic")
    shown = live.shown()
    assert shown["z"] == [1.67, 0.0]
    assert [f"{a:.3f}" for a in shown["a"]] == ["0.842", "0.158"]
    thumb = live.page.locator(
        '.st-key-logistic_z1 [data-testid="stSliderThumbValue"]'
    ).locator("..")
    box = thumb.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page = live.page
    page.mouse.move(x, y)
    page.mouse.down()
    before = shown
    for dx in (25, 60, -90, -150):
        page.mouse.move(x + dx, y, steps=2)
        before = live.next_shown(before)
        assert before["source"] == "browser"
        assert_is_softmax(before)
        # σ and z of one frame: the view may redraw between two separate reads.
        z1, z2, sigma = page.locator("[data-testid=softmaxLive]").evaluate(
            """root => [
              ...JSON.parse(root.querySelector('[data-testid="liveBars"]').dataset.z),
              JSON.parse(root.querySelector('[data-testid="liveSigma"]').dataset.value),
            ]"""
        )
        assert sigma == pytest.approx(float(two_class_outputs(z1, z2).softmax_1))
    page.mouse.up()
    live.idle()
    z1, z2 = live.shown()["z"]
    point = two_class_outputs(z1, z2)
    live.show_python_view("logistic", '[data-testid="stMetricValue"]')
    metrics = page.locator('[data-testid="stMetricValue"]').evaluate_all(
        "values => values.map((v) => v.textContent.trim())"
    )
    assert metrics == [
        f"{float(point.softmax_1):.3f}",
        f"{float(point.softmax_2):.3f}",
        f"{float(point.sigmoid_of_difference):.3f}",
    ]
    assert live.printed()["bars"] == metrics[:2]


def test_presenter_mode_and_chinese_reach_the_view(live):
    live.open("/explorer?present=1&lang=zh-TW")
    root = live.page.locator("[data-testid=softmaxLive]")
    assert "present" in (root.get_attribute("class") or "")
    printed = live.printed()
    zh = zh_tw.STRINGS
    assert printed["header"][0] == zh["table.class"]
    assert [row[0] for row in printed["rows"]][:2] == [zh["class.0"], zh["class.1"]]
    size = root.evaluate("r => parseFloat(getComputedStyle(r).fontSize)")
    assert size >= 26
    label = live.page.locator('input[data-key="explorer_z1"]').get_attribute(
        "aria-label"
    )
    assert re.search(zh["class.1"], label)
