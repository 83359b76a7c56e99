r"""A user's CSV file turned into training data: X (n×m), labels and class names.

Parsing is pandas' job (its C parser: a million rows take a fraction of a
second); pandas is imported here alone, and only when a file is read, so the
rest of the core needs numpy only. Every problem a file can have becomes a
``ValueError`` whose message says which row, which column, what was expected
and what to change, in words a student understands.

Files come as people have them (:func:`read_csv` lists the forms): written by
pandas or R with an index column first, saved by Excel in Traditional Chinese
(Big5) with a ``sep=`` line, without a header row as UCI's, with missing
values, with the label column anywhere. Each thing the reader does about them
is reported in :class:`LabelledData`, for the page to say. Encodings,
separators and the header are found in :mod:`.upload_text`.

Limits, so that one student's file cannot stall the server for the room: a
file of at most ``MAX_BYTES`` (the upload limit of ``.streamlit/config.toml``),
at most ``MAX_FEATURES`` feature columns, and at most ``MAX_EXAMPLES`` rows (and
``MAX_VALUES`` numbers n·m) used for training: a larger file is checked in full,
then a random subsample of its rows is kept, the same one every time. Names
(of columns and classes) of at most ``MAX_NAME_CHARS`` characters that differ
within the ``SHOWN_NAME_CHARS`` the page shows, so that a 9 MB label is
refused rather than quoted or drawn.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np

from .datasets import MAX_CLASSES
from .upload_text import LABEL_COLUMN_NAMES, MISSING, decode, layout

MAX_BYTES = 20 * 1024 * 1024
MAX_FEATURES = 1000
MAX_EXAMPLES = 3000
MAX_VALUES = 300_000
SUBSAMPLE_SEED = 0
# Far beyond any measurement, and small enough that x² and sums over a million
# rows stay finite when the features are standardized.
MAX_MAGNITUDE = 1e100
#: Characters of a name (a column's or a class's) the page shows; the rest is
#: cut off with an ellipsis, so two names must differ within them.
SHOWN_NAME_CHARS = 60
#: The longest name accepted: a 9 MB class name once froze the tab that drew it.
MAX_NAME_CHARS = 200
#: Row numbers listed of the rows left out for a missing value.
LISTED_ROWS = 5
# A first column under one of these names (any case) that counts the rows
# 0 … m−1 or 1 … m is an index, as pandas, R and Kaggle write it.
INDEX_COLUMN_NAMES = ("", "id", "index")


@dataclass(frozen=True)
class LabelledData:
    """Training data read from a file, and what the reader did to get it.

    Attributes
    ----------
    X : numpy.ndarray
        n×m features, one example per column.
    labels : numpy.ndarray
        m integers in 0 … C−1.
    class_names : tuple of str
        The label values of the file, in the order of their index.
    feature_names : tuple of str
        The names of the n feature columns (x1 … xn for a file without a
        header row).
    rows_in_file : int or None
        The number of complete data rows when only a subsample of m of them is
        kept (see ``MAX_EXAMPLES``); None when every row is used.
    label_column : str
        The name of the label column.
    label_from_words : bool
        Whether the label column was taken for being the one column of words
        (it is neither named label, class or y nor the last column).
    dropped_index_column : str or None
        The name of a first column that only numbered the rows and was left
        out ("" when it had no name); None when there was none.
    header_made : bool
        Whether the first row was data and the columns were given names.
    rows_left_out : int
        How many rows were left out for a missing value.
    rows_with_missing : tuple of int
        The file row numbers (the first line is row 1) of the first
        ``LISTED_ROWS`` of them.
    """

    X: np.ndarray
    labels: np.ndarray
    class_names: tuple[str, ...]
    feature_names: tuple[str, ...]
    rows_in_file: int | None = None
    label_column: str = "label"
    label_from_words: bool = False
    dropped_index_column: str | None = None
    header_made: bool = False
    rows_left_out: int = 0
    rows_with_missing: tuple[int, ...] = ()

    @property
    def num_classes(self) -> int:
        """C, the number of distinct labels."""
        return len(self.class_names)


@dataclass(frozen=True)
class _Column:
    """One column of the table: its values as numbers and which are missing."""

    numbers: np.ndarray  # float64, NaN where missing or not a number
    missing: np.ndarray  # bool
    words: np.ndarray  # bool: present but not a number
    texts: object  # the stripped texts (a pandas Series), None for a number column

    def shown(self, row: int) -> str:
        value = self.numbers[row] if self.texts is None else self.texts.iloc[row]
        return _short(str(value))


def _short(text: str) -> str:
    """``text`` as the page shows a name: at most SHOWN_NAME_CHARS, with an ellipsis."""
    limit = SHOWN_NAME_CHARS
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _rows_text(rows) -> str:
    rows = list(rows)
    listed = ", ".join(str(r) for r in rows[:LISTED_ROWS])
    more = ", …" if len(rows) > LISTED_ROWS else ""
    return f"row {listed}" if len(rows) == 1 else f"rows {listed}{more}"


def _read_bytes(file: str | Path | bytes | IO) -> bytes:
    if isinstance(file, bytes):
        return file
    if isinstance(file, str | Path):
        return Path(file).read_bytes()
    data = file.read()
    return data.encode("utf-8") if isinstance(data, str) else data


def _parse_table(text: str, sep: str, has_header: bool, lines_before: int):
    """The table, every value as pandas reads it (numbers or text).

    Where semicolons separate values, commas are decimal marks ("1,5"), as in
    the CSV files of spreadsheets set to most European languages. Blank lines
    stay in as empty rows, so that row k of the table is row k of the file.
    """
    import pandas as pd

    try:
        table = pd.read_csv(
            # UTF-8 bytes: a StringIO would hold 4 bytes per character.
            io.BytesIO(text.encode("utf-8")),
            encoding="utf-8",
            sep=sep,
            engine="c",
            header=0 if has_header else None,
            skipinitialspace=True,
            keep_default_na=False,
            skip_blank_lines=False,
            decimal="," if sep == ";" else ".",
            low_memory=False,
        )
    except pd.errors.EmptyDataError as err:
        raise ValueError("The file is empty: it has no header and no rows.") from err
    except (pd.errors.ParserError, ValueError, OverflowError, csv.Error) as err:
        # pandas counts lines from the header; the file may have more before it.
        reason = re.sub(
            r"line (\d+)", lambda m: f"line {int(m[1]) + lines_before}", str(err)
        )
        raise ValueError(
            "The file could not be read as a table of comma-separated values"
            f" ({_short(reason.strip())}). Remove the extra values from that line,"
            " or give every column a name in the first row."
        ) from err
    if not table.index.equals(pd.RangeIndex(len(table))):
        # pandas took the extra leading values of every row as the index.
        raise ValueError(
            f"The rows have more values than the header has names ({table.shape[1]})."
            " Give every column a name in the first row."
        )
    return table


def _as_text(column):
    """A column's values as stripped strings, a missing trailing value as ""."""
    return column.astype(object).where(column.notna(), "").astype(str).str.strip()


