"""Predict, then reveal, and a poll of the room, in Chromium against a real server.

A question is revealed by a click and, in presenter mode, by the clicker's B
key, and the revealed step still fits a 1920×1080 projector. A poll opened
on the projector is answered by 55 students at once, each a websocket
session speaking Streamlit's protocol as a browser does (the load
benchmark's client, ``benchmarks/load.py``), some of them clicking twice;
the projector's live tally must then show exactly the answers given, each
once. The same poll is answered through ``tools/serve_room.py`` (HAProxy in
front of two Streamlit processes) when HAProxy is installed: both processes
share the store.
"""

from __future__ import annotations

import asyncio
import re
import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest

from benchmarks.load import Session
from softmax_ui.locales.en import STRINGS as EN
from softmax_ui.locales.zh_tw import STRINGS as ZH
from tools.app_server import TRACKER, free_port

from .conftest import AppPage
from .test_lecture_keys import _check_fits_the_projector

PROJECTOR = {"width": 1920, "height": 1080}
STUDENTS = 55
# Student k answers choice CHOICE(k); every fifth from two tabs at once.
CHOICE = [0, 0, 3, 1, 0, 2, 0, 3]


def tab_on(browser, server, viewport=PROJECTOR) -> AppPage:
    context = browser.new_context(viewport=viewport)
    context.add_init_script(TRACKER)
    return AppPage(context, server)


def charts_and_tables(tab: AppPage) -> int:
    return tab.page.locator(
        '[data-testid="stPlotlyChart"], [data-testid="stTable"]'
    ).count()


def test_a_click_on_reveal_shows_the_answer_then_the_view(browser, server):
    tab = tab_on(browser, server, {"width": 1280, "height": 800})
    try:
        tab.open("/lecture?step=4&lecture_ask=true")
        assert tab.page.get_by_text(EN["questions.two_classes_prompt"]).count() == 1
        assert charts_and_tables(tab) == 0
        tab.interact(
            lambda: tab.page.get_by_role("button", name=EN["questions.reveal"]).click()
        )
        assert tab.page.get_by_text("The answer:").count() == 1
        assert charts_and_tables(tab) > 0
        assert "lecture_ask=true" in tab.page.url
    finally:
        tab.context.close()


@pytest.mark.parametrize(
    ("lang", "step", "presses"), [("en", 3, 2), ("zh-TW", 10, 1), ("en", 2, 1)]
)
def test_the_clickers_b_key_reveals_and_the_step_still_fits_the_projector(
    browser, server, lang, step, presses
):
    strings = EN if lang == "en" else ZH
    tab = tab_on(browser, server)
    try:
        tab.open(f"/lecture?step={step}&lecture_ask=true&present=true&lang={lang}")
        assert charts_and_tables(tab) == 0
        assert tab.page.get_by_role("button", name=strings["questions.reveal"]).count()
        for _ in range(presses):
            tab.page.locator("h2").first.click()  # the focus out of any widget
            tab.interact(lambda: tab.page.keyboard.press("b"))
        assert charts_and_tables(tab) > 0
        answer = strings["questions.answer"].split("**")[0].strip()
        answers = tab.page.locator(".st-key-lecture_answers").inner_text()
        assert answers.count(answer) == presses, answers
        tab.page.wait_for_timeout(500)
        _check_fits_the_projector(tab.page)
        tab.screenshot(f"question-revealed-step-{step}-{lang}")
    finally:
        tab.context.close()


def open_poll_on_projector(browser, server) -> tuple[AppPage, str]:
    projector = tab_on(browser, server)
    projector.open("/lecture?step=3&lecture_ask=true&present=true")
    projector.interact(
        lambda: projector.page.get_by_role("button", name=EN["polls.open"]).click()
    )
    code = projector.page.locator(".poll-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{4}", code), code
    assert f"lecture_poll={code}" in projector.page.locator(".poll-link").inner_text()
    return projector, code


async def one_student(base: str, code: str, k: int) -> list[str]:
    """Student k answers; every fifth from two tabs at once. What went wrong."""
    choice = CHOICE[k % len(CHOICE)]
    key = f"lecture_poll_answer_{choice}"
    # The student's id, as a reloaded tab's address keeps it.
    query = f"lecture_poll={code}&lecture_voter={k:016x}"
    tabs = 2 if k % 5 == 0 else 1
    sessions = [Session(base) for _ in range(tabs)]
    for session in sessions:
        await session.__aenter__()
    try:
        for session in sessions:
            page, _ = await session.open("lecture", query=query)
            if key not in page.widgets:
                return [f"student {k}: no buttons ({page.alerts}, {page.errors})"]
        # Both tabs click at the same moment: one answer counts.
        pages = [p for p, _ in await asyncio.gather(*(s.click(key) for s in sessions))]
    finally:
        for session in sessions:
            await session.__aexit__(None, None, None)
    said = EN[f"questions.hardmax_pick_{choice}"]
    counted = EN["polls.counted"].format(choice=said)
    repeated = EN["polls.repeated"].format(code=code, choice=said)
    alerts = sorted(alert for page in pages for alert in page.alerts)
    wanted = sorted([counted] + [repeated] * (tabs - 1))
    errors = [error for page in pages for error in page.errors]
    if alerts != wanted or errors:
        return [f"student {k}: {alerts} {errors}, not {wanted}"]
    return []


