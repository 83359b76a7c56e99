"""End-to-end fixtures: the real app under ``streamlit run``, driven in Chromium.

One server and one Chromium serve the whole browser session, every test module
alike. Each test gets a browser context of its own (no cache, cookies or
storage left by another test) and a tab in it, which is a new Streamlit
session, as a new visitor's would be. A test that needs a server nobody has
visited yet asks for ``fresh_app``, which starts one of its own (a few seconds
more). The tab is saved to ``tests/.screenshots/<test name>.png`` when the test
ends.

Has the server answered? That is read from the websocket, not from the page.
``RunLog`` decodes, with Streamlit's own protobuf classes, every
``rerun_script`` request the browser sends and every run the server starts
(``new_session``) and ends (``script_finished``). The server has caught up once
a run that started after the browser's last rerun request has ended. The
``data-test-script-state`` attribute of stApp cannot count runs: React may
draw a fast run's start and its end in one commit, so for that run the
attribute never reads ``running`` (on a busy machine a counter of ``running``
→ ``notRunning`` changes missed runs and waited in vain).

The page is idle when the server has caught up, the page is connected, no
script runs, no ``stStatusWidget`` and no ``stSkeleton`` (an element whose code
is still loading) shows, and neither the DOM nor the run log has changed for
``QUIET_MS``: after a run ends the frontend still redraws the navigation and
parses the chart bundle. A script injected before the app's own notes the last
DOM mutation and the last long task. The observer does not see into shadow
roots (the live view is a custom component in one), so tests read values with
``AppPage.eventually``.
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
# How long a pressed key may take to move a slider before it counts as unmoved
# (at an end of its range, say).
VALUE_TIMEOUT = 2.0
QUIET_MS = 400
POLL_MS = 100

# Injected into every page before its own scripts: records when the DOM last
# changed, or a long task (e.g. parsing the plotly bundle) last ran.
_TRACKER = """
(() => {
  const st = { lastChange: performance.now() };
  window.__stTracker = st;
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

# What the page still shows as busy, or "" when it looks idle.
_BUSY = """
(quietMs) => {
  const st = window.__stTracker;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!st || !app) return 'no stApp yet';
  const connection = app.getAttribute('data-test-connection-state');
  if (connection !== 'CONNECTED') return `connection ${connection}`;
  const script = app.getAttribute('data-test-script-state');
  if (script !== 'notRunning') return `script ${script}`;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return 'status widget';
  const skeletons = document.querySelectorAll('[data-testid="stSkeleton"]').length;
  if (skeletons) return `${skeletons} skeleton(s)`;
  const quiet = performance.now() - st.lastChange;
  return quiet >= quietMs ? '' : `DOM quiet for ${Math.round(quiet)} ms only`;
}
"""

# The value a key press changes: a slider's (react-aria's range input has no
# aria-valuenow, its ``value`` is the number), or null for a button.
_VALUE = """
(el) => el.getAttribute('aria-valuenow')
  ?? (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? el.value : null)
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


class RunLog:
    """Rerun requests and script runs, as they pass on a tab's websocket.

    ``events`` holds, in the order the browser saw them, ``"connect"`` (a new
    websocket: the page was loaded), ``"request"`` (a ``rerun_script`` sent),
    ``"start"`` (``new_session``: a run began) and ``"end"`` (a
    ``script_finished`` that ends the chain of runs; one stopped for a rerun
    does not count).
    """

    FINAL = {"FINISHED_SUCCESSFULLY", "FINISHED_WITH_COMPILE_ERROR",
             "FINISHED_FRAGMENT_RUN_SUCCESSFULLY"}

    def __init__(self, page) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self._back, self._forward = BackMsg, ForwardMsg
        self.events: list[str] = []
        self.last_event_at = time.monotonic()
        page.on("websocket", self._on_websocket)

    def _add(self, event: str) -> None:
        self.events.append(event)
        self.last_event_at = time.monotonic()

    def _on_websocket(self, websocket) -> None:
        if not websocket.url.endswith("/_stcore/stream"):
            return
        self._add("connect")
        websocket.on("framesent", self._on_sent)
        websocket.on("framereceived", self._on_received)

    def _on_sent(self, payload: bytes | str) -> None:
        if isinstance(payload, bytes):
            if self._back.FromString(payload).WhichOneof("type") == "rerun_script":
                self._add("request")

    def _on_received(self, payload: bytes | str) -> None:
        if not isinstance(payload, bytes):
            return
        message = self._forward.FromString(payload)
        kind = message.WhichOneof("type")
        if kind == "new_session":
            self._add("start")
        elif kind == "script_finished":
            status = self._forward.ScriptFinishedStatus.Name(message.script_finished)
            if status in self.FINAL:
                self._add("end")

    def mark(self) -> int:
        return len(self.events)

    def ended_runs(self) -> int:
        return self.events.count("end")

    def waiting_for(self, requested_since: int | None = None) -> str:
        """What the server has yet to answer, or "" once it has caught up.

        ``requested_since``: a ``mark()`` after which a rerun must have been
        requested.
        """
        events = self.events
        if requested_since is not None and "request" not in events[requested_since:]:
            return "no rerun requested after the action yet"
        if "connect" not in events:
            return "no websocket yet"
        connected = len(events) - events[::-1].index("connect")
        current = events[connected:]
        if "request" not in current:
            return "no run requested on this connection yet"
        after_request = current[len(current) - current[::-1].index("request") :]
        if "start" not in after_request:
            return "no run started after the last rerun request yet"
        started = after_request.index("start")
        if "end" not in after_request[started:]:
            return "the run after the last rerun request has not ended yet"
        quiet = time.monotonic() - self.last_event_at
        if quiet * 1000 < QUIET_MS:
            return f"a run ended only {quiet * 1000:.0f} ms ago"
        return ""


class AppPage:
    """One browser session on the app: open paths, wait for idle, collect errors."""

    def __init__(self, context, server: AppServer) -> None:
        self.context = context
        self.server = server
        self.page = context.new_page()
        self.runs = RunLog(self.page)
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
        mark = self.runs.mark()
        self.page.goto(f"{self.server.url}{path}")
        self.settle(requested_since=mark)

    def finished_runs(self) -> int:
        """How many runs have ended so far (pass it to ``settle``)."""
        return self.runs.ended_runs()

    def settle(
        self, after_runs: int | None = None, requested_since: int | None = None
    ) -> None:
        """Wait until the server has caught up and the page is idle.

        ``after_runs``: a ``finished_runs()`` count that must have grown;
        ``requested_since``: a ``runs.mark()`` after which a rerun must have
        been requested. Then fail on any console error or uncaught exception
        seen so far.
        """
        deadline = time.monotonic() + IDLE_TIMEOUT
        busy = "not checked"
        while time.monotonic() < deadline:
            busy = self.runs.waiting_for(requested_since)
            if not busy and after_runs is not None:
                if self.runs.ended_runs() <= after_runs:
                    busy = "no run ended after the action yet"
            if not busy:
                busy = self.page.evaluate(_BUSY, QUIET_MS)
                if not busy:
                    break
            self.page.wait_for_timeout(POLL_MS)
        else:
            pytest.fail(
                f"Streamlit was not idle after {IDLE_TIMEOUT:.0f} s: {busy}\n"
                f"websocket: {' '.join(self.runs.events[-30:])}\n"
                f"server log:\n{self.server.log_tail()}"
            )
        self.assert_no_errors()

    def interact(self, action: Callable[[], None]) -> None:
        """Do ``action`` (which must make the script rerun), then wait for idle."""
        mark = self.runs.mark()
        action()
        self.settle(requested_since=mark)

    def press(self, locator, *keys: str) -> None:
        """Focus ``locator``, press ``keys`` one by one, then wait for idle.

        For a slider or an input, the value decides: once it has changed, the
        app must have asked for a rerun and the server must have answered it;
        if no key moved it (a slider at the end of its range), no rerun is
        due. Any other element (a button) must make the script rerun.
        """
        value = locator.evaluate(_VALUE)
        mark = self.runs.mark()
        locator.focus()
        assert locator.evaluate("el => el === document.activeElement"), (
            "the element did not take the focus"
        )
        for key in keys:
            self.page.keyboard.press(key)
        if value is None or self._value_changes(locator, value):
            self.settle(requested_since=mark)
        else:
            self.settle()

    def _value_changes(self, locator, before: str) -> bool:
        deadline = time.monotonic() + VALUE_TIMEOUT
        while locator.evaluate(_VALUE) == before:
            if time.monotonic() > deadline:
                return False
            self.page.wait_for_timeout(POLL_MS // 2)
        return True

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


@pytest.fixture(scope="session")
def browser(chromium_path) -> Iterator:
    """Chromium, headless, driven by Playwright: one for the whole session.

    Playwright's sync API allows one running instance per thread, so every
    module uses this one.
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
    """The app, started once and shared by every browser test of the session."""
    app_server = AppServer(tmp_path_factory.mktemp("streamlit") / "server.log")
    yield app_server
    app_server.stop()


@pytest.fixture
def fresh_server(chromium_path, tmp_path_factory) -> Iterator[AppServer]:
    """The app on a server of its own that no browser has visited yet.

    Only for a test about what happens before anyone has opened the app: it
    costs a server start.
    """
    app_server = AppServer(tmp_path_factory.mktemp("streamlit") / "server.log")
    yield app_server
    app_server.stop()


@pytest.fixture
def context(browser) -> Iterator:
    """A browser context of the test's own: nothing cached or stored before."""
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
        # An error after the test's last wait fails it too.
        app_page.assert_no_errors()
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
    """A tab on a server started for this test alone (see ``fresh_server``)."""
    with _app_page(context, fresh_server, request.node.name) as app_page:
        yield app_page
