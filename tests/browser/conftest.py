"""End-to-end fixtures: the real app under ``streamlit run``, driven in Chromium.

A session-wide server serves most tests; the deep-link test gets a server of
its own, started fresh so that nobody has opened ``/`` on it yet. Every test
opens its own tab (a new Streamlit session, as a new visitor would), and the
tab is saved to ``tests/.screenshots/<test name>.png`` when the test ends.

Waiting for idle. Streamlit marks ``[data-testid="stApp"]`` with
``data-test-connection-state`` and ``data-test-script-state`` (``running``,
``notRunning``). A script injected before the app's own counts finished runs
and notes the last DOM mutation and the last long task. The page is idle when
it is connected, no script runs, no ``stStatusWidget`` and no ``stSkeleton``
(an element whose code is still loading) shows, and nothing has changed for
``QUIET_MS``: after a run ends the frontend still redraws the navigation and
parses the chart bundle. After an interaction we also wait for a run that
finished after it, so the idle page from *before* a keypress never counts.
The observer does not see into shadow roots (the live view is a custom
component in one), so tests read values with ``AppPage.eventually``.

Chromium runs per test module (Playwright's sync API allows one instance per
thread); the server is shared by the whole session.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / ".screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
VIEWPORT = {"width": 1600, "height": 1000}
SERVER_START_TIMEOUT = 60.0
IDLE_TIMEOUT = 30.0
QUIET_MS = 400
POLL_MS = 100

# Injected into every page before its own scripts: counts finished script runs
# and records when the DOM last changed.
_TRACKER = """
(() => {
  const st = { finished: 0, lastChange: performance.now() };
  window.__stTracker = st;
  new MutationObserver((records) => {
    st.lastChange = performance.now();
    for (const r of records) {
      if (r.attributeName === 'data-test-script-state' && r.oldValue === 'running') {
        st.finished += 1;
      }
    }
  }).observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true,
    attributeOldValue: true,
  });
  // A long task (e.g. parsing the plotly bundle) may change nothing for a second.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      st.lastChange = Math.max(st.lastChange, e.startTime + e.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
})();
"""

# What is still missing, or "" when the page is idle.
_BUSY = """
([after, quietMs]) => {
  const st = window.__stTracker;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!st || !app) return 'no stApp yet';
  const connection = app.getAttribute('data-test-connection-state');
  if (connection !== 'CONNECTED') return `connection ${connection}`;
  const script = app.getAttribute('data-test-script-state');
  if (script !== 'notRunning') return `script ${script}`;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return 'status widget';
  // Elements whose code is still loading show a skeleton placeholder.
  const skeletons = document.querySelectorAll('[data-testid="stSkeleton"]').length;
  if (skeletons) return `${skeletons} skeleton(s)`;
  if (after !== null && st.finished <= after) return 'no rerun after the action yet';
  const quiet = performance.now() - st.lastChange;
  return quiet >= quietMs ? '' : `quiet for ${Math.round(quiet)} ms only`;
}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """``streamlit run app.py`` on a free localhost port, logging to a file."""

    def __init__(self, log_path: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        # A file, not a pipe: the server logs every request and a full pipe
        # would block it.
        self._log = open(log_path, "w")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.headless=true",
                f"--server.port={self.port}",
                "--server.address=127.0.0.1",
                "--browser.gatherUsageStats=false",
            ],
            cwd=ROOT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self._wait_healthy()

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                pytest.fail(f"streamlit exited at start:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        pytest.fail(f"streamlit was not healthy in time:\n{self.log_tail()}")

    def log_tail(self, chars: int = 3000) -> str:
        """The end of the server's log, without its line per HTTP request."""
        lines = self.log_path.read_text(errors="replace").splitlines()
        kept = [line for line in lines if not re.search(r'"(GET|POST|HEAD) ', line)]
        return "\n".join(kept)[-chars:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self._log.close()


class AppPage:
    """One browser session on the app: open paths, wait for idle, collect errors."""

    def __init__(self, context, server: AppServer) -> None:
        self.context = context
        self.server = server
        self.page = context.new_page()
        self.errors: list[str] = []
        self._probe_prefixes: set[str] = set()
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        self.page.on("request", self._on_request)

    def _on_console(self, message) -> None:
        if message.type != "error":
            return
        url = (message.location or {}).get("url", "")
        # Opened below its root, the frontend first probes PATH/_stcore/health
        # and PATH/_stcore/host-config in case the app is served under that
        # base path: those 404s are its own.
        if any(url.startswith(prefix) for prefix in self._probe_prefixes):
            return
        self.errors.append(f"console: {message.text} {url}".strip())

    def _on_request(self, request) -> None:
        # The app is served from this machine and must work offline.
        url = request.url
        if url.startswith(("http:", "https:", "ws:", "wss:")) and not url.startswith(
            (self.server.url, self.server.url.replace("http", "ws", 1))
        ):
            self.errors.append(f"request to another host: {url}")

    def open(self, path: str) -> None:
        """Load ``path`` (e.g. ``/explorer?explorer_z0=1``) and wait until idle."""
        below_root = path.split("?")[0].rstrip("/")
        if below_root:
            self._probe_prefixes.add(f"{self.server.url}{below_root}/_stcore/")
        self.page.goto(f"{self.server.url}{path}")
        self.settle()

    def finished_runs(self) -> int:
        return int(self.page.evaluate("() => window.__stTracker.finished"))

    def settle(self, after_runs: int | None = None) -> None:
        """Wait until Streamlit is idle (and, given ``after_runs``, has rerun).

        Then fail on any console error or uncaught exception seen so far.
        """
        deadline = time.monotonic() + IDLE_TIMEOUT
        busy = "not checked"
        while time.monotonic() < deadline:
            busy = self.page.evaluate(_BUSY, [after_runs, QUIET_MS])
            if not busy:
                break
            self.page.wait_for_timeout(POLL_MS)
        else:
            pytest.fail(
                f"Streamlit was not idle after {IDLE_TIMEOUT:.0f} s: {busy}\n"
                f"server log:\n{self.server.log_tail()}"
            )
        self.assert_no_errors()

    def interact(self, action: Callable[[], None]) -> None:
        """Do ``action`` (which must make the script rerun), then wait for idle."""
        before = self.finished_runs()
        action()
        self.settle(after_runs=before)

    def press(self, locator, *keys: str) -> None:
        """Focus ``locator`` and press ``keys`` one by one, then wait for idle."""

        def keyboard() -> None:
            locator.focus()
            for key in keys:
                self.page.keyboard.press(key)

        self.interact(keyboard)

    def eventually(self, check: Callable[[], None], timeout: float = 10.0) -> None:
        """Retry ``check`` (which asserts) until it passes or ``timeout`` runs out.

        Values from one script run can reach the DOM a frame apart.
        """
        deadline = time.monotonic() + timeout
        while True:
            try:
                check()
                return
            except AssertionError:
                if time.monotonic() > deadline:
                    raise
            self.page.wait_for_timeout(POLL_MS)

    def assert_no_errors(self) -> None:
        assert not self.errors, "browser errors:\n" + "\n".join(self.errors)

    def exceptions(self) -> list[str]:
        return self.page.locator('[data-testid="stException"]').all_inner_texts()

    def screenshot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        file = SCREENSHOTS / (
            re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") + ".png"
        )
        self.page.screenshot(path=str(file), full_page=True)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Debian's Chromium; the whole suite is skipped, saying why, without it."""
    if not CHROMIUM.exists():
        pytest.skip(
            f"browser tests need Chromium at {CHROMIUM}: install it with "
            "`apt-get install -y chromium` (or run .ci/run, which does)"
        )
    pytest.importorskip(
        "playwright.sync_api", reason="browser tests need `pip install playwright`"
    )
    return CHROMIUM


@pytest.fixture(scope="module")
def browser(chromium_path) -> Iterator:
    """Chromium, headless, driven by Playwright.

    Module scope, not session: Playwright's sync API allows one running
    instance per thread, so a test module that starts its own can follow.
    """
    from playwright import sync_api

    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium_path), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def server(chromium_path, tmp_path_factory) -> Iterator[AppServer]:
    """The app, started once for the tests that do not need a fresh server."""
    app_server = AppServer(tmp_path_factory.mktemp("streamlit") / "server.log")
    yield app_server
    app_server.stop()


@pytest.fixture
def fresh_server(chromium_path, tmp_path_factory) -> Iterator[AppServer]:
    """The app on a server of its own that no browser has visited yet."""
    app_server = AppServer(tmp_path_factory.mktemp("streamlit") / "server.log")
    yield app_server
    app_server.stop()


@pytest.fixture(scope="module")
def context(browser) -> Iterator:
    """One browser context per module, so the app's scripts load from cache.

    Each test opens its own tab, and each tab is a new Streamlit session.
    """
    browser_context = browser.new_context(viewport=VIEWPORT)
    browser_context.set_default_timeout(IDLE_TIMEOUT * 1000)
    browser_context.add_init_script(_TRACKER)
    yield browser_context
    browser_context.close()


@contextlib.contextmanager
def _app_page(context, app_server: AppServer, name: str) -> Iterator[AppPage]:
    app_page = AppPage(context, app_server)
    try:
        yield app_page
    finally:
        try:
            app_page.screenshot(name)
        except Exception as err:  # a crashed tab must not hide the test's result
            warnings.warn(f"no screenshot for {name}: {err}", stacklevel=1)
        finally:
            app_page.page.close()


@pytest.fixture
def app(context, server, request) -> Iterator[AppPage]:
    """A new visitor's tab (a new Streamlit session) on the shared server."""
    with _app_page(context, server, request.node.name) as app_page:
        yield app_page


@pytest.fixture
def fresh_app(context, fresh_server, request) -> Iterator[AppPage]:
    """A tab on a freshly started server."""
    with _app_page(context, fresh_server, request.node.name) as app_page:
        yield app_page
