"""Hostile text in a link is shown as text in the real browser.

A link's keys and ``hide=`` values are quoted in the page's notice. Whatever
they hold (blank lines, backticks, Markdown images and links, KaTeX, HTML, RTL
marks, NUL), the notice holds text only: no heading, image, link, formula or
any other element, and no request leaves for another address (``AppPage``
fails a test on any request to a host other than the app's).
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

from softmax_ui.i18n import CATALOGS
from softmax_ui.text import WORD_JOINER, shorten, visible

expect = pytest.importorskip(
    "playwright.sync_api", reason="browser tests need `pip install playwright`"
).expect

PAYLOADS = [
    "\n\n# HUGE HEADING",
    "\n\n![](http://e.io/b.png)",
    "`\n\n`![](http://e.io/c.png) [a link](http://e.io/)",
    "$\\href{http://e.io}{k}$ <img src=http://e.io/d.png> :red[x] **b**",
    "\u202ertl \x00 nul <https://e.io/auto>",
]
NOTICE = '[data-testid="stAlertContentWarning"]'


def _notice_holds_text_only(app, quoted: str, lang: str) -> None:
    page = app.page
    notice = page.locator(NOTICE).filter(
        has_text=CATALOGS[lang]["chrome.link_notice"].split("{keys}")[0][:12]
    )
    expect(notice).to_have_count(1)
    # Inside the notice's paragraph: text nodes only, no element of any kind.
    elements = notice.locator('[data-testid="stMarkdownContainer"] p *')
    assert elements.count() == 0, notice.inner_html()
    for tag in ("h1", "h2", "img", "a", ".katex", "code", "strong"):
        assert notice.locator(tag).count() == 0, (tag, notice.inner_html())
    # The payload as typed, its invisible characters written out (\n, \x00).
    text = notice.inner_text().replace(WORD_JOINER, "")
    assert f"“{shorten(visible(quoted))}”" in text, text


@pytest.mark.parametrize("path", ["/explorer", "/lecture", "/training"])
@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_hostile_link_keys_show_as_text_in_the_notice(app, path, lang):
    for payload in PAYLOADS:
        app.open(f"{path}?lang={lang}&{quote(payload)}=1")
        _notice_holds_text_only(app, payload, lang)
    app.assert_no_errors()


def test_hostile_hide_values_show_as_text_in_the_notice(app):
    for payload in PAYLOADS:
        app.open(f"/explorer?hide={quote(payload)}")
        # Names in ?hide= are separated by commas, blanks around them dropped.
        _notice_holds_text_only(app, f"hide={payload.split(',')[0].strip()}", "en")
    app.assert_no_errors()


def test_typed_class_names_show_as_text_in_labels_and_the_table(app):
    from .test_app_in_browser import open_python_view

    typed = ["**b**", "`c`", "$\\href{http://e.io}{k}$", ":red[x]"]
    app.open("/explorer")
    page = app.page
    names = page.locator(".st-key-explorer_names input")
    app.interact(lambda: (names.fill(", ".join(typed)), names.press("Enter")))
    open_python_view(app)
    for k, name in enumerate(typed):
        label = page.locator(f".st-key-explorer_z{k} [data-testid='stWidgetLabel']")
        expect(label).to_have_text(f"z{k} · {name}".replace(":", ":" + WORD_JOINER))
        assert label.locator("strong, code, .katex, a, span[class*=color]").count() == 0
    table = page.locator('[data-testid="stTable"]').first
    for name in typed:
        shown = name.replace(":", ":" + WORD_JOINER)
        expect(table.get_by_text(shown, exact=True)).to_have_count(1)
    assert table.locator("strong, code, .katex, a").count() == 0
    app.assert_no_errors()
