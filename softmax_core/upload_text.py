"""An uploaded file's bytes as text, and the layout of its first rows.

Which encoding a file is in (UTF-8, UTF-16, Big5, Windows-1252), which
character separates its values (comma, semicolon, tab, or what Excel's
``sep=`` line says), and whether its first row names the columns or is
already data, as UCI's ``iris.data`` is. Python's ``csv`` module reads only
the first rows here; pandas reads the whole table (:mod:`.uploads`).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

import numpy as np

#: The values that mean "no value here" (compared in lower case).
MISSING = ("", "?", "na", "n/a", "nan", "null", "none")
LABEL_COLUMN_NAMES = ("label", "class", "y")
# Characters of the file's start read to decide its layout, after the first line.
SAMPLE_CHARS = 65_536
SAMPLE_ROWS = 50

# C0 and C1 control characters other than tab, newline, carriage return and
# the old end-of-file mark: text files hardly hold them, binary files do.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x19\x1b-\x1f\x7f-\x9f]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A whole field of Chinese characters: a name such as 性別 or a label such as 女.
_CJK_FIELD = re.compile(
    r"(?:^|[,;\t\"])[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+(?=$|[,;\t\"\r])",
    re.MULTILINE,
)
# Big5's first level: the 5401 frequently used characters, A440 to C67E.
_BIG5_FREQUENT = (0xA440, 0xC67E)
_BLANK_LINES = re.compile(r"\A(?:[ \t]*(?:\r\n|\r|\n))*")
_SEP_HINT = re.compile(r'\A"?sep=([^\r\n"])"?[,;\t]*(?:\r\n|\r|\n|\Z)', re.IGNORECASE)


@dataclass(frozen=True)
class Layout:
    """Where a file's table starts and how its rows are split.

    Attributes
    ----------
    text : str
        The file from its first row (a header or data), leading blank lines
        and a ``sep=`` line left out.
    sep : str
        The separator.
    lines_before : int
        File lines before ``text``: the first row of ``text`` is file row
        ``lines_before + 1``.
    first_row : list of str
        The fields of the first row.
    has_header : bool
        Whether the first row names the columns.
    """

    text: str
    sep: str
    lines_before: int
    first_row: list[str]
    has_header: bool


def decode(raw: bytes) -> str:
    """UTF-8 (BOM or not), UTF-16 with its BOM, Big5, else Windows-1252 or Latin-1.

    Big5 (as cp950) is what Excel in Traditional Chinese saves a CSV file in.
    The choice is made on the whole file (:func:`reads_as_chinese`), since a
    single pattern fails both ways: a header such as ``身高cm`` has Latin
    letters right after Chinese characters, and a Western file's accents can
    pair up with the letters after them into valid Big5 characters.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _text_only(raw.decode("utf-16"))
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "cp950", "cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "cp950" or reads_as_chinese(text, raw):
            return _text_only(text)
    raise AssertionError("Latin-1 decodes every byte")  # pragma: no cover


def reads_as_chinese(big5: str, raw: bytes) -> bool:
    r"""Whether the file ``raw``, read as Big5 (``big5``), is Chinese.

    Three things tell Chinese from a Western file whose accents pair up with
    the ASCII letter after them into Big5 characters:

    - Chinese text uses mostly Big5's 5401 frequently used characters
      (A440 to C67E); a Western file's pairs mostly fall elsewhere.
    - Read as Latin-1, a Western file's non-ASCII characters are letters, one
      or two in a row (``é``, ``öß``); Chinese gives runs of symbols (``¨­°ª``).
    - About 60 % of Chinese characters have a second byte above 0xA0, where a
      Western pair has an ASCII letter; a whole field of Chinese characters
      (``女``, ``性別``) makes up for a file too short to show this.

    Examples
    --------
    >>> raw = "身高cm,性別\n160,女\n".encode("big5")
    >>> reads_as_chinese(raw.decode("cp950"), raw)
    True
    >>> raw = "Größe,Ärger,Élan".encode("cp1252")
    >>> reads_as_chinese(raw.decode("cp950"), raw)
    False
    """
    chinese = {c for c in set(big5) if _CJK.match(c)}
    if not chinese:
        return False
    codes = [int.from_bytes(c.encode("cp950"), "big") for c in chinese]
    frequent = sum(_BIG5_FREQUENT[0] <= code <= _BIG5_FREQUENT[1] for code in codes)
    high = sum(code & 0xFF > 0xA0 for code in codes)
    return (
        2 * frequent > len(codes)
        and 2 * _western_letters(raw) < _non_ascii(raw)
        and (4 * high >= len(codes) or _CJK_FIELD.search(big5) is not None)
    )


# Which bytes are letters in Latin-1: ª µ º and À to ÿ but × and ÷.
_LATIN1_LETTER = np.array([chr(b).isalpha() and b > 0x7F for b in range(256)])