def _column(series, decimal_comma: bool) -> _Column:
    import pandas as pd

    if series.dtype.kind in "iufb":
        numbers = series.to_numpy(dtype=np.float64)
        missing = np.isnan(numbers)
        return _Column(numbers, missing, np.zeros_like(missing), None)
    texts = _as_text(series)
    # Each distinct value is looked at once: a label column holds few.
    codes, uniques = pd.factorize(texts)
    uniques = pd.Series(uniques, dtype=object)
    missing = uniques.str.lower().isin(MISSING).to_numpy()[codes]
    values = uniques.str.replace(",", ".", regex=False) if decimal_comma else uniques
    numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype=np.float64)[codes]
    return _Column(numbers, missing, ~missing & np.isnan(numbers), texts)


def _column_names(table, first_row: list[str], has_header: bool) -> list[str]:
    count = table.shape[1]
    if not has_header:
        return [""] * count
    if len(first_row) == count:
        return list(first_row)
    return [
        "" if str(c).startswith("Unnamed: ") else str(c).strip() for c in table.columns
    ]


def _check_name_lengths(names, what: str, where) -> None:
    """Refuse a name over MAX_NAME_CHARS, or two that the page would show alike."""
    for k, name in enumerate(names):
        if len(name) > MAX_NAME_CHARS:
            raise ValueError(
                f"{where(k)}: the {what} '{_short(name)}' is {len(name):,} characters"
                f" long, longer than the {MAX_NAME_CHARS} a name may have. Shorten it."
            )
    seen: dict[str, str] = {}
    for name in names:
        other = seen.setdefault(_short(name), name)
        if other != name:
            raise ValueError(
                f"The {what}s '{_short(other)}' and '{_short(name)}' ({where(None)})"
                f" read the same in their first {SHOWN_NAME_CHARS} characters, all"
                " that the page shows. Shorten or rename one of them."
            )


