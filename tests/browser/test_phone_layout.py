"""On a phone (390×844, touch): each page's main view in the first screen.

Students open classroom links on their phones. Under the title, without
scrolling, each page shows what it is about (``softmax_ui/phone.css``); the
title is sized for the phone, and nothing scrolls sideways.
"""

from __future__ import annotations

import pytest

from softmax_ui.locales import en, zh_tw

from .conftest import PHONE

expect = pytest.importorskip(
    "playwright.sync_api", reason="browser tests need `pip install playwright`"
).expect

# Each page's main view: the element it must show in the first screen.
MAIN_VIEW = {
    "explorer": ".st-key-explorer_live",
    "loss": '[data-testid="stTable"]',
    "logistic": ".st-key-logistic_live",
    "training": ".st-key-training_lab",
}


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
@pytest.mark.parametrize("page_name", MAIN_VIEW)
def test_the_main_view_is_in_the_first_screen_of_a_phone(phone, page_name, lang):
    catalog = zh_tw.STRINGS if lang == "zh-TW" else en.STRINGS
    phone.open(f"/{page_name}?lang={lang}")
    page = phone.page
    title = page.locator("h1").first
    expect(title).to_have_text(catalog[f"{page_name}.title"])
    size = float(title.evaluate("h => getComputedStyle(h).fontSize").removesuffix("px"))
    assert size <= 34, f"a title of {size} px on a phone"
    view = page.locator(MAIN_VIEW[page_name]).first
    expect(view).to_be_visible()
    title_box, view_box = title.bounding_box(), view.bounding_box()
    assert view_box["y"] > title_box["y"], "the main view is above the title"
    # Its top in the first screen, with most of a screen's room below it.
    assert view_box["y"] < PHONE["height"] * 0.55, (page_name, view_box)
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - window.innerWidth"
    )
    assert overflow <= 0, f"the page scrolls {overflow} px sideways"
