"""Softmax, log-softmax, the step table, hardmax and the sigmoid.

References: the lecture's worked numbers, ``scipy.special`` (softmax,
log_softmax, expit) and properties that softmax must have for every z.
"""

import math

import numpy as np
import pytest
import scipy.special
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from softmax_core import (
    EXP_OVERFLOW,
    difference_grid,
    hardmax,
    log_softmax,
    loss_from_logits,
    naive_softmax_steps,
    sigmoid,
    softmax,
    softmax_steps,
    two_class_outputs,
)

FAST = settings(max_examples=100, deadline=None)

LECTURE_Z = [5.0, 2.0, -1.0, 3.0]


def logit_matrices(
    bound: float = 1e4, dtype=np.float64, max_classes: int = 10
) -> st.SearchStrategy:
    """C×m logits with C in 1 … max_classes, m in 1 … 6 and |z| ≤ bound."""
    shapes = st.tuples(st.integers(1, max_classes), st.integers(1, 6))
    width = 32 if dtype == np.float32 else 64
    elements = st.floats(-bound, bound, allow_nan=False, width=width)
    return hnp.arrays(dtype, shapes, elements=elements)


def one_example(bound: float, min_classes: int = 2, max_classes: int = 10):
    return st.lists(
        st.floats(-bound, bound, allow_nan=False),
        min_size=min_classes,
        max_size=max_classes,
    ).map(np.array)


# --- The lecture's worked example -------------------------------------------


def test_lecture_softmax_of_5_2_minus1_3_is_0842_0042_0002_0114():
    np.testing.assert_allclose(
        softmax(LECTURE_Z), [0.842, 0.042, 0.002, 0.114], atol=5e-4
    )


def test_lecture_step_table_shows_t_sum_and_a_with_no_shift():
    steps = softmax_steps(LECTURE_Z)
    # e^5, e^2, e^-1, e^3 to two decimals, as the lecture writes them.
    np.testing.assert_allclose(steps.t, [148.41, 7.39, 0.37, 20.09], atol=5e-3)
    assert steps.total == pytest.approx(176.26, abs=5e-3)
    np.testing.assert_allclose(steps.a, [0.842, 0.042, 0.002, 0.114], atol=5e-4)
    assert steps.shift == 0.0
    assert not steps.shifted


def test_step_table_t_is_exactly_e_to_the_z_without_shift():
    steps = softmax_steps(LECTURE_Z)
    expected = [math.exp(v) for v in LECTURE_Z]
    np.testing.assert_allclose(steps.t, expected, rtol=1e-15)
    assert steps.total == pytest.approx(math.fsum(expected), rel=1e-15)
    np.testing.assert_allclose(steps.a, np.array(expected) / math.fsum(expected))


def test_lecture_largest_z_gets_the_largest_probability():
    assert int(np.argmax(softmax(LECTURE_Z))) == 0


def test_lecture_hardmax_puts_1_at_the_largest_z():
    np.testing.assert_array_equal(hardmax(LECTURE_Z), [1.0, 0.0, 0.0, 0.0])


def test_hardmax_works_column_by_column_and_ties_go_to_the_first_index():
    Z = np.array([[5.0, 0.0, 1.0], [2.0, 3.0, 1.0], [-1.0, 3.0, 0.0]])
    expected = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]])
    np.testing.assert_array_equal(hardmax(Z), expected)
    np.testing.assert_array_equal(hardmax(Z.T, axis=1), expected.T)


# --- Against scipy.special ---------------------------------------------------

SHAPES_AND_AXES = [
    ((4,), 0),
    ((4, 7), 0),
    ((7, 4), 1),
    ((3, 5, 2), 0),
    ((3, 5, 2), 1),
    ((3, 5, 2), -1),
]


