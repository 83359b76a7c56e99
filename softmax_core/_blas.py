"""One BLAS thread unless the environment asks for more (see the package docstring).

BLAS reads these variables once, when numpy is first imported, so this module
is imported before any other of the package.
"""

import os

for _variable in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
