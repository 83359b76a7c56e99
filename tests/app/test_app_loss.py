"""The loss page: L, the curve −log p, dz[L] = ŷ − y and gradient steps on z."""

import math

import numpy as np
import pytest

from .apptest_helpers import (
    EN,
    click,
    column,
    figure,
    metric,
    metric_number,
    open_page,
    set_widget,
    trace,
    values,
)

LOSS = EN["loss.value"]
STEPS = EN["loss.steps_taken"]
LECTURE_Y_HAT = [0.3, 0.2, 0.1, 0.4]


def descent(at) -> tuple[np.ndarray, np.ndarray]:
    """L and the true class's ŷ after each step, from the descent figure."""
    fig = figure(at, "loss_trace")
    losses = values(trace(fig, EN["loss.trace_loss"])["y"])
    p_true = values(fig["data"][1]["y"])
    return losses, p_true


def curve_point(at) -> tuple[float, float]:
    """(ŷ of the true class, L) marked on the −log p curve, at full precision."""
    point = figure(at, "loss_curve")["data"][1]
    return float(values(point["x"])[0]), float(values(point["y"])[0])


def logits_mode(at, z: list[float]):
    set_widget(at, "loss_source", "logits")
    for k, v in enumerate(z):
        at.get_by_key(f"loss_z{k}").set_value(v)
    at.run()
    return at


def test_default_page_shows_the_lecture_loss_1_609():
    at = open_page("loss")
    assert metric(at, LOSS) == "1.609"
    assert metric_number(at, LOSS) == pytest.approx(-math.log(0.2), abs=5e-4)
    assert curve_point(at) == pytest.approx((0.2, -math.log(0.2)), abs=1e-12)
    terms = column(at, 0, EN["table.term"])
    assert terms == ["0.000", "1.609", "0.000", "0.000"]
    assert column(at, 0, "ŷ_j") == ["0.300", "0.200", "0.100", "0.400"]


@pytest.mark.parametrize(
    ("steps", "p_true"),
    [
        ([("loss_source", "logits")], None),
        ([("loss_true_class", 0)], 0.3),
        ([("loss_true_class", 3)], 0.4),
        ([("loss_step_size", 5.0)], 0.2),
        ([("loss_source", "logits"), ("loss_C", 10)], None),
        ([("loss_source", "logits"), ("loss_z0", -10.0)], None),
        ([("loss_source", "logits"), ("loss_z3", 10.0)], None),
    ],
    ids=lambda v: "-".join(f"{k}={x}" for k, x in v) if isinstance(v, list) else None,
)
def test_loss_page_runs_after_setting_a_widget(steps, p_true):
    at = open_page("loss")
    for key, value in steps:
        set_widget(at, key, value)
        assert at.get_by_key(key).value == value
    loss = metric_number(at, LOSS)
    assert math.isfinite(loss) and loss >= 0
    if p_true is not None:
        assert loss == pytest.approx(-math.log(p_true), abs=5e-4)


def test_true_class_0_gives_minus_log_0_3():
    at = set_widget(open_page("loss"), "loss_true_class", 0)
    assert metric(at, LOSS) == "1.204"
    assert curve_point(at)[1] == pytest.approx(-math.log(0.3), abs=1e-12)
    assert column(at, 0, "y_j") == ["1", "0", "0", "0"]


def test_three_gradient_steps_lower_l_and_raise_the_true_class_probability():
    at = open_page("loss")
    for _ in range(3):
        click(at, "loss.take_step")
    assert metric(at, STEPS) == "3"
    losses, p_true = descent(at)
    assert len(losses) == len(p_true) == 4
    assert losses[0] == pytest.approx(-math.log(0.2))
    assert p_true[0] == pytest.approx(0.2)
    assert np.all(np.diff(losses) < 0)
    assert np.all(np.diff(p_true) > 0)
    # L is −log of the true class's probability at every step.
    np.testing.assert_allclose(losses, -np.log(p_true), rtol=1e-9)
    assert metric_number(at, LOSS) == pytest.approx(losses[-1], abs=5e-4)


