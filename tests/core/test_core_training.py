"""Backpropagation and batch gradient descent.

Every gradient ``cost_and_gradients`` returns is checked against central
differences of a forward pass written in the test (float64, scipy's
logsumexp); training is checked on data whose outcome is known: separable
blobs, and spirals that only a hidden layer can separate.
"""

import math

import numpy as np
import pytest
import scipy.special

from softmax_core import (
    Parameters,
    accuracy,
    cost_and_gradients,
    init_params,
    make_blobs,
    make_spirals,
    network,
    predict,
    predict_proba,
    train,
)

MODELS = [
    pytest.param(0, "tanh", id="softmax-regression"),
    pytest.param(5, "tanh", id="hidden-tanh"),
    pytest.param(5, "relu", id="hidden-relu"),
]


def reference_logits(arrays: dict[str, np.ndarray], activation: str, X: np.ndarray):
    """Z[L] by the lecture's formulas, in float64, apart from the core."""
    W1, b1 = arrays["W1"].astype(np.float64), arrays["b1"].astype(np.float64)
    Z1 = W1 @ X + b1
    if "W2" not in arrays:
        return Z1
    A1 = np.tanh(Z1) if activation == "tanh" else np.maximum(Z1, 0.0)
    return arrays["W2"].astype(np.float64) @ A1 + arrays["b2"].astype(np.float64)


def reference_cost(
    arrays: dict[str, np.ndarray], activation: str, X: np.ndarray, labels: np.ndarray
) -> float:
    """J = mean over examples of logsumexp(z) − z_true."""
    Z = reference_logits(arrays, activation, np.asarray(X, dtype=np.float64))
    true = Z[labels, np.arange(labels.size)]
    return float(np.mean(scipy.special.logsumexp(Z, axis=0) - true))


def random_problem(seed: int, hidden_units: int, activation: str, m: int):
    """float64 parameters off their starting point, random X (3×m) and labels."""
    n, C = 3, 4
    rng = np.random.default_rng(seed)
    start = init_params(
        n,
        C,
        hidden_units=hidden_units,
        activation=activation,
        seed=seed,
        dtype=np.float64,
    )
    # Move every array off its start (W = 0 or b = 0) so no entry is special.
    moved = {
        k: v + 0.5 * rng.standard_normal(v.shape) for k, v in start.arrays().items()
    }
    params = Parameters(**moved, activation=activation)
    X = np.ascontiguousarray(rng.standard_normal((n, m)))
    labels = rng.integers(0, C, m).astype(np.intp)
    return params, X, labels


# --- cost_and_gradients against finite differences ---------------------------


@pytest.mark.parametrize("hidden_units, activation", MODELS)
@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("chunk", [network.CHUNK, 8], ids=["one-chunk", "chunks-of-8"])
def test_every_parameter_gradient_matches_finite_differences_of_the_cost(
    hidden_units, activation, seed, chunk, central_difference, monkeypatch
):
    # With chunks of 8, m = 21 also crosses two chunk boundaries and ends short.
    monkeypatch.setattr(network, "CHUNK", chunk)
    params, X, labels = random_problem(seed, hidden_units, activation, m=21)
    arrays = params.arrays()

    J, _, grads = cost_and_gradients(params, X, labels)

    assert J == pytest.approx(reference_cost(arrays, activation, X, labels), rel=1e-12)
    assert set(grads) == {f"d{name}" for name in arrays}
    for name, value in arrays.items():

        def J_of(v: np.ndarray, name: str = name) -> float:
            return reference_cost({**arrays, name: v}, activation, X, labels)

        numerical = central_difference(J_of, value)
        assert grads[f"d{name}"].shape == value.shape
        assert grads[f"d{name}"].dtype == np.float64
        np.testing.assert_allclose(
            grads[f"d{name}"], numerical, rtol=1e-5, atol=1e-8, err_msg=f"d{name}"
        )


@pytest.mark.parametrize("hidden_units, activation", MODELS)
def test_cost_and_gradients_reports_the_share_of_correct_argmax_predictions(
    hidden_units, activation
):
    params, X, labels = random_problem(3, hidden_units, activation, m=50)
    _, acc, _ = cost_and_gradients(params, X, labels)
    Z = reference_logits(params.arrays(), activation, X)
    assert acc == pytest.approx(np.mean(np.argmax(Z, axis=0) == labels))
    assert accuracy(params, X, labels) == pytest.approx(acc)


def test_tied_logits_count_as_a_prediction_of_the_first_class():
    # At W = 0, b = 0 every logit is 0: argmax picks class 0 for every example.
    X, labels = make_blobs(41, 4, seed=0)
    params = init_params(2, 4, dtype=np.float64)
    _, acc, _ = cost_and_gradients(params, np.ascontiguousarray(X), labels)
    assert acc == pytest.approx(np.mean(labels == 0))


