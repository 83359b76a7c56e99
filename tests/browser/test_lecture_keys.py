"""The guided lecture in headless Chromium: a presenter's keys and the projector.

A clicker sends PageDown and PageUp; a laptop has the arrow keys. Both move
between the lecture's steps (the heading and ``?step=`` follow), both stop at
the ends, and neither fires while the focus is in a slider. The last tests
save every step in presenter mode at 1920×1080 to
``tests/.screenshots/lecture-step-N.png`` (``-zh-TW`` for Chinese) and check
what a lecture hall needs: large type, nothing wider or taller than the
screen, views that fill the width.

The server and Chromium are the session's (tests/browser/conftest.py); every
tab opens in a browser context of its own.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from softmax_ui.lecture_steps import STEPS
from softmax_ui.locales import en, zh_tw
from tools.app_server import TRACKER

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / ".screenshots"
LAPTOP = {"width": 1600, "height": 1000}
PROJECTOR = {"width": 1920, "height": 1080}
NAMES = list(STEPS)
CATALOGS = {"en": en.STRINGS, "zh-TW": zh_tw.STRINGS}
READY_TIMEOUT = 60.0

# What the page still waits for, or "" once it is drawn and quiet. Streamlit
# loads plotly and KaTeX lazily: a chart is drawn once it has its SVG, and math
# once it is typeset.
_BUSY = """
(quietMs) => {
  const st = window.__stTracker;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!st || !app) return 'no app yet';
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') {
    return 'not connected';
  }
  if (app.getAttribute('data-test-script-state') !== 'notRunning') return 'running';
  if (document.querySelector('[data-testid="stStatusWidget"]')) return 'status';
  if (document.querySelector('[data-testid="stSkeleton"]')) return 'skeleton';
  const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
  for (const chart of charts) {
    if (!chart.querySelector('.main-svg')) return 'chart not drawn';
  }
  const math = document.querySelectorAll('[data-testid="stMarkdownContainer"]');
  for (const block of math) {
    if (/\\$[^$]+\\$/.test(block.textContent)) return 'math not typeset';
  }
  const quiet = performance.now() - st.lastChange;
  return quiet >= quietMs ? '' : 'changing';
}
"""


@pytest.fixture
def lecture_server(server) -> str:
    """The URL of the session's server (tests/browser/conftest.py)."""
    return server.url


@pytest.fixture
def lecture_browser(browser):
    """The session's headless Chromium (skipped, saying why, without one)."""
    return browser


class Lecture:
    """One visitor's tab on the lecture page."""

    def __init__(self, browser, url: str, viewport: dict[str, int]) -> None:
        self.url = url
        self.context = browser.new_context(viewport=viewport)
        self.context.add_init_script(TRACKER)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        self.page.on("console", self._on_console)
        self.page.on("request", self._on_request)

    def _on_console(self, message) -> None:
        where = (message.location or {}).get("url", "")
        # Opened below its root, the frontend probes /lecture/_stcore/… first.
        if message.type == "error" and "/lecture/_stcore/" not in where:
            self.errors.append(f"console: {message.text} {where}")

    def _on_request(self, request) -> None:
        if request.url.startswith(("http", "ws")) and not request.url.split("//")[
            1
        ].startswith(self.url.split("//")[1]):
            self.errors.append(f"request to another host: {request.url}")

    def open(self, query: str = "") -> None:
        self.page.goto(f"{self.url}/lecture{query}")
        self.settle()

    def settle(self, quiet_ms: int = 500) -> None:
        """Wait until the page is drawn and has not changed for ``quiet_ms``."""
        deadline = time.monotonic() + READY_TIMEOUT
        busy = "not checked"
        while time.monotonic() < deadline:
            busy = self.page.evaluate(_BUSY, quiet_ms)
            if not busy:
                break
            self.page.wait_for_timeout(100)
        else:
            pytest.fail(
                f"the lecture was not ready in {READY_TIMEOUT:.0f} s: {busy}"
                f" ({self.page.url})"
            )
        assert not self.errors, "\n".join(self.errors)

    def press(self, key: str, heading: str) -> None:
        """Press ``key``, wait for ``heading`` to show, then for the page to settle."""
        self.page.keyboard.press(key)
        self.wait_for(lambda: self.heading() == heading, f"{key} → {heading!r}")
        self.settle()

    def wait_for(self, check, what: str) -> None:
        deadline = time.monotonic() + READY_TIMEOUT
        while not check():
            if time.monotonic() > deadline:
                pytest.fail(f"not seen in {READY_TIMEOUT:.0f} s: {what}")
            self.page.wait_for_timeout(100)

    def heading(self) -> str:
        return self.page.locator("h2").first.inner_text().strip()

    def step_in_url(self) -> str | None:
        found = re.search(r"[?&]step=([^&]*)", self.page.url)
        return found.group(1) if found else None

    def close(self) -> None:
        self.context.close()


