"""One-hot labels, the loss L, the cost J and the output gradient dz[L] = ŷ − y.

References: the lecture's worked example, ``sklearn.metrics.log_loss`` (which
takes m×C probabilities where the core takes C×m), ``scipy.special`` and the
suite's own central differences.
"""

import math
import warnings

import numpy as np
import pytest
import scipy.special
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import log_loss

from softmax_core import (
    cost,
    loss,
    loss_from_logits,
    loss_terms,
    one_hot,
    output_gradient,
    true_class_loss_curve,
)

FAST = settings(max_examples=100, deadline=None)

LECTURE_Y = np.array([0, 1, 0, 0])
LECTURE_Y_HAT = np.array([0.3, 0.2, 0.1, 0.4])
MINUS_LOG_0_2 = 1.6094379124341003  # −ln 0.2, to double precision


def random_probabilities(rng: np.random.Generator, C: int, m: int) -> np.ndarray:
    """C×m columns drawn from a Dirichlet distribution: each column sums to 1."""
    return rng.dirichlet(np.ones(C), size=m).T


# --- The lecture's worked example -------------------------------------------


def test_lecture_loss_of_a_cat_predicted_at_20_percent_is_minus_log_0_2():
    assert loss(LECTURE_Y, LECTURE_Y_HAT) == pytest.approx(MINUS_LOG_0_2, rel=1e-15)
    assert loss(LECTURE_Y, LECTURE_Y_HAT) == pytest.approx(1.609, abs=5e-4)


def test_lecture_output_gradient_is_y_hat_minus_y():
    np.testing.assert_allclose(
        output_gradient(LECTURE_Y, y_hat=LECTURE_Y_HAT),
        [0.3, -0.8, 0.1, 0.4],
        rtol=1e-15,
    )


def test_a_larger_probability_for_the_true_class_gives_a_smaller_loss():
    better = np.array([0.1, 0.7, 0.1, 0.1])
    assert loss(LECTURE_Y, better) < loss(LECTURE_Y, LECTURE_Y_HAT)
    assert loss(LECTURE_Y, np.array([0.0, 1.0, 0.0, 0.0])) == 0.0


# --- The loss L --------------------------------------------------------------


@pytest.mark.filterwarnings("error")
def test_terms_with_y_j_0_contribute_nothing_even_where_y_hat_j_is_0():
    assert loss([0, 1, 0], [0.0, 1.0, 0.0]) == 0.0
    assert loss([1, 0], [0.5, 0.0]) == pytest.approx(math.log(2), rel=1e-15)
    Y = np.array([[1, 0], [0, 1], [0, 0]])
    Y_hat = np.array([[0.25, 0.0], [0.75, 1.0], [0.0, 0.0]])
    losses = loss(Y, Y_hat)
    assert not np.any(np.isnan(losses))
    np.testing.assert_allclose(losses, [math.log(4), 0.0], rtol=1e-15)


@pytest.mark.filterwarnings("error")
def test_loss_is_infinite_only_where_the_true_class_has_probability_0():
    Y = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    Y_hat = np.array([[0.0, 0.0, 0.5], [1.0, 0.5, 0.0], [0.0, 0.5, 0.5]])
    losses = loss(Y, Y_hat)
    np.testing.assert_array_equal(np.isinf(losses), [True, False, False])
    assert losses[0] == np.inf
    np.testing.assert_allclose(losses[1:], [math.log(2), math.log(2)], rtol=1e-15)


def test_loss_reads_examples_along_the_given_axis():
    rng = np.random.default_rng(0)
    Y_hat = random_probabilities(rng, 4, 6)
    Y = np.eye(4)[:, rng.integers(0, 4, 6)]
    np.testing.assert_allclose(loss(Y.T, Y_hat.T, axis=1), loss(Y, Y_hat))


@pytest.mark.parametrize("seed", range(5))
def test_loss_of_one_hot_labels_is_minus_log_of_the_true_class_probability(seed):
    rng = np.random.default_rng(seed)
    C, m = 5, 9
    Y_hat = random_probabilities(rng, C, m)
    labels = rng.integers(0, C, m)
    Y = np.eye(C)[:, labels]
    np.testing.assert_allclose(
        loss(Y, Y_hat), -np.log(Y_hat[labels, np.arange(m)]), rtol=1e-14
    )


