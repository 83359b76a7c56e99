"""Refresh docs/screenshots/: every page as a student sees it and as projected.

Run from the project's root with the project's Python (``make screenshots``)::

    .venv/bin/python tools/docs_screenshots.py
    .venv/bin/python tools/docs_screenshots.py --only explorer --out /tmp/shots --full

It starts ``streamlit run app.py`` on a free localhost port and opens each page
in headless Chromium (Debian's, ``/usr/bin/chromium``) as a new visitor would,
then saves what the window shows:

* ``<page>-1280x720.png``: normal mode, English, a laptop's window;
* ``<page>-1920x1080.png``: presenter mode, English, the projector;
* ``<page>-1920x1080-zh-TW.png``: presenter mode, Traditional Chinese;
* ``lecture-step-<n>-1920x1080.png`` (and ``-zh-TW``): each step of the
  guided lecture in presenter mode;
* ``<page>-390x844.png``: the explorer, the loss, C = 2 and training pages on
  a phone, as a student opens a classroom link (touch, mobile layout);
* ``lab-playing-*.png``: the training page's live lab mid-play (rewound, then
  played for a moment; the shot is taken while it plays), on a laptop and
  projected in both languages.
* ``training-inside-*``, ``training-divergence-*``: the training page's
  "Inside the model" (an example selected in the table and ringed on the
  plane, the W and b grid after a nudge) and a learning rate too large,
  projected, in English and Traditional Chinese.
* ``lecture-question-…``, ``lecture-reveal-…``, ``lecture-poll-…`` (1920×1080,
  English and ``-zh-TW``): step 2 asking its question, the same after the
  clicker's B key revealed it, and step 3 with a poll of the room open and 27
  answers in its tally (a poll made in the server's store before the shot);
  ``lecture-poll-student-390x844``: the poll on a student's phone, and
  ``lecture-poll-student-revealed-390x844`` once the answer is revealed.

A shot is taken once Streamlit is idle (the server has answered the tab's
last rerun, no element still loads its code, the page is unchanged for a
while: see ``tools/app_server.py``) and a little later again idle: charts load
their code lazily and redraw after the first idle moment. Any console error or
exception on a page is printed, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools import app_server  # noqa: E402

PAGES = ("home", "lecture", "explorer", "loss", "logistic", "training")
LECTURE_STEPS = 10
LAPTOP = (1280, 720)
PROJECTOR = (1920, 1080)
PHONE = (390, 844)
PHONE_PAGES = ("explorer", "loss", "logistic", "training")
IDLE_TIMEOUT = 45.0
LAB_PLAY = 2.0  # seconds of play before a shot of the lab mid-play

# The height of everything in the main area, which scrolls inside the window.
_CONTENT_HEIGHT = """
() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const block = document.querySelector('[data-testid="stMainBlockContainer"]');
  const top = main ? main.getBoundingClientRect().top : 0;
  return Math.ceil(top + Math.max(
    main ? main.scrollHeight : 0, block ? block.scrollHeight : 0));
}
"""


@dataclass(frozen=True)
class Shot:
    """One screenshot: the file name and the link that shows it."""

    name: str
    path: str
    size: tuple[int, int]
    play: float = 0.0  # seconds the training lab plays before the shot
    # A CSS selector to scroll to the top of the window (under the presenter's
    # navigation), and one to click there first.
    scroll_to: str = ""
    click: str = ""
    # A key pressed once the page is idle (the clicker's B reveals an answer).
    press: str = ""
    # Called before the shot (with the server running); returns the path to open.
    prepare: Callable[[str], str] | None = None


# A poll of 27 students on step 3's first question: 17 right.
POLL_COUNTS = (17, 2, 1, 7)


def _poll_path(path: str, student: bool = False, revealed: bool = False) -> str:
    """Open a poll with :data:`POLL_COUNTS` answers; ``path`` + its lecturer's token."""
    from softmax_ui.poll_store import PollStore

    store = PollStore()
    poll = store.open_poll("hardmax_pick", 4, seconds=600)
    voter = 0
    for choice, count in enumerate(POLL_COUNTS):
        for _ in range(count):
            voter += 1
            store.answer(poll.code, f"{voter:016x}", choice)
    sep = "" if path.endswith("?") else "&"
    if revealed:  # the last student's tab, once the lecturer revealed
        store.reveal(poll.code)
        return f"{path}{sep}lecture_poll={poll.code}&lecture_voter={voter:016x}"
    if student:
        return f"{path}{sep}lecture_poll={poll.code}"
    return f"{path}{sep}lecture_host={poll.host}"


