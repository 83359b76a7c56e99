"""Beyond the lecture: L2 regularization, a held-out test set, the confusion
matrix and exporting trained parameters."""

import subprocess
import sys

import numpy as np
import pytest
import scipy.special
from sklearn.metrics import confusion_matrix as sklearn_confusion_matrix

from softmax_core import (
    NUMPY_SNIPPET,
    confusion_matrix,
    cost_and_accuracy,
    cost_and_gradients,
    make_blobs,
    numpy_snippet,
    parameters_from_json,
    parameters_from_npz,
    parameters_to_json,
    parameters_to_npz,
    predict,
    predict_proba,
    train,
    train_test_split,
)

from .test_core_training import MODELS, random_problem, reference_cost


def regularized_reference_cost(arrays, activation, X, labels, l2):
    """J + (λ / 2m) Σ‖W‖², written out from the formula."""
    m = labels.size
    penalty = sum(np.sum(v**2) for k, v in arrays.items() if k.startswith("W"))
    return reference_cost(arrays, activation, X, labels) + l2 / (2 * m) * penalty


@pytest.mark.parametrize("hidden_units, activation", MODELS)
def test_l2_gradients_match_finite_differences_of_the_regularized_cost(
    hidden_units, activation, central_difference
):
    params, X, labels = random_problem(11, hidden_units, activation, m=17)
    arrays, l2 = params.arrays(), 0.7

    J, _, grads = cost_and_gradients(params, X, labels, l2)

    expected = regularized_reference_cost(arrays, activation, X, labels, l2)
    assert J == pytest.approx(expected, rel=1e-12)
    for name, value in arrays.items():

        def J_of(v, name=name):
            changed = {**arrays, name: v}
            return regularized_reference_cost(changed, activation, X, labels, l2)

        np.testing.assert_allclose(
            grads[f"d{name}"], central_difference(J_of, value), rtol=1e-5, atol=1e-8
        )


def test_l2_regularization_keeps_the_weights_smaller():
    X, labels = make_blobs(200, 3, seed=2)
    plain = train(X, labels, 3, learning_rate=0.5, iterations=200)
    shrunk = train(X, labels, 3, learning_rate=0.5, iterations=200, l2=5.0)
    assert np.sum(shrunk.params.W1**2) < 0.5 * np.sum(plain.params.W1**2)


def test_negative_regularization_is_refused_with_a_clear_message():
    X, labels = make_blobs(20, 2)
    with pytest.raises(ValueError, match="regularization"):
        train(X, labels, 2, learning_rate=0.1, iterations=1, l2=-1.0)


@pytest.mark.parametrize("share, expected_test", [(0.0, 0), (0.25, 25), (0.001, 1)])
def test_split_holds_out_the_requested_share_and_keeps_every_example(
    share, expected_test
):
    X, labels = make_blobs(100, 4, seed=5)
    X_tr, y_tr, X_te, y_te = train_test_split(X, labels, share, seed=3)
    assert y_te.size == expected_test and X_te.shape == (2, expected_test)
    assert y_tr.size + y_te.size == 100
    together = np.concatenate([X_tr, X_te], axis=1)
    assert sorted(map(tuple, together.T)) == sorted(map(tuple, X.T))


def test_split_is_the_same_for_the_same_seed_and_differs_for_another():
    X, labels = make_blobs(60, 3)
    first = train_test_split(X, labels, 0.3, seed=1)
    again = train_test_split(X, labels, 0.3, seed=1)
    other = train_test_split(X, labels, 0.3, seed=2)
    assert all(np.array_equal(a, b) for a, b in zip(first, again, strict=True))
    assert not np.array_equal(first[3], other[3])


def test_a_test_share_of_one_or_more_is_refused():
    X, labels = make_blobs(10, 2)
    with pytest.raises(ValueError, match="test share"):
        train_test_split(X, labels, 1.0)


def test_training_records_test_cost_and_accuracy_at_every_iteration():
    X, labels = make_blobs(300, 4, seed=1)
    X_tr, y_tr, X_te, y_te = train_test_split(X, labels, 0.3, seed=0)
    history = train(
        X_tr, y_tr, 4, learning_rate=0.3, iterations=50, test=(X_te, y_te)
    )
    assert history.test_costs.shape == history.costs.shape == (51,)
    assert history.test_costs[0] == pytest.approx(np.log(4), rel=1e-6)
    assert history.test_costs[-1] < history.test_costs[0]
    # The last entry is the final parameters' cost on the test set.
    Z_probs = predict_proba(history.params.astype(np.float64), X_te)
    expected = -np.mean(np.log(Z_probs[y_te, np.arange(y_te.size)]))
    assert history.test_costs[-1] == pytest.approx(expected, rel=1e-4)
    assert history.test_accuracies[-1] == pytest.approx(
        np.mean(predict(history.params, X_te) == y_te)
    )


