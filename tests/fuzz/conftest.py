"""AppTest set up like a server that has been running for a while, in any language.

Two AppTest quirks would otherwise hide the app's own behaviour:

- ``AppTest.run()`` resets ``PagesManager.uses_pages_directory`` on every run,
  so each run starts like the first request of a fresh server and the page
  reruns itself through ``app.py``, which swallows a button's one click. The
  fixture keeps the flag off, as ``st.navigation`` does on a real server
  (see tests/app/conftest.py, which does the same).
- Between runs, AppTest turns a radio's value into its label with the page's
  ``format_func``, outside the script, where ``tr()`` sees no session state
  and answers in English; on a page shown in Chinese that label is not among
  the options. Outside a script run, ``tr()`` here answers in the language of
  the last run instead.
"""

import pytest
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_run_context import (
    get_script_run_ctx,
)

from softmax_ui import i18n

from .fuzz_helpers import LANGUAGE_BETWEEN_RUNS


class _LongRunningServerPages(PagesManager):
    """A PagesManager whose flag resets do not reach ``PagesManager`` itself."""


@pytest.fixture(autouse=True)
def long_running_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_test_module, "PagesManager", _LongRunningServerPages)
    monkeypatch.setattr(PagesManager, "uses_pages_directory", False)


@pytest.fixture(autouse=True)
def language_between_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    in_script = i18n.language

    def language() -> str:
        if get_script_run_ctx(suppress_warning=True) is None:
            return LANGUAGE_BETWEEN_RUNS["lang"]
        return in_script()

    LANGUAGE_BETWEEN_RUNS["lang"] = "en"
    monkeypatch.setattr(i18n, "language", language)
