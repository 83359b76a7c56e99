"""The app under ``streamlit run`` on a free localhost port, and when a tab is idle.

Used by the browser tests, ``tools/docs_screenshots.py`` and
``benchmarks/latency.py``. The scripts are run from the project's root as
``python tools/…`` or ``python benchmarks/…``; they put the root on
``sys.path`` before importing ``tools.app_server``, as
``benchmarks/train_step.py`` does for ``softmax_core``.

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
is still loading) shows, its fonts have loaded, and neither the DOM nor the run
log has changed for a quiet time: after a run ends the frontend still redraws
the navigation and parses the chart bundle. ``TRACKER``, injected before the
app's own scripts (``context.add_init_script(TRACKER)``), notes the last DOM
mutation and the last long task. It does not see into shadow roots (the live
view is a custom component in one).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
START_TIMEOUT = 60.0
QUIET_MS = 400
POLL_MS = 100

# Records when the DOM last changed, or a long task (e.g. parsing the plotly
# bundle) last ran.
TRACKER = """
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
  if (document.fonts.status !== 'loaded') return 'fonts loading';
  const quiet = performance.now() - st.lastChange;
  return quiet >= quietMs ? '' : `DOM quiet for ${Math.round(quiet)} ms only`;
}
"""


class ServerStartError(RuntimeError):
    """``streamlit run`` exited, or did not answer its health check in time."""


def free_port() -> int:
    """A localhost port that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(url: str) -> bool:
    """True when the app (or a proxy before it) at ``url`` answers its health check."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
            return True
    except OSError:
        return False


class AppServer:
    """``streamlit run`` of one script on a free localhost port, until ``stop()``.

    The constructor returns once the server answers ``/_stcore/health``.

    Parameters
    ----------
    log_path : Path or None
        File for the server's output; ``None`` throws it away. A file, not a
        pipe: the server logs every request and a full pipe would block it.
    script : Path or str
        The app's script, relative to ``cwd`` or absolute.
    cwd : Path
        Where the server runs: its ``.streamlit/config.toml`` is read there.
    timeout : float
        Seconds to wait for the health check.
    args : sequence of str
        More options for ``streamlit run`` (``--server.disconnectedSessionTTL=5``).
    python_flags : sequence of str
        Flags for the Python that runs it (``-X importtime``).
    port : int or None
        The port, e.g. to start a server again where one was stopped; a free
        one by default.
    base_path : str
        Serve the app below this path (``server.baseUrlPath``), as behind a
        proxy that hands it ``/room/…``; ``url`` ends with it.

    Raises
    ------
    ServerStartError
        When the server exits or is not healthy within ``timeout``; the
        message ends with the tail of its log.
    """

    def __init__(
        self,
        log_path: Path | None = None,
        script: Path | str = "app.py",
        cwd: Path = ROOT,
        timeout: float = START_TIMEOUT,
        args: Sequence[str] = (),
        python_flags: Sequence[str] = (),
        port: int | None = None,
        base_path: str = "",
    ) -> None:
        self.port = free_port() if port is None else port
        self.started = time.perf_counter()
        self.base_path = base_path.strip("/")
        self.url = f"http://127.0.0.1:{self.port}" + "/" * bool(self.base_path)
        self.url += self.base_path
        self.log_path = log_path
        if log_path is None:
            self._log = None
            output = subprocess.DEVNULL
        else:
            self._log = open(log_path, "w")  # noqa: SIM115 (closed in stop())
            output = self._log
        self.process = subprocess.Popen(
            [
                sys.executable,
                *python_flags,
                "-m",
                "streamlit",
                "run",
                str(script),
                "--server.headless=true",
                f"--server.port={self.port}",
                "--server.address=127.0.0.1",
                "--browser.gatherUsageStats=false",
                f"--server.baseUrlPath={self.base_path}",
                *args,
            ],
            cwd=cwd,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self._wait_healthy(timeout)

    def _wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                raise ServerStartError(f"streamlit exited at start:\n{self.log_tail()}")
            if healthy(self.url):
                return
            time.sleep(0.01)
        self.stop()
        raise ServerStartError(f"streamlit was not healthy in time:\n{self.log_tail()}")

    def log_tail(self, chars: int = 3000) -> str:
        """The end of the server's log, without its line per HTTP request."""
        if self.log_path is None:
            return "(no log kept)"
        lines = self.log_path.read_text(errors="replace").splitlines()
        kept = [line for line in lines if not re.search(r'"(GET|POST|HEAD) ', line)]
        return "\n".join(kept)[-chars:]

    def stop(self) -> None:
        """Terminate the server (kill it after 10 s) and close its log."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        if self._log is not None:
            self._log.close()

    def __enter__(self) -> AppServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class RunLog:
    """Rerun requests and script runs, as they pass on a tab's websocket.

    Make it before the tab loads the app. ``events`` holds, in the order the
    browser saw them, ``"connect"`` (a new websocket: the page was loaded),
    ``"request"`` (a ``rerun_script`` sent), ``"start"`` (``new_session``: a
    run began) and ``"end"`` (a ``script_finished`` that ends the chain of
    runs; one stopped for a rerun does not count).
    """

    FINAL = {"FINISHED_SUCCESSFULLY", "FINISHED_WITH_COMPILE_ERROR",
             "FINISHED_FRAGMENT_RUN_SUCCESSFULLY"}  # fmt: skip

    def __init__(self, page: Page) -> None:
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
        """A place in ``events``, to pass as ``requested_since``."""
        return len(self.events)

    def ended_runs(self) -> int:
        """How many runs have ended so far."""
        return self.events.count("end")

    def waiting_for(
        self, requested_since: int | None = None, quiet_ms: int = QUIET_MS
    ) -> str:
        """What the server has yet to answer, or "" once it has caught up.

        ``requested_since``: a ``mark()`` after which a rerun must have been
        requested. The last event must be ``quiet_ms`` old.
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
        if quiet * 1000 < quiet_ms:
            return f"a run ended only {quiet * 1000:.0f} ms ago"
        return ""


def page_busy(
    page: Page,
    runs: RunLog,
    quiet_ms: int = QUIET_MS,
    requested_since: int | None = None,
    after_runs: int | None = None,
) -> str:
    """What keeps ``page`` from being idle, or "" when it is.

    Parameters
    ----------
    page : Page
        A tab whose context has ``TRACKER`` as an init script.
    runs : RunLog
        The tab's run log.
    quiet_ms : int
        How long the run log and the DOM must have been unchanged.
    requested_since : int, optional
        A ``runs.mark()`` after which a rerun must have been requested.
    after_runs : int, optional
        A ``runs.ended_runs()`` count that must have grown.
    """
    busy = runs.waiting_for(requested_since, quiet_ms)
    if not busy and after_runs is not None and runs.ended_runs() <= after_runs:
        busy = "no run ended after the action yet"
    return busy or page.evaluate(_BUSY, quiet_ms)


def wait_idle(
    page: Page,
    runs: RunLog,
    timeout: float,
    quiet_ms: int = QUIET_MS,
    requested_since: int | None = None,
    after_runs: int | None = None,
    poll_ms: int = POLL_MS,
) -> str:
    """Wait until ``page`` is idle (see ``page_busy``) or ``timeout`` s pass.

    Returns
    -------
    str
        "" once idle; after ``timeout``, what still kept the page busy.
    """
    deadline = time.monotonic() + timeout
    busy = "not checked"
    while time.monotonic() < deadline:
        busy = page_busy(page, runs, quiet_ms, requested_since, after_runs)
        if not busy:
            return ""
        page.wait_for_timeout(poll_ms)
    return busy