def test_without_a_test_set_the_test_history_is_empty():
    X, labels = make_blobs(40, 2)
    history = train(X, labels, 2, learning_rate=0.1, iterations=3)
    assert history.test_costs.size == 0 and history.test_accuracies.size == 0


def test_cost_and_accuracy_agrees_with_a_scipy_log_softmax():
    params, X, labels = random_problem(4, 0, "tanh", m=30)
    J, acc = cost_and_accuracy(params, X, labels)
    Z = params.W1 @ X + params.b1
    log_probs = scipy.special.log_softmax(Z, axis=0)
    assert J == pytest.approx(-np.mean(log_probs[labels, np.arange(30)]), rel=1e-12)
    assert acc == pytest.approx(np.mean(np.argmax(Z, axis=0) == labels))


def test_confusion_matrix_matches_scikit_learn_and_sums_to_m():
    rng = np.random.default_rng(8)
    labels, predicted = rng.integers(0, 5, 200), rng.integers(0, 5, 200)
    counts = confusion_matrix(labels, predicted, 5)
    expected = sklearn_confusion_matrix(labels, predicted, labels=range(5))
    np.testing.assert_array_equal(counts, expected)
    assert counts.sum() == 200


@pytest.mark.parametrize("hidden_units, activation", MODELS)
@pytest.mark.parametrize("fmt", ["npz", "json"])
def test_exported_parameters_read_back_to_the_same_predictions(
    hidden_units, activation, fmt
):
    X, labels = make_blobs(120, 3, seed=4)
    history = train(
        X, labels, 3, learning_rate=0.3, iterations=30, hidden_units=hidden_units,
        activation=activation,
    )
    if fmt == "npz":
        back = parameters_from_npz(parameters_to_npz(history.params))
    else:
        back = parameters_from_json(parameters_to_json(history.params))
    assert back.activation == history.params.activation
    np.testing.assert_allclose(
        predict_proba(back, X), predict_proba(history.params, X), rtol=1e-6
    )


@pytest.mark.parametrize("hidden_units, activation", MODELS)
def test_the_numpy_snippet_reproduces_the_predictions_of_the_app(
    hidden_units, activation, tmp_path
):
    X_all, labels = make_blobs(150, 4, seed=6)
    history = train(
        X_all, labels, 4, learning_rate=0.3, iterations=40,
        hidden_units=hidden_units, activation=activation,
    )
    (tmp_path / "softmax_parameters.npz").write_bytes(
        parameters_to_npz(history.params)
    )
    done = subprocess.run(
        [sys.executable, "-c", NUMPY_SNIPPET + "\nnp.save('y_hat.npy', Y_hat)"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    X = np.array([[0.5, -1.0], [2.0, 0.3]])
    np.testing.assert_allclose(
        np.load(tmp_path / "y_hat.npy"), predict_proba(history.params, X), rtol=1e-5
    )


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_the_snippet_for_the_pages_x_keeps_every_digit(dtype, tmp_path):
    X = np.random.default_rng(3).normal(scale=7.0, size=(3, 5)).astype(dtype)
    X_all, labels = make_blobs(60, 3, seed=1)
    X_train = np.vstack([X_all, X_all[:1] * 0.5])
    history = train(X_train, labels, 3, learning_rate=0.3, iterations=20,
                    hidden_units=4)
    (tmp_path / "softmax_parameters.npz").write_bytes(
        parameters_to_npz(history.params)
    )
    done = subprocess.run(
        [sys.executable, "-c", numpy_snippet(X) + "\nnp.save('y_hat.npy', Y_hat)"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    np.testing.assert_allclose(
        np.load(tmp_path / "y_hat.npy"), predict_proba(history.params, X),
        rtol=1e-5, atol=1e-8,
    )


def test_the_snippet_wants_x_as_a_matrix():
    with pytest.raises(ValueError, match="n×m"):
        numpy_snippet([1.0, 2.0])


def test_a_file_without_parameters_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="parameters"):
        parameters_from_json('{"activation": "tanh", "x": [1]}')
