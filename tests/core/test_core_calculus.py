"""Finite differences, the dz[L] check and gradient steps on the logits.

``numerical_gradient`` is checked against derivatives known in closed form and
against the suite's own central difference; the dz[L] check and the gradient
step are checked against ``scipy.special`` and the lecture's claims.
"""

import numpy as np
import pytest
import scipy.special
from hypothesis import given, settings
from hypothesis import strategies as st

from softmax_core import (
    check_output_gradient,
    gradient_step_on_z,
    logits_from_probabilities,
    numerical_gradient,
)

FAST = settings(max_examples=100, deadline=None)


def reference_loss(z: np.ndarray, true_class: int) -> float:
    """L = logsumexp(z) − z_true, written apart from the core."""
    return float(scipy.special.logsumexp(z) - z[true_class])


def logits_and_label(bound: float = 5.0, max_classes: int = 10):
    """One example: z with C in 2 … max_classes entries, |z| ≤ bound, and a label."""
    z = st.lists(
        st.floats(-bound, bound, allow_nan=False), min_size=2, max_size=max_classes
    )
    return z.flatmap(
        lambda zs: st.tuples(st.just(np.array(zs)), st.integers(0, len(zs) - 1))
    )


# --- numerical_gradient ------------------------------------------------------


def test_numerical_gradient_of_a_sum_of_sines_is_the_cosines():
    x = np.linspace(-3, 3, 7)
    np.testing.assert_allclose(
        numerical_gradient(lambda v: float(np.sum(np.sin(v))), x), np.cos(x), atol=1e-9
    )


def test_numerical_gradient_of_a_quadratic_form_is_a_plus_a_transpose_times_x():
    rng = np.random.default_rng(0)
    A = rng.standard_normal((4, 4))
    x = rng.standard_normal(4)
    np.testing.assert_allclose(
        numerical_gradient(lambda v: float(v @ A @ v), x), (A + A.T) @ x, atol=1e-8
    )


def test_numerical_gradient_keeps_the_shape_of_a_matrix_and_leaves_it_unchanged():
    rng = np.random.default_rng(1)
    W = rng.standard_normal((3, 2))
    before = W.copy()
    grad = numerical_gradient(lambda v: float(np.sum(v**3)), W)
    assert grad.shape == (3, 2)
    np.testing.assert_allclose(grad, 3 * W**2, rtol=1e-7)
    np.testing.assert_array_equal(W, before)


@pytest.mark.parametrize("seed", range(4))
def test_numerical_gradient_agrees_with_the_suites_own_central_difference(
    seed, central_difference
):
    rng = np.random.default_rng(seed)
    z = 3 * rng.standard_normal(6)
    true_class = int(rng.integers(0, 6))

    def f(v: np.ndarray) -> float:
        return reference_loss(v, true_class)

    np.testing.assert_allclose(
        numerical_gradient(f, z), central_difference(f, z), atol=1e-10
    )


# --- check_output_gradient ---------------------------------------------------


def test_lecture_dz_check_agrees_to_1e_8():
    check = check_output_gradient([0, 1, 0, 0], z=[5.0, 2.0, -1.0, 3.0])
    expected = scipy.special.softmax([5.0, 2.0, -1.0, 3.0]) - [0, 1, 0, 0]
    np.testing.assert_allclose(check.formula, expected, rtol=1e-14)
    assert check.max_abs_difference < 1e-8


@FAST
@given(example=logits_and_label(bound=10.0))
def test_dz_formula_and_numerical_derivative_agree_for_any_logits(
    example, central_difference
):
    z, true_class = example
    y = np.eye(z.size)[true_class]
    check = check_output_gradient(y, z=z)
    np.testing.assert_allclose(
        check.formula, scipy.special.softmax(z) - y, rtol=1e-12, atol=1e-15
    )
    np.testing.assert_allclose(
        check.numerical,
        central_difference(lambda v: reference_loss(v, true_class), z),
        atol=1e-8,
    )
    assert check.max_abs_difference < 1e-7
    assert check.max_abs_difference == pytest.approx(
        np.max(np.abs(check.formula - check.numerical))
    )


# --- gradient_step_on_z ------------------------------------------------------


def test_a_gradient_step_on_z_moves_z_by_minus_alpha_times_y_hat_minus_y():
    z = np.array([5.0, 2.0, -1.0, 3.0])
    y = np.array([0, 1, 0, 0])
    expected = z - 0.5 * (scipy.special.softmax(z) - y)
    stepped = gradient_step_on_z(y, z=z, step_size=0.5)
    np.testing.assert_allclose(stepped, expected, rtol=1e-15)


@FAST
@given(example=logits_and_label(), step_size=st.floats(0.05, 2.0))
def test_a_gradient_step_on_z_lowers_the_loss_and_raises_the_true_class_probability(
    example, step_size
):
    z, true_class = example
    y = np.eye(z.size)[true_class]
    stepped = gradient_step_on_z(y, z=z, step_size=step_size)
    # The loss is convex in z with curvature at most 1/2, so steps up to 2 descend.
    assert reference_loss(stepped, true_class) < reference_loss(z, true_class)
    assert (
        scipy.special.softmax(stepped)[true_class]
        > scipy.special.softmax(z)[true_class]
    )


def test_many_gradient_steps_on_z_drive_the_true_class_probability_towards_1():
    z = np.array([5.0, 2.0, -1.0, 3.0])
    y = np.array([0, 1, 0, 0])
    probabilities = []
    for _ in range(50):
        z = gradient_step_on_z(y, z=z, step_size=1.0)
        probabilities.append(scipy.special.softmax(z)[1])
    assert np.all(np.diff(probabilities) > 0)
    assert probabilities[-1] > 0.9


# --- logits_from_probabilities -----------------------------------------------


def test_logits_from_probabilities_give_back_the_lectures_y_hat_through_softmax():
    y_hat = np.array([0.3, 0.2, 0.1, 0.4])
    np.testing.assert_allclose(
        scipy.special.softmax(logits_from_probabilities(y_hat)), y_hat, rtol=1e-14
    )


@pytest.mark.parametrize("y_hat", [[0.5, 0.5, 0.0], [0.6, 0.6], [1.2, -0.2]])
def test_logits_from_probabilities_reject_zero_negative_or_unnormalized_y_hat(
    y_hat,
):
    with pytest.raises(ValueError, match="positive probabilities that sum to 1"):
        logits_from_probabilities(y_hat)