@pytest.mark.parametrize("shape, axis", SHAPES_AND_AXES)
@pytest.mark.parametrize("temperature", [0.1, 0.5, 1.0, 3.0, 100.0])
@pytest.mark.parametrize("dtype, rtol", [(np.float64, 1e-12), (np.float32, 2e-5)])
def test_softmax_and_log_softmax_match_scipy_for_any_shape_axis_temperature_dtype(
    shape, axis, temperature, dtype, rtol
):
    rng = np.random.default_rng(7)
    z = (4 * rng.standard_normal(shape)).astype(dtype)
    reference = np.asarray(z, dtype=np.float64) / temperature

    a = softmax(z, axis=axis, temperature=temperature)
    log_a = log_softmax(z, axis=axis, temperature=temperature)

    np.testing.assert_allclose(
        a, scipy.special.softmax(reference, axis=axis), rtol=rtol, atol=1e-30
    )
    np.testing.assert_allclose(
        log_a, scipy.special.log_softmax(reference, axis=axis), rtol=rtol, atol=rtol
    )
    assert a.shape == log_a.shape == z.shape
    assert a.dtype == log_a.dtype == dtype


def test_integer_logits_give_float64_probabilities():
    a = softmax(np.array([5, 2, -1, 3]))
    assert a.dtype == np.float64
    np.testing.assert_allclose(a, scipy.special.softmax([5.0, 2.0, -1.0, 3.0]))


@FAST
@given(z=logit_matrices(bound=1e4))
def test_softmax_matches_scipy_even_for_huge_logits(z):
    np.testing.assert_allclose(
        softmax(z), scipy.special.softmax(z, axis=0), rtol=1e-9, atol=1e-300
    )
    np.testing.assert_allclose(
        log_softmax(z), scipy.special.log_softmax(z, axis=0), rtol=1e-9, atol=1e-9
    )


# --- Properties --------------------------------------------------------------


@FAST
@given(z=logit_matrices(bound=1e4))
def test_every_column_of_softmax_sums_to_1(z):
    np.testing.assert_allclose(softmax(z).sum(axis=0), 1.0, rtol=1e-12)


@FAST
@given(z=logit_matrices(bound=1e4, dtype=np.float32))
def test_every_column_of_float32_softmax_sums_to_1_within_float32_precision(z):
    a = softmax(z)
    assert a.dtype == np.float32
    np.testing.assert_allclose(a.sum(axis=0, dtype=np.float64), 1.0, rtol=1e-5)


@FAST
@given(
    z=logit_matrices(bound=100.0),
    constant=st.floats(-100.0, 100.0, allow_nan=False),
)
def test_adding_a_constant_to_every_logit_leaves_softmax_unchanged(z, constant):
    np.testing.assert_allclose(softmax(z + constant), softmax(z), rtol=1e-9, atol=1e-13)


@FAST
@given(
    milli_z=st.lists(st.integers(-30_000, 30_000), min_size=2, max_size=10, unique=True)
)
def test_softmax_keeps_the_order_of_the_logits(milli_z):
    # Distinct multiples of 1e-3: no two entries round to the same probability.
    z = np.array(milli_z) * 1e-3
    np.testing.assert_array_equal(
        np.argsort(softmax(z), kind="stable"), np.argsort(z, kind="stable")
    )


@FAST
@given(z=one_example(bound=50.0))
def test_softmax_approaches_hardmax_as_the_temperature_goes_to_0(z):
    top_two = np.sort(z)[-2:]
    assume(top_two[1] - top_two[0] > 0.01)
    # The runner-up gets at most e^(−gap/T) = e^(−100) of the winner.
    winner = np.eye(z.size)[np.argmax(z)]
    np.testing.assert_allclose(softmax(z, temperature=1e-4), winner, atol=1e-12)


@pytest.mark.parametrize("temperature", [1.0, 0.3, 0.1, 0.03, 0.01])
def test_softmax_gets_closer_to_hardmax_as_the_temperature_falls(temperature):
    # The winning probability is 1 / (1 + Σ e^{(z_j − 5)/T}) for the lecture's z.
    others = np.array([2.0, -1.0, 3.0]) - 5.0
    expected_winner = 1.0 / (1.0 + np.sum(np.exp(others / temperature)))
    a = softmax(LECTURE_Z, temperature=temperature)
    assert a[0] == pytest.approx(expected_winner, rel=1e-12)
    assert np.max(np.abs(a - [1, 0, 0, 0])) <= 2 * np.exp(-2.0 / temperature)


