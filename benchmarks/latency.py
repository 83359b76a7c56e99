"""Latency of a slider change, and the live view's redraw rate during a drag.

Run from the project's root (``.venv/bin/python benchmarks/latency.py``); it
needs Debian's Chromium at /usr/bin/chromium and Playwright, and takes about
five minutes. In one run and one browser it measures:

- the time from a keyboard step on a Streamlit slider to the updated number on
  the page, p50 and p95 over ``--changes`` steps, for (a) a trivial Streamlit
  app with one slider and one printed number (the floor: one rerun of
  nothing), (a′) the same app under this app's ``.streamlit/config.toml``,
  and (b) the explorer page as it opens, with "The same numbers from Python"
  off: the time until the live view holds the numbers Python computed for the
  new z (and, before that, until it redrew with the browser's own); then (c)
  the explorer with that view on, until its ``st.table`` shows the new z;
- with ``--before DIR``, (d) the explorer of another checkout of the app (say
  ``git worktree add /tmp/before <commit>``), as it opens, in the same run;
- during a scripted drag (a pointer move every few milliseconds), how many
  updates per second the live view paints: its redraws happen in
  requestAnimationFrame, and it counts them in ``data-frames``.

The steps go in rounds of ten, one round per page in turn, so that the noise
of a shared machine falls on every page alike. Times are taken inside the page
(``performance.now()``), from the ``keydown`` to the DOM mutation that shows
the new number. Goals: (b) p50 within 1.2× of (a); live drag at least 30
updates per second. It prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.app_server import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    TRACKER,
    AppServer,
    RunLog,
    wait_idle,
)

TRIVIAL_APP = """\
import streamlit as st

