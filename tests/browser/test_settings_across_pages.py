"""The language and presenter mode hold when the navigation is clicked.

A click in the navigation opens the new page at an address without ``?lang``
and ``?present``: the choice must come along, show in the page and in the new
address, and survive a reload of that address.
"""

from __future__ import annotations

import pytest

from softmax_ui.locales import en, zh_tw

from .test_app_in_browser import NAV_KEYS, PAGES, language_input

expect = pytest.importorskip(
    "playwright.sync_api", reason="browser tests need `pip install playwright`"
).expect

SETTINGS = {
    "zh-TW": ("lang=zh-TW", "zh-TW", False),
    "present": ("present=1", "en", True),
    "zh-TW, presented": ("lang=zh-TW&present=true", "zh-TW", True),
}


def _check(app, path: str, lang: str, present: bool) -> None:
    page = app.page
    catalog = zh_tw.STRINGS if lang == "zh-TW" else en.STRINGS
    prefix = PAGES[path]
    if present:
        # Presenter mode: the navigation is on top and the sidebar folded.
        nav = page.locator('[data-testid="stTopNavLink"]')
    else:
        nav = page.locator('[data-testid="stSidebarNavLink"]')
    expect(nav).to_have_count(len(NAV_KEYS))
    expect(nav.nth(list(PAGES).index(path))).to_contain_text(catalog[f"{prefix}.nav"])
    if not (present and prefix == "lecture"):  # projected, the lecture has no title
        expect(page.locator("h1").first).to_have_text(catalog[f"{prefix}.title"])
    shown_language = "繁體中文" if lang == "zh-TW" else "English"
    expect(language_input(page)).to_have_value(shown_language)
    toggle = page.locator('[data-testid="stSidebar"]').get_by_role(
        "switch", name=catalog["chrome.presenter"]
    )
    if present:
        expect(toggle).to_be_checked()
    else:
        expect(toggle).not_to_be_checked()
    url = page.url
    assert url.split("?")[0].removeprefix(app.server.url) in (path, path + "/"), url
    assert ("lang=zh-TW" in url) is (lang == "zh-TW"), url
    assert ("present=true" in url) is present, url


@pytest.mark.parametrize("setting", SETTINGS)
def test_the_settings_hold_when_the_navigation_is_clicked_and_reloaded(app, setting):
    query, lang, present = SETTINGS[setting]
    app.open(f"/?{query}")
    page = app.page
    # Every page in turn by its link, then back home.
    for path in [*(p for p in PAGES if p != "/"), "/"]:
        if present:
            links = page.locator('[data-testid="stTopNavLink"]')
        else:
            links = page.locator('[data-testid="stSidebarNavLink"]')
        app.interact(links.nth(list(PAGES).index(path)).click)
        app.eventually(lambda path=path: _check(app, path, lang, present))
        if path in ("/training", "/"):
            # A reload of the new page's address, as a student would open it.
            app.open(page.url.removeprefix(app.server.url))
            app.eventually(lambda path=path: _check(app, path, lang, present))
    app.assert_no_errors()
