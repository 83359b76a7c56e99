"""Polls of the room, kept in SQLite so that every server process shares them.

A lecturer opens a poll on one of the lecture's questions
(:mod:`softmax_ui.questions`); it gets a short code that students type or
follow in a link, closes by itself after a set time, and counts each
student's answer once. The store is one SQLite file in WAL mode (readers
never wait for the writer), in the folder named by the environment variable
``SOFTMAX_POLL_DIR`` or else ``<temp>/softmax-explorer-polls``: every
Streamlit process on the machine (``tools/serve_room.py`` starts several)
opens the same file. Each call opens its own connection, so the store is
safe from any thread or process.

One answer per session is a ``UNIQUE(code, session)`` constraint: a second
insert for the same pair fails inside SQLite, atomically, however many
processes answer at once. Whether the poll is open and the choice valid is
checked in the same ``INSERT … SELECT`` statement, so a poll that closes
between the check and the insert cannot take a late answer.

This is UI state (who answered what, in a room), not math: it lives in
``softmax_ui`` and uses only the standard library.
"""

from __future__ import annotations

import contextlib
import enum
import os
import re
import secrets
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DIR_ENV = "SOFTMAX_POLL_DIR"
FILE_NAME = "polls.sqlite3"
# Letters and digits that cannot be mistaken for one another when read off a
# projector (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 4
CODE_PATTERN = re.compile(rf"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")
SESSION_PATTERN = re.compile(r"[0-9a-f]{16,64}")
DURATIONS = (60, 120, 300, 600)  # seconds a poll may stay open
BUSY_TIMEOUT = 30.0  # seconds a connection waits for another's write

_SCHEMA = """
CREATE TABLE IF NOT EXISTS polls (
    code TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    choices INTEGER NOT NULL CHECK (choices BETWEEN 2 AND 10),
    host TEXT NOT NULL,
    opened REAL NOT NULL,
    closes_at REAL NOT NULL,
    revealed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS answers (
    code TEXT NOT NULL REFERENCES polls (code),
    session TEXT NOT NULL,
    choice INTEGER NOT NULL,
    answered REAL NOT NULL,
    UNIQUE (code, session)
);
"""


class Answer(enum.Enum):
    """What became of an answer: counted, or why not."""

    COUNTED = "counted"
    REPEATED = "repeated"  # this session has answered this poll already
    CLOSED = "closed"  # the poll's time is over, or the lecturer closed it
    UNKNOWN = "unknown"  # no poll has this code
    INVALID = "invalid"  # not one of the question's choices, or a bad session id


@dataclass(frozen=True)
class Poll:
    """One poll as stored: its code, question, number of choices and times."""

    code: str
    question: str
    choices: int
    host: str
    opened: float
    closes_at: float
    revealed: bool

    def is_open(self, now: float | None = None) -> bool:
        """True while answers are taken (before ``closes_at``)."""
        return (time.time() if now is None else now) < self.closes_at

    def seconds_left(self, now: float | None = None) -> int:
        """Whole seconds until it closes, 0 once closed."""
        left = self.closes_at - (time.time() if now is None else now)
        return max(0, int(left + 0.999))


def default_folder() -> Path:
    """The store's folder: ``$SOFTMAX_POLL_DIR``, else one in the temp folder."""
    chosen = os.environ.get(DIR_ENV, "").strip()
    return (
        Path(chosen)
        if chosen
        else Path(tempfile.gettempdir()) / "softmax-explorer-polls"
    )


def normal_code(text: object) -> str | None:
    """A code as typed (``" ab3k "``) in its stored form, or None if it is none.

    Examples
    --------
    >>> normal_code(" ab3k "), normal_code("A0B1"), normal_code("<b>")
    ('AB3K', None, None)
    """
    code = str(text).strip().upper()
    return code if CODE_PATTERN.fullmatch(code) else None


def new_session_id() -> str:
    """A random id for one student's tab (kept in its address, see polls.py)."""
    return secrets.token_hex(8)