def shots() -> list[Shot]:
    """Every screenshot for the docs, in the order they are taken."""
    laptop, projector = "{}x{}".format(*LAPTOP), "{}x{}".format(*PROJECTOR)
    listed = []
    for page in PAGES:
        url = "/" if page == "home" else f"/{page}"
        listed.append(Shot(f"{page}-{laptop}", url, LAPTOP))
        listed.append(Shot(f"{page}-{projector}", f"{url}?present=true", PROJECTOR))
        listed.append(
            Shot(
                f"{page}-{projector}-zh-TW",
                f"{url}?present=true&lang=zh-TW",
                PROJECTOR,
            )
        )
    for step in range(1, LECTURE_STEPS + 1):
        link = f"/lecture?present=true&step={step}"
        listed.append(Shot(f"lecture-step-{step}-{projector}", link, PROJECTOR))
        listed.append(
            Shot(
                f"lecture-step-{step}-{projector}-zh-TW",
                f"{link}&lang=zh-TW",
                PROJECTOR,
            )
        )
    phone = "{}x{}".format(*PHONE)
    listed += [Shot(f"{page}-{phone}", f"/{page}", PHONE) for page in PHONE_PAGES]
    lab = (
        "/training?training_dataset=spirals&training_C=3&training_hidden_units=32"
        "&training_activation=relu&training_learning_rate=0.3"
        "&training_iterations=600&training_test_share=20"
    )
    listed += [
        Shot(f"lab-playing-{laptop}", lab, LAPTOP, play=LAB_PLAY),
        Shot(f"lab-playing-{projector}", f"{lab}&present=true", PROJECTOR, LAB_PLAY),
        Shot(f"lab-playing-{projector}-zh-TW", f"{lab}&present=true&lang=zh-TW",
             PROJECTOR, LAB_PLAY),
    ]  # fmt: skip
    listed.append(Shot(f"lab-hand-points-{laptop}", _hand_points_link(), LAPTOP,
                       play=LAB_PLAY))  # fmt: skip
    # Inside the model: the training run's worst example (271) selected.
    for suffix, lang in (("", ""), ("-zh-TW", "&lang=zh-TW")):
        selected = f"/training?present=true&training_example=271{lang}"
        listed += [
            Shot(f"training-inside-ring-{projector}{suffix}", selected, PROJECTOR),
            Shot(f"training-inside-table-{projector}{suffix}", selected, PROJECTOR,
                 scroll_to=".st-key-training_inside_title"),
            Shot(f"training-inside-grid-{projector}{suffix}",
                 f"/training?present=true{lang}", PROJECTOR,
                 scroll_to=".st-key-training_inside_grid_title",
                 click=".st-key-training_inside_plus button"),
            Shot(f"training-divergence-{projector}{suffix}",
                 "/training?present=true&training_dataset=spirals"
                 f"&training_learning_rate=30{lang}", PROJECTOR),
        ]  # fmt: skip
    for lang in ("en", "zh-TW"):
        suffix = "" if lang == "en" else f"-{lang}"
        asked = "/lecture?present=true&lecture_ask=true" + (
            "" if lang == "en" else f"&lang={lang}"
        )
        listed += [
            Shot(f"lecture-question-{projector}{suffix}", f"{asked}&step=2", PROJECTOR),
            Shot(
                f"lecture-reveal-{projector}{suffix}",
                f"{asked}&step=2",
                PROJECTOR,
                press="b",
            ),
            Shot(
                f"lecture-poll-{projector}{suffix}",
                f"{asked}&step=3",
                PROJECTOR,
                prepare=_poll_path,
            ),
        ]
    listed.append(
        Shot(
            f"lecture-poll-student-{phone}",
            "/lecture?",
            PHONE,
            prepare=lambda path: _poll_path(path, student=True),
        )
    )
    listed.append(
        Shot(
            f"lecture-poll-student-revealed-{phone}",
            "/lecture?",
            PHONE,
            prepare=lambda path: _poll_path(path, revealed=True),
        )
    )
    # Why softmax subtracts max z: the overflow example, naive against shifted;
    # and dz[L] as arrows on z with the step played (the loss page).
    overflow = "/explorer?present=true&explorer_overflow=true&" + "&".join(
        f"explorer_z{k}={v}" for k, v in enumerate((1000, 999, 998, 0))
    )
    for suffix, lang in (("", ""), ("-zh-TW", "&lang=zh-TW")):
        listed.append(Shot(
            f"explorer-overflow-switch-{projector}{suffix}", overflow + lang, PROJECTOR
        ))  # fmt: skip
        listed.append(Shot(
            f"explorer-overflow-{projector}{suffix}", overflow + lang, PROJECTOR,
            scroll_to=".st-key-explorer_overflow_table",
        ))  # fmt: skip
        listed.append(Shot(
            f"loss-dz-arrows-{projector}{suffix}", f"/loss?present=true{lang}",
            PROJECTOR, scroll_to=".st-key-loss_step_on_z",
        ))  # fmt: skip
    return listed


