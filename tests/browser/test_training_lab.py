"""The live lab in headless Chromium: the player, the shading and points by hand.

The lab (softmax_ui/lab.py, lab.js) plays a training run in the browser. These
tests press its buttons and keys and read what it shows ("Iteration N of M",
its data attributes, the canvas); the regions it computes in JavaScript at a
snapshot are compared with ``softmax_core.predict`` on the same grid. The
lab lives in a shadow root, which Playwright's CSS locators enter.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest

from softmax_core import make_blobs, make_spirals, predict, train
from softmax_core.regions import plane_grid
from softmax_ui import runs
from softmax_ui.locales import en, zh_tw

LAB = '[data-testid="trainingLab"]'
PLAY = '[data-testid="labPlay"]'


def _text(app) -> str:
    return app.page.locator('[data-testid="labIteration"]').inner_text()


def _iteration(app) -> int:
    return int(app.page.locator(LAB).get_attribute("data-iteration"))


def _open(app, query: str = "") -> None:
    app.open(f"/training{query}")
    app.page.locator(LAB).scroll_into_view_if_needed()


def _points_in_url(app) -> str | None:
    values = parse_qs(urlparse(app.page.url).query).get("training_points")
    return values[0] if values else None


def test_play_advances_the_iteration_and_pause_stops_it(app):
    _open(app)
    button = app.page.locator(PLAY)
    assert _text(app) == "Iteration 300 of 300"  # opens on the trained run
    assert button.get_attribute("aria-label") == "Play"
    app.page.locator('[data-testid="labRewind"]').click()
    assert _text(app) == "Iteration 0 of 300"
    button.click()
    assert button.get_attribute("aria-label") == "Pause"
    app.page.wait_for_timeout(700)
    first = _iteration(app)
    assert first > 0
    app.page.wait_for_timeout(500)
    assert _iteration(app) > first
    button.click()
    assert button.get_attribute("aria-label") == "Play"
    stopped = _iteration(app)
    app.page.wait_for_timeout(600)
    assert _iteration(app) == stopped
    assert re.fullmatch(r"Iteration \d+ of 300", _text(app))
    # The J shown is the run's at that iteration.
    assert app.page.locator('[data-testid="labMetric-cost"]').inner_text() != ""
    app.assert_no_errors()


def test_steps_and_rewind(app):
    _open(app, "?training_iterations=1000")
    page = app.page
    page.locator('[data-testid="labRewind"]').click()
    assert _text(app) == "Iteration 0 of 1000"
    for button, expected in (("labStep1", 1), ("labStep10", 11), ("labStep100", 111)):
        page.locator(f'[data-testid="{button}"]').click()
        assert _iteration(app) == expected
    assert _text(app) == "Iteration 111 of 1000"
    page.locator('[data-testid="labRewind"]').click()
    assert _iteration(app) == 0
    # Stepping past the end stops at the last iteration.
    for _ in range(11):
        page.locator('[data-testid="labStep100"]').click()
    assert _text(app) == "Iteration 1000 of 1000"


def test_the_space_bar_plays_and_pauses(app):
    _open(app)
    page = app.page
    page.locator('[data-testid="labRewind"]').click()
    page.locator("h1").first.click()  # the focus on the page, not in an input
    page.keyboard.press(" ")
    assert page.locator(LAB).get_attribute("data-playing") == "true"
    page.wait_for_timeout(400)
    page.keyboard.press(" ")
    assert page.locator(LAB).get_attribute("data-playing") == "false"
    assert _iteration(app) > 0
    # In a text field the space bar types, and the lab stays paused.
    seed = page.locator(".st-key-training_seed input")
    seed.focus()
    page.keyboard.press(" ")
    assert page.locator(LAB).get_attribute("data-playing") == "false"


def test_the_shading_toggle_changes_the_regions(app):
    _open(app)
    page = app.page
    plane = page.locator('[data-testid="labPlane"]')
    soft = plane.evaluate("c => c.toDataURL()")
    page.locator('[data-testid="labShading-hardmax"]').click()
    assert page.locator(LAB).get_attribute("data-shading") == "hardmax"
    hard = plane.evaluate("c => c.toDataURL()")
    assert hard != soft
    assert (
        page.locator('[data-testid="labShading-hardmax"]').get_attribute("aria-checked")
        == "true"
    )
    page.locator('[data-testid="labShading-softmax"]').click()
    assert plane.evaluate("c => c.toDataURL()") == soft


@pytest.mark.parametrize(
    ("query", "kind", "hidden", "activation"),
    [
        ("", "blobs", 0, "tanh"),
        ("?training_dataset=spirals&training_hidden_units=16&training_activation=relu"
         "&training_iterations=500&training_learning_rate=1.0", "spirals", 16, "relu"),
        ("?training_hidden_units=64&training_C=10&training_m=3000"
         "&training_iterations=200", "blobs", 64, "tanh"),
    ],
)  # fmt: skip
def test_the_browser_regions_equal_predict_of_the_core(
    app, query, kind, hidden, activation
):
    _open(app, query)
    params = parse_qs(query.lstrip("?"))
    C = int(params.get("training_C", ["4"])[0])
    m = int(params.get("training_m", ["300"])[0])
    iterations = int(params.get("training_iterations", ["300"])[0])
    rate = float(params.get("training_learning_rate", ["0.05"])[0])
    X, labels = (make_blobs if kind == "blobs" else make_spirals)(m, C, seed=0)
    settings = runs.TrainingSettings(
        num_classes=C, hidden_units=hidden, activation=activation,
        learning_rate=rate, iterations=iterations,
    )  # fmt: skip
    history = train(
        X, labels, C, learning_rate=rate, iterations=iterations,
        hidden_units=hidden, activation=activation,
        snapshot_every=runs.snapshot_every(settings, 2),
    )  # fmt: skip
    lab = app.page.locator(LAB)
    grid = lab.evaluate("e => e.lab.data.grid")
    xs, ys = plane_grid(X, 120)
    np.testing.assert_allclose(grid[:4], [xs[0], xs[-1], ys[0], ys[-1]], rtol=1e-12)
    snaps = lab.evaluate("e => e.lab.snaps")
    assert snaps == sorted(history.snapshots)
    gx, gy = np.meshgrid(xs, ys)
    for index in sorted({0, 1, len(snaps) // 3, len(snaps) - 1}):
        shown = np.array(lab.evaluate(f"e => e.lab.classesAt({index})"))
        expected = predict(
            history.snapshots[snaps[index]], np.stack([gx.ravel(), gy.ravel()])
        )
        agree = np.mean(shown == expected)
        assert agree >= 0.999, (
            f"snapshot {snaps[index]}: {agree:.4%} of the grid agrees"
        )
    # The regions on the canvas, from the workers, at rest on a snapshot.
    app.page.locator('[data-testid="labRewind"]').click()
    app.page.locator('[data-testid="labStep10"]').click()
    it = snaps[lab.evaluate("e => e.lab.snapshotIndex(10)")]
    app.eventually(
        lambda: _assert_equal(
            (lab.get_attribute("data-snapshot"), lab.get_attribute("data-grid")),
            (str(it), "120"),
        )
    )
    shown = np.array(lab.evaluate("e => Array.from(e.lab.regions.classes)"))
    expected = predict(history.snapshots[it], np.stack([gx.ravel(), gy.ravel()]))
    assert np.mean(shown == expected) >= 0.999


def _plane_point(app, fx: float, fy: float) -> tuple[float, float]:
    box = app.page.locator('[data-testid="labPlane"]').bounding_box()
    return box["x"] + fx * box["width"], box["y"] + fy * box["height"]


def _on_screen(app, k: int) -> tuple[float, float]:
    """Where the lab draws its training point ``k`` now."""
    x, y = app.page.locator(LAB).evaluate(
        f"""e => {{
            const [k, x, y] = e.lab.currentPoints().train[{k}];
            const [px, py] = e.lab.toPixel(x, y);
            const box = e.lab.plane.getBoundingClientRect();
            return [box.left + px, box.top + py];
        }}"""
    )
    return x, y


def _count(app) -> str:
    return app.page.locator('[data-testid="labCount"]').get_attribute("data-count")


def test_points_clicked_in_and_out_change_the_count_and_the_link(app):
    _open(app)
    page = app.page
    page.locator('[data-testid="labClear"]').click()
    app.eventually(lambda: _assert_equal(_points_in_url(app), "none"))
    app.settle()
    assert _count(app) == "0"
    page.locator('[data-testid="labClass2"]').click()
    x, y = _plane_point(app, 0.5, 0.5)
    page.mouse.click(x, y)
    assert _count(app) == "1"
    app.eventually(lambda: _assert_match(r"2\.-?\d+\.-?\d+", _points_in_url(app)))
    app.settle()
    page.locator('[data-testid="labClass0"]').click()
    x2, y2 = _plane_point(app, 0.2, 0.8)
    page.mouse.click(x2, y2)
    app.eventually(lambda: _assert_equal(len(_points_in_url(app).split("_")), 2))
    app.settle()
    assert _count(app) == "2"
    # Trained on the two points: the lab plays the new run from iteration 0.
    assert page.locator(LAB).get_attribute("data-total") == "300"
    # A click on a point takes it out again.
    page.mouse.click(*_on_screen(app, 0))
    assert _count(app) == "1"
    app.eventually(lambda: _assert_match(r"0\.-?\d+\.-?\d+", _points_in_url(app)))
    app.settle()
    # Right-click near the other removes it too.
    x2, y2 = _on_screen(app, 0)
    page.mouse.click(x2 + 5, y2, button="right")
    app.eventually(lambda: _assert_equal(_points_in_url(app), "none"))
    app.settle()
    page.locator('[data-testid="labBack"]').click()
    app.eventually(lambda: _assert_equal(_points_in_url(app), None))
    app.settle()
    assert _text(app).endswith("of 300")
    app.assert_no_errors()


def test_a_link_with_points_trains_on_them_in_chinese(app):
    _open(app, "?training_points=0.100.100_1.-100.-100_1.-120.-90_bad&lang=zh-TW")
    assert _count(app) == "3"
    label = app.page.locator(PLAY).get_attribute("aria-label")
    assert label in (zh_tw.STRINGS["lab.play"], zh_tw.STRINGS["lab.pause"])
    assert _text(app) == zh_tw.STRINGS["lab.iteration_of"].format(n=300, m=300)
    assert (
        "bad"
        in app.page.locator('[data-testid="stCaptionContainer"]')
        .all_inner_texts()
        .__str__()
    )
    assert en.STRINGS["lab.play"] == "Play"


def _assert_equal(a, b) -> None:
    assert a == b, f"{a!r} != {b!r}"


def _assert_match(pattern: str, text: str | None) -> None:
    assert text is not None and re.fullmatch(pattern, text), text


def test_lecture_step_10_plays_with_the_space_bar_and_the_clicker_still_works(app):
    app.open("/lecture?step=10&present=true")
    page = app.page
    lab = page.locator(LAB)
    assert lab.get_attribute("class").split().count("compact") == 1
    page.locator('[data-testid="labRewind"]').click()
    page.locator("h2, h3").first.click()  # the focus back on the page
    page.keyboard.press(" ")
    assert lab.get_attribute("data-playing") == "true"
    page.wait_for_timeout(300)
    page.keyboard.press(" ")
    assert lab.get_attribute("data-playing") == "false"
    assert _iteration(app) > 0
    # The clicker's PageUp moves to step 9, as on every other step.
    heading = en.STRINGS["lecture.step_heading"].format(
        n=9, total=10, title=en.STRINGS["lecture.gradient_title"]
    )
    app.interact(lambda: page.keyboard.press("PageUp"))
    app.eventually(
        lambda: _assert_equal(page.locator("h2").first.inner_text(), heading)
    )


def test_on_a_phone_the_lab_fits_and_a_tap_adds_a_point(phone):
    phone.open("/training?training_points=none")
    page = phone.page
    plane = page.locator('[data-testid="labPlane"]')
    plane.scroll_into_view_if_needed()
    box = plane.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.touchscreen.tap(box["x"] + box["width"] / 3, box["y"] + box["height"] / 3)
    assert _count(phone) == "1"
    phone.eventually(lambda: _assert_match(r"0\.-?\d+\.-?\d+", _points_in_url(phone)))
    phone.settle()
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - window.innerWidth"
    )
    assert overflow <= 0
