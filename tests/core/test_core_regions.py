"""Decision regions over the input plane of a trained classifier."""

import numpy as np
import pytest
import scipy.special

from softmax_core import class_regions, make_blobs, plane_grid, train


@pytest.fixture(scope="module")
def trained():
    X, labels = make_blobs(120, 3, seed=1)
    history = train(X, labels, 3, learning_rate=0.5, iterations=100)
    return history.params, X


def test_plane_grid_spans_the_data_and_a_margin_beyond_it():
    X = np.array([[0.0, 10.0, 4.0], [-1.0, 1.0, 0.0]])
    xs, ys = plane_grid(X, points=21, margin=0.1)
    assert xs.size == ys.size == 21
    assert xs[0] == pytest.approx(-1.0) and xs[-1] == pytest.approx(11.0)
    assert ys[0] == pytest.approx(-1.2) and ys[-1] == pytest.approx(1.2)


def test_regions_hold_the_most_probable_class_and_its_probability_at_each_point(
    trained,
):
    params, X = trained
    regions = class_regions(params, X, points=30)
    assert regions.classes.shape == regions.confidence.shape == (30, 30)
    # Point (xs[j], ys[i]) at [i, j]: recompute a few from W X + b and scipy.
    W, b = params.W1.astype(np.float64), params.b1.astype(np.float64)
    for i, j in [(0, 0), (0, 29), (29, 0), (15, 7), (29, 29)]:
        x = np.array([[regions.xs[j]], [regions.ys[i]]])
        y_hat = scipy.special.softmax(W @ x + b, axis=0)[:, 0]
        assert regions.classes[i, j] == np.argmax(y_hat)
        assert regions.confidence[i, j] == pytest.approx(np.max(y_hat), rel=1e-5)
    assert np.all(regions.confidence >= 1 / 3 - 1e-6)
    assert np.all(regions.confidence <= 1.0)
    assert set(np.unique(regions.classes)) == {0, 1, 2}
