"""The poll store: each session's answer counted exactly once, by many at once.

Sixty processes (as many Streamlit processes or more as a room would run)
and then threads answer one poll at the same moment, each twice; every first
answer must be in the tally, every repeat refused, nothing lost or doubled.
The expected tally is counted here from what each worker chose, not read
back from the store's own arithmetic.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from softmax_ui.poll_store import (
    CODE_PATTERN,
    DIR_ENV,
    Answer,
    PollStore,
    default_folder,
)

PROCESSES = 60


def _answer_twice(args: tuple[str, str, str, int, object]) -> tuple[str, str]:
    folder, code, session, choice, start = args
    start.wait()  # all at once
    store = PollStore(folder)
    first = store.answer(code, session, choice)
    second = store.answer(code, session, (choice + 1) % 4)
    return first.value, second.value


def _session(k: int) -> str:
    return f"{k:016x}"


def test_sixty_processes_answering_at_once_are_each_counted_once(tmp_path):
    store = PollStore(tmp_path)
    poll = store.open_poll("hardmax_pick", 4, seconds=120)
    choices = [k % 4 if k % 5 else 2 for k in range(PROCESSES)]
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        start = manager.Event()
        with context.Pool(PROCESSES) as pool:
            pending = pool.map_async(
                _answer_twice,
                [
                    (str(tmp_path), poll.code, _session(k), choices[k], start)
                    for k in range(PROCESSES)
                ],
            )
            start.set()
            results = pending.get(timeout=120)
    assert results == [("counted", "repeated")] * PROCESSES
    expected = [choices.count(c) for c in range(4)]
    assert store.tally(poll.code) == expected
    assert sum(store.tally(poll.code)) == PROCESSES
    # Each session's first choice is what is stored, not its repeat.
    assert [store.answered(poll.code, _session(k)) for k in range(PROCESSES)] == choices


def test_threads_answering_at_once_with_repeats_are_each_counted_once(tmp_path):
    store = PollStore(tmp_path)
    poll = store.open_poll("shift", 3, seconds=120)
    sessions = 80
    barrier = threading.Barrier(sessions * 2)

    def answer(k: int) -> Answer:
        barrier.wait()
        # Two threads per session, as a double click or a reloaded tab would.
        return PollStore(tmp_path).answer(poll.code, _session(k // 2), (k // 2) % 3)

    with ThreadPoolExecutor(sessions * 2) as pool:
        results = list(pool.map(answer, range(sessions * 2)))
    for k in range(sessions):
        assert sorted([results[2 * k], results[2 * k + 1]], key=str) == sorted(
            [Answer.COUNTED, Answer.REPEATED], key=str
        )
    assert store.tally(poll.code) == [
        sum(1 for k in range(sessions) if k % 3 == c) for c in range(3)
    ]


def test_the_file_is_in_wal_mode_and_shared_by_a_second_store(tmp_path):
    poll = PollStore(tmp_path).open_poll("two_classes", 4, seconds=60)
    with sqlite3.connect(tmp_path / "polls.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert PollStore(tmp_path).answer(poll.code, _session(1), 0) is Answer.COUNTED
    assert PollStore(tmp_path).tally(poll.code) == [1, 0, 0, 0]


def test_a_poll_has_a_short_code_and_closes_after_its_time(tmp_path):
    store = PollStore(tmp_path)
    poll = store.open_poll("temperature", 4, seconds=60, now=1000.0)
    assert CODE_PATTERN.fullmatch(poll.code)
    assert store.answer(poll.code, _session(1), 1, now=1059.0) is Answer.COUNTED
    assert store.answer(poll.code, _session(2), 1, now=1060.0) is Answer.CLOSED
    assert store.tally(poll.code) == [0, 1, 0, 0]
    assert store.poll(poll.code).seconds_left(now=1030.5) == 30


@pytest.mark.parametrize(
    ("code", "session", "choice", "result"),
    [
        ("ZZZZ", _session(1), 0, Answer.UNKNOWN),
        (None, _session(1), 4, Answer.INVALID),
        (None, _session(1), -1, Answer.INVALID),
        (None, "<script>", 0, Answer.INVALID),
        (None, _session(1), "0", Answer.INVALID),
    ],
)
def test_bad_answers_are_refused_and_not_counted(
    tmp_path, code, session, choice, result
):
    store = PollStore(tmp_path)
    poll = store.open_poll("hardmax_pick", 4, seconds=60)
    assert store.answer(code or poll.code, session, choice) is result
    assert store.tally(poll.code) == [0, 0, 0, 0]


def test_closing_and_revealing_stop_answers_and_only_the_host_token_finds_it(
    tmp_path,
):
    store = PollStore(tmp_path)
    poll = store.open_poll("learning_rate", 4, seconds=600)
    store.answer(poll.code, _session(1), 3)
    store.reveal(poll.code)
    assert store.poll(poll.code).revealed
    assert store.answer(poll.code, _session(2), 3) is Answer.CLOSED
    assert store.hosted(poll.host).code == poll.code
    assert store.hosted("0" * 32) is None


def test_the_folder_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(DIR_ENV, str(tmp_path / "polls"))
    assert default_folder() == tmp_path / "polls"
    monkeypatch.delenv(DIR_ENV)
    assert default_folder().name == "softmax-explorer-polls"
    assert Path(PollStore(tmp_path / "new").path).exists()
