"""Settings for every test: plotly validates every figure the app builds.

Set before any test module imports ``softmax_ui.figures`` (which reads it once),
and inherited by the servers the browser tests start.
"""

import os

os.environ["SOFTMAX_VALIDATE_FIGURES"] = "1"


def pytest_collection_modifyitems(items: list) -> None:
    """Mark each test by its folder: ``browser`` and ``fuzz`` are the slow ones.

    ``make test-fast`` leaves them out (``-m "not browser and not fuzz"``).
    """
    import pytest

    for item in items:
        parts = item.path.parts
        for folder in ("browser", "fuzz"):
            if folder in parts and "tests" in parts:
                item.add_marker(getattr(pytest.mark, folder))
