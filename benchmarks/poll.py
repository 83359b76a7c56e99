"""A room answering a poll at once: how long until every answer is counted.

Opens a poll in the machine's poll store (``softmax_ui.poll_store``; set
``SOFTMAX_POLL_DIR`` to use another folder, the server reads the same), then
``--sessions`` websocket clients (the load benchmark's, ``benchmarks/load.py``)
open the poll's link at the same instant and answer, student k choice k mod 4.
Prints the time for all of them, the latency of opening the link and of the
answer (p50, p95), and checks the store's tally against the answers given:
exit status 1 on any lost or doubled answer.

    .venv/bin/python benchmarks/poll.py [--sessions 100] [--url http://127.0.0.1:8501]

Without ``--url`` it starts its own server (``tools/app_server.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.load import Session  # noqa: E402
from softmax_ui.poll_store import PollStore  # noqa: E402
from tools.app_server import AppServer  # noqa: E402


async def student(base: str, code: str, k: int) -> tuple[float, float]:
    async with Session(base) as session:
        _, opened = await session.open(
            "lecture", query=f"lecture_poll={code}&lecture_voter={k:016x}"
        )
        _, answered = await session.click(f"lecture_poll_answer_{k % 4}")
    return opened, answered


async def room(base: str, code: str, sessions: int) -> list[tuple[float, float]]:
    return await asyncio.gather(*(student(base, code, k) for k in range(sessions)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--url", default="", help="a running server or proxy")
    args = parser.parse_args()
    server = None if args.url else AppServer()
    base = args.url.rstrip("/") or server.url
    try:
        store = PollStore()
        poll = store.open_poll("shift", 4, seconds=600)
        start = time.perf_counter()
        times = np.array(asyncio.run(room(base, poll.code, args.sessions)))
        wall = time.perf_counter() - start
    finally:
        if server is not None:
            server.stop()
    tally = store.tally(poll.code)
    expected = [sum(1 for k in range(args.sessions) if k % 4 == c) for c in range(4)]
    opened, answered = np.percentile(times, [50, 95], axis=0).T
    print(
        f"{args.sessions} sessions answered in {wall:.2f} s; open p50 {opened[0]:.2f}"
        f" p95 {opened[1]:.2f} s; answer p50 {answered[0]:.2f} p95 {answered[1]:.2f} s"
    )
    print(f"tally {tally}, answers given {expected}")
    return 0 if tally == expected else 1


if __name__ == "__main__":
    sys.exit(main())