def _non_ascii(raw: bytes) -> int:
    return int(np.count_nonzero(np.frombuffer(raw, np.uint8) > 0x7F))


def _western_letters(raw: bytes) -> int:
    """How many of ``raw``'s non-ASCII bytes are, read as Latin-1, letters one or
    two in a row (``é``, ``öß``): the accents of a Western file."""
    data = np.frombuffer(raw, np.uint8)
    high = np.zeros(data.size + 2, dtype=bool)
    high[1:-1] = data > 0x7F
    starts = np.flatnonzero(high[1:] & ~high[:-1])
    ends = np.flatnonzero(~high[1:] & high[:-1])
    lengths = ends - starts
    letter = _LATIN1_LETTER[data]
    one = starts[lengths == 1]
    two = starts[lengths == 2]
    return int(
        np.count_nonzero(letter[one])
        + 2 * np.count_nonzero(letter[two] & letter[two + 1])
    )


def _text_only(text: str) -> str:
    head = text[:4096]
    if "\x00" in head or len(_CONTROL.findall(head)) > len(head) // 100:
        raise ValueError(
            "This file is not a text CSV file (it contains binary data). Save it"
            " as CSV (comma-separated values, UTF-8) and upload it again."
        )
    return text


def looks_numeric(text: str, decimal_comma: bool = False) -> bool:
    """Whether ``text`` reads as a number (``1,5`` where commas are decimal marks)."""
    try:
        float(text.replace(",", ".") if decimal_comma else text)
    except ValueError:
        return False
    return True


def layout(text: str) -> Layout:
    """The separator, the first rows, and whether the first row is a header.

    The separator is what Excel's ``sep=;`` first line says, else comma,
    semicolon or tab, whichever the first line holds most (comma on a tie).
    pandas' own guess (``sep=None``) can take a letter of a one-column header
    for the separator ("label" → 'l').

    Raises
    ------
    ValueError
        For a value in the first rows longer than the ``csv`` module's limit.
    """
    blank = _BLANK_LINES.match(text)
    lines_before = len(re.findall(r"\r\n|\r|\n", blank.group()))
    text = text[blank.end() :]
    hint = _SEP_HINT.match(text)
    if hint:
        sep = hint.group(1)
        text = text[hint.end() :]
        lines_before += 1
    end = re.compile(r"[\r\n]").search(text)
    first_line = text[: end.start() if end else len(text)]
    if not hint:
        sep = max(",;\t", key=first_line.count)
    rows = _first_rows(text[: len(first_line) + SAMPLE_CHARS], sep, lines_before)
    return Layout(
        text=text,
        sep=sep,
        lines_before=lines_before,
        first_row=rows[0] if rows else [],
        has_header=not _first_row_is_data(rows, decimal_comma=sep == ";"),
    )


def _first_rows(sample: str, sep: str, lines_before: int) -> list[list[str]]:
    reader = csv.reader(
        io.StringIO(sample, newline=""), delimiter=sep, skipinitialspace=True
    )
    rows = []
    try:
        for row in reader:
            if len(rows) > SAMPLE_ROWS:
                break
            if any(field.strip() for field in row) or not rows:
                rows.append([field.strip() for field in row])
    except csv.Error as err:
        row = lines_before + reader.line_num
        if "field larger" not in str(err):
            raise ValueError(
                f"Row {row} could not be read ({err}). Save the file as CSV"
                " (comma-separated values, UTF-8) and upload it again."
            ) from err
        raise ValueError(
            f"Row {row}: a value is longer than {csv.field_size_limit():,}"
            " characters. Names and labels must be short: shorten it (or close"
            " the quote that starts it)."
        ) from err
    # The last row read may be cut off by the end of the sample.
    return rows[:-1] if len(rows) > 2 else rows


def _first_row_is_data(rows: list[list[str]], decimal_comma: bool) -> bool:
    """Whether the first row holds numbers where the rows after it hold numbers.

    A first row of names has a word above some column of numbers; a first row
    of data has numbers there (or a missing value). One of all numbers is data.
    """
    if not rows:
        return False
    first, rest = rows[0], rows[1:]
    if any(field.lower() in LABEL_COLUMN_NAMES for field in first):
        return False
    numeric_first = [looks_numeric(field, decimal_comma) for field in first]
    if not any(numeric_first):
        return False
    for j, field in enumerate(first):
        values = [row[j] for row in rest if j < len(row)]
        values = [v for v in values if v.lower() not in MISSING]
        numbers = sum(looks_numeric(v, decimal_comma) for v in values)
        column_is_numeric = numbers > 0 and 2 * numbers >= len(values)
        if column_is_numeric and not numeric_first[j] and field.lower() not in MISSING:
            return False
    return True