@pytest.mark.filterwarnings("error")
def test_loss_terms_keep_only_the_true_class_term_and_sum_to_the_loss():
    terms = loss_terms(LECTURE_Y, LECTURE_Y_HAT)
    np.testing.assert_allclose(terms, [0.0, MINUS_LOG_0_2, 0.0, 0.0], rtol=1e-15)
    np.testing.assert_array_equal(loss_terms([0, 1, 0], [0.0, 1.0, 0.0]), 0.0)
    assert loss_terms([1, 0], [0.0, 1.0])[0] == np.inf


def test_true_class_loss_curve_is_minus_log_p_falling_to_0_at_p_1():
    p, L = true_class_loss_curve(50)
    assert p.shape == L.shape == (50,)
    assert 0 < p[0] and p[-1] == pytest.approx(1.0)
    assert np.all(np.diff(p) > 0) and np.all(np.diff(L) < 0)
    np.testing.assert_allclose(L, [-math.log(v) for v in p], rtol=1e-14)
    assert L[-1] == pytest.approx(0.0, abs=1e-15)


# --- The loss from the logits -------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_loss_from_logits_equals_logsumexp_minus_the_true_logit(seed):
    rng = np.random.default_rng(seed)
    C, m = 4, 7
    Z = 5 * rng.standard_normal((C, m))
    labels = rng.integers(0, C, m)
    expected = scipy.special.logsumexp(Z, axis=0) - Z[labels, np.arange(m)]
    # logsumexp − z_true cancels when the true class wins: compare absolutely too.
    np.testing.assert_allclose(
        loss_from_logits(np.eye(C)[:, labels], Z), expected, rtol=1e-13, atol=1e-14
    )


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_loss_from_logits_is_finite_and_exact_for_huge_logits(dtype):
    z = np.array([1e4, -1e4, 0.0], dtype=dtype)
    assert loss_from_logits([0, 1, 0], z) == pytest.approx(2e4, rel=1e-15)
    assert loss_from_logits([1, 0, 0], z) == pytest.approx(0.0, abs=1e-300)
    assert loss_from_logits([0, 0, 1], z) == pytest.approx(1e4, rel=1e-15)


@FAST
@given(
    z=st.lists(st.floats(-1e4, 1e4, allow_nan=False), min_size=2, max_size=10),
    data=st.data(),
)
def test_loss_from_logits_matches_scipy_log_softmax_for_any_logits(z, data):
    true_class = data.draw(st.integers(0, len(z) - 1))
    y = np.eye(len(z))[true_class]
    expected = -scipy.special.log_softmax(np.array(z))[true_class]
    result = loss_from_logits(y, z)
    assert np.isfinite(result)
    assert result == pytest.approx(expected, rel=1e-12, abs=1e-12)


# --- The cost J --------------------------------------------------------------


@pytest.mark.parametrize("C, m", [(2, 1), (3, 10), (4, 50), (10, 200)])
def test_cost_matches_sklearn_log_loss_on_transposed_probabilities(C, m):
    rng = np.random.default_rng(C * 1000 + m)
    Y_hat = random_probabilities(rng, C, m)
    labels = rng.integers(0, C, m)
    # sklearn wants m×C probabilities and label indices; the core takes C×m.
    expected = log_loss(labels, Y_hat.T, labels=np.arange(C))
    assert cost(np.eye(C)[:, labels], Y_hat) == pytest.approx(expected, rel=1e-12)


def test_cost_is_the_mean_of_the_losses():
    rng = np.random.default_rng(3)
    Y_hat = random_probabilities(rng, 4, 12)
    labels = rng.integers(0, 4, 12)
    true_probabilities = Y_hat[labels, np.arange(12)]
    expected = math.fsum(-np.log(true_probabilities)) / 12
    assert cost(np.eye(4)[:, labels], Y_hat) == pytest.approx(expected, rel=1e-14)


def test_cost_of_one_example_is_its_loss():
    assert cost(LECTURE_Y, LECTURE_Y_HAT) == pytest.approx(MINUS_LOG_0_2, rel=1e-15)


