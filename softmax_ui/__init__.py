"""softmax_ui: what the pages share: controls, views, figures, the page frame.

``softmax_core`` is imported first: it keeps BLAS on one thread, which only
works before numpy is first imported (see its docstring).
"""

import softmax_core  # noqa: F401
