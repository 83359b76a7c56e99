"""Points by hand in a link: ``class.x.y`` parts, parsed and written back."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from softmax_ui import hand_points
from softmax_ui.hand_points import MAX_POINTS, from_sent, parse, serialize

coordinates = st.integers(-hand_points.MAX_HUNDREDTHS, hand_points.MAX_HUNDREDTHS)
points = st.lists(
    st.tuples(st.integers(0, 9), coordinates, coordinates), max_size=MAX_POINTS
)


@given(points)
def test_serialize_then_parse_gives_the_points_back(items):
    labels = np.array([k for k, _, _ in items], dtype=int)
    X = np.array([[x for _, x, _ in items], [y for _, _, y in items]]) / 100
    text = serialize(X.reshape(2, -1), labels)
    parsed = parse(text)
    assert parsed.refused == () and parsed.dropped == 0
    np.testing.assert_array_equal(parsed.labels, labels)
    np.testing.assert_allclose(parsed.X, X.reshape(2, -1), atol=1e-9)
    assert serialize(parsed.X, parsed.labels) == text  # one canonical form
    assert (text == "none") == (not items)


@given(st.text(max_size=300))
def test_any_text_parses_to_valid_points(text):
    parsed = parse(text)
    assert parsed.X.shape == (2, parsed.m)
    assert np.all(np.isfinite(parsed.X)) and np.all(np.abs(parsed.X) <= 1000)
    assert np.all((parsed.labels >= 0) & (parsed.labels <= 9))
    assert parsed.m <= MAX_POINTS
    assert parse(serialize(parsed.X, parsed.labels)).m == parsed.m


def test_malformed_parts_are_refused_and_the_rest_kept():
    parsed = parse("0.100.-50__x.1.1_3.1_2.1.1.1_10.0.0_1.1e3.0_4.-7.8 ")
    assert parsed.labels.tolist() == [0, 4]
    np.testing.assert_allclose(parsed.X, [[1.0, -0.07], [-0.5, 0.08]])
    assert parsed.refused == ("x.1.1", "3.1", "2.1.1.1", "10.0.0", "1.1e3.0")


def test_more_than_500_points_are_cut_and_counted():
    text = "_".join(f"1.{i}.0" for i in range(MAX_POINTS + 7))
    parsed = parse(text)
    assert parsed.m == MAX_POINTS and parsed.dropped == 7


@pytest.mark.parametrize("text", ["", "none", " none "])
def test_an_empty_plane(text):
    assert parse(text).m == 0


def test_serialize_rounds_and_clamps():
    X = np.array([[0.004, 2e6, np.nan], [-0.005, -3.333, 1.0]])
    assert serialize(X, [1, 2, 3]) == "1.0.0_2.100000.-333_3.0.100"


def test_points_sent_by_the_lab_are_checked():
    X, labels = from_sent(
        [[0, 1.5, 2], [10, 0, 0], [1, float("nan"), 0], "x", [True, 0, 0], [2.0, -1, 1],
         [1.5, 0, 0]]
    )  # fmt: skip
    assert labels.tolist() == [0, 2]
    np.testing.assert_allclose(X, [[1.5, -1], [2, 1]])
    assert from_sent(None) is None and from_sent({"a": 1}) is None
    X, labels = from_sent([])
    assert X.shape == (2, 0) and labels.size == 0
    assert from_sent([[1, 0, 0]] * (MAX_POINTS + 5))[1].size == MAX_POINTS
