"""End-to-end fixtures: the real app under ``streamlit run``, driven in Chromium.

One server and one Chromium serve the whole browser session, every test module
alike. Each test gets a browser context of its own (no cache, cookies or
storage left by another test) and a tab in it, which is a new Streamlit
session, as a new visitor's would be. A test that needs a server nobody has
visited yet asks for ``fresh_app``, which starts one of its own (a few seconds
more). The tab is saved to ``tests/.screenshots/<test name>.png`` when the test
ends.

The server is ``tools.app_server.AppServer``. A tab is idle when
``tools.app_server.wait_idle`` says so: the websocket's run log shows the
server has caught up, and the page shows nothing loading and has not changed
for a while (that module says how). The DOM tracker does not see into shadow
roots (the live view is a custom component in one), so tests read values with
``AppPage.eventually``.
"""

from __future__ import annotations

import contextlib
import re
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tools.app_server import (
    CHROMIUM,
    CHROMIUM_ARGS,
    POLL_MS,
    TRACKER,
    AppServer,
    RunLog,
    ServerStartError,
    wait_idle,
)

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / ".screenshots"
VIEWPORT = {"width": 1600, "height": 1000}
PHONE = {"width": 390, "height": 844}
IDLE_TIMEOUT = 30.0
# How long a pressed key may take to move a slider before it counts as unmoved
# (at an end of its range, say).
VALUE_TIMEOUT = 2.0

# The value a key press changes: a slider's (react-aria's range input has no
# aria-valuenow, its ``value`` is the number), or null for a button.
_VALUE = """
(el) => el.getAttribute('aria-valuenow')
  ?? (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? el.value : null)
"""


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
        busy = wait_idle(
            self.page,
            self.runs,
            IDLE_TIMEOUT,
            requested_since=requested_since,
            after_runs=after_runs,
        )
        if busy:
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


def _start_server(tmp_path_factory) -> AppServer:
    try:
        return AppServer(tmp_path_factory.mktemp("streamlit") / "server.log")
    except ServerStartError as err:
        pytest.fail(str(err))


@pytest.fixture(scope="session")
def server(chromium_path, tmp_path_factory) -> Iterator[AppServer]:
    """The app, started once and shared by every browser test of the session."""
    app_server = _start_server(tmp_path_factory)
    yield app_server
    app_server.stop()


@pytest.fixture
def fresh_server(chromium_path, tmp_path_factory) -> Iterator[AppServer]:
    """The app on a server of its own that no browser has visited yet.

    Only for a test about what happens before anyone has opened the app: it
    costs a server start.
    """
    app_server = _start_server(tmp_path_factory)
    yield app_server
    app_server.stop()


@pytest.fixture
def context(browser) -> Iterator:
    """A browser context of the test's own: nothing cached or stored before."""
    browser_context = browser.new_context(viewport=VIEWPORT)
    browser_context.set_default_timeout(IDLE_TIMEOUT * 1000)
    browser_context.add_init_script(TRACKER)
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


@pytest.fixture
def phone(browser, server) -> Iterator[AppPage]:
    """A tab on a phone (390×844, touch) on the shared server."""
    phone_context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    phone_context.set_default_timeout(60_000)
    phone_context.add_init_script(TRACKER)
    app_page = AppPage(phone_context, server)
    yield app_page
    app_page.assert_no_errors()
    phone_context.close()