def _counts_rows(column: _Column, rows: np.ndarray) -> bool:
    """Whether ``column`` holds 0 … m−1 or 1 … m, in order, in the given rows."""
    values = column.numbers[rows]
    if values.size < 2 or np.any(column.missing[rows]):
        return False
    steps = np.arange(values.size, dtype=np.float64)
    return bool(np.array_equal(values, steps) or np.array_equal(values, steps + 1))


def _label_column(
    names: list[str], columns: dict[int, _Column], has_header: bool, rows: np.ndarray
) -> tuple[int, bool]:
    """The label column: named label, class or y; else the one column that holds
    words (most of its values not numbers); else the last. And whether it was
    the words that decided."""
    if has_header:
        for j in columns:
            if names[j].lower() in LABEL_COLUMN_NAMES:
                return j, False
    last = max(columns)
    wordy = [
        j
        for j, c in columns.items()
        if 2 * np.count_nonzero(c.words[rows]) > np.count_nonzero(~c.missing[rows])
    ]
    if len(wordy) == 1:
        return wordy[0], wordy[0] != last
    return last, False


def _check_feature(column: _Column, name: str, rows: np.ndarray, first_row: int):
    """Refuse a feature column's first value (among ``rows``) that is not an
    ordinary number, naming its row and column."""
    problems = (
        (column.words, "is not a number. Feature columns must hold numbers only."
         " Correct the value, or empty the cell to leave the row out; if this"
         " column holds the labels, name it 'label'."),
        (~np.isfinite(column.numbers) & ~column.words & ~column.missing,
         "is not a finite number. Feature values must be ordinary numbers."
         " Correct the value, or empty the cell to leave the row out."),
        (np.abs(np.nan_to_num(column.numbers)) > MAX_MAGNITUDE,
         f"is too large. Feature values must lie between -{MAX_MAGNITUDE:g} and"
         f" {MAX_MAGNITUDE:g}. Correct the value, or empty the cell to leave the"
         " row out."),
    )
    for bad, explanation in problems:
        bad = bad & rows
        if np.any(bad):
            row = int(np.argmax(bad))
            raise ValueError(
                f"Row {row + first_row}, column '{_short(name)}':"
                f" '{column.shown(row)}' {explanation}"
            )


def _labels(column) -> tuple[np.ndarray, tuple[str, ...]]:
    """Labels 0 … C−1 and the class names, numbers sorted by value, else words."""
    import pandas as pd

    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    names = _as_text(pd.Series(uniques))
    numbers = pd.to_numeric(names, errors="coerce")
    if not numbers.isna().any():
        # Sort numeric labels by value and print whole numbers without ".0".
        keys, merged = np.unique(
            numbers.to_numpy(dtype=np.float64), return_inverse=True
        )
        class_names = tuple(
            str(int(v)) if float(v).is_integer() else str(v) for v in keys
        )
    else:
        keys, merged = np.unique(names.to_numpy(dtype=str), return_inverse=True)
        class_names = tuple(str(v) for v in keys)
    return merged.reshape(-1)[codes].astype(np.int64), class_names


