"""The language and presenter mode hold across every change of page.

A new page starts with an address that holds neither ``?lang`` nor
``?present``; the choice must come along (in the page and in the address) by
``st.switch_page`` and survive the many page changes of a lecture.
"""

import pytest
from streamlit.testing.v1 import AppTest

from softmax_ui.locales.zh_tw import STRINGS as ZH

from .apptest_helpers import APP, EN, TIMEOUT, assert_no_exception

PAGES = ["explorer", "loss", "logistic", "training", "lecture", "home"]
SETTINGS = {
    "zh-TW": ({"lang": "zh-TW"}, "zh-TW", False),
    "present": ({"present": "true"}, "en", True),
    "zh-TW and present=1": ({"lang": "zh-TW", "present": "1"}, "zh-TW", True),
}


def _check(at: AppTest, page: str, lang: str, present: bool) -> None:
    catalog = ZH if lang == "zh-TW" else EN
    assert at.get_by_key("lang").value == lang
    assert bool(at.session_state["present"]) is present
    if not (present and page == "lecture"):  # projected, the lecture has no title
        assert [t.value for t in at.title] == [catalog[f"{page}.title"]]
    params = dict(at.query_params)
    assert params.get("lang") == (None if lang == "en" else lang), params
    assert (params.get("present") == "true") is present, params


def _walk_the_pages(at: AppTest, lang: str, present: bool) -> None:
    for page in PAGES:
        at.switch_page(f"pages/{page}.py").run()
        assert_no_exception(at)
        _check(at, page, lang, present)


# Stock AppTest (fresh_server): every run first runs the page on its own, in
# pages-folder mode, then start_page reruns it through app.py.
SERVERS = [
    "long-running",
    pytest.param("fresh", marks=pytest.mark.fresh_server),
]


@pytest.mark.parametrize("server", SERVERS)
@pytest.mark.parametrize("setting", SETTINGS)
def test_the_language_and_presenter_mode_hold_on_every_page(setting, server):
    query, lang, present = SETTINGS[setting]
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params.update(query)
    at.run()
    assert_no_exception(at)
    _walk_the_pages(at, lang, present)


def test_a_language_chosen_in_the_sidebar_holds_on_the_next_page():
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    at.get_by_key("lang").set_value("zh-TW").run()
    at.get_by_key("present").set_value(True).run()
    assert_no_exception(at)
    _walk_the_pages(at, "zh-TW", True)
    # And back: English again, on every page.
    at.get_by_key("lang").set_value("en").run()
    at.get_by_key("present").set_value(False).run()
    _walk_the_pages(at, "en", False)
