"""``make serve-room``: the app through HAProxy, one process per core.

Skipped, saying why, where Debian's ``haproxy`` is not installed (``.ci/run``
installs it).
"""

from __future__ import annotations

import shutil

import pytest

from tools.app_server import TRACKER, free_port
from tools.serve_room import COOKIE, Room

from .conftest import AppPage
from .test_app_in_browser import z_slider

expect = pytest.importorskip(
    "playwright.sync_api", reason="browser tests need `pip install playwright`"
).expect


@pytest.fixture(scope="module")
def room(chromium_path):
    if shutil.which("haproxy") is None:
        pytest.skip("serve-room needs HAProxy: apt-get install haproxy")
    with Room("127.0.0.1", free_port(), processes=2) as served:
        served.wait_ready()
        yield served


def test_two_students_through_the_proxy_each_keep_their_own_values(browser, room):
    tabs = []
    for z0 in ("1", "-2"):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.add_init_script(TRACKER)
        tab = AppPage(context, room)
        tab.open(f"/explorer?explorer_z0={z0}&lang=zh-TW")
        tabs.append((tab, z0))
    for tab, z0 in tabs:
        # The cookie that keeps a browser on its process, and a working page.
        cookies = {c["name"]: c["value"] for c in tab.context.cookies()}
        assert cookies.get(COOKIE, "").startswith("app"), cookies
        expect(z_slider(tab.page, 0)).to_have_attribute(
            "aria-valuetext", f"{float(z0):.1f}"
        )
        tab.press(z_slider(tab.page, 0), "ArrowRight")
        expected = f"{float(z0) + 0.1:.1f}"
        expect(z_slider(tab.page, 0)).to_have_attribute("aria-valuetext", expected)
        assert f"explorer_z0={expected}" in tab.page.url
        tab.assert_no_errors()
        tab.context.close()
