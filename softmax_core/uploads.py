r"""A user's CSV file turned into training data: X (n×m), labels and class names.

Parsing is pandas' job (its C parser: a million rows take a fraction of a
second); pandas is imported here alone, and only when a file is read, so the
rest of the core needs numpy only. Every problem a file can have becomes a
``ValueError`` whose message says which row, which column and what was
expected, in words a student understands.

Limits, so that one student's file cannot stall the server for the room: a
file of at most ``MAX_BYTES`` (the upload limit of ``.streamlit/config.toml``),
at most ``MAX_FEATURES`` feature columns, and at most ``MAX_EXAMPLES`` rows (and
``MAX_VALUES`` numbers n·m) used for training: a larger file is checked in full,
then a random subsample of its rows is kept, the same one every time.
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

LABEL_COLUMN_NAMES = ("label", "class", "y")
MISSING = ("", "nan", "na", "n/a", "null", "none")
MAX_BYTES = 20 * 1024 * 1024
MAX_FEATURES = 1000
MAX_EXAMPLES = 3000
MAX_VALUES = 300_000
SUBSAMPLE_SEED = 0
# Far beyond any measurement, and small enough that x² and sums over a million
# rows stay finite when the features are standardized.
MAX_MAGNITUDE = 1e100
# C0 and C1 control characters other than tab, newline, carriage return and
# the old end-of-file mark: text files hardly hold them, binary files do.
# A non-ASCII character inside a Latin word: between two letters, or before or
# after two lower-case ones ("école" read as Big5 starts with a Chinese character).
_INSIDE_LATIN_WORD = re.compile(
    r"[A-Za-z][^\x00-\x7f][A-Za-z]|[^\x00-\x7f][a-z]{2}|[a-z]{2}[^\x00-\x7f]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x19\x1b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class LabelledData:
    """Training data read from a file.

    Attributes
    ----------
    X : numpy.ndarray
        n×m features, one example per column.
    labels : numpy.ndarray
        m integers in 0 … C−1.
    class_names : tuple of str
        The label values of the file, in the order of their index.
    feature_names : tuple of str
        The names of the n feature columns.
    rows_in_file : int or None
        The file's number of data rows when only a subsample of m of them is
        kept (see ``MAX_EXAMPLES``); None when every row is used.
    """

    X: np.ndarray
    labels: np.ndarray
    class_names: tuple[str, ...]
    feature_names: tuple[str, ...]
    rows_in_file: int | None = None

    @property
    def num_classes(self) -> int:
        """C, the number of distinct labels."""
        return len(self.class_names)


def _read_bytes(file: str | Path | bytes | IO) -> bytes:
    if isinstance(file, bytes):
        return file
    if isinstance(file, str | Path):
        return Path(file).read_bytes()
    data = file.read()
    return data.encode("utf-8") if isinstance(data, str) else data


def _decode(raw: bytes) -> str:
    """UTF-8 (BOM or not), UTF-16 with its BOM, Big5, else Windows-1252 or Latin-1.

    Big5 (as cp950) is what Excel in Traditional Chinese saves a CSV file
    in. It is taken when the whole file decodes as Big5 and reads as Chinese
    text; a Western file whose accents happen to pair up into Big5 characters
    puts them inside Latin words ("r翾um" for "résumé"), which Chinese text
    does not do.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    text = None
    for encoding in ("utf-8-sig", "cp950", "cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "cp950" or not _INSIDE_LATIN_WORD.search(text):
            break
    head = text[:4096]
    if "\x00" in head or len(_CONTROL.findall(head)) > len(head) // 100:
        raise ValueError(
            "This file is not a text CSV file (it contains binary data). Save it"
            " as CSV (comma-separated values, UTF-8) and upload it again."
        )
    return text


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _header(text: str) -> tuple[str, list[str]]:
    """The separator and the fields of the first line that is not blank.

    The separator is comma, semicolon or tab, whichever the first line holds
    most (comma on a tie). pandas' own guess (``sep=None``) can take a letter
    of a one-column header for the separator ("label" → 'l').
    """
    first = re.compile(r"\S").search(text)
    start = first.start() if first else 0
    end = re.compile(r"[\r\n]").search(text, start)
    first_line = text[start : end.start() if end else len(text)]
    sep = max(",;\t", key=first_line.count)
    fields = next(csv.reader([first_line], delimiter=sep, skipinitialspace=True))
    return sep, fields


def _parse_table(text: str, sep: str, has_header: bool):
    """The table, every value as pandas reads it (numbers or text).

    Where semicolons separate values, commas are decimal marks ("1,5"), as in
    the CSV files of spreadsheets set to most European languages.
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
            decimal="," if sep == ";" else ".",
            low_memory=False,
        )
    except pd.errors.EmptyDataError as err:
        raise ValueError("The file is empty: it has no header and no rows.") from err
    except (pd.errors.ParserError, ValueError, OverflowError, csv.Error) as err:
        raise ValueError(
            f"The file could not be read as a table of comma-separated values ({err})."
        ) from err
    if not table.index.equals(pd.RangeIndex(len(table))):
        # pandas took the extra leading values of every row as the index.
        raise ValueError(
            f"The rows have more values than the header has names ({table.shape[1]})."
            " Give every column a name in the first row."
        )
    if not has_header:
        table.columns = [f"x{k + 1}" for k in range(table.shape[1] - 1)] + ["label"]
    table.columns = [str(c).strip() for c in table.columns]
    return table


def _label_column(columns: list[str]) -> str:
    for name in columns:
        if str(name).strip().lower() in LABEL_COLUMN_NAMES:
            return name
    return columns[-1]


def _as_text(column):
    """A column's values as stripped strings, a missing trailing value as ""."""
    return column.astype(object).where(column.notna(), "").astype(str).str.strip()


def _feature(
    column, name: str, first_row: int, decimal_comma: bool = False
) -> np.ndarray:
    """One feature column as float64, or a ValueError naming its first bad row."""
    import pandas as pd

    if column.dtype.kind in "iuf":
        values = column.to_numpy(dtype=np.float64)
        texts = None
        missing = np.isnan(values)
    else:
        texts = _as_text(column)
        missing = texts.str.lower().isin(MISSING).to_numpy()
    if np.any(missing):
        row = int(np.argmax(missing))
        raise ValueError(
            f"Row {row + first_row}, column '{name}': the value is missing."
            " Every feature needs a number."
        )
    if texts is not None:
        numbers = texts.str.replace(",", ".", regex=False) if decimal_comma else texts
        values = pd.to_numeric(numbers, errors="coerce").to_numpy(dtype=np.float64)
        if np.any(np.isnan(values)):
            row = int(np.argmax(np.isnan(values)))
            raise ValueError(
                f"Row {row + first_row}, column '{name}': '{texts.iloc[row][:40]}' is"
                " not a number. Feature columns must hold numbers only."
            )
    bad = ~np.isfinite(values)
    if np.any(bad):
        row = int(np.argmax(bad))
        shown = values[row] if texts is None else texts.iloc[row][:40]
        raise ValueError(
            f"Row {row + first_row}, column '{name}': '{shown}' is not"
            " a finite number. Feature values must be ordinary numbers."
        )
    huge = np.abs(values) > MAX_MAGNITUDE
    if np.any(huge):
        row = int(np.argmax(huge))
        shown = values[row] if texts is None else texts.iloc[row][:40]
        raise ValueError(
            f"Row {row + first_row}, column '{name}': '{shown}' is too large."
            f" Feature values must lie between -{MAX_MAGNITUDE:g} and"
            f" {MAX_MAGNITUDE:g}."
        )
    return values


def _labels(column, name: str, first_row: int) -> tuple[np.ndarray, tuple[str, ...]]:
    """Labels 0 … C−1 and the class names, numbers sorted by value, else words."""
    import pandas as pd

    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    names = _as_text(pd.Series(uniques))
    missing = (codes < 0) | (names.to_numpy() == "")[np.maximum(codes, 0)]
    if np.any(missing):
        row = int(np.argmax(missing))
        raise ValueError(
            f"Row {row + first_row}, column '{name}': the label is missing."
        )
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


def _check_class_count(class_names: tuple[str, ...], name: str) -> None:
    if len(class_names) < 2:
        raise ValueError(
            f"Column '{name}' has only one class ({class_names[0]!r}); a classifier"
            " needs at least 2 different labels."
        )
    if len(class_names) > MAX_CLASSES:
        raise ValueError(
            f"Column '{name}' has {len(class_names)} different labels; at most"
            f" {MAX_CLASSES} classes are supported."
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
    """Read labelled training data from a CSV file.

    The file has a header row, numeric feature columns and one label column:
    the column named ``label``, ``class`` or ``y`` (any case), else the last.
    Labels may be numbers or words; they are mapped to 0 … C−1 in sorted
    order and their names kept. Commas, semicolons or tabs may separate
    values; UTF-8 (with or without BOM), UTF-16 with a BOM and Windows-1252
    (Latin-1) text are read. Every row is checked; if there are more than
    :func:`examples_kept` rows, a random subsample of that many is kept, the
    same for the same file.

    Parameters
    ----------
    file : path, bytes or file-like
        The uploaded file.

    Returns
    -------
    LabelledData
        X (n×m), labels (m), class names and feature names.

    Raises
    ------
    ValueError
        For an empty or binary file, a file over 20 MB, fewer than one or
        more than 1000 feature columns, a missing or non-numeric value (with
        its row and column), fewer than 2 or more than 10 classes.
    """
    raw = _read_bytes(file)
    if len(raw) > MAX_BYTES:
        raise ValueError(
            f"The file is {len(raw) / 2**20:.1f} MB; files up to"
            f" {MAX_BYTES // 2**20} MB can be used here."
        )
    text = _decode(raw)
    if not re.search(r"\S", text):
        raise ValueError("The file is empty: it has no header and no rows.")
    sep, header = _header(text)
    # Counted before parsing, so a very wide file is refused at once.
    if len(header) - 1 > MAX_FEATURES:
        raise ValueError(
            f"Found {len(header) - 1} feature columns; at most {MAX_FEATURES}"
            " are allowed."
        )
    has_header = not all(_looks_numeric(field) for field in header)
    table = _parse_table(text, sep, has_header)
    columns = list(table.columns)
    if len(columns) < 2:
        raise ValueError(
            f"Found {len(columns)} column; need at least one feature column and one"
            " label column (named 'label', 'class' or 'y', or the last column)."
        )
    if len(table) == 0:
        raise ValueError("The file has a header row but no data rows.")
    first_row = 2 if has_header else 1
    label_name = _label_column(columns)
    labels, class_names = _labels(table[label_name], label_name, first_row)
    feature_names = [c for c in columns if c != label_name]
    X = np.empty((len(feature_names), len(table)))
    for k, name in enumerate(feature_names):
        X[k] = _feature(table[name], name, first_row, decimal_comma=sep == ";")
    _check_class_count(class_names, label_name)
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
    )
