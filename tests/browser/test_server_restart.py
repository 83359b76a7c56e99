"""A server restarted mid-lecture: the open tab comes back as it was.

The page, the language, presenter mode and the controls' values are in the
address, so when the server stops (a laptop that sleeps, ``make run`` again)
and starts again on the same port, the tab notices, says so in its language,
and loads its address again as soon as the server answers
(``softmax_ui/reconnect.js``).
"""

from __future__ import annotations

import time

import pytest

from softmax_ui.locales import en, zh_tw
from tools.app_server import AppServer

from .test_app_in_browser import z_slider

expect = pytest.importorskip(
    "playwright.sync_api", reason="browser tests need `pip install playwright`"
).expect

LINK = "/explorer?explorer_z0=2&explorer_temperature=0.5&lang={lang}&present=1"
DIALOG = '[data-testid="stDialog"]'


def _check_view(app, catalog: dict[str, str]) -> None:
    page = app.page
    expect(page.locator("h1").first).to_have_text(catalog["explorer.title"])
    expect(page.locator('[data-testid="stTopNavLink"]').first).to_be_visible()
    expect(z_slider(page, 0)).to_have_attribute("aria-valuetext", "2.0")
    url = page.url
    for part in ("/explorer", "explorer_z0=2", "explorer_temperature=0.5",
                 "present=true"):  # fmt: skip
        assert part in url, url


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_an_open_tab_comes_back_as_it_was_after_the_server_restarts(
    fresh_app, fresh_server, tmp_path, lang
):
    catalog = zh_tw.STRINGS if lang == "zh-TW" else en.STRINGS
    app = fresh_app
    app.open(LINK.format(lang=lang))
    _check_view(app, catalog)
    port = fresh_server.port
    fresh_server.stop()
    # The lost connection is said in the page's language.
    dialog = app.page.locator(DIALOG)
    expect(dialog).to_contain_text(catalog["reconnect.title"], timeout=30_000)
    expect(dialog).to_contain_text(catalog["reconnect.message"])
    connections = app.runs.events.count("connect")
    restarted = AppServer(tmp_path / "restarted.log", port=port)
    try:
        # A new websocket, and a whole run on it, within seconds.
        start = time.monotonic()
        _wait_until(
            app.page,
            lambda: app.runs.events.count("connect") > connections
            and app.runs.events[-1] == "end",
            20,
            "the tab did not come back",
        )
        assert time.monotonic() - start < 10, "it came back too slowly"
        app.errors.clear()  # the refused attempts while the server was down
        app.settle()
        expect(app.page.locator(DIALOG)).to_have_count(0)
        _check_view(app, catalog)
        # And the page answers: a slider moves the view (a fragment's run).
        app.press(z_slider(app.page, 0), "ArrowRight")
        expect(z_slider(app.page, 0)).to_have_attribute("aria-valuetext", "2.1")
        assert app.exceptions() == []
    finally:
        restarted.stop()


def _wait_until(page, condition, seconds: float, message: str) -> None:
    # page.wait_for_timeout, not time.sleep: Playwright hands over the page's
    # console messages and websocket frames only while one of its calls runs.
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, message
        page.wait_for_timeout(200)



def test_a_tab_below_a_base_path_comes_back_after_the_server_restarts(
    context, tmp_path
):
    # Behind a proxy that serves the app as /room/…, the watcher must ask
    # /room/_stcore/health: the site root's answers nothing (or another app).
    from .conftest import AppPage

    server = AppServer(tmp_path / "first.log", base_path="room")
    app = AppPage(context, server)
    try:
        app.open(LINK.format(lang="en"))
        _check_view(app, en.STRINGS)
        assert app.page.url.startswith(f"http://127.0.0.1:{server.port}/room/explorer")
        server.stop()
        expect(app.page.locator(DIALOG)).to_contain_text(
            en.STRINGS["reconnect.title"], timeout=30_000
        )
        connections = app.runs.events.count("connect")
        server = AppServer(tmp_path / "again.log", port=server.port, base_path="room")
        _wait_until(
            app.page,
            lambda: app.runs.events.count("connect") > connections
            and app.runs.events[-1] == "end",
            20,
            "the tab below /room did not come back",
        )
        app.errors.clear()
        app.settle()
        expect(app.page.locator(DIALOG)).to_have_count(0)
        _check_view(app, en.STRINGS)
    finally:
        server.stop()
        app.page.close()