def _hand_points_link() -> str:
    """The training page on an XOR placed by hand: four clusters, two classes."""
    import numpy as np

    from softmax_ui.hand_points import serialize

    rng = np.random.default_rng(3)
    centres = [(-1.5, -1.5, 0), (1.5, 1.5, 0), (-1.5, 1.5, 1), (1.5, -1.5, 1)]
    X = np.concatenate(
        [rng.normal((x, y), 0.45, size=(9, 2)) for x, y, _ in centres]
    ).T
    labels = np.repeat([k for _, _, k in centres], 9)
    return (
        f"/training?training_C=2&training_hidden_units=8&training_learning_rate=0.5"
        f"&training_iterations=800&training_points={serialize(X, labels)}"
    )


def _play_lab(page, seconds: float) -> None:
    """Scroll the training lab into view, rewind it and play for ``seconds``."""
    # Its top below the page's header (presenter mode's navigation).
    page.locator('[data-testid="trainingLab"]').evaluate(
        "e => e.scrollIntoView({block: 'start'})"
    )
    page.evaluate(
        """() => document.querySelector('[data-testid="stMain"]')
                   ?.scrollBy(0, -window.innerHeight * 0.09)"""
    )
    page.locator('[data-testid="labRewind"]').click()
    page.locator('[data-testid="labPlay"]').click()
    page.wait_for_timeout(int(seconds * 1000))


def _wait_idle(
    page, runs: app_server.RunLog, quiet_ms: int, requested_since: int | None = None
) -> None:
    busy = app_server.wait_idle(page, runs, IDLE_TIMEOUT, quiet_ms, requested_since)
    if busy:
        print(f"  not idle after {IDLE_TIMEOUT:.0f} s ({busy}); taking it anyway")


def _save_png(data: bytes, file: Path) -> None:
    # Pillow (a dependency of Streamlit) recompresses losslessly, about a
    # third smaller than the browser's PNG.
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        image.convert("RGB").save(file, optimize=True)


def _scroll_to(page, selector: str) -> None:
    # Under presenter mode's navigation bar, which stays at the top.
    page.locator(selector).first.evaluate(
        "el => { el.style.scrollMarginTop = '110px';"
        " el.scrollIntoView({block: 'start'}); }"
    )
    page.wait_for_timeout(300)


