"""Refresh docs/screenshots/: every page as a student sees it and as projected.

Run from the project's root with the project's Python (``make screenshots``)::

    .venv/bin/python tools/docs_screenshots.py
    .venv/bin/python tools/docs_screenshots.py --only explorer --out /tmp/shots --full

It starts ``streamlit run app.py`` on a free localhost port and opens each page
in headless Chromium (Debian's, ``/usr/bin/chromium``) as a new visitor would,
then saves what the window shows:

* ``<page>-1280x720.png``: normal mode, English, a laptop's window;
* ``<page>-1920x1080.png``: presenter mode, English, the projector;
* ``<page>-1920x1080-zh-TW.png``: presenter mode, Traditional Chinese;
* ``lecture-step-<n>-1920x1080.png`` (and ``-zh-TW``): each step of the
  guided lecture in presenter mode.

A shot is taken once Streamlit is idle (connected, no script running, no
element still loading its code, the page unchanged for a while) and a little
later again idle: charts load their code lazily and redraw after the first
idle moment. Any console error or exception on a page is printed, and the
exit status is 1.
"""

from __future__ import annotations

import argparse
import io
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
PAGES = ("home", "lecture", "explorer", "loss", "logistic", "training")
LECTURE_STEPS = 10
LAPTOP = (1280, 720)
PROJECTOR = (1920, 1080)
IDLE_TIMEOUT = 45.0

# Injected before the app's own scripts: counts finished script runs and notes
# when the DOM last changed (or a long task, such as parsing a chart bundle, ran).
_TRACKER = """
(() => {
  const st = { lastChange: performance.now() };
  window.__shotTracker = st;
  new MutationObserver(() => { st.lastChange = performance.now(); }).observe(
    document,
    { subtree: true, childList: true, attributes: true, characterData: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      st.lastChange = Math.max(st.lastChange, e.startTime + e.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
})();
"""

# What the page still waits for, or "" when it is idle.
_BUSY = """
(quietMs) => {
  const st = window.__shotTracker;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!st || !app) return 'no stApp yet';
  const connection = app.getAttribute('data-test-connection-state');
  if (connection !== 'CONNECTED') return 'connecting';
  if (app.getAttribute('data-test-script-state') !== 'notRunning') return 'running';
  if (document.querySelector('[data-testid="stStatusWidget"]')) return 'status widget';
  if (document.querySelector('[data-testid="stSkeleton"]')) return 'skeleton';
  if (document.fonts.status !== 'loaded') return 'fonts';
  const quiet = performance.now() - st.lastChange;
  return quiet >= quietMs ? '' : 'changing';
}
"""

# The height of everything in the main area, which scrolls inside the window.
_CONTENT_HEIGHT = """
() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const block = document.querySelector('[data-testid="stMainBlockContainer"]');
  const top = main ? main.getBoundingClientRect().top : 0;
  return Math.ceil(top + Math.max(
    main ? main.scrollHeight : 0, block ? block.scrollHeight : 0));
}
"""


@dataclass(frozen=True)
class Shot:
    """One screenshot: the file name and the link that shows it."""

    name: str
    path: str
    size: tuple[int, int]


def shots() -> list[Shot]:
    """Every screenshot for the docs, in the order they are taken."""
    laptop, projector = "{}x{}".format(*LAPTOP), "{}x{}".format(*PROJECTOR)
    listed = []
    for page in PAGES:
        url = "/" if page == "home" else f"/{page}"
        listed.append(Shot(f"{page}-{laptop}", url, LAPTOP))
        listed.append(Shot(f"{page}-{projector}", f"{url}?present=true", PROJECTOR))
        listed.append(
            Shot(
                f"{page}-{projector}-zh-TW",
                f"{url}?present=true&lang=zh-TW",
                PROJECTOR,
            )
        )
    for step in range(1, LECTURE_STEPS + 1):
        link = f"/lecture?present=true&step={step}"
        listed.append(Shot(f"lecture-step-{step}-{projector}", link, PROJECTOR))
        listed.append(
            Shot(
                f"lecture-step-{step}-{projector}-zh-TW",
                f"{link}&lang=zh-TW",
                PROJECTOR,
            )
        )
    return listed


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(port: int, log) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
            "--browser.gatherUsageStats=false",
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("streamlit exited at start; see " + log.name)
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{port}/_stcore/health", timeout=1
            ):
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("streamlit was not healthy within 60 s")


def _wait_idle(page, quiet_ms: int) -> None:
    deadline = time.monotonic() + IDLE_TIMEOUT
    busy = "not checked"
    while time.monotonic() < deadline:
        busy = page.evaluate(_BUSY, quiet_ms)
        if not busy:
            return
        page.wait_for_timeout(100)
    print(f"  not idle after {IDLE_TIMEOUT:.0f} s ({busy}); taking it anyway")


def _save_png(data: bytes, file: Path) -> None:
    # Pillow (a dependency of Streamlit) recompresses losslessly, about a
    # third smaller than the browser's PNG.
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        image.convert("RGB").save(file, optimize=True)


def take(browser, base: str, shot: Shot, out: Path, settle: float, full: bool) -> list:
    """Open ``shot`` in a new tab, wait until it is idle, save it; return errors."""
    width, height = shot.size
    context = browser.new_context(
        viewport={"width": width, "height": height}, device_scale_factor=1
    )
    context.add_init_script(_TRACKER)
    page = context.new_page()
    errors: list[str] = []
    # Opened below its root, the frontend first probes PATH/_stcore/ in case
    # the app is served under that base path: those 404s are its own.
    probe = f"{base}{shot.path.split('?')[0].rstrip('/')}/_stcore/"

    def on_console(message) -> None:
        url = (message.location or {}).get("url", "")
        if message.type == "error" and not url.startswith(probe):
            errors.append(f"console: {message.text} {url}".strip())

    page.on("console", on_console)
    page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
    try:
        page.goto(base + shot.path)
        _wait_idle(page, 1000)
        page.wait_for_timeout(int(settle * 1000))
        _wait_idle(page, 500)
        if full:
            tall = max(height, int(page.evaluate(_CONTENT_HEIGHT)))
            page.set_viewport_size({"width": width, "height": tall})
            _wait_idle(page, 1000)
        errors += [
            f"exception on the page: {text[:300]}"
            for text in page.locator('[data-testid="stException"]').all_inner_texts()
        ]
        _save_png(page.screenshot(), out / f"{shot.name}.png")
    finally:
        context.close()
    return errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--only", default="", help="a regular expression: take the shots it matches"
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="the whole page, not only the window (for review, not for the docs)",
    )
    parser.add_argument(
        "--settle", type=float, default=2.0, help="seconds to wait after idle"
    )
    args = parser.parse_args()
    wanted = [shot for shot in shots() if re.search(args.only, shot.name)]
    if not wanted:
        raise SystemExit(f"no screenshot matches {args.only!r}")
    args.out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    problems = 0
    with tempfile.NamedTemporaryFile("w", suffix=".log", delete=False) as log:
        server = _start_server(port, log)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
                )
                for shot in wanted:
                    errors = take(browser, base, shot, args.out, args.settle, args.full)
                    print(args.out / f"{shot.name}.png")
                    for error in errors:
                        print(f"  {shot.path}: {error}")
                    problems += len(errors)
                browser.close()
        finally:
            server.terminate()
            server.wait(10)
    if not args.only:
        # A full refresh leaves no screenshot of a page or step that is gone.
        taken = {f"{shot.name}.png" for shot in wanted}
        for old in args.out.glob("*.png"):
            if old.name not in taken:
                old.unlink()
                print(f"removed {old}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