class PollStore:
    """The polls and answers in one SQLite file, shared by every process."""

    def __init__(self, folder: Path | str | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_folder()
        self.path = self.folder / FILE_NAME
        self.folder.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            # WAL is a property of the file: set once, kept by every connection.
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(_SCHEMA)

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
        try:
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
            yield db
        finally:
            db.close()

    def open_poll(
        self, question: str, choices: int, seconds: float, now: float | None = None
    ) -> Poll:
        """Open a poll on ``question`` with ``choices`` answers, for ``seconds``.

        Returns the poll with a fresh code (never one in use) and a secret
        ``host`` token that lets its lecturer close and reveal it.
        """
        now = time.time() if now is None else now
        host = secrets.token_hex(16)
        with self._connect() as db:
            for _ in range(100):
                code = "".join(
                    secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)
                )
                try:
                    db.execute(
                        "INSERT INTO polls (code, question, choices, host, opened,"
                        " closes_at) VALUES (?, ?, ?, ?, ?, ?)",
                        (code, question, choices, host, now, now + seconds),
                    )
                except sqlite3.IntegrityError:
                    continue  # that code is taken: draw another
                return Poll(code, question, choices, host, now, now + seconds, False)
        raise RuntimeError("no free poll code")

    def poll(self, code: str) -> Poll | None:
        """The poll with ``code``, or None."""
        with self._connect() as db:
            row = db.execute(
                "SELECT code, question, choices, host, opened, closes_at, revealed"
                " FROM polls WHERE code = ?",
                (code,),
            ).fetchone()
        return None if row is None else Poll(*row[:6], revealed=bool(row[6]))

    def hosted(self, host: str) -> Poll | None:
        """The poll whose lecturer holds the ``host`` token, or None."""
        with self._connect() as db:
            row = db.execute(
                "SELECT code FROM polls WHERE host = ?", (host,)
            ).fetchone()
        return None if row is None else self.poll(row[0])

    def answer(
        self, code: str, session: str, choice: int, now: float | None = None
    ) -> Answer:
        """Count ``session``'s ``choice`` (0-based) in poll ``code``, at most once."""
        now = time.time() if now is None else now
        if not SESSION_PATTERN.fullmatch(str(session)) or not isinstance(choice, int):
            return Answer.INVALID
        with self._connect() as db:
            try:
                inserted = db.execute(
                    "INSERT INTO answers (code, session, choice, answered)"
                    " SELECT code, ?, ?, ? FROM polls"
                    " WHERE code = ? AND closes_at > ? AND ? BETWEEN 0 AND choices - 1",
                    (session, choice, now, code, now, choice),
                ).rowcount
            except sqlite3.IntegrityError:
                return Answer.REPEATED
        if inserted == 1:
            return Answer.COUNTED
        poll = self.poll(code)
        if poll is None:
            return Answer.UNKNOWN
        if not poll.is_open(now):
            return Answer.CLOSED
        return Answer.INVALID

    def answered(self, code: str, session: str) -> int | None:
        """The choice ``session`` gave in poll ``code``, or None."""
        with self._connect() as db:
            row = db.execute(
                "SELECT choice FROM answers WHERE code = ? AND session = ?",
                (code, session),
            ).fetchone()
        return None if row is None else row[0]

    def tally(self, code: str) -> list[int]:
        """How many sessions gave each choice, in choice order ([] if no poll)."""
        poll = self.poll(code)
        if poll is None:
            return []
        counts = [0] * poll.choices
        with self._connect() as db:
            for choice, count in db.execute(
                "SELECT choice, COUNT(*) FROM answers WHERE code = ? GROUP BY choice",
                (code,),
            ):
                counts[choice] = count
        return counts

    def close(self, code: str, now: float | None = None) -> None:
        """Take no more answers in poll ``code`` from now on."""
        now = time.time() if now is None else now
        with self._connect() as db:
            db.execute(
                "UPDATE polls SET closes_at = MIN(closes_at, ?) WHERE code = ?",
                (now, code),
            )

    def reveal(self, code: str, now: float | None = None) -> None:
        """Close poll ``code`` and let its students see the answer."""
        self.close(code, now)
        with self._connect() as db:
            db.execute("UPDATE polls SET revealed = 1 WHERE code = ?", (code,))