def take(browser, base: str, shot: Shot, out: Path, settle: float, full: bool) -> list:
    """Open ``shot`` in a new tab, wait until it is idle, save it; return errors."""
    width, height = shot.size
    phone = shot.size == PHONE
    context = browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=1,
        is_mobile=phone,
        has_touch=phone,
    )
    context.add_init_script(app_server.TRACKER)
    page = context.new_page()
    runs = app_server.RunLog(page)
    errors: list[str] = []
    # Opened below its root, the frontend first probes PATH/_stcore/ in case
    # the app is served under that base path: those 404s are its own.
    probe = f"{base}{shot.path.split('?')[0].rstrip('/')}/_stcore/"

    def on_console(message) -> None:
        url = (message.location or {}).get("url", "")
        if message.type == "error" and not url.startswith(probe):
            errors.append(f"console: {message.text} {url}".strip())

    page.on("console", on_console)
    page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
    path = shot.prepare(shot.path) if shot.prepare else shot.path
    try:
        mark = runs.mark()
        page.goto(base + path)
        _wait_idle(page, runs, 1000, requested_since=mark)
        if shot.press:
            mark = runs.mark()
            page.keyboard.press(shot.press)
            _wait_idle(page, runs, 1000, requested_since=mark)
        page.wait_for_timeout(int(settle * 1000))
        _wait_idle(page, runs, 500)
        if shot.scroll_to:
            _scroll_to(page, shot.scroll_to)
        if shot.click:
            mark = runs.mark()
            page.locator(shot.click).first.click()
            _wait_idle(page, runs, 1000, requested_since=mark)
            page.mouse.move(0, 0)  # no hover colour or tooltip in the picture
            _scroll_to(page, shot.scroll_to)
            page.wait_for_timeout(int(settle * 500))
        if full:
            tall = max(height, int(page.evaluate(_CONTENT_HEIGHT)))
            page.set_viewport_size({"width": width, "height": tall})
            _wait_idle(page, runs, 1000)
        if shot.play:
            _play_lab(page, shot.play)
        errors += [
            f"exception on the page: {text[:300]}"
            for text in page.locator('[data-testid="stException"]').all_inner_texts()
        ]
        _save_png(page.screenshot(), out / f"{shot.name}.png")
    finally:
        context.close()
    return errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--only", default="", help="a regular expression: take the shots it matches"
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="the whole page, not only the window (for review, not for the docs)",
    )
    parser.add_argument(
        "--settle", type=float, default=2.0, help="seconds to wait after idle"
    )
    args = parser.parse_args()
    wanted = [shot for shot in shots() if re.search(args.only, shot.name)]
    if not wanted:
        raise SystemExit(f"no screenshot matches {args.only!r}")
    args.out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    problems = 0
    # The polls of the shots go to a store of their own, not the machine's.
    from softmax_ui.poll_store import DIR_ENV

    os.environ[DIR_ENV] = tempfile.mkdtemp(prefix="softmax-polls-")
    with tempfile.NamedTemporaryFile(suffix=".log", delete=False) as log:
        log_path = Path(log.name)
    try:
        server = app_server.AppServer(log_path)
    except app_server.ServerStartError as err:
        raise SystemExit(f"{err}\n(the whole log: {log_path})") from None
    base = server.url
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(app_server.CHROMIUM),
                args=app_server.CHROMIUM_ARGS,
            )
            for shot in wanted:
                errors = take(browser, base, shot, args.out, args.settle, args.full)
                print(args.out / f"{shot.name}.png")
                for error in errors:
                    print(f"  {shot.path}: {error}")
                problems += len(errors)
            browser.close()
    finally:
        server.stop()
    if not args.only:
        # A full refresh leaves no screenshot of a page or step that is gone.
        taken = {f"{shot.name}.png" for shot in wanted}
        for old in args.out.glob("*.png"):
            if old.name not in taken:
                old.unlink()
                print(f"removed {old}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