def _check_class_count(
    class_names: tuple[str, ...], name: str, left_out: np.ndarray
) -> None:
    once = (
        f" once the rows with missing values are left out ({_rows_text(left_out)})"
        if left_out.size
        else ""
    )
    if len(class_names) < 2:
        raise ValueError(
            f"Column '{_short(name)}' has only one class ('{_short(class_names[0])}')"
            f"{once}; a classifier needs at least 2 different labels. Add rows of"
            " another class" + (", or fill in the missing values." if once else ".")
        )
    if len(class_names) > MAX_CLASSES:
        raise ValueError(
            f"Column '{_short(name)}' has {len(class_names)} different labels; at"
            f" most {MAX_CLASSES} classes are supported. Give the label column"
            " fewer values, or name the column that holds the labels 'label'."
        )


def examples_kept(n: int, m: int) -> int:
    """How many of m rows with n features are used: at most MAX_EXAMPLES and
    MAX_VALUES / n, so that training stays quick whatever the file's shape.

    Examples
    --------
    >>> examples_kept(2, 1_000_000), examples_kept(1000, 5000), examples_kept(3, 50)
    (3000, 300, 50)
    """
    return min(m, MAX_EXAMPLES, max(1, MAX_VALUES // max(n, 1)))


def read_csv(file: str | Path | bytes | IO) -> LabelledData:
    """Read labelled training data from a CSV or text file, as people have them.

    The file has numeric feature columns and one label column: the column
    named ``label``, ``class`` or ``y`` (any case), else the one column of
    words, else the last. Labels may be numbers or words; they are mapped to
    0 … C−1 in sorted order and their names kept. Commas, semicolons or tabs
    separate values (or what Excel's ``sep=`` first line says); UTF-8 (with or
    without BOM), UTF-16 with a BOM, Big5 and Windows-1252 (Latin-1) text are
    read. A first row of data rather than names is data: the columns are named
    x1 … xn and the last is the label. A first column that is unnamed or named
    id or index and counts the rows (0 … m−1 or 1 … m) is left out. Rows with
    a missing value (empty, NA, NaN, ?) are left out. Every row is checked; if
    more than :func:`examples_kept` rows remain, a random subsample of that
    many is kept, the same for the same file.

    Parameters
    ----------
    file : path, bytes or file-like
        The uploaded file.

    Returns
    -------
    LabelledData
        X (n×m), labels (m), class and feature names, and what was left out.

    Raises
    ------
    ValueError
        For every file that cannot be used, with a message that says where,
        what was expected and what to change: an empty or binary file, a file
        over 20 MB, fewer than one or more than 1000 feature columns, a value
        that is not a number (with its row and column), no complete row, fewer
        than 2 or more than 10 classes, a name over ``MAX_NAME_CHARS``
        characters or two that the page would show alike.
    """
    raw = _read_bytes(file)
    if len(raw) > MAX_BYTES:
        raise ValueError(
            f"The file is {len(raw) / 2**20:.1f} MB; files up to"
            f" {MAX_BYTES // 2**20} MB can be used here."
        )
    try:
        return _read(raw)
    except (csv.Error, UnicodeError, MemoryError, OverflowError, RecursionError) as err:
        # Whatever the parsers raise, the page shows a message, not a traceback.
        raise ValueError(
            f"The file could not be read as a table ({type(err).__name__})."
            " Save it as CSV (comma-separated values, UTF-8) and upload it again."
        ) from err


def _read(raw: bytes) -> LabelledData:
    text = decode(raw)
    if not re.search(r"\S", text):
        raise ValueError("The file is empty: it has no header and no rows.")
    shape = layout(text)
    # Counted before parsing, so a very wide file is refused at once.
    if len(shape.first_row) - 1 > MAX_FEATURES:
        raise ValueError(
            f"Found {len(shape.first_row) - 1} feature columns; at most"
            f" {MAX_FEATURES} are allowed. Remove columns."
        )
    header_row = shape.lines_before + 1
    if shape.has_header:
        _check_name_lengths(
            shape.first_row,
            "column name",
            lambda k: f"row {header_row}" if k is None else f"Row {header_row},"
            f" column {k + 1}",
        )
    table = _parse_table(shape.text, shape.sep, shape.has_header, shape.lines_before)
    if table.shape[1] < 2:
        raise ValueError(
            f"Found {table.shape[1]} column; need at least one feature column and"
            " one label column (named 'label', 'class' or 'y', or the last column)."
            " Add a column of labels."
        )
    first_row = header_row + 1 if shape.has_header else header_row
    names = _column_names(table, shape.first_row, shape.has_header)
    decimal_comma = shape.sep == ";"
    columns = {
        j: _column(table.iloc[:, j], decimal_comma) for j in range(table.shape[1])
    }
    # Blank lines and rows of empty cells are no rows at all.
    present = ~np.logical_and.reduce([c.missing for c in columns.values()])
    if not np.any(present):
        raise ValueError("The file has a header row but no data rows.")
    dropped = None
    if (
        len(columns) > 2
        and (names[0].lower() in INDEX_COLUMN_NAMES)
        and _counts_rows(columns[0], present)
    ):
        dropped = names[0]
        del columns[0]
    label_j, from_words = _label_column(names, columns, shape.has_header, present)
    features = [j for j in columns if j != label_j]
    if shape.has_header:
        feature_names = [names[j] or f"column {j + 1}" for j in features]
        label_name = names[label_j] or f"column {label_j + 1}"
    else:
        feature_names = [f"x{k + 1}" for k in range(len(features))]
        label_name = "label"
    incomplete = present & np.logical_or.reduce(
        [columns[j].missing for j in [*features, label_j]]
    )
    complete = present & ~incomplete
    for j, name in zip(features, feature_names, strict=True):
        _check_feature(columns[j], name, complete, first_row)
    left_out = np.flatnonzero(incomplete) + first_row
    if not np.any(complete):
        row = int(np.argmax(incomplete))
        j = next(j for j in [*features, label_j] if columns[j].missing[row])
        name = label_name if j == label_j else feature_names[features.index(j)]
        raise ValueError(
            f"Row {row + first_row}, column '{_short(name)}': the value is missing,"
            " as in every row (empty, NA, NaN or ?), so no row is left. Fill in"
            " the missing values, or remove a column that is mostly empty."
        )
    labels, class_names = _labels(table.iloc[complete, label_j])
    _check_name_lengths(
        class_names,
        "label",
        lambda k: f"column '{_short(label_name)}'"
        if k is None
        else f"Row {_first_with(table.iloc[:, label_j], class_names[k]) + first_row},"
        f" column '{_short(label_name)}'",
    )
    _check_name_lengths(feature_names, "column name", lambda k: "the header")
    _check_class_count(class_names, label_name, left_out)
    X = np.stack([columns[j].numbers[complete] for j in features])
    kept = examples_kept(*X.shape)
    rows_in_file = None
    if kept < X.shape[1]:
        rows_in_file = X.shape[1]
        rng = np.random.default_rng(SUBSAMPLE_SEED)
        rows = np.sort(rng.choice(rows_in_file, size=kept, replace=False))
        X, labels = X[:, rows], labels[rows]
    return LabelledData(
        X=X,
        labels=labels,
        class_names=class_names,
        feature_names=tuple(feature_names),
        rows_in_file=rows_in_file,
        label_column=label_name,
        label_from_words=from_words,
        dropped_index_column=dropped,
        header_made=not shape.has_header,
        rows_left_out=int(left_out.size),
        rows_with_missing=tuple(int(r) for r in left_out[:LISTED_ROWS]),
    )


def _first_with(column, name: str) -> int:
    """The first row (0-based) whose label reads ``name``."""
    return int(np.argmax(_as_text(column).to_numpy() == name))
