"""The training progress bar: silent for a short run, then at most 10 updates/s."""

from softmax_ui import runs


class FakeBar:
    def __init__(self) -> None:
        self.shown: list[tuple[float, str]] = []

    def progress(self, fraction: float, text: str) -> None:
        self.shown.append((fraction, text))


def test_the_bar_waits_half_a_second_then_moves_at_most_ten_times_a_second(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(runs.time, "monotonic", lambda: clock[0])
    bar = FakeBar()
    report = runs.progress_bar(bar, 200, lambda it: f"step {it}")
    for step in range(1, 201):
        clock[0] += 1 / 128  # about 8 ms a step (exact in binary): 1.56 s in all
        report(step)
    assert bar.shown, "a run of more than a second shows its progress"
    first_fraction, first_text = bar.shown[0]
    assert first_text == "step 64" and first_fraction == 0.32  # at 0.5 s
    # From 0.5 s to 1.56 s at most one update per 0.1 s.
    assert 9 <= len(bar.shown) <= 11
    fractions = [f for f, _ in bar.shown]
    assert fractions == sorted(fractions) and fractions[-1] <= 1.0


def test_a_quick_run_shows_no_bar(monkeypatch):
    clock = [0.0]
    monkeypatch.setattr(runs.time, "monotonic", lambda: clock[0])
    bar = FakeBar()
    report = runs.progress_bar(bar, 300, str)
    for step in range(1, 301):
        clock[0] += 0.001
        report(step)
    assert bar.shown == []