def test_cost_of_uniform_predictions_is_log_c():
    for C in (2, 4, 10):
        Y = np.eye(C)[:, np.arange(3 * C) % C]
        assert cost(Y, np.full((C, 3 * C), 1.0 / C)) == pytest.approx(math.log(C))


# --- The output gradient dz[L] = ŷ − y ----------------------------------------


def reference_loss(z: np.ndarray, true_class: int) -> float:
    """L(softmax(z), y) = logsumexp(z) − z_true, written apart from the core."""
    return float(scipy.special.logsumexp(z) - z[true_class])


@pytest.mark.parametrize("seed", range(8))
def test_output_gradient_equals_the_finite_difference_derivative_of_the_loss(
    seed, central_difference
):
    rng = np.random.default_rng(seed)
    C = int(rng.integers(2, 11))
    z = 3 * rng.standard_normal(C)
    true_class = int(rng.integers(0, C))
    y = np.eye(C)[true_class]
    numerical = central_difference(lambda v: reference_loss(v, true_class), z)
    formula = output_gradient(y, y_hat=scipy.special.softmax(z))
    np.testing.assert_allclose(formula, numerical, atol=1e-8)


def test_output_gradient_of_the_cost_is_y_hat_minus_y_over_m(central_difference):
    rng = np.random.default_rng(11)
    C, m = 4, 6
    Z = rng.standard_normal((C, m))
    labels = rng.integers(0, C, m)

    def J(Z_: np.ndarray) -> float:
        return float(
            np.mean(scipy.special.logsumexp(Z_, axis=0) - Z_[labels, np.arange(m)])
        )

    formula = output_gradient(
        np.eye(C)[:, labels], y_hat=scipy.special.softmax(Z, axis=0)
    )
    assert formula.shape == (C, m)
    np.testing.assert_allclose(formula / m, central_difference(J, Z), atol=1e-9)


def test_output_gradient_columns_sum_to_0():
    rng = np.random.default_rng(5)
    Y_hat = random_probabilities(rng, 6, 20)
    Y = np.eye(6)[:, rng.integers(0, 6, 20)]
    dZ = output_gradient(Y, y_hat=Y_hat)
    np.testing.assert_allclose(dZ.sum(axis=0), 0.0, atol=1e-15)


# --- one_hot -----------------------------------------------------------------


@pytest.mark.parametrize("C", [1, 2, 4, 10])
def test_one_hot_is_c_by_m_with_a_single_1_at_each_label(C):
    rng = np.random.default_rng(C)
    labels = rng.integers(0, C, 17)
    Y = one_hot(labels, C)
    assert Y.shape == (C, 17)
    np.testing.assert_array_equal(Y, np.eye(C)[:, labels])
    np.testing.assert_array_equal(Y.sum(axis=0), 1.0)
    np.testing.assert_array_equal(np.argmax(Y, axis=0), labels)


def test_one_hot_accepts_whole_floats_and_no_labels():
    np.testing.assert_array_equal(one_hot([2.0, 0.0], 3), [[0, 1], [0, 0], [1, 0]])
    assert one_hot([], 3).shape == (3, 0)


@pytest.mark.parametrize(
    "labels, bad, example", [([0, 1, 4], 4, 2), ([0, -1, 2], -1, 1), ([7], 7, 0)]
)
def test_one_hot_rejects_a_label_out_of_range_naming_it_and_the_valid_range(
    labels, bad, example
):
    with pytest.raises(ValueError) as info:
        one_hot(labels, 4)
    message = str(info.value)
    assert f"Label {bad} (example {example})" in message
    assert "out of range" in message
    assert "between 0 and 3" in message


@pytest.mark.parametrize(
    "labels", [[0, 1.5], [0.5], [0, np.nan], [np.inf, 1], ["cat", "dog"]]
)
def test_one_hot_rejects_labels_that_are_not_whole_numbers(labels):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match="whole numbers 0 … C−1"):
            one_hot(labels, 4)


@pytest.mark.parametrize("C", [0, -2])
def test_one_hot_rejects_fewer_than_one_class(C):
    with pytest.raises(ValueError, match="at least 1"):
        one_hot([0], C)
