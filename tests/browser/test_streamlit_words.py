"""Streamlit's own words in the page's language: the file picker's.

``st.file_uploader`` takes its "Browse files" and "… per file" from no
argument; the page watcher (``softmax_ui/reconnect.js``) gives them the
catalog's words in zh-TW and leaves English alone.
"""

from __future__ import annotations

import pytest

from softmax_ui.locales import zh_tw

expect = pytest.importorskip(
    "playwright.sync_api", reason="browser tests need `pip install playwright`"
).expect

ZONE = '[data-testid="stFileUploaderDropzone"]'
UPLOAD = "/training?training_dataset=upload&lang={lang}"


@pytest.mark.parametrize("width", [1600, 390])
def test_the_file_picker_speaks_traditional_chinese(app, width):
    app.page.set_viewport_size({"width": width, "height": 1000})
    app.open(UPLOAD.format(lang="zh-TW"))
    zone = app.page.locator(ZONE)
    per_file = zh_tw.STRINGS["reconnect.uploader_per_file"].split("{")[0]
    expect(zone).to_contain_text(per_file + "20MB")
    expect(zone).to_contain_text("CSV, TSV, TXT")
    text = zone.inner_text()
    for english in ("per file", "Browse files", "Upload", "Drag and drop"):
        assert english not in text, text
    # "upload" is the icon's ligature; the button's words follow it.
    words = zone.locator("button").inner_text().strip()
    assert words.endswith(
        (zh_tw.STRINGS["reconnect.uploader_upload"],
         zh_tw.STRINGS["reconnect.uploader_browse"])
    ), words  # fmt: skip
    # A rerun (another page and back) draws the picker anew: still translated.
    app.open("/explorer?lang=zh-TW")
    app.open(UPLOAD.format(lang="zh-TW"))
    expect(app.page.locator(ZONE)).to_contain_text(per_file + "20MB")


def test_the_file_picker_keeps_streamlits_english(app):
    app.open(UPLOAD.format(lang="en"))
    expect(app.page.locator(ZONE)).to_contain_text("20MB per file • CSV, TSV, TXT")
