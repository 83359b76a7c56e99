"""The training page past the lecture: a held-out test set, the confusion
matrix, L2 regularization and the export of the trained parameters."""

import subprocess
import sys

import numpy as np
import pytest

from softmax_core import (
    make_blobs,
    parameters_to_npz,
    predict,
    predict_proba,
    train,
    train_test_split,
)
from softmax_ui.runs import SNAPSHOTS

from .apptest_helpers import (
    EN,
    assert_no_exception,
    figure,
    j_now,
    metric_number,
    open_page,
    set_widget,
    shown_costs,
    values,
)

TEST_J = EN["training.test_cost_now"]


def confusion_counts(at) -> np.ndarray:
    return values(figure(at, "training_confusion")["data"][0]["z"]).astype(int)


def test_without_a_test_share_the_confusion_matrix_counts_the_training_set():
    at = open_page("training")
    assert len(at.metric) == 3
    counts = confusion_counts(at)
    assert counts.shape == (4, 4)
    assert counts.sum() == 300
    assert any(s.value == EN["training.confusion_train"] for s in at.subheader)
    names = figure(at, "training_confusion")["data"][0]["x"]
    assert list(names) == ["other", "cat", "dog", "baby chick"]


@pytest.mark.parametrize("percent", [10, 30, 50])
def test_a_test_share_holds_out_examples_and_the_matrix_counts_them(percent):
    at = set_widget(open_page("training"), "training_test_share", percent)
    assert_no_exception(at)
    counts = confusion_counts(at)
    assert counts.sum() == round(300 * percent / 100)
    assert any(s.value == EN["training.confusion_test"] for s in at.subheader)
    # The matrix is the core's: predictions of the shown parameters on the test set.
    X, labels = make_blobs(300, 4, seed=0)
    X_train, y_train, X_test, y_test = train_test_split(X, labels, percent / 100)
    history = train(X_train, y_train, 4, learning_rate=0.05, iterations=300,
                    snapshot_every=300 // SNAPSHOTS, test=(X_test, y_test))
    predicted = predict(history.params, X_test)
    expected = np.zeros((4, 4), dtype=int)
    np.add.at(expected, (y_test, predicted), 1)
    np.testing.assert_array_equal(counts, expected)
    assert np.trace(counts) / counts.sum() == pytest.approx(
        metric_number(at, EN["training.test_accuracy_now"]), abs=5e-4
    )
    test_costs = shown_costs(at, "training.test_cost_axis")
    np.testing.assert_allclose(test_costs, history.test_costs, rtol=1e-5)
    label = TEST_J.format(it=300)
    assert metric_number(at, label) == pytest.approx(history.test_costs[-1], abs=5e-4)


def test_the_test_share_comes_from_a_link_and_is_clamped():
    at = open_page("training", {"training_test_share": "80"})
    assert at.get_by_key("training_test_share").value == 50
    assert confusion_counts(at).sum() == 150


def test_scrubbing_moves_the_confusion_matrix_to_that_iteration():
    at = set_widget(open_page("training"), "training_test_share", 30)
    set_widget(at, "training_iteration", 0)
    # Before any step every ŷ is uniform, and a tie goes to class 0.
    counts = confusion_counts(at)
    assert counts[:, 1:].sum() == 0
    assert counts.sum() == 90


def test_l2_regularization_raises_the_final_cost_and_is_kept_in_the_link():
    plain = open_page("training")
    regularized = set_widget(open_page("training"), "training_l2", 1.0)
    assert_no_exception(regularized)
    assert j_now(regularized) > j_now(plain)
    assert regularized.query_params["training_l2"] == "1"
    linked = open_page("training", {"training_l2": "1"})
    assert linked.get_by_key("training_l2").value == 1.0
    assert j_now(linked) == j_now(regularized)


def test_the_numpy_snippet_on_the_page_prints_the_y_hat_the_page_shows(tmp_path):
    at = set_widget(open_page("training"), "training_hidden_units", 8)
    snippet = at.code[0].value
    assert "np.load(\"softmax_parameters.npz\")" in snippet
    X, labels = make_blobs(300, 4, seed=0)
    history = train(X, labels, 4, learning_rate=0.05, iterations=300,
                    hidden_units=8, snapshot_every=300 // SNAPSHOTS)
    (tmp_path / "softmax_parameters.npz").write_bytes(
        parameters_to_npz(history.params)
    )
    done = subprocess.run(
        [sys.executable, "-c", snippet + "\nnp.save('y_hat.npy', Y_hat)"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    from_snippet = np.load(tmp_path / "y_hat.npy")
    shown = values(figure(at, "training_Y_hat")["data"][0]["z"])
    assert from_snippet.shape == shown.shape == (4, 8)
    np.testing.assert_allclose(from_snippet, shown, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(
        from_snippet, predict_proba(history.params, X[:, :8]), rtol=1e-5
    )


def test_the_export_offers_both_files():
    at = open_page("training")
    labels = [b.proto.label for b in at.get("download_button")]
    assert EN["training.export_npz"] in labels
    assert EN["training.export_json"] in labels


def test_waiting_for_an_upload_still_offers_the_link_to_this_view():
    at = set_widget(open_page("training"), "training_dataset", "upload")
    assert_no_exception(at)
    assert any(i.value == EN["training.upload_waiting"] for i in at.info)
    assert at.get_by_key("classroom_hide") is not None


def test_the_snippet_computes_the_columns_the_heatmaps_show_with_an_example_selected():
    # Example 100 (1-based) takes the heatmaps' last column: the snippet's too.
    at = open_page("training", {"training_example": "100"})
    snippet = at.code[0].value
    start = snippet.index("X = np.array(")
    written: dict = {"np": np}
    exec(snippet[start : snippet.index("])", start) + 2], written)  # noqa: S102
    X, _ = make_blobs(300, 4, seed=0)
    np.testing.assert_array_equal(written["X"][:, -1], X[:, 99])
    np.testing.assert_array_equal(written["X"][:, :-1], X[:, :7])
