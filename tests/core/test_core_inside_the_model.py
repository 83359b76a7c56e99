"""Inside the model: per-example losses, one gradient step on W and b, divergence.

The gradients are checked against central differences of a cost written here
with scipy's logsumexp (not the core's), and against the fast kernel that
training runs; the per-example losses against −log softmax written apart.
"""

import math

import numpy as np
import pytest
import scipy.special
from hypothesis import given, settings
from hypothesis import strategies as st

from softmax_core import (
    Parameters,
    cost_and_gradients,
    divergence_iteration,
    example_losses,
    gradient_step,
    gradients,
    make_blobs,
    nudge,
    one_hot,
    train,
    worst_first,
)


def independent_cost(W, b, X, labels, l2=0.0):
    """J of softmax regression in float64 via scipy, apart from the core."""
    Z = W @ X + b.reshape(-1, 1)
    m = X.shape[1]
    log_p = Z - scipy.special.logsumexp(Z, axis=0, keepdims=True)
    return -np.mean(log_p[labels, np.arange(m)]) + l2 / (2 * m) * np.sum(W**2)


def problem(seed, n=3, C=4, m=25):
    rng = np.random.default_rng(seed)
    return (
        rng.normal(size=(C, n)),
        rng.normal(size=(C, 1)),
        rng.normal(size=(n, m)),
        rng.integers(0, C, m),
    )


@pytest.mark.parametrize("l2", [0.0, 0.3])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_dw_and_db_equal_central_differences_of_the_cost(seed, l2, central_difference):
    W, b, X, labels = problem(seed)
    g = gradients(W, b, X, labels, l2=l2)
    dW = central_difference(lambda w: independent_cost(w, b, X, labels, l2), W)
    db = central_difference(lambda c: independent_cost(W, c, X, labels, l2), b)
    assert g.dW == pytest.approx(dW, abs=1e-7)
    assert g.db == pytest.approx(db, abs=1e-7)
    assert g.cost == pytest.approx(independent_cost(W, b, X, labels, l2), rel=1e-12)


def test_dw_is_dz_times_x_transposed_over_m_as_the_lecture_writes_it():
    W, b, X, labels = problem(5)
    Z = W @ X + b
    Y_hat = np.exp(Z) / np.exp(Z).sum(axis=0)
    dZ = Y_hat - one_hot(labels, 4)
    g = gradients(W, b, X, labels)
    assert g.dW == pytest.approx(dZ @ X.T / X.shape[1], abs=1e-12)
    assert g.db.ravel() == pytest.approx(dZ.mean(axis=1), abs=1e-12)


def test_gradients_agree_with_the_kernel_that_training_runs():
    W, b, X, labels = problem(3)
    params = Parameters(W1=W, b1=b)
    J, _, fast = cost_and_gradients(params.astype(np.float64), X, labels, l2=0.1)
    g = gradients(W, b, X, labels, l2=0.1)
    assert g.cost == pytest.approx(J, rel=1e-10)
    assert g.dW == pytest.approx(fast["dW1"], abs=1e-10)
    assert g.db == pytest.approx(fast["db1"], abs=1e-10)


def test_steps_by_hand_retrace_the_training_run():
    X, labels = make_blobs(60, 3, seed=1)
    history = train(X, labels, 3, learning_rate=0.5, iterations=3, dtype=np.float64,
                    snapshot_every=1)  # fmt: skip
    W, b = history.snapshots[0].W1, history.snapshots[0].b1
    for it in range(1, 4):
        step = gradient_step(W, b, X, labels, 0.5)
        assert step.cost == pytest.approx(history.costs[it - 1], rel=1e-10)
        W, b = step.W, step.b
        assert W == pytest.approx(history.snapshots[it].W1, abs=1e-10)
        assert b == pytest.approx(history.snapshots[it].b1, abs=1e-10)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), C=st.integers(2, 10), n=st.integers(1, 4))
def test_a_small_step_lowers_j_unless_already_at_a_minimum(seed, C, n):
    W, b, X, labels = problem(seed, n=n, C=C, m=30)
    step = gradient_step(W, b, X, labels, alpha=1e-3)
    after = independent_cost(step.W, step.b, X, labels)
    slope = np.sum(step.dW**2) + np.sum(step.db**2)
    # J falls by about α‖∇J‖² (first order), and certainly does not rise.
    assert after <= step.cost
    assert step.cost - after == pytest.approx(1e-3 * slope, rel=0.05)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), C=st.integers(2, 10))