def test_softmax_regression_starts_at_uniform_predictions_and_j_equal_log_c():
    X, labels = make_blobs(40, 4, seed=0)
    params = init_params(2, 4, dtype=np.float64)
    J, _, _ = cost_and_gradients(params, np.ascontiguousarray(X), labels)
    assert J == pytest.approx(math.log(4), rel=1e-15)
    np.testing.assert_allclose(predict_proba(params, X), 0.25)


# --- Training on data whose answer is known -----------------------------------


@pytest.fixture(scope="module")
def blobs():
    return make_blobs(300, 4, seed=0)


@pytest.fixture(scope="module")
def blobs_history(blobs):
    X, labels = blobs
    return train(X, labels, 4, learning_rate=0.5, iterations=300)


def test_training_on_blobs_lowers_j_from_log_4_and_reaches_95_percent(
    blobs, blobs_history
):
    X, labels = blobs
    costs = blobs_history.costs
    assert costs[0] == pytest.approx(math.log(4), rel=1e-6)
    assert costs[-1] < 0.2 * costs[0]
    # Softmax regression is convex: with this step J never goes up.
    assert np.all(np.diff(costs) <= 1e-6)
    assert not blobs_history.diverged
    assert blobs_history.accuracies[-1] >= 0.95
    Z = reference_logits(blobs_history.params.arrays(), "tanh", X)
    assert np.mean(np.argmax(Z, axis=0) == labels) >= 0.95


def test_the_last_recorded_cost_is_the_cost_of_the_returned_parameters(
    blobs, blobs_history
):
    X, labels = blobs
    expected = reference_cost(blobs_history.params.arrays(), "tanh", X, labels)
    assert blobs_history.costs[-1] == pytest.approx(expected, rel=1e-4)


def test_training_in_float64_gives_the_same_costs_as_float32_within_1e_4(
    blobs, blobs_history
):
    X, labels = blobs
    history64 = train(X, labels, 4, learning_rate=0.5, iterations=300, dtype=np.float64)
    assert history64.params.W1.dtype == np.float64
    assert blobs_history.params.W1.dtype == np.float32
    np.testing.assert_allclose(blobs_history.costs, history64.costs, rtol=1e-4)


@pytest.fixture(scope="module")
def spirals():
    return make_spirals(300, 3, seed=0)


def test_softmax_regression_cannot_separate_spirals(spirals):
    X, labels = spirals
    history = train(X, labels, 3, learning_rate=1.0, iterations=2000)
    assert history.accuracies[-1] < 0.72


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_one_hidden_layer_of_32_units_separates_spirals(spirals, activation):
    X, labels = spirals
    history = train(
        X,
        labels,
        3,
        learning_rate=1.0,
        iterations=1000,
        hidden_units=32,
        activation=activation,
    )
    assert not history.diverged
    assert history.accuracies[-1] >= 0.95
    assert np.mean(predict(history.params, X) == labels) >= 0.95


# --- What a run records --------------------------------------------------------


def small_run(**options):
    X, labels = make_blobs(60, 3, seed=2)
    settings = {"learning_rate": 0.5, "iterations": 30, "hidden_units": 8}
    return train(X, labels, 3, **{**settings, **options})


def assert_same_parameters(a: Parameters, b: Parameters) -> None:
    assert a.arrays().keys() == b.arrays().keys()
    for name in a.arrays():
        np.testing.assert_array_equal(a.arrays()[name], b.arrays()[name])


def test_the_same_seed_gives_an_identical_history():
    first, second = small_run(seed=7), small_run(seed=7)
    np.testing.assert_array_equal(first.costs, second.costs)
    np.testing.assert_array_equal(first.accuracies, second.accuracies)
    assert_same_parameters(first.params, second.params)


def test_a_different_seed_gives_a_hidden_layer_different_weights_and_costs():
    first, second = small_run(seed=7), small_run(seed=8)
    assert not np.array_equal(first.params.W1, second.params.W1)
    assert not np.array_equal(first.costs, second.costs)


@pytest.mark.parametrize("iterations", [0, 1, 5, 30])
def test_history_records_iterations_plus_1_costs_and_accuracies(iterations):
    history = small_run(iterations=iterations)
    assert len(history.costs) == len(history.accuracies) == iterations + 1
    assert history.iterations_done == iterations
    assert np.all(np.isfinite(history.costs))
    assert np.all((history.accuracies >= 0) & (history.accuracies <= 1))


@pytest.mark.parametrize(
    "iterations, every, expected",
    [
        (10, 3, [0, 3, 6, 9, 10]),
        (10, 5, [0, 5, 10]),
        (10, None, [0, 10]),
        (10, 1, list(range(11))),
        (0, None, [0]),
        (0, 4, [0]),
    ],
)
def test_snapshots_are_kept_at_0_every_k_iterations_and_at_the_last(
    iterations, every, expected
):
    history = small_run(iterations=iterations, snapshot_every=every)
    assert sorted(history.snapshots) == expected
    assert_same_parameters(history.snapshots[iterations], history.params)


