"""Why softmax subtracts max z: the shifted steps against the naive ones.

References: the lecture's worked numbers, ``scipy.special.softmax`` and
``numpy.finfo`` (the largest float64 and float32), and properties that must
hold for every finite z within ±1000 (the explorer's widened range).
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
    gradient_step_on_z,
    naive_softmax_steps,
    shifted_softmax_steps,
    softmax,
    step_on_z_frames,
)

FAST = settings(max_examples=150, deadline=None)
LECTURE_Z = [5.0, 2.0, -1.0, 3.0]
OVERFLOW_EXAMPLE = [1000.0, 999.0, 998.0, 0.0]

wide_z = hnp.arrays(
    np.float64, st.integers(1, 10), elements=st.floats(-1000, 1000, allow_nan=False)
)


def test_shifted_steps_of_the_lecture_z_subtract_5_and_give_the_lecture_a():
    steps = shifted_softmax_steps(LECTURE_Z)
    assert steps.shift == 5.0
    np.testing.assert_allclose(steps.t, np.exp([0.0, -3.0, -6.0, -2.0]))
    assert steps.total == pytest.approx(1 + math.exp(-3) + math.exp(-6) + math.exp(-2))
    np.testing.assert_allclose(steps.a.round(3), [0.842, 0.042, 0.002, 0.114])


def test_the_overflow_example_is_exact_shifted_and_nan_naive_in_both_floats():
    shifted = shifted_softmax_steps(OVERFLOW_EXAMPLE)
    np.testing.assert_allclose(
        shifted.a, scipy.special.softmax(OVERFLOW_EXAMPLE), rtol=1e-14
    )
    for dtype in (np.float64, np.float32):
        naive = naive_softmax_steps(OVERFLOW_EXAMPLE, dtype)
        assert naive.overflowed.tolist() == [True, True, True, False]
        assert math.isinf(naive.total)
        assert np.isnan(naive.a[:3]).all() and naive.a[3] == 0.0


def test_the_thresholds_are_the_logs_of_the_largest_floats():
    assert EXP_OVERFLOW[np.dtype(np.float64)] == pytest.approx(709.78, abs=0.005)
    assert EXP_OVERFLOW[np.dtype(np.float32)] == pytest.approx(88.72, abs=0.005)
    for dtype, limit in EXP_OVERFLOW.items():
        assert limit == pytest.approx(math.log(float(np.finfo(dtype).max)))


@FAST
@given(z=wide_z)
def test_shifted_steps_are_finite_sum_to_1_and_equal_scipy_for_z_within_1000(z):
    steps = shifted_softmax_steps(z)
    assert np.isfinite(steps.t).all() and np.isfinite(steps.a).all()
    assert steps.t.max() == 1.0 and 1.0 <= steps.total <= z.size
    assert steps.a.sum() == pytest.approx(1.0, abs=1e-12)
    np.testing.assert_allclose(
        steps.a, scipy.special.softmax(z), rtol=1e-10, atol=1e-300
    )
    np.testing.assert_allclose(steps.a, softmax(z), rtol=1e-12, atol=1e-300)


@FAST
@given(z=wide_z, dtype=st.sampled_from([np.float64, np.float32]))
def test_naive_exponentials_overflow_exactly_where_z_passes_the_threshold(z, dtype):
    naive = naive_softmax_steps(z, dtype)
    # e^z is computed in dtype: compare z as that dtype holds it.
    held = z.astype(dtype).astype(np.float64)
    limit = EXP_OVERFLOW[np.dtype(dtype)]
    # float32's exp is not correctly rounded within a few of its last bits of
    # the limit (88.7228391…), so there the test only asks float64 for exactness.
    assume(dtype == np.float64 or not np.any(np.abs(held - limit) < 1e-4))
    expected = held > limit
    np.testing.assert_array_equal(naive.overflowed, expected)
    if expected.any():
        assert math.isinf(naive.total)
        assert np.isnan(naive.a[expected]).all()
    else:
        assert math.isfinite(naive.total)


@pytest.mark.parametrize(("dtype", "margin"), [(np.float64, 0.0), (np.float32, 1e-4)])
def test_just_past_the_threshold_overflows_and_just_below_does_not(dtype, margin):
    limit = EXP_OVERFLOW[np.dtype(dtype)]
    # float64: the neighbouring floats of ln(max) itself; float32, whose exp is
    # not correctly rounded in its last bits, a ten-thousandth below.
    below = np.nextafter(np.float64(limit - margin), 0).astype(dtype)
    above = np.nextafter(np.array(limit, dtype=dtype), np.array(1e9, dtype=dtype))
    below_steps = naive_softmax_steps([float(below)], dtype)
    above_steps = naive_softmax_steps([float(above)], dtype)
    assert not below_steps.overflowed.any()
    assert above_steps.overflowed.all()


# --- the animated step on z ---------------------------------------------------


def test_the_animation_of_a_step_starts_at_z_and_ends_at_one_gradient_step():
    y = np.array([0.0, 1.0, 0.0, 0.0])
    z = np.log([0.3, 0.2, 0.1, 0.4])
    z_frames, y_hat_frames = step_on_z_frames(y, z=z, step_size=1.0, frames=13)
    assert z_frames.shape == y_hat_frames.shape == (13, 4)
    np.testing.assert_allclose(z_frames[0], z)
    np.testing.assert_allclose(z_frames[-1], gradient_step_on_z(y, z=z, step_size=1.0))
    # dz = ŷ − y = [0.3, −0.8, 0.1, 0.4]: the cat's logit rises by 0.8.
    np.testing.assert_allclose(z_frames[-1] - z, [-0.3, 0.8, -0.1, -0.4])
    np.testing.assert_allclose(
        y_hat_frames, scipy.special.softmax(z_frames, axis=1), rtol=1e-12
    )
    # The true class's probability rises at every stage of the step.
    assert np.all(np.diff(y_hat_frames[:, 1]) > 0)


@FAST
@given(
    z=hnp.arrays(np.float64, st.integers(2, 10), elements=st.floats(-10, 10)),
    data=st.data(),
    step_size=st.floats(0.1, 5.0),
    frames=st.integers(2, 30),
)
def test_every_animation_ends_at_one_step_and_its_y_hat_is_softmax(
    z, data, step_size, frames
):
    y = np.zeros(z.size)
    y[data.draw(st.integers(0, z.size - 1))] = 1.0
    z_frames, y_hat_frames = step_on_z_frames(
        y, z=z, step_size=step_size, frames=frames
    )
    np.testing.assert_allclose(z_frames[0], z)
    np.testing.assert_allclose(
        z_frames[-1], gradient_step_on_z(y, z=z, step_size=step_size), atol=1e-12
    )
    np.testing.assert_allclose(y_hat_frames.sum(axis=1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(
        y_hat_frames, scipy.special.softmax(z_frames, axis=1), rtol=1e-9, atol=1e-300
    )
    # Every stage moves each z_j the same way, by equal steps.
    np.testing.assert_allclose(
        np.diff(z_frames, axis=0),
        np.diff(z_frames, axis=0)[0:1].repeat(frames - 1, axis=0),
        atol=1e-12,
    )


def test_an_animation_needs_two_frames():
    with pytest.raises(ValueError, match="2 frames"):
        step_on_z_frames([1, 0], z=[0.0, 0.0], step_size=1.0, frames=1)