def test_start_over_returns_to_the_lecture_example():
    at = open_page("loss")
    click(at, "loss.take_step")
    click(at, "loss.take_step")
    assert metric(at, LOSS) != "1.609"
    click(at, "loss.reset_steps")
    assert metric(at, STEPS) == "0"
    assert metric(at, LOSS) == "1.609"
    losses, _ = descent(at)
    assert len(losses) == 1
    assert [b.disabled for b in at.button if b.label == EN["loss.reset_steps"]] == [
        True
    ]


def test_changing_the_true_class_starts_the_descent_over():
    at = open_page("loss")
    click(at, "loss.take_step")
    set_widget(at, "loss_true_class", 2)
    assert metric(at, STEPS) == "0"
    assert metric_number(at, LOSS) == pytest.approx(-math.log(0.1), abs=5e-4)


@pytest.mark.parametrize(
    ("z", "true_class"),
    [
        ([5.0, 2.0, -1.0, 3.0], 1),
        ([1.5, -0.5, 2.0, 0.3], 2),
        ([-8.0, 9.5, 0.0, -2.2], 0),
    ],
)
def test_logits_mode_shows_the_loss_of_softmax_of_z(z, true_class):
    at = logits_mode(open_page("loss"), z)
    at = set_widget(at, "loss_true_class", true_class)
    shown_z = [at.get_by_key(f"loss_z{k}").value for k in range(len(z))]
    assert shown_z == z
    # L = −log softmax(z)_true = log Σ e^z − z_true, computed here with math.
    expected = math.log(sum(math.exp(v) for v in z)) - z[true_class]
    assert metric_number(at, LOSS) == pytest.approx(expected, abs=5e-4)
    assert curve_point(at)[1] == pytest.approx(expected, rel=1e-9)


def test_gradient_steps_in_logits_mode_lower_l():
    at = logits_mode(open_page("loss"), [4.0, -3.0, 1.0, 0.0])
    for _ in range(3):
        click(at, "loss.take_step")
    losses, p_true = descent(at)
    assert len(losses) == 4
    assert np.all(np.diff(losses) < 0)
    assert np.all(np.diff(p_true) > 0)


def dz_columns(at) -> tuple[np.ndarray, np.ndarray]:
    formula = np.array(column(at, -1, EN["table.dz_formula"]), dtype=float)
    numeric = np.array(column(at, -1, EN["table.dz_numeric"]), dtype=float)
    return formula, numeric


def test_dz_check_table_formula_and_finite_difference_agree():
    at = open_page("loss")
    formula, numeric = dz_columns(at)
    np.testing.assert_allclose(formula, numeric, atol=1e-6)
    # ŷ − y for the lecture's example: [0.3, 0.2 − 1, 0.1, 0.4].
    np.testing.assert_allclose(formula, [0.3, -0.8, 0.1, 0.4], atol=1e-6)
    dz_bars = values(figure(at, "loss_dz")["data"][0]["y"])
    np.testing.assert_allclose(dz_bars, [0.3, -0.8, 0.1, 0.4], atol=1e-12)


def test_dz_check_table_agrees_in_logits_mode_with_seven_classes():
    at = set_widget(open_page("loss"), "loss_source", "logits")
    set_widget(at, "loss_C", 7)
    z = [2.0, -1.5, 0.7, 3.3, -6.0, 1.1, 0.0]
    for k, v in enumerate(z):
        at.get_by_key(f"loss_z{k}").set_value(v)
    at.run()
    formula, numeric = dz_columns(at)
    assert len(formula) == 7
    np.testing.assert_allclose(formula, numeric, atol=1e-6)
    t = [math.exp(v) for v in z]
    y_hat = [v / sum(t) for v in t]
    y = [0, 1, 0, 0, 0, 0, 0]
    np.testing.assert_allclose(
        formula, [p - v for p, v in zip(y_hat, y, strict=True)], atol=1e-6
    )
