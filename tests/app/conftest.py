"""AppTest set up like a server that has been running for a while.

``AppTest.run()`` resets ``PagesManager.uses_pages_directory`` to ``None`` on
every run, and because the app has a ``pages/`` folder Streamlit then sets it to
``True``. Each run after the first therefore starts like the first request to a
fresh server opening a deep link: the page script runs on its own, and
``softmax_ui.frame.start_page`` switches the old pages-folder mode off and calls
``st.rerun()`` to come back through ``app.py``. That extra rerun is harmless for
widgets with values, but it consumes a button's one-shot click, so an
``if st.button(...):`` on a page never sees ``True`` under a stock AppTest.

A real server sets the flag once; ``st.navigation`` turns it off for good. The
autouse fixture below keeps it that way by handing AppTest a subclass of
``PagesManager`` to reset instead (Streamlit reads the flag on the base class).
Tests marked ``fresh_server`` keep AppTest's stock behaviour.
"""

import pytest
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.pages_manager import PagesManager


class _LongRunningServerPages(PagesManager):
    """A PagesManager whose flag resets do not reach ``PagesManager`` itself."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "fresh_server: every AppTest run starts like a fresh server (stock AppTest)",
    )


@pytest.fixture(autouse=True)
def long_running_server(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Let st.navigation's ``uses_pages_directory = False`` last across runs."""
    if request.node.get_closest_marker("fresh_server"):
        return
    monkeypatch.setattr(app_test_module, "PagesManager", _LongRunningServerPages)
    monkeypatch.setattr(PagesManager, "uses_pages_directory", False)