def heading_of(n: int, lang: str = "en") -> str:
    strings = CATALOGS[lang]
    title = strings[f"lecture.{NAMES[n - 1]}_title"]
    return strings["lecture.step_heading"].format(n=n, total=len(NAMES), title=title)


@pytest.fixture
def lecture(lecture_browser, lecture_server) -> Iterator[Lecture]:
    tab = Lecture(lecture_browser, lecture_server, LAPTOP)
    yield tab
    tab.close()


def test_clicker_and_arrow_keys_move_between_steps(lecture):
    lecture.open()
    assert lecture.heading() == heading_of(1)
    for key, step in [
        ("PageDown", 2),
        ("PageDown", 3),
        ("ArrowRight", 4),
        ("PageUp", 3),
        ("ArrowLeft", 2),
    ]:
        lecture.press(key, heading_of(step))
        assert lecture.step_in_url() == str(step), key
    lecture.press("ArrowLeft", heading_of(1))
    assert lecture.step_in_url() in (None, "1")


@pytest.mark.parametrize(
    ("start", "keys"), [(1, ("PageUp", "ArrowLeft")), (10, ("PageDown", "ArrowRight"))]
)
def test_the_keys_stop_at_the_ends_of_the_lecture(lecture, start, keys):
    lecture.open(f"?step={start}")
    assert lecture.heading() == heading_of(start)
    for key in keys:
        # A disabled button has no shortcut: nothing reruns, nothing moves.
        lecture.page.keyboard.press(key)
        lecture.page.wait_for_timeout(800)
        lecture.settle()
        assert lecture.heading() == heading_of(start)
    assert lecture.step_in_url() == (str(start) if start != 1 else None)


def test_arrow_keys_in_a_slider_move_the_slider_not_the_step(lecture):
    lecture.open("?step=2")
    slider = lecture.page.get_by_role("slider").first
    slider.focus()
    lecture.page.keyboard.press("ArrowRight")
    # z0 = 5.1 reaches the step table: t = e^5.1 ≈ 164.0.
    first_t = lecture.page.locator('[data-testid="stTable"] tbody tr td').nth(2)
    lecture.wait_for(lambda: first_t.inner_text().strip() == "164", "t = 164")
    lecture.settle()
    assert lecture.heading() == heading_of(2)
    assert slider.get_attribute("aria-valuetext") == "5.1"
    # Out of the slider, the same key moves on again.
    lecture.page.locator("h2").first.click()
    lecture.press("ArrowRight", heading_of(3))


def test_a_link_to_a_step_opens_it_and_one_out_of_range_the_nearest(lecture):
    lecture.open("?step=7")
    assert lecture.heading() == heading_of(7)
    lecture.open("?step=42")
    assert lecture.heading() == heading_of(len(NAMES))


def _check_fits_the_projector(page) -> None:
    layout = page.evaluate(
        """() => {
          const main = document.querySelector('[data-testid="stMain"]')
            || document.querySelector('section.main') || document.body;
          const para = document.querySelector(
            '[data-testid="stMarkdownContainer"] p');
          const views = Array.from(document.querySelectorAll(
            '[data-testid="stPlotlyChart"], [data-testid="stTable"],'
            + ' .st-key-lecture_lab'));
          const right = Math.max(0, ...views.map(
            (v) => v.getBoundingClientRect().right));
          return {
            overflow: main.scrollWidth - main.clientWidth,
            below: main.scrollHeight - main.clientHeight,
            body: parseFloat(getComputedStyle(para).fontSize),
            heading: parseFloat(getComputedStyle(
              document.querySelector('h2')).fontSize),
            right: right,
            width: window.innerWidth,
          };
        }"""
    )
    assert layout["overflow"] <= 1, layout
    # The whole step on the screen, its step numbers too: no scrolling.
    assert layout["below"] <= 1, layout
    assert layout["body"] >= 24, layout
    assert layout["heading"] >= 40, layout
    # The step's view reaches across the screen, not a narrow column.
    assert layout["right"] >= 0.85 * layout["width"], layout


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_every_step_in_presenter_mode_fits_a_projector(
    lecture_browser, lecture_server, lang
):
    tab = Lecture(lecture_browser, lecture_server, PROJECTOR)
    try:
        suffix = "" if lang == "en" else f"-{lang}"
        tab.open("?present=true" + ("" if lang == "en" else f"&lang={lang}"))
        for n in range(1, len(NAMES) + 1):
            if n > 1:
                tab.press("PageDown", heading_of(n, lang))
            assert tab.heading() == heading_of(n, lang)
            assert not tab.page.locator('[data-testid="stException"]').count()
            _check_fits_the_projector(tab.page)
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            tab.page.screenshot(path=str(SCREENSHOTS / f"lecture-step-{n}{suffix}.png"))
    finally:
        tab.close()