async def room(base: str, code: str) -> list[str]:
    results = await asyncio.gather(
        *(one_student(base, code, k) for k in range(STUDENTS)), return_exceptions=True
    )
    problems = []
    for k, result in enumerate(results):
        if isinstance(result, BaseException):
            problems.append(f"student {k}: {result!r}")
        else:
            problems += result
    return problems


def shown_tally(projector: AppPage) -> list[int]:
    return [
        int(n)
        for n in projector.page.locator(".poll-row").evaluate_all(
            "rows => rows.map(r => r.dataset.count)"
        )
    ]


def expected_tally() -> list[int]:
    return [
        sum(1 for k in range(STUDENTS) if CHOICE[k % len(CHOICE)] == c)
        for c in range(4)
    ]


def answer_and_check(browser, server, base: str) -> None:
    projector, code = open_poll_on_projector(browser, server)
    try:
        # In a thread of its own: Playwright's sync API has a loop in this one.
        with ThreadPoolExecutor(1) as pool:
            problems = pool.submit(asyncio.run, room(base, code)).result(300)
        assert not problems, "\n".join(problems[:10])
        expected = expected_tally()
        assert sum(expected) == STUDENTS
        # The fragment refreshes the tally every 1.5 s.
        projector.eventually(lambda: _equal(shown_tally(projector), expected), 15)
        counted = projector.page.locator(".poll-state").inner_text()
        assert f"{STUDENTS} answers" in counted
        projector.screenshot(f"poll-of-{STUDENTS}")
        # A repeat by a student's reloaded tab (its id kept in the address).
        student = tab_on(browser, server, {"width": 390, "height": 844})
        student.open(f"/lecture?lecture_poll={code}")
        student.interact(
            lambda: student.page.get_by_role(
                "button", name=EN["questions.hardmax_pick_1"]
            ).click()
        )
        assert re.search(r"lecture_voter=[0-9a-f]{16}", student.page.url)
        student.open(student.page.url.split(server.url, 1)[1])  # reload
        # Its answer is in, and no buttons offer a second one.
        assert student.page.get_by_text("Your answer is in").count() == 1
        first = EN["questions.hardmax_pick_0"]
        assert student.page.get_by_role("button", name=first).count() == 0
        assert student.page.get_by_role("button", name=EN["polls.open"]).count() == 0
        expected[1] += 1
        projector.eventually(lambda: _equal(shown_tally(projector), expected), 15)
        # Reveal: the poll closes and the room's share of right answers shows.
        projector.page.locator("h2").first.click()
        projector.interact(lambda: projector.page.keyboard.press("b"))
        room_line = EN["questions.room"].format(right=expected[0], total=sum(expected))
        assert projector.page.get_by_text(room_line).count() == 1
        projector.assert_no_errors()
        # The waiting student's page, unreloaded, gives way to the answer: what
        # it said while waiting goes.
        wrong = EN["questions.wrong"].split("{")[0]
        student.eventually(
            lambda: _equal(student.page.get_by_text(wrong).count() >= 1, True), 20
        )
        student.eventually(
            lambda: _equal(student.page.get_by_text("Your answer is in").count(), 0), 10
        )
        student.context.close()
    finally:
        projector.context.close()


def _equal(shown: list[int], expected: list[int]) -> None:
    assert shown == expected, (shown, expected)


def test_a_poll_answered_by_55_students_at_once_is_tallied_exactly(browser, server):
    answer_and_check(browser, server, server.url)


def test_a_poll_through_haproxy_and_two_processes_is_tallied_exactly(browser):
    if shutil.which("haproxy") is None:
        pytest.skip("serve-room needs HAProxy: apt-get install haproxy")
    from tools.serve_room import Room

    with Room("127.0.0.1", free_port(), processes=2) as served:
        served.wait_ready()
        answer_and_check(browser, served, served.url)


def test_link_to_this_view_leaves_out_the_students_answering_id(browser, server):
    from softmax_ui.poll_store import PollStore

    from .test_classroom_links import open_link_popover, shown_link

    code = PollStore().open_poll("shift", 4, seconds=60).code
    tab = tab_on(browser, server, {"width": 1280, "height": 800})
    try:
        tab.open(f"/lecture?lecture_poll={code}")
        tab.eventually(lambda: _has_voter(tab.page.url))
        popover = open_link_popover(tab)
        tab.eventually(lambda: _shows_code(shown_link(popover).inner_text(), code))
        assert "lecture_voter" not in shown_link(popover).inner_text()
    finally:
        tab.context.close()


def _has_voter(url: str) -> None:
    assert re.search(r"lecture_voter=[0-9a-f]{16}", url), url


def _shows_code(link: str, code: str) -> None:
    assert f"lecture_poll={code}" in link, link