def test_each_snapshot_has_the_cost_recorded_at_its_iteration():
    X, labels = make_blobs(60, 3, seed=2)
    history = train(
        X,
        labels,
        3,
        learning_rate=0.5,
        iterations=12,
        hidden_units=8,
        snapshot_every=4,
    )
    for it, params in history.snapshots.items():
        expected = reference_cost(params.arrays(), params.activation, X, labels)
        assert history.costs[it] == pytest.approx(expected, rel=1e-5)
    assert_same_parameters(
        history.snapshots[0],
        init_params(2, 3, hidden_units=8, seed=0, dtype=np.float32),
    )


@pytest.mark.parametrize(
    "learning_rate, hidden_units, activation",
    [(1e4, 16, "relu"), (1e4, 16, "tanh"), (1e6, 0, "tanh"), (1e6, 16, "relu")],
)
def test_a_huge_learning_rate_stops_with_diverged_and_keeps_only_finite_values(
    spirals, learning_rate, hidden_units, activation
):
    X, labels = spirals
    history = train(
        X,
        labels,
        3,
        learning_rate=learning_rate,
        iterations=50,
        hidden_units=hidden_units,
        activation=activation,
    )
    assert history.diverged
    assert 1 <= len(history.costs) <= 50
    assert len(history.accuracies) == len(history.costs)
    assert np.all(np.isfinite(history.costs))
    for value in history.params.arrays().values():
        assert np.all(np.isfinite(value))
    last = history.iterations_done
    assert_same_parameters(history.snapshots[last], history.params)


@pytest.mark.parametrize("learning_rate", [0.0, -0.1, np.nan, np.inf])
def test_a_learning_rate_that_is_not_positive_raises_a_value_error(learning_rate):
    with pytest.raises(ValueError, match="learning rate must be a positive number"):
        small_run(learning_rate=learning_rate)


def test_negative_iterations_raise_a_value_error():
    with pytest.raises(ValueError, match="iterations must be 0 or more"):
        small_run(iterations=-1)


@pytest.mark.parametrize(
    "bad_label, message", [(3, "out of range"), (-1, "out of range"), (0.5, "whole")]
)
def test_a_label_outside_0_to_c_minus_1_raises_a_value_error(bad_label, message):
    X, labels = make_blobs(30, 3, seed=0)
    labels = labels.astype(np.float64)
    labels[4] = bad_label
    with pytest.raises(ValueError, match=message):
        train(X, labels, 3, learning_rate=0.1, iterations=1)


def test_x_and_labels_of_different_lengths_raise_a_value_error():
    X, labels = make_blobs(30, 3, seed=0)
    with pytest.raises(ValueError, match="labels must have m entries"):
        train(X, labels[:-1], 3, learning_rate=0.1, iterations=1)


def test_a_missing_feature_value_raises_a_value_error():
    X, labels = make_blobs(30, 3, seed=0)
    X[1, 5] = np.nan
    with pytest.raises(ValueError, match="missing or infinite"):
        train(X, labels, 3, learning_rate=0.1, iterations=1)


def test_an_unknown_hidden_activation_raises_a_value_error():
    with pytest.raises(ValueError, match="activation must be one of"):
        small_run(activation="sigmoid")


def test_features_too_large_for_the_first_cost_raise_a_value_error():
    X = np.full((2, 4), 3e38)
    labels = np.array([0, 1, 0, 1])
    with pytest.raises(ValueError, match="not finite"):
        train(
            X,
            labels,
            2,
            learning_rate=0.1,
            iterations=3,
            hidden_units=4,
            activation="relu",
        )


# --- Predictions ----------------------------------------------------------------


def test_predict_proba_is_c_by_m_with_columns_summing_to_1(blobs, blobs_history):
    X, labels = blobs
    Y_hat = predict_proba(blobs_history.params, X)
    assert Y_hat.shape == (4, 300)
    np.testing.assert_allclose(Y_hat.sum(axis=0), 1.0, rtol=1e-5)
    Z = reference_logits(blobs_history.params.arrays(), "tanh", X)
    np.testing.assert_allclose(
        Y_hat, scipy.special.softmax(Z, axis=0), rtol=1e-4, atol=1e-6
    )
    np.testing.assert_array_equal(
        predict(blobs_history.params, X), np.argmax(Y_hat, axis=0)
    )


def test_parameters_report_their_hidden_units_and_classes_and_change_dtype():
    params = init_params(2, 4, hidden_units=6, seed=0)
    assert params.hidden_units == 6 and params.num_classes == 4
    assert init_params(2, 4).hidden_units == 0
    assert init_params(2, 4).num_classes == 4
    as64 = params.astype(np.float64)
    assert all(v.dtype == np.float64 for v in as64.arrays().values())
    assert as64.activation == params.activation


def test_progress_hears_of_every_step_and_changes_nothing():
    X, labels = make_blobs(120, 3, seed=2)
    heard: list[int] = []
    with_progress = train(X, labels, 3, learning_rate=0.5, iterations=25,
                          progress=heard.append)
    without = train(X, labels, 3, learning_rate=0.5, iterations=25)
    assert heard == list(range(1, 26))
    np.testing.assert_array_equal(with_progress.costs, without.costs)
