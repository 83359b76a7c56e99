"""The logistic page: with C = 2, softmax([z1, z2])_1 = σ(z1 − z2)."""

import math

import numpy as np
import pytest

from .apptest_helpers import (
    EN,
    assert_no_exception,
    figure,
    metric_number,
    open_page,
    trace,
    values,
)


def sigmoid(x: float) -> float:
    """σ(x) = 1 / (1 + e^−x), written here so the page is checked against it."""
    return 1.0 / (1.0 + math.exp(-x))


@pytest.mark.parametrize(
    ("z1", "z2"),
    [
        (1.67, 0.0),
        (-3.2, 4.1),
        (0.0, 0.0),
        (2.5, 2.5),
        (10.0, -10.0),
        (-10.0, 9.99),
        (0.37, -0.81),
    ],
)
def test_two_outputs_sum_to_one_and_equal_sigmoid_of_the_difference(z1, z2):
    # The metrics are "The same numbers from Python", shown once turned on.
    at = open_page("logistic")
    at.get_by_key("logistic_python_view").set_value(True)
    at.get_by_key("logistic_z1").set_value(z1)
    at.get_by_key("logistic_z2").set_value(z2)
    at.run()
    assert_no_exception(at)
    assert at.get_by_key("logistic_z1").value == z1
    assert at.get_by_key("logistic_z2").value == z2
    a1 = metric_number(at, EN["logistic.a1"])
    a2 = metric_number(at, EN["logistic.a2"])
    shown_sigma = metric_number(at, EN["logistic.sigma"])
    expected = sigmoid(z1 - z2)
    # Each metric is rounded to 3 decimals, so the sum is 1 up to 0.001.
    assert a1 + a2 == pytest.approx(1.0, abs=1e-3 + 1e-12)
    assert a1 == pytest.approx(expected, abs=5e-4 + 1e-12)
    assert a2 == pytest.approx(1.0 - expected, abs=5e-4 + 1e-12)
    assert shown_sigma == pytest.approx(expected, abs=5e-4 + 1e-12)
    assert EN["logistic.sum"].format(total="1.000") in [m.value for m in at.markdown]
    point = figure(at, "logistic_curves")["data"][2]
    assert float(values(point["x"])[0]) == pytest.approx(z1 - z2, abs=1e-12)
    assert float(values(point["y"])[0]) == pytest.approx(expected, rel=1e-12)


def test_softmax_and_sigmoid_curves_coincide_everywhere():
    at = open_page("logistic")
    fig = figure(at, "logistic_curves")
    soft = trace(fig, EN["logistic.curve_softmax"])
    sigma = trace(fig, EN["logistic.curve_sigma"])
    x = values(soft["x"])
    np.testing.assert_array_equal(x, values(sigma["x"]))
    assert x.min() < -5 and x.max() > 5
    expected = np.array([sigmoid(v) for v in x])
    np.testing.assert_allclose(values(soft["y"]), expected, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(values(sigma["y"]), expected, rtol=1e-12, atol=1e-15)


def test_the_curve_widens_to_keep_a_large_difference_in_view():
    at = open_page("logistic")
    at.get_by_key("logistic_z1").set_value(10.0)
    at.get_by_key("logistic_z2").set_value(-10.0)
    at.run()
    x = values(figure(at, "logistic_curves")["data"][0]["x"])
    assert x.max() >= 20.0


def test_python_view_is_off_at_first_and_shows_no_metrics():
    at = open_page("logistic")
    assert at.get_by_key("logistic_python_view").value is False
    assert not at.metric
    assert EN["logistic.sum"].format(total="1.000") in [m.value for m in at.markdown]
