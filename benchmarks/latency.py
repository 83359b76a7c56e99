"""Latency of a slider change, and the live view's redraw rate during a drag.

Run from the project's root (``.venv/bin/python benchmarks/latency.py``); it
needs Debian's Chromium at /usr/bin/chromium and Playwright, and takes about
two minutes. In one run and one browser it measures:

- the time from a keyboard step on a Streamlit slider to the updated number on
  the page, p50 and p95 over ``--changes`` steps, for (a) a trivial Streamlit
  app with one slider and one printed number (the floor: one rerun of nothing)
  and (b) the explorer page, both the number Python renders (its step table)
  and the number the live view shows;
- during a scripted drag (a pointer move every few milliseconds), how many
  updates per second the live view paints: its redraws happen in
  requestAnimationFrame, and it counts them in ``data-frames``.

Times are taken inside the page (``performance.now()``), from the ``keydown``
to the DOM mutation that shows the new number. Goals: (b) p50 within 1.2× of
(a); live drag at least 30 updates per second. It prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

TRIVIAL_APP = """\
import streamlit as st

x = st.slider("x", 0.0, 10.0, 5.0, 0.1, key="x")
st.markdown(f"result {x * 2:.1f}")
"""

# Arms a promise that resolves with the milliseconds from the next keydown to
# the moment ``read`` (a JS expression) returns something new.
ARM = """
(read) => {
  const value = new Function(`return (${read});`);
  const before = value();
  window.__latency = new Promise((resolve) => {
    let start = null;
    document.addEventListener('keydown', () => { start = performance.now(); },
      { capture: true, once: true });
    const roots = [document];
    const host = document.querySelector('.stBidiComponent [data-testid]');
    if (host && host.shadowRoot) roots.push(host.shadowRoot);
    const check = () => {
      const now = value();
      if (start !== null && now !== null && now !== before) {
        observers.forEach((o) => o.disconnect());
        resolve(performance.now() - start);
      }
    };
    const observers = roots.map((root) => {
      const o = new MutationObserver(check);
      o.observe(root, { subtree: true, childList: true, characterData: true,
                        attributes: true });
      return o;
    });
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
SCRIPT_STATE = """() => document.querySelector('[data-testid="stApp"]')
  ?.getAttribute('data-test-script-state')"""
LIVE_FRAMES = """() => Number(document.querySelector('.stBidiComponent [data-testid]')
  .shadowRoot.querySelector('[data-testid="liveBars"]').dataset.frames)"""
# Counts the browser's own animation frames, to compare the redraws with.
FRAME_COUNTER = """() => { window.__frames = 0;
  const tick = () => { window.__frames += 1; requestAnimationFrame(tick); };
  requestAnimationFrame(tick); }"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(script: Path, cwd: Path, stack: ExitStack) -> str:
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
            "--browser.gatherUsageStats=false",
        ],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    stack.callback(server.wait, 10)
    stack.callback(server.terminate)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                return url
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{script} did not start")


def wait_idle(page, quiet_ms: int = 150) -> None:
    deadline = time.monotonic() + 30
    while page.evaluate(SCRIPT_STATE) != "notRunning":
        if time.monotonic() > deadline:
            raise RuntimeError("the page did not finish its run")
        page.wait_for_timeout(10)
    page.wait_for_timeout(quiet_ms)


def step_latencies(page, slider, reads: list[str], changes: int) -> list[list[float]]:
    """Milliseconds from each keyboard step to each number in ``reads``."""
    results: list[list[float]] = [[] for _ in reads]
    slider.focus()
    for i in range(changes):
        key = "ArrowRight" if (i // 10) % 2 == 0 else "ArrowLeft"
        # One promise per number: arm them all, press once, collect each.
        for j, read in enumerate(reads):
            page.evaluate(ARM.replace("__latency", f"__latency{j}"), read)
        page.keyboard.press(key)
        for j in range(len(reads)):
            results[j].append(page.evaluate(f"() => window.__latency{j}"))
        wait_idle(page)
    return results


def drag_rate(page, handle, seconds: float) -> tuple[float, float, float]:
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
    wait_idle(page, 300)
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
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        (folder / "trivial.py").write_text(TRIVIAL_APP)
        trivial_url = start_server(folder / "trivial.py", folder, stack)
        app_url = start_server(ROOT / "app.py", ROOT, stack)
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        stack.callback(browser.close)
        context = browser.new_context(viewport={"width": 1600, "height": 1000})

        page = context.new_page()
        page.goto(trivial_url)
        page.wait_for_selector('.st-key-x input[type="range"]')
        wait_idle(page, 500)
        slider = page.locator('.st-key-x input[type="range"]')
        step_latencies(page, slider, [TRIVIAL_NUMBER], 5)  # warm up
        (trivial,) = step_latencies(page, slider, [TRIVIAL_NUMBER], args.changes)
        page.close()

        page = context.new_page()
        page.goto(f"{app_url}/explorer")
        page.wait_for_function(f"() => ({LIVE_NUMBER}) !== null", timeout=60_000)
        wait_idle(page, 500)
        slider = page.locator('.st-key-explorer_z0 input[type="range"]')
        reads = [PYTHON_NUMBER, PYTHON_DATA, LIVE_NUMBER]
        step_latencies(page, slider, reads, 5)
        python, data, live = step_latencies(page, slider, reads, args.changes)

        own = page.locator('input[data-key="explorer_z1"]')
        own_rate = drag_rate(page, own, args.drag_seconds)
        thumb = page.locator(
            '.st-key-explorer_z2 [data-testid="stSliderThumbValue"]'
        ).locator("..")
        mirror_rate = drag_rate(page, thumb, args.drag_seconds)
        page.close()

    a50, a95 = percentiles(trivial)
    b50, b95 = percentiles(python)
    d50, d95 = percentiles(data)
    l50, l95 = percentiles(live)
    n = args.changes
    print("| measurement | n | p50 | p95 | goal |")
    print("| --- | ---: | ---: | ---: | --- |")
    print(
        f"| (a) trivial app: key step → printed number | {n} | {a50:.0f} ms"
        f" | {a95:.0f} ms | the floor |"
    )
    print(
        f"| (b) explorer: key step → Python's step table | {n} | {b50:.0f} ms"
        f" | {b95:.0f} ms | p50 ≤ 1.2 × (a): {b50 / a50:.2f} × |"
    )
    print(
        f"| (b) explorer: key step → live view gets Python's numbers | {n}"
        f" | {d50:.0f} ms | {d95:.0f} ms | {d50 / a50:.2f} × (a) |"
    )
    print(
        f"| (b) explorer: key step → live view redrawn | {n} | {l50:.0f} ms"
        f" | {l95:.0f} ms | {l50 / a50:.2f} × (a) |"
    )
    for name, (rate, frames, moves) in (
        ("live drag, the view's own input", own_rate),
        ("live drag, the page's Streamlit slider", mirror_rate),
    ):
        print(
            f"| {name}: updates painted | {args.drag_seconds:g} s | {rate:.0f}/s"
            f" | (browser {frames:.0f} frames/s, {moves:.0f} moves/s) | ≥ 30/s |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
