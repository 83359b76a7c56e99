r"""A user's CSV file turned into training data: X (n×m), labels and class names.

Parsing is pandas' job; pandas is imported here alone, and only when a file
is read, so the rest of the core needs numpy only. Every problem a file can
have becomes a ``ValueError`` whose message says which row, which column and
what was expected, in words a student understands.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np

from .datasets import MAX_CLASSES

LABEL_COLUMN_NAMES = ("label", "class", "y")
MAX_BYTES = 20 * 1024 * 1024
MAX_FEATURES = 1000


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
    """

    X: np.ndarray
    labels: np.ndarray
    class_names: tuple[str, ...]
    feature_names: tuple[str, ...]

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
    if b"\x00" in raw[:4096]:
        raise ValueError(
            "This file is not a text CSV file (it contains binary data). Save it"
            " as CSV (comma-separated values) and upload it again."
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _separator(text: str) -> str:
    """Comma, semicolon or tab: whichever the first line holds most (comma on a tie).

    pandas' own guess (``sep=None``) can take a letter of a one-column header
    for the separator ("label" → 'l'), so only these three are considered.
    """
    first_line = text.lstrip().split("\n", 1)[0]
    return max(",;\t", key=first_line.count)


def _parse_table(text: str):
    """The table of strings, and the file's line number of its first data row."""
    import pandas as pd

    sep = _separator(text)
    try:
        table = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            engine="python",
            skipinitialspace=True,
            dtype=str,
            keep_default_na=False,
        )
    except pd.errors.EmptyDataError as err:
        raise ValueError("The file is empty: it has no header and no rows.") from err
    except (pd.errors.ParserError, csv_error()) as err:
        raise ValueError(
            f"The file could not be read as a table of comma-separated values ({err})."
        ) from err
    first_row = 2
    if table.columns.size and all(_looks_numeric(str(c)) for c in table.columns):
        # No header row: the first line is data.
        table = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            engine="python",
            skipinitialspace=True,
            dtype=str,
            keep_default_na=False,
            header=None,
        )
        table.columns = [f"x{k + 1}" for k in range(table.shape[1] - 1)] + ["label"]
        first_row = 1
    # A row with fewer values than the header leaves NaN, not "": both are missing.
    return table.fillna(""), first_row


def csv_error() -> type[Exception]:
    """The csv module's parse error, which pandas' python engine lets through."""
    import csv

    return csv.Error


def _label_column(columns: list[str]) -> str:
    for name in columns:
        if str(name).strip().lower() in LABEL_COLUMN_NAMES:
            return name
    return columns[-1]


def _features(table, names: list[str], first_row: int) -> np.ndarray:
    X = np.empty((len(names), len(table)))
    for k, name in enumerate(names):
        column = table[name].astype(str).str.strip()
        for row, text in enumerate(column):
            if text == "" or text.lower() in ("nan", "na", "n/a", "null", "none"):
                raise ValueError(
                    f"Row {row + first_row}, column '{name}': the value is missing."
                    " Every feature needs a number."
                )
        values = np.full(len(column), np.nan)
        try:
            values = column.astype(float).to_numpy()
        except ValueError:
            for row, text in enumerate(column):
                if not _looks_numeric(text):
                    raise ValueError(
                        f"Row {row + first_row}, column '{name}': '{text[:40]}' is"
                        " not a number. Feature columns must hold numbers only."
                    ) from None
        bad = ~np.isfinite(values)
        if np.any(bad):
            row = int(np.argmax(bad))
            raise ValueError(
                f"Row {row + first_row}, column '{name}': '{column.iloc[row]}' is not"
                " a finite number. Feature values must be ordinary numbers."
            )
        X[k] = values
    return X


def read_csv(file: str | Path | bytes | IO) -> LabelledData:
    """Read labelled training data from a CSV file.

    The file has a header row, numeric feature columns and one label column:
    the column named ``label``, ``class`` or ``y`` (any case), else the last.
    Labels may be numbers or words; they are mapped to 0 … C−1 in sorted
    order and their names kept. Commas or semicolons may separate values;
    UTF-8 (with or without BOM) and Windows-1252 text are read.

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
        For an empty or binary file, a file over 20 MB, fewer than one
        feature column, a missing or non-numeric value (with its row and
        column), fewer than 2 or more than 10 classes.
    """
    raw = _read_bytes(file)
    if len(raw) > MAX_BYTES:
        raise ValueError(
            f"The file is {len(raw) / 1e6:.1f} MB; files up to {MAX_BYTES // 2**20} MB"
            " can be used here."
        )
    text = _decode(raw)
    if not text.strip():
        raise ValueError("The file is empty: it has no header and no rows.")
    table, first_row = _parse_table(text)
    columns = [str(c) for c in table.columns]
    table.columns = columns
    if len(columns) < 2:
        raise ValueError(
            f"Found {len(columns)} column; need at least one feature column and one"
            " label column (named 'label', 'class' or 'y', or the last column)."
        )
    if len(columns) - 1 > MAX_FEATURES:
        raise ValueError(
            f"Found {len(columns) - 1} feature columns; at most {MAX_FEATURES}"
            " are allowed."
        )
    if len(table) == 0:
        raise ValueError("The file has a header row but no data rows.")
    label_name = _label_column(columns)
    feature_names = [c for c in columns if c != label_name]
    raw_labels = table[label_name].astype(str).str.strip()
    empty = (raw_labels == "").to_numpy()
    if np.any(empty):
        row = int(np.argmax(empty))
        raise ValueError(
            f"Row {row + first_row}, column '{label_name}': the label is missing."
        )
    X = _features(table, feature_names, first_row)
    return _with_labels(X, raw_labels.to_numpy(), label_name, feature_names)


def _with_labels(
    X: np.ndarray, raw_labels: np.ndarray, label_name: str, feature_names: list[str]
) -> LabelledData:
    values = raw_labels
    if all(_looks_numeric(v) for v in values):
        numbers = values.astype(float)
        # Sort numeric labels by value and print whole numbers without ".0".
        names_sorted, labels = np.unique(numbers, return_inverse=True)
        class_names = tuple(
            str(int(v)) if float(v).is_integer() else str(v) for v in names_sorted
        )
    else:
        names_sorted, labels = np.unique(values, return_inverse=True)
        class_names = tuple(str(v) for v in names_sorted)
    num_classes = len(class_names)
    if num_classes < 2:
        raise ValueError(
            f"Column '{label_name}' has only one class ({class_names[0]!r});"
            " a classifier"
            " needs at least 2 different labels."
        )
    if num_classes > MAX_CLASSES:
        raise ValueError(
            f"Column '{label_name}' has {num_classes} different labels; at most"
            f" {MAX_CLASSES} classes are supported."
        )
    return LabelledData(
        X=X,
        labels=labels.astype(np.int64),
        class_names=class_names,
        feature_names=tuple(feature_names),
    )