@FAST
@given(z=one_example(bound=10.0, min_classes=1))
def test_softmax_approaches_uniform_as_the_temperature_grows(z):
    a = softmax(z, temperature=1e6)
    # |z_j / T| ≤ 1e-5, so every probability is within ~2e-5 relative of 1/C.
    np.testing.assert_allclose(a, 1.0 / z.size, rtol=5e-5)


@FAST
@given(
    z1=st.floats(-1e3, 1e3, allow_nan=False), z2=st.floats(-1e3, 1e3, allow_nan=False)
)
def test_softmax_of_two_classes_is_sigmoid_of_difference(z1, z2):
    expected = scipy.special.expit(z1 - z2)
    a = softmax(np.array([z1, z2]))
    assert a[0] == pytest.approx(expected, rel=1e-10, abs=1e-300)
    assert a[1] == pytest.approx(scipy.special.expit(z2 - z1), rel=1e-10, abs=1e-300)

    out = two_class_outputs(z1, z2)
    assert float(out.softmax_1) == pytest.approx(expected, rel=1e-10, abs=1e-300)
    assert float(out.sigmoid_of_difference) == pytest.approx(
        expected, rel=1e-10, abs=1e-300
    )
    assert float(out.softmax_1 + out.softmax_2) == pytest.approx(1.0, rel=1e-15)


def test_two_class_outputs_reproduce_the_lectures_0842_and_0158():
    # σ(d) = 0.842 for d = log(0.842 / 0.158).
    d = math.log(0.842 / 0.158)
    out = two_class_outputs(d, 0.0)
    assert float(out.softmax_1) == pytest.approx(0.842, abs=1e-12)
    assert float(out.softmax_2) == pytest.approx(0.158, abs=1e-12)


def test_difference_grid_is_evenly_spaced_around_its_centre():
    grid = difference_grid(center=2.0, half_width=5.0, points=11)
    np.testing.assert_allclose(grid, np.arange(-3.0, 8.0))
    assert difference_grid().size == 401


def test_two_class_outputs_broadcast_arrays_of_pairs():
    z1 = np.linspace(-5, 5, 11)
    out = two_class_outputs(z1, 1.0)
    assert out.softmax_1.shape == out.sigmoid_of_difference.shape == (11,)
    np.testing.assert_allclose(out.softmax_1, scipy.special.expit(z1 - 1.0))


# --- Numerical stability -----------------------------------------------------


@pytest.mark.filterwarnings("error")
@FAST
@given(z=st.one_of(logit_matrices(1e4), logit_matrices(1e4, dtype=np.float32)))
def test_softmax_log_softmax_and_loss_from_logits_stay_finite_for_logits_up_to_1e4(
    z,
):
    y = np.zeros_like(z, dtype=np.float64)
    y[0] = 1.0
    a, log_a = softmax(z), log_softmax(z)
    assert np.all(np.isfinite(a)) and np.all(np.isfinite(log_a))
    assert a.dtype == log_a.dtype == z.dtype
    assert np.all(np.isfinite(loss_from_logits(y, z)))


@pytest.mark.filterwarnings("error")
@FAST
@given(
    z=one_example(bound=1e4, min_classes=1),
    dtype=st.sampled_from([np.float32, np.float64]),
)
def test_step_table_is_finite_and_correct_for_logits_up_to_1e4(z, dtype):
    z = z.astype(dtype).astype(np.float64)  # the values a float32 z can hold
    steps = softmax_steps(z.astype(dtype))
    assert np.all(np.isfinite(steps.t)) and np.isfinite(steps.total)
    assert steps.total > 0
    np.testing.assert_allclose(steps.a, scipy.special.softmax(z), rtol=1e-9, atol=1e-15)
    # t and Σt are e^{z − shift} and its sum, whether shifted or not.
    np.testing.assert_allclose(
        steps.t, np.exp(z - steps.shift), rtol=1e-12, atol=1e-300
    )


@FAST
@given(z=one_example(bound=1e4, min_classes=1))
def test_step_table_shifts_and_says_so_when_the_largest_logit_is_above_709(z):
    steps = softmax_steps(z)
    if np.max(z) > 709:
        assert steps.shifted
        assert steps.shift > 0
    if steps.shifted:
        # Then the largest t is e^{max z − shift}; the shift is not arbitrary.
        assert steps.shift == pytest.approx(np.max(z))


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("size", [1, 2, 3, 4, 10])
def test_step_table_does_not_overflow_when_many_logits_sit_just_below_709(size):
    z = np.full(size, 709.0)
    steps = softmax_steps(z)
    assert np.isfinite(steps.total)
    np.testing.assert_allclose(steps.a, 1.0 / size, rtol=1e-12)


