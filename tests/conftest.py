"""Settings for every test: plotly validates every figure the app builds.

Set before any test module imports ``softmax_ui.figures`` (which reads it once),
and inherited by the servers the browser tests start.
"""

import os

os.environ["SOFTMAX_VALIDATE_FIGURES"] = "1"
