r"""The lecture's formulas in LaTeX, each written once, for "Show the math".

A page or a lecture step shows some of them side by side (:func:`side_by_side`)
above the source of the ``softmax_core`` functions that compute them; each of
those functions states its formula in its docstring.
"""

from __future__ import annotations

SOFTMAX = r"t = e^{z^{[L]}}, \qquad a^{[L]}_j = \frac{t_j}{\sum_{i=1}^{C} t_i}"
SOFTMAX_WITH_TEMPERATURE = (
    r"t = e^{z^{[L]}/T}, \qquad a^{[L]}_j = \frac{t_j}{\sum_{i=1}^{C} t_i}"
)
HARDMAX = r"\operatorname{hardmax}(z)_j = [\,j = \arg\max_i z_i\,]"
TWO_CLASSES = (
    r"\frac{e^{z_1}}{e^{z_1} + e^{z_2}} = \frac{1}{1 + e^{-(z_1 - z_2)}}"
    r" = \sigma(z_1 - z_2)"
)
LOSS = r"L(\hat y, y) = -\sum_{j=1}^{C} y_j \log \hat y_j"
OUTPUT_GRADIENT = r"dz^{[L]} = \frac{\partial L}{\partial z^{[L]}} = \hat y - y"
OUTPUT_GRADIENTS = r"dZ^{[L]} = \hat Y - Y"
STEP_ON_Z = r"z \leftarrow z - \alpha\,(\hat y - y)"
CAT_LOSS = r"L = -\log \hat y_2"  # the lecture's example: the true class is 2, cat
COST = r"J = \frac{1}{m}\sum_{i=1}^{m} L(\hat y^{(i)}, y^{(i)})"
WEIGHT_GRADIENT = r"dW^{[L]} = \tfrac{1}{m}\, dZ^{[L]} X^{T}"
# With a hidden layer, the output layer's input is A^{[L-1]}, not X.
LAYER_WEIGHT_GRADIENT = r"dW^{[L]} = \tfrac{1}{m}\, dZ^{[L]} A^{[L-1]T}"
BIAS_GRADIENT = r"db^{[L]} = \tfrac{1}{m} \textstyle\sum_i dZ^{[L](i)}"
DESCENT_STEP = r"W \leftarrow W - \alpha\, dW"


def side_by_side(*formulas: str) -> str:
    r"""The formulas on one line, apart.

    Examples
    --------
    >>> side_by_side("a = 1", "b = 2")
    'a = 1, \\qquad b = 2'
    """
    return r", \qquad ".join(formulas)
