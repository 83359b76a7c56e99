"""Frames a second of the live lab while it plays, and press-to-first-frame time.

Opens the training page in headless Chromium at 1280×720 (the app as
``make run`` serves it, on a free port) with the largest sizes the page
offers: m = 3000, C = 10, 64 hidden units (tanh), 3000 iterations; waits for
the run, picks the fastest speed (1000 iterations a second, so that nearly
every frame shows a snapshot the regions have not shown yet), rewinds, and
presses Play. For ``--seconds`` it then counts

- **frames**: the player's animation frames (the iteration, the J curve, the
  metrics and Ŷ are redrawn on each), and
- **regions**: the frames on which new regions appeared (a forward pass over
  the 120×120 grid in the Web Worker, painted on the canvas),

as frames a second from the gaps between them: the median gap, the gap that
95 % of the gaps are within (p95), and the worst (longest) one. The regions'
grid while playing is as fine as the workers keep up with (120×120 at most,
the grid at rest); the table gives the one it settled on. **Press to first
frame** is from the Play button's click to the first new regions on the
canvas. It plays twice: the first play after the
page loaded, and a replay after rewinding. The machine's other load counts
too: run it on a quiet machine, or compare within one run.

    .venv/bin/python benchmarks/lab_fps.py [--seconds 4] [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.app_server import CHROMIUM, CHROMIUM_ARGS, AppServer  # noqa: E402

QUERY = (
    "/training?training_C=10&training_m=3000&training_hidden_units=64"
    "&training_iterations=3000&training_learning_rate=0.5"
)
LAB = '[data-testid="trainingLab"]'


def play_once(page, seconds: float) -> dict:
    lab = page.locator(LAB)
    lab.evaluate("e => { e.lab.rewind(); e.lab.resetStats(); }")
    # The click as a student's: a real mouse click on the button.
    page.locator('[data-testid="labPlay"]').click()
    page.wait_for_timeout(int(seconds * 1000))
    stats = lab.evaluate("e => e.lab.stats()")
    lab.evaluate("e => e.lab.pause()")
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        server = AppServer(Path(tmp) / "server.log")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
                for repeat in range(args.repeats):
                    page = browser.new_page(viewport={"width": 1280, "height": 720})
                    page.goto(server.url + QUERY)
                    lab = page.locator(LAB)
                    lab.wait_for(timeout=180_000)
                    page.wait_for_function(
                        """() => { const l = [...document.querySelectorAll('*')]
                             .map((e) => e.shadowRoot && e.shadowRoot.querySelector(
                               '[data-testid="trainingLab"]')).find(Boolean);
                             return l && l.lab && l.lab.run && l.lab.regions; }""",
                        timeout=180_000,
                    )
                    lab.scroll_into_view_if_needed()
                    page.locator('[data-testid="labSpeed"]').select_option("1000")
                    info = lab.evaluate(
                        "e => ({snapshots: e.lab.snaps.length, total: e.lab.total})"
                    )
                    for label in ("first play", "replay"):
                        stats = play_once(page, args.seconds)
                        rows.append((repeat, label, stats, info))
                    page.close()
                browser.close()
        finally:
            server.stop()

    print(f"Chromium 1280×720, {QUERY}")
    info = rows[0][3]
    print(f"{info['snapshots']} snapshots over {info['total']} iterations, played"
          f" at 1000 iterations a second for {args.seconds:.0f} s\n")  # fmt: skip
    print("| play | frames: median fps | p95 | worst | regions: median fps | p95 |"
          " worst | grid | workers | press to first frame |")  # fmt: skip
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label in ("first play", "replay"):
        picked = [r[2] for r in rows if r[1] == label]
        for stats in picked:
            f, g = stats["frames"], stats["regions"]
            print(
                f"| {label} | {f['median_fps']:.0f} | {f['p95_fps']:.0f} |"
                f" {f['worst_fps']:.0f} | {g['median_fps']:.0f} | {g['p95_fps']:.0f} |"
                f" {g['worst_fps']:.0f} | {stats['grid']}² | {stats['workers']} |"
                f" {stats['press_to_first_frame_ms']:.0f} ms |"
            )
    firsts = [r[2]["press_to_first_frame_ms"] for r in rows]
    print(f"\npress to first frame: median {statistics.median(firsts):.0f} ms,"
          f" worst {max(firsts):.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