def test_step_table_shift_is_reported_for_z_1000():
    steps = softmax_steps([1000.0, 999.0])
    assert steps.shifted and steps.shift == 1000.0
    np.testing.assert_allclose(steps.t, [1.0, math.exp(-1.0)])
    np.testing.assert_allclose(steps.a, scipy.special.expit([1.0, -1.0]))


def test_step_table_reads_float32_input_and_rejects_a_matrix():
    steps = softmax_steps(np.array(LECTURE_Z, dtype=np.float32))
    np.testing.assert_allclose(steps.a, scipy.special.softmax(LECTURE_Z), rtol=1e-7)
    with pytest.raises(ValueError, match="1-D"):
        softmax_steps(np.zeros((2, 2)))
    with pytest.raises(ValueError, match="1-D"):
        softmax_steps([])


@pytest.mark.parametrize("function", [softmax, log_softmax])
def test_float32_logits_give_float32_outputs(function):
    z = np.array(LECTURE_Z, dtype=np.float32)
    assert function(z).dtype == np.float32
    assert function(z, temperature=2.5).dtype == np.float32


@pytest.mark.parametrize("bad_temperature", [0.0, -1.0, -np.inf, np.nan])
@pytest.mark.parametrize("function", [softmax, log_softmax, softmax_steps])
def test_a_temperature_that_is_not_positive_raises_a_value_error(
    function, bad_temperature
):
    with pytest.raises(ValueError, match="temperature T must be a positive number"):
        function(LECTURE_Z, temperature=bad_temperature)


# --- The sigmoid -------------------------------------------------------------


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sigmoid_is_exactly_0_and_1_at_minus_and_plus_1e4_without_warnings(dtype):
    s = sigmoid(np.array([-1e4, 0.0, 1e4], dtype=dtype))
    np.testing.assert_array_equal(s, [0.0, 0.5, 1.0])
    assert s.dtype == dtype


@pytest.mark.filterwarnings("error")
@FAST
@given(x=st.floats(-1e4, 1e4, allow_nan=False))
def test_sigmoid_is_symmetric_and_matches_scipy_expit(x):
    assert float(sigmoid(-x)) == pytest.approx(1.0 - float(sigmoid(x)), abs=1e-15)
    assert float(sigmoid(x)) == pytest.approx(
        float(scipy.special.expit(x)), rel=1e-14, abs=1e-300
    )


# -- the naive steps: what subtracting max z saves us from --------------------


@pytest.mark.parametrize(
    ("dtype", "limit"),
    [(np.float64, 709.782712893384), (np.float32, 88.72283935546875)],
)
def test_naive_exponentials_overflow_just_past_the_log_of_the_largest_float(
    dtype, limit
):
    assert EXP_OVERFLOW[np.dtype(dtype)] == pytest.approx(limit, rel=1e-12)
    below = naive_softmax_steps([limit - 0.01, 0.0], dtype)
    above = naive_softmax_steps([limit + 0.01, 0.0], dtype)
    assert not below.overflowed.any() and np.isfinite(below.a).all()
    assert above.overflowed.tolist() == [True, False]
    assert np.isnan(above.a[0]) and above.a[1] == 0.0
    # The shifted steps of the same z stay exact.
    stable = softmax_steps([limit + 0.01, 0.0])
    np.testing.assert_allclose(stable.a, scipy.special.softmax([limit + 0.01, 0.0]))


@given(hnp.arrays(np.float64, st.integers(1, 10), elements=st.floats(-80, 80)))
def test_naive_steps_equal_the_shifted_ones_where_nothing_overflows(z):
    np.testing.assert_allclose(
        naive_softmax_steps(z).a, softmax_steps(z).a, rtol=1e-12, atol=1e-300
    )
    np.testing.assert_allclose(
        naive_softmax_steps(z, np.float32).a,
        scipy.special.softmax(z),
        rtol=2e-5,
        atol=1e-30,
    )
