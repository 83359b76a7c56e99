"""The toy data sets and feature standardization."""

import numpy as np
import pytest

from softmax_core import MAX_CLASSES, make_blobs, make_spirals, standardize

GENERATORS = [make_blobs, make_spirals]


@pytest.mark.parametrize("make", GENERATORS)
@pytest.mark.parametrize("m, C", [(2, 2), (30, 3), (301, 4), (100, 10)])
def test_data_sets_are_2_by_m_with_balanced_labels_in_0_to_c_minus_1(make, m, C):
    X, labels = make(m, C, seed=0)
    assert X.shape == (2, m)
    assert labels.shape == (m,)
    assert np.issubdtype(labels.dtype, np.integer)
    assert set(np.unique(labels)) == set(range(C))
    counts = np.bincount(labels, minlength=C)
    assert counts.max() - counts.min() <= 1
    assert np.all(np.isfinite(X))


@pytest.mark.parametrize("make", GENERATORS)
def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(make):
    X1, labels1 = make(50, 3, seed=4)
    X2, labels2 = make(50, 3, seed=4)
    X3, _ = make(50, 3, seed=5)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(labels1, labels2)
    assert not np.array_equal(X1, X3)


@pytest.mark.parametrize("make", GENERATORS)
@pytest.mark.parametrize("C", [-1, 0, 1, MAX_CLASSES + 1, 50])
def test_a_number_of_classes_outside_2_to_10_raises_a_value_error(make, C):
    assert MAX_CLASSES == 10
    with pytest.raises(ValueError, match="between 2 and 10"):
        make(100, C)


@pytest.mark.parametrize("make", GENERATORS)
def test_fewer_examples_than_classes_raise_a_value_error(make):
    with pytest.raises(ValueError, match="at least one example per class"):
        make(3, 4)


def test_blobs_sit_around_centres_on_a_circle_of_radius_3():
    C = 5
    X, labels = make_blobs(1000, C, spread=0.5, seed=0)
    for k in range(C):
        angle = 2 * np.pi * k / C
        centre = 3 * np.array([np.cos(angle), np.sin(angle)])
        # 200 points of std 0.5: the class mean is within ~0.035 of its centre.
        np.testing.assert_allclose(X[:, labels == k].mean(axis=1), centre, atol=0.15)


def test_spiral_points_lie_within_radius_0_6_to_3():
    X, _ = make_spirals(500, 3, seed=0)
    radius = np.hypot(X[0], X[1])
    assert radius.min() >= 0.6 - 1e-12
    assert radius.max() <= 3.0 + 1e-12


def test_standardize_gives_every_feature_mean_0_and_standard_deviation_1():
    rng = np.random.default_rng(0)
    X = rng.normal(
        loc=[[5.0], [-300.0], [0.01]], scale=[[2.0], [40.0], [0.001]], size=(3, 200)
    )
    X_standard, mean, std = standardize(X)
    np.testing.assert_allclose(X_standard.mean(axis=1), 0.0, atol=1e-12)
    np.testing.assert_allclose(X_standard.std(axis=1), 1.0, rtol=1e-12)
    assert mean.shape == std.shape == (3, 1)
    np.testing.assert_allclose(mean[:, 0], np.mean(X, axis=1))
    np.testing.assert_allclose(std[:, 0], np.std(X, axis=1))
    np.testing.assert_allclose(X_standard * std + mean, X)


def test_standardize_only_centres_a_constant_feature():
    X = np.array([[1.0, 2.0, 3.0], [7.0, 7.0, 7.0]])
    X_standard, _, std = standardize(X)
    np.testing.assert_array_equal(X_standard[1], 0.0)
    assert std[1, 0] == 1.0
    assert np.all(np.isfinite(X_standard))
