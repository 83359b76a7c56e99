"""The readable backward pass against finite differences, and the fast kernel
against it.

``reference_cost_and_gradients`` is what the training page shows: the lecture's
steps with ``softmax``, ``cost`` and ``output_gradient``. Its gradients are
checked against central differences of its own J; then the fused, chunked
``cost_and_gradients`` that training runs must give the same J, accuracy and
gradients over sizes, classes, hidden units, activations and λ.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from softmax_core import (
    Parameters,
    cost_and_gradients,
    init_params,
    network,
    reference_cost_and_gradients,
)

from .test_core_training import MODELS

FAST = settings(max_examples=60, deadline=None)


def moved_problem(seed, m, n, C, hidden_units, activation, dtype=np.float64):
    """Parameters moved off their start, random X (n×m) and labels, seeded."""
    rng = np.random.default_rng(seed)
    start = init_params(
        n, C, hidden_units=hidden_units, activation=activation, seed=seed, dtype=dtype
    )
    moved = {
        k: (v + 0.5 * rng.standard_normal(v.shape)).astype(dtype)
        for k, v in start.arrays().items()
    }
    X = rng.standard_normal((n, m)).astype(dtype)
    labels = rng.integers(0, C, m).astype(np.intp)
    return Parameters(**moved, activation=activation), X, labels


def assert_kernel_agrees(params, X, labels, l2, rtol):
    J, acc, grads = cost_and_gradients(params, X, labels, l2)
    J_ref, acc_ref, grads_ref = reference_cost_and_gradients(params, X, labels, l2)
    assert J == pytest.approx(J_ref, rel=rtol)
    assert acc == acc_ref
    assert list(grads) == list(grads_ref)
    for name, g in grads_ref.items():
        assert grads[name].shape == g.shape
        assert grads[name].dtype == params.W1.dtype
        # Relative to the largest entry of the gradient: small entries carry
        # the rounding of the large ones.
        scale = max(float(np.max(np.abs(g))), 1e-12)
        np.testing.assert_allclose(
            grads[name], g, rtol=rtol, atol=rtol * scale, err_msg=name
        )


@pytest.mark.parametrize("hidden_units, activation", MODELS)
@pytest.mark.parametrize("l2", [0.0, 0.3])
def test_reference_gradients_match_finite_differences_of_its_cost(
    hidden_units, activation, l2, central_difference
):
    params, X, labels = moved_problem(5, 23, 3, 4, hidden_units, activation)
    arrays = params.arrays()

    _, _, grads = reference_cost_and_gradients(params, X, labels, l2)

    for name, value in arrays.items():

        def J_of(v, name=name):
            changed = Parameters(**{**arrays, name: v}, activation=activation)
            return reference_cost_and_gradients(changed, X, labels, l2)[0]

        np.testing.assert_allclose(
            grads[f"d{name}"],
            central_difference(J_of, value),
            rtol=1e-5,
            atol=1e-8,
            err_msg=f"d{name}",
        )


def test_reference_starts_softmax_regression_at_j_equal_log_c():
    X = np.random.default_rng(0).standard_normal((2, 30))
    labels = np.arange(30) % 5
    J, acc, grads = reference_cost_and_gradients(init_params(2, 5), X, labels)
    assert J == pytest.approx(np.log(5), rel=1e-12)
    assert acc == pytest.approx(np.mean(labels == 0))  # all tied: class 0 wins
    assert set(grads) == {"dW1", "db1"}


@pytest.mark.parametrize("hidden_units, activation", MODELS)
@pytest.mark.parametrize("l2", [0.0, 0.01, 3.0])
@pytest.mark.parametrize("m, C", [(1, 2), (40, 2), (300, 4), (3000, 10)])
def test_the_kernel_agrees_with_the_reference_at_the_pages_sizes_in_float64(
    hidden_units, activation, l2, m, C
):
    params, X, labels = moved_problem(m + C, m, 2, C, hidden_units, activation)
    assert_kernel_agrees(params, X, labels, l2, rtol=1e-10)


@pytest.mark.parametrize(
    "hidden_units, activation", [(0, "tanh"), (64, "tanh"), (64, "relu"), (16, "relu")]
)
@pytest.mark.parametrize("l2", [0.0, 0.1])
def test_the_kernel_agrees_with_the_reference_in_float32_within_1e_4(
    hidden_units, activation, l2
):
    params, X, labels = moved_problem(
        7, 3000, 2, 10, hidden_units, activation, dtype=np.float32
    )
    J, acc, grads = cost_and_gradients(params, X, labels, l2)
    J_ref, acc_ref, grads_ref = reference_cost_and_gradients(params, X, labels, l2)
    assert J == pytest.approx(J_ref, rel=1e-4)
    # float32 logits may order two nearly equal classes the other way.
    assert acc == pytest.approx(acc_ref, abs=2 / 3000)
    for name, g in grads_ref.items():
        np.testing.assert_allclose(
            grads[name], g, rtol=1e-3, atol=1e-4 * np.max(np.abs(g)), err_msg=name
        )


@FAST
@given(
    m=st.integers(1, 70),
    n=st.integers(1, 4),
    C=st.integers(2, 10),
    hidden_units=st.sampled_from([0, 1, 2, 5, 16]),
    activation=st.sampled_from(["tanh", "relu"]),
    l2=st.sampled_from([0.0, 0.001, 0.5, 10.0]),
    chunk=st.sampled_from([network.CHUNK, 1, 7, 32]),
    seed=st.integers(0, 2**16),
)
def test_the_kernel_agrees_with_the_reference_for_any_shape_and_chunking(
    m, n, C, hidden_units, activation, l2, chunk, seed
):
    params, X, labels = moved_problem(seed, m, n, C, hidden_units, activation)
    original = network.CHUNK
    network.CHUNK = chunk  # hypothesis and monkeypatch do not mix
    try:
        assert_kernel_agrees(params, X, labels, l2, rtol=1e-10)
    finally:
        network.CHUNK = original


@FAST
@given(
    C=st.integers(2, 10),
    tied=st.integers(2, 10),
    m=st.integers(1, 40),
    seed=st.integers(0, 2**16),
)
def test_tied_logits_give_the_first_class_in_kernel_and_reference_alike(
    C, tied, m, seed
):
    # b makes the first `tied` classes equal and largest for every example.
    tied = min(tied, C)
    rng = np.random.default_rng(seed)
    b = np.where(np.arange(C) < tied, 1.0, -1.0).reshape(C, 1)
    params = Parameters(W1=np.zeros((C, 2)), b1=b)
    X = rng.standard_normal((2, m))
    labels = rng.integers(0, C, m)
    _, acc, _ = cost_and_gradients(params, X, labels)
    _, acc_ref, _ = reference_cost_and_gradients(params, X, labels)
    assert acc == acc_ref == pytest.approx(np.mean(labels == 0))