def test_db_sums_to_zero_over_the_classes(seed, C):
    # Every column of Ŷ − Y sums to 1 − 1 = 0, so do the rows' means.
    W, b, X, labels = problem(seed, C=C)
    assert np.sum(gradients(W, b, X, labels).db) == pytest.approx(0, abs=1e-12)


def test_a_nudge_moves_one_entry_and_leaves_the_inputs_alone():
    W, b = np.arange(6.0).reshape(2, 3), np.array([[10.0], [20.0]])
    W2, b2 = nudge(W, b, 1, 0, 0.5)
    assert W2[1, 0] == 3.5 and np.count_nonzero(W2 != W) == 1
    assert np.array_equal(b2, b) and W[1, 0] == 3.0
    W3, b3 = nudge(W, b, 0, 3, -0.5)  # column n is b
    assert np.array_equal(W3, W) and b3.ravel().tolist() == [9.5, 20.0]
    with pytest.raises(ValueError, match="outside"):
        nudge(W, b, 2, 0, 0.5)
    with pytest.raises(ValueError, match="outside"):
        nudge(W, b, 0, 4, 0.5)


def test_a_nudge_changes_j_by_about_delta_times_the_gradient():
    W, b, X, labels = problem(7)
    g = gradients(W, b, X, labels)
    W2, b2 = nudge(W, b, 2, 1, 1e-4)
    change = gradients(W2, b2, X, labels).cost - g.cost
    assert change == pytest.approx(1e-4 * g.dW[2, 1], rel=1e-3)


def test_example_losses_are_minus_log_of_the_true_class_probability():
    rng = np.random.default_rng(0)
    Z, labels = rng.normal(size=(5, 40)) * 3, rng.integers(0, 5, 40)
    expected = -np.log(scipy.special.softmax(Z, axis=0)[labels, np.arange(40)])
    losses = example_losses(one_hot(labels, 5), Z=Z)
    assert losses == pytest.approx(expected, rel=1e-12)
    assert losses.mean() == pytest.approx(independent_cost(
        np.eye(5), np.zeros(5), Z, labels), rel=1e-12)  # fmt: skip


def test_a_confident_mistake_has_a_large_finite_loss():
    losses = example_losses(np.array([[1.0], [0.0]]), Z=np.array([[0.0], [2000.0]]))
    assert losses.tolist() == [2000.0]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([0.0, 0.5, 1.0, 2.5, float("nan")]), max_size=30))
def test_worst_first_orders_by_loss_and_keeps_ties_in_order(losses):
    order = worst_first(losses)
    assert sorted(order.tolist()) == list(range(len(losses)))
    key = [math.inf if math.isnan(v) else v for v in losses]
    for a, b in zip(order[:-1], order[1:], strict=True):
        assert key[a] > key[b] or (key[a] == key[b] and a < b)


def test_divergence_is_found_on_a_rising_run_and_on_nan():
    rising = [1.0, 0.5, 0.4, 0.41, 0.45, 0.5, 0.7, 1.2, 3.0]
    assert divergence_iteration(rising) == 7
    assert divergence_iteration(rising, rises=3) == 5
    assert divergence_iteration([1.0, 0.9, math.inf]) == 2
    assert divergence_iteration([1.0, math.nan, 0.5]) == 1


def test_divergence_is_found_where_j_stays_above_its_start():
    bouncing = [1.39, 6.5, 6.2, 6.7, 6.1, 6.7, 6.1, 6.7]
    assert divergence_iteration(bouncing) == 5


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.0, 10.0), min_size=1, max_size=50))
def test_no_divergence_while_j_never_rises(steps):
    costs = 20.0 - np.cumsum(np.sort(steps)[::-1]) * 0.3
    assert divergence_iteration(costs) is None


def test_float32_wobble_near_a_minimum_is_not_divergence():
    wobble = 0.05 + 1e-9 * np.arange(40)  # rises every step, by a few ulps
    assert divergence_iteration(wobble) is None


def test_a_learning_rate_too_large_for_the_spirals_is_found_diverging():
    from softmax_core import make_spirals

    X, labels = make_spirals(200, 4, seed=0)
    calm = train(X, labels, 4, learning_rate=0.05, iterations=200)
    assert divergence_iteration(calm.costs) is None
    # Not so wild that training stops: J jumps above log C and bounces there.
    wild = train(X, labels, 4, learning_rate=30.0, iterations=100)
    assert not wild.diverged
    found = divergence_iteration(wild.costs)
    assert found is not None and found <= 10
    assert np.all(wild.costs[1 : found + 1] > wild.costs[0])