x = st.slider("x", 0.0, 10.0, 5.0, 0.1, key="x")
st.markdown(f"result {x * 2:.1f}")
"""

# Arms a promise that resolves with the milliseconds from the next keydown to
# the moment ``read`` (a JS expression) returns something new, or with null
# after 15 s. DOM mutations catch the moment; a check every animation frame
# catches a change inside a shadow root that was replaced after arming.
ARM = """
(read) => {
  const value = new Function(`return (${read});`);
  const before = value();
  window.__latency = new Promise((resolve) => {
    let start = null;
    let done = false;
    document.addEventListener('keydown', () => { start = performance.now(); },
      { capture: true, once: true });
    const roots = [document];
    const host = document.querySelector('.stBidiComponent [data-testid]');
    if (host && host.shadowRoot) roots.push(host.shadowRoot);
    const finish = (result) => {
      if (done) return;
      done = true;
      observers.forEach((o) => o.disconnect());
      resolve(result);
    };
    const check = () => {
      const now = value();
      if (start !== null && now !== null && now !== before) {
        finish(performance.now() - start);
      }
    };
    const observers = roots.map((root) => {
      const o = new MutationObserver(check);
      o.observe(root, { subtree: true, childList: true, characterData: true,
                        attributes: true });
      return o;
    });
    const poll = () => { check(); if (!done) requestAnimationFrame(poll); };
    requestAnimationFrame(poll);
    setTimeout(() => finish(null), 15000);
  });
}
"""

TRIVIAL_NUMBER = """[...document.querySelectorAll(
    '[data-testid="stMarkdownContainer"] p')]
  .map((p) => p.textContent).find((t) => t.startsWith('result')) ?? null"""
PYTHON_NUMBER = """document.querySelector('[data-testid="stTable"] tbody tr')
  ?.textContent ?? null"""
LIVE_NUMBER = """document.querySelector('.stBidiComponent [data-testid]')?.shadowRoot
  ?.querySelector('[data-testid="liveBars"]')?.dataset.z ?? null"""
PYTHON_DATA = """document.querySelector('.stBidiComponent [data-testid]')?.shadowRoot
  ?.querySelector('[data-testid="liveBars"]')?.dataset.pythonZ ?? null"""
LIVE_FRAMES = """() => Number(document.querySelector('.stBidiComponent [data-testid]')
  .shadowRoot.querySelector('[data-testid="liveBars"]').dataset.frames)"""
# Counts the browser's own animation frames, to compare the redraws with.
FRAME_COUNTER = """() => { window.__frames = 0;
  const tick = () => { window.__frames += 1; requestAnimationFrame(tick); };
  requestAnimationFrame(tick); }"""


def serve(script: Path, cwd: Path, stack: ExitStack) -> str:
    """Start ``streamlit run script`` in ``cwd`` until ``stack`` closes; its URL."""
    return stack.enter_context(AppServer(script=script, cwd=cwd)).url


def open_tab(context, url: str) -> tuple[object, RunLog]:
    """A new tab on ``url``, with the log of its script runs."""
    page = context.new_page()
    runs = RunLog(page)
    page.goto(url)
    return page, runs


def settle(page, runs: RunLog, quiet_ms: int = 150) -> None:
    """Wait until the server has answered the tab and the page is quiet."""
    busy = wait_idle(page, runs, 30, quiet_ms, poll_ms=10)
    if busy:
        raise RuntimeError(f"the page did not settle in 30 s: {busy}")


def step_latencies(
    page, runs: RunLog, slider, reads: list[str], changes: int, first: int = 0
) -> list[list[float]]:
    """Milliseconds from each keyboard step to each number in ``reads``.

    Ten steps right, ten left, and so on, counting from step ``first``.
    """
    results: list[list[float]] = [[] for _ in reads]
    slider.focus()
    for i in range(first, first + changes):
        key = "ArrowRight" if (i // 10) % 2 == 0 else "ArrowLeft"
        # One promise per number: arm them all, press once, collect each.
        for j, read in enumerate(reads):
            page.evaluate(ARM.replace("__latency", f"__latency{j}"), read)
        page.keyboard.press(key)
        for j, read in enumerate(reads):
            ms = page.evaluate(f"() => window.__latency{j}")
            if ms is None:
                raise RuntimeError(f"no change in 15 s after {key} of {read}")
            results[j].append(ms)
        settle(page, runs)
    return results


@dataclass
class Target:
    """A page, the slider stepped on it and the numbers read after each step."""

    page: object
    runs: RunLog
    slider: object
    reads: list[str]
    times: list[list[float]] = field(default_factory=list)
    steps: int = 0

    def measure(self, changes: int) -> None:
        self.page.bring_to_front()
        settle(self.page, self.runs, 300)
        found = step_latencies(
            self.page, self.runs, self.slider, self.reads, changes, first=self.steps
        )
        self.steps += changes
        self.times = self.times or [[] for _ in self.reads]
        for kept, new in zip(self.times, found, strict=True):
            kept.extend(new)


def open_explorer(context, url: str, python_view: bool) -> tuple[object, RunLog]:
    page, runs = open_tab(context, f"{url}/explorer")
    page.wait_for_function(f"() => ({LIVE_NUMBER}) !== null", timeout=60_000)
    settle(page, runs, 500)
    toggle = page.locator(".st-key-explorer_python_view label")
    if python_view and toggle.count():
        toggle.click()
        page.wait_for_function(f"() => ({PYTHON_NUMBER}) !== null", timeout=60_000)
        settle(page, runs, 500)
    return page, runs


def drag_rate(page, runs: RunLog, handle, seconds: float) -> tuple[float, float, float]:
    """(live redraws/s, browser frames/s, pointer moves/s) over a scripted drag."""
    box = handle.bounding_box()
    y = box["y"] + box["height"] / 2
    left, width = box["x"] + box["width"] * 0.3, box["width"] * 0.4
    page.evaluate(FRAME_COUNTER)
    page.mouse.move(left, y)
    page.mouse.down()
    page.wait_for_timeout(100)
    frames0, browser0 = page.evaluate(LIVE_FRAMES), page.evaluate("() => __frames")
    start = time.perf_counter()
    moves = 0
    while (elapsed := time.perf_counter() - start) < seconds:
        # A hand sweeping back and forth, once a second.
        phase = abs((elapsed % 1.0) * 2 - 1)
        page.mouse.move(left + width * phase, y)
        moves += 1
    frames1, browser1 = page.evaluate(LIVE_FRAMES), page.evaluate("() => __frames")
    elapsed = time.perf_counter() - start
    page.mouse.up()
    settle(page, runs, 300)
    return (
        (frames1 - frames0) / elapsed,
        (browser1 - browser0) / elapsed,
        moves / elapsed,
    )


def percentiles(ms: list[float]) -> tuple[float, float]:
    return float(np.percentile(ms, 50)), float(np.percentile(ms, 95))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=50)
    parser.add_argument("--drag-seconds", type=float, default=3.0)
    parser.add_argument(
        "--before",
        type=Path,
        action="append",
        default=[],
        help="another checkout of the app, measured alike (repeat for more)",
    )
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        (folder / "trivial.py").write_text(TRIVIAL_APP)
        trivial_url = serve(folder / "trivial.py", folder, stack)
        # The same app under this app's .streamlit/config.toml (no garbage
        # collection after each run, among others), to see what that is worth.
        configured = folder / "configured"
        (configured / ".streamlit").mkdir(parents=True)
        (configured / "trivial.py").write_text(TRIVIAL_APP)
        config = (ROOT / ".streamlit" / "config.toml").read_text()
        (configured / ".streamlit" / "config.toml").write_text(config)
        configured_url = serve(configured / "trivial.py", configured, stack)
        app_url = serve(ROOT / "app.py", ROOT, stack)
        before_urls = {
            tree: serve(tree / "app.py", tree, stack) for tree in args.before
        }
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        stack.callback(browser.close)
        context = browser.new_context(viewport={"width": 1600, "height": 1000})
        context.add_init_script(TRACKER)

        page, runs = open_tab(context, trivial_url)
        page.wait_for_selector('.st-key-x input[type="range"]')
        targets = {"trivial": Target(page, runs, z0(page, "x"), [TRIVIAL_NUMBER])}
        page, runs = open_tab(context, configured_url)
        page.wait_for_selector('.st-key-x input[type="range"]')
        targets["configured"] = Target(page, runs, z0(page, "x"), [TRIVIAL_NUMBER])
        page, runs = open_explorer(context, app_url, python_view=False)
        targets["off"] = Target(page, runs, z0(page), [PYTHON_DATA, LIVE_NUMBER])
        page, runs = open_explorer(context, app_url, python_view=True)
        targets["on"] = Target(page, runs, z0(page), [PYTHON_NUMBER, PYTHON_DATA])
        for tree, url in before_urls.items():
            page, runs = open_explorer(context, url, python_view=False)
            # An older explorer built its Python view always, toggle or not.
            table = page.evaluate(f"() => ({PYTHON_NUMBER}) !== null")
            reads = [PYTHON_NUMBER if table else LIVE_NUMBER, PYTHON_DATA]
            targets[tree] = Target(page, runs, z0(page), reads)
        for target in targets.values():  # warm up
            target.measure(10)
            target.times = []
        for done in range(0, args.changes, 10):
            for target in targets.values():
                target.measure(min(10, args.changes - done))

        page, runs = targets["off"].page, targets["off"].runs
        page.bring_to_front()
        own = page.locator('input[data-key="explorer_z1"]')
        own_rate = drag_rate(page, runs, own, args.drag_seconds)
        thumb = page.locator(
            '.st-key-explorer_z2 [data-testid="stSliderThumbValue"]'
        ).locator("..")
        mirror_rate = drag_rate(page, runs, thumb, args.drag_seconds)

    n = args.changes
    (trivial,) = targets["trivial"].times
    a50, a95 = percentiles(trivial)
    rows = [
        ("(a) trivial app: key step → printed number", trivial, "the floor"),
        ("(a′) the same, with this app's config.toml",
         targets["configured"].times[0], ""),
        ("(b) explorer: key step → live view holds Python's numbers",
         targets["off"].times[0], "p50 ≤ 1.2 × (a)"),
        ("(b) explorer: key step → live view redrawn", targets["off"].times[1], ""),
        ("(c) explorer, Python view on: key step → Python's step table",
         targets["on"].times[0], ""),
        ("(c) explorer, Python view on: key step → live view holds Python's"
         " numbers", targets["on"].times[1], ""),
    ]  # fmt: skip
    for tree in args.before:
        first, data = targets[tree].times
        table = targets[tree].reads[0] == PYTHON_NUMBER
        what = "Python's step table" if table else "live view redrawn"
        rows += [
            (f"(d) {tree}: key step → {what}", first, ""),
            (f"(d) {tree}: key step → live view holds Python's numbers", data, ""),
        ]
    print(
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f};"
        f" {n} steps per row, in rounds of 10 taken in turn\n"
    )
    print("| measurement | n | p50 | p95 | p50 ÷ (a) | goal |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for name, ms, goal in rows:
        p50, p95 = percentiles(ms)
        print(
            f"| {name} | {len(ms)} | {p50:.0f} ms | {p95:.0f} ms"
            f" | {p50 / a50:.2f} × | {goal} |"
        )
    for name, (rate, frames, moves) in (
        ("live drag, the view's own input", own_rate),
        ("live drag, the page's Streamlit slider", mirror_rate),
    ):
        print(
            f"| {name}: updates painted | {args.drag_seconds:g} s | {rate:.0f}/s"
            f" | (browser {frames:.0f} frames/s, {moves:.0f} moves/s) | | ≥ 30/s |"
        )
    b50 = percentiles(targets["off"].times[0])[0]
    met = b50 <= 1.2 * a50 and min(own_rate[0], mirror_rate[0]) >= 30
    print("\ngoal ((b) p50 ≤ 1.2 × (a), drag ≥ 30/s):", "met" if met else "NOT met")
    return 0


def z0(page, key: str = "explorer_z0"):
    return page.locator(f'.st-key-{key} input[type="range"]')


if __name__ == "__main__":
    sys.exit(main())
