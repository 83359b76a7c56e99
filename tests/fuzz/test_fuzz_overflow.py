"""The explorer with "why subtract max z" on: random z within ±1000, any T.

After every run: no exception, no unmarked NaN or inf anywhere (the naive
columns may show "⚠ inf" and "⚠ NaN", and only they), the shifted a finite
and summing to 1, and an entry of the naive float64 e^z marked exactly where
z/T passes ln(float64's largest) ≈ 709.78.
"""

import numpy as np

from softmax_core import EXP_OVERFLOW

from .fuzz_helpers import assert_numbers_are_finite, open_by_link, run, shake

COMBINATIONS = 25
F64 = EXP_OVERFLOW[np.dtype(np.float64)]


def comparison(at):
    tables = [t.value for t in at.table if "e^(z − max z)" in t.value.columns]
    return tables[0] if tables else None


def test_random_z_up_to_1000_with_the_switch_on_keeps_the_shifted_steps_exact():
    rng = np.random.default_rng(709)
    at = open_by_link("explorer", {"explorer_overflow": "true"})
    for combination in range(COMBINATIONS):
        # The switch stays on; z, T, C and the buttons are shaken.
        chosen = shake(at, rng, fixed={"explorer_overflow": True}, extreme=0.5)
        try:
            assert_numbers_are_finite(at)
            table = comparison(at)
            assert table is not None, "the switch is on: the table must show"
            shifted = [c for c in table.columns if c.startswith("a (")][-1]
            assert not any("⚠" in str(c) for c in table[shifted])
            assert table[shifted].iloc[-1] == "1.000"
            # The second column is z, or z/T where T ≠ 1: the exponent.
            exponent = np.array([float(v) for v in table.iloc[:-1, 1]])
            marked = ["⚠" in str(c) for c in table["e^z (float64)"].iloc[:-1]]
            assert marked == list(exponent > F64)
        except AssertionError as err:
            raise AssertionError(f"combination {combination}: {chosen}\n{err}") from err


def test_the_switch_turned_off_at_random_brings_every_z_back_within_10():
    rng = np.random.default_rng(88)
    at = open_by_link("explorer", {"explorer_overflow": "true"})
    for _ in range(6):
        shake(at, rng, fixed={"explorer_overflow": True}, extreme=0.6, click=0.0)
        at.get_by_key("explorer_overflow").set_value(False)
        run(at)
        count = int(at.get_by_key("explorer_C").value)
        values = [at.get_by_key(f"explorer_z{k}").value for k in range(count)]
        assert all(-10 <= v <= 10 for v in values), values
        assert_numbers_are_finite(at)
        at.get_by_key("explorer_overflow").set_value(True)
        run(at)
