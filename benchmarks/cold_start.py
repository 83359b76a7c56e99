"""Cold start: from ``streamlit run app.py`` to the explorer's bars on screen.

Each run starts the app as ``make run`` does (``python -m streamlit run
app.py`` with the tree's ``.streamlit/config.toml``, on a free port) and
opens ``/explorer`` in a new headless Chromium context (an empty browser
cache, as a student's first visit) as soon as the server answers its health
check. The time is taken from starting the server process until the softmax
bars are drawn (those of the live view, or of a plotly chart); it is split
into the server's start (health check answers), the page's shell (the app's
root element) and the bars. Chromium itself is started once,
before the runs: it is the student's browser, not the app's start.

The floor is timed the same way, in turn with the app: a trivial Streamlit
app (one slider and a printed number, Streamlit's default settings) from the
start of its server to its number on screen. No app of this Streamlit starts
faster on the machine; the app's own share is the difference.

With ``--before DIR`` (another checkout of the app, say from ``git worktree
add /tmp/before <commit>``) the same starts are timed for that tree too, the
two trees taking turns, so the comparison shares the machine's noise.

Then it shows what the server imported to get there and how long that took
(``python -X importtime``), so a heavy import that the pages do not need
stands out: scipy must never be imported; plotly's figures and pandas only
when the page shows a plotly chart or a table. It also lists the browser's
largest downloads: the plotly bundle must not be among them.

    .venv/bin/python benchmarks/cold_start.py [--runs 5] [--before DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.app_server import AppServer  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
# True once a softmax bar has been drawn with a height: a bar of the live view
# (a custom component, maybe in a shadow root) or of a plotly chart.
BARS_DRAWN = """() => {
  const bars = [];
  const visit = (root) => {
    root.querySelectorAll('[data-testid="liveBars"] rect, .js-plotly-plot .bars path')
      .forEach((bar) => bars.push(bar));
    root.querySelectorAll('*').forEach((e) => e.shadowRoot && visit(e.shadowRoot));
  };
  visit(document);
  return bars.some((bar) => bar.getBoundingClientRect().height > 1);
}"""
# True once the trivial app's printed number is on screen.
NUMBER_SHOWN = """() => [...document.querySelectorAll(
    '[data-testid="stMarkdownContainer"] p')]
  .some((p) => p.textContent.startsWith('result'))"""
TRIVIAL_APP = """\
import streamlit as st

x = st.slider("x", 0.0, 10.0, 5.0, 0.1, key="x")
st.markdown(f"result {x * 2:.1f}")
"""
GOAL = 3.0


def one_start(
    browser, tree: Path = ROOT, path: str = "/explorer", shown: str = BARS_DRAWN
) -> dict[str, float]:
    """Seconds from starting the server to: healthy, first paint, bars drawn."""
    with AppServer(cwd=tree) as server:
        start = server.started
        healthy = time.perf_counter() - start
        context = browser.new_context(viewport={"width": 1600, "height": 1000})
        page = context.new_page()
        page.goto(f"{server.url}{path}", wait_until="commit")
        page.wait_for_selector('[data-testid="stApp"]', state="attached")
        shell = time.perf_counter() - start
        page.wait_for_function(shown, timeout=60_000, polling=20)
        bars = time.perf_counter() - start
        context.close()
    return {"server healthy": healthy, "page shell": shell, "drawn": bars}


def first_visit(browser) -> tuple[list[tuple[float, float, str]], list]:
    """Every import, (self s, cumulative s, module), from server start to bars;
    and the browser's downloads, (bytes, path), largest first."""
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "server.log"
        with AppServer(log, python_flags=("-X", "importtime")) as server:
            context = browser.new_context()
            page = context.new_page()
            requests = []
            page.on("requestfinished", lambda request: requests.append(request))
            page.goto(f"{server.url}/explorer")
            page.wait_for_function(BARS_DRAWN, timeout=60_000, polling=20)
            downloads = sorted(
                ((r.sizes()["responseBodySize"], r.url.split(server.url, 1)[-1])
                 for r in requests),
                reverse=True,
            )  # fmt: skip
            context.close()
        lines = log.read_text(errors="replace").splitlines()
    found = []
    for line in lines:
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match:
            own, total, indent, name = match.groups()
            found.append((int(own) / 1e6, int(total) / 1e6, indent + name))
    return found, downloads


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--before",
        type=Path,
        action="append",
        default=[],
        help="another checkout of the app, timed in turn (repeat for more)",
    )
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    trees = {"this tree": ROOT, **{str(tree): tree for tree in args.before}}
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        floor = Path(folder)
        (floor / "app.py").write_text(TRIVIAL_APP)
        starts = {
            "trivial app (the floor)": {
                "tree": floor, "path": "/", "shown": NUMBER_SHOWN
            },
            **{name: {"tree": tree} for name, tree in trees.items()},
        }  # fmt: skip
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in starts}
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        for how in starts.values():  # Python's and Chromium's file caches warm up
            one_start(browser, **how)
        for _ in range(args.runs):
            for name, how in starts.items():
                runs[name].append(one_start(browser, **how))
        imports, downloads = first_visit(browser)
        browser.close()

    print(f"cold start, {args.runs} runs on {os.cpu_count()} cores"
          f" (load average {os.getloadavg()[0]:.1f}), seconds from starting the"
          " server; drawn: the explorer's bars, the trivial app's number")  # fmt: skip
    for name, these in runs.items():
        print(f"\n{name}")
        print(f"{'':16}" + "".join(f"{k + 1:>7}" for k in range(args.runs))
              + f"{'median':>8}")  # fmt: skip
        for what in these[0]:
            values = [run[what] for run in these]
            print(f"{what:16}" + "".join(f"{v:7.2f}" for v in values)
                  + f"{statistics.median(values):8.2f}")  # fmt: skip
    median = statistics.median(run["drawn"] for run in runs["this tree"])
    # Starts in turn share the machine's state: compare each with its floor.
    print("\nthe app's own share: drawn − the floor's, median over the starts")
    floors = runs["trivial app (the floor)"]
    for name in trees:
        over = [
            a["drawn"] - b["drawn"] for a, b in zip(runs[name], floors, strict=True)
        ]
        print(f"  {name}: {statistics.median(over):.2f} s")
    print(f"goal (bars drawn < {GOAL:.0f} s):", "met" if median < GOAL else "NOT met")

    top = [(own, total, name) for own, total, name in imports if name[:2] != "  "]
    print("\nimports in the server until the bars are drawn (top level, cumulative)")
    for _, total, name in sorted(top, reverse=True, key=lambda t: t[1])[:12]:
        print(f"  {total:6.3f} s  {name}")
    names = {name.strip() for _, _, name in imports}
    for module in ("pandas", "pyarrow", "plotly", "scipy", "sklearn", "matplotlib"):
        total = sum(t for _, t, n in imports if n.strip() == module)
        state = f"imported, {total:.3f} s" if module in names else "not imported"
        print(f"  {module:10} {state}")
    print(f"\nthe browser's largest downloads (of {len(downloads)},"
          f" {sum(size for size, _ in downloads) / 1e6:.1f} MB in all)")  # fmt: skip
    for size, path in downloads[:6]:
        print(f"  {size / 1e6:6.2f} MB  {path[:90]}")
    return 0 if median < GOAL and "scipy" not in names else 1


if __name__ == "__main__":
    sys.exit(main())
