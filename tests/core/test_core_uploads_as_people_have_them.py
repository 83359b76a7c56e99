"""CSV and text files as people have them: written by pandas, R, Excel in
Traditional Chinese, Kaggle and UCI, with index columns, no header, missing
values, the label column first, an Excel separator hint; and files whose names
or values are far too long.

Every file is built here, from scikit-learn's bundled iris and wine data or as
the bytes those programs write.
"""

import numpy as np
import pytest
from sklearn.datasets import load_iris, load_wine

from softmax_core import read_csv
from softmax_core.uploads import MAX_NAME_CHARS, SHOWN_NAME_CHARS

IRIS_FEATURES = ("sepal length", "sepal width", "petal length", "petal width")
SPECIES = ("setosa", "versicolor", "virginica")


def iris_frame():
    """Iris as a student has it: four measurements and a word label, sorted by class."""
    iris = load_iris(as_frame=True)
    frame = iris.data.copy()
    frame.columns = list(IRIS_FEATURES)
    frame["species"] = np.array(SPECIES)[iris.target]
    return frame


def read_error(content: bytes) -> str:
    with pytest.raises(ValueError) as info:
        read_csv(content)
    return str(info.value)


def assert_iris(data) -> None:
    assert data.feature_names == IRIS_FEATURES
    assert data.class_names == SPECIES
    np.testing.assert_allclose(data.X, iris_frame()[list(IRIS_FEATURES)].T)
    np.testing.assert_array_equal(data.labels, load_iris().target)


# --- Index columns ---------------------------------------------------------------


def r_write_csv(frame, encoding: str = "utf-8") -> bytes:
    """As R's ``write.csv``: every name and word quoted, row names 1 … m first."""
    lines = [",".join(['""'] + [f'"{c}"' for c in frame.columns])]
    for k, row in enumerate(frame.itertuples(index=False), start=1):
        cells = [f'"{k}"'] + [
            f'"{v}"' if isinstance(v, str) else repr(float(v)) for v in row
        ]
        lines.append(",".join(cells))
    return ("\n".join(lines) + "\n").encode(encoding)


def kaggle_iris() -> bytes:
    """As Kaggle's Iris.csv: an Id column 1 … 150, then the measurements."""
    frame = iris_frame()
    frame.insert(0, "Id", range(1, len(frame) + 1))
    return frame.to_csv(index=False).encode()


@pytest.mark.parametrize(
    "content, dropped",
    [
        pytest.param(iris_frame().to_csv().encode(), "", id="pandas-to_csv"),
        pytest.param(r_write_csv(iris_frame()), "", id="R-write.csv"),
        pytest.param(kaggle_iris(), "Id", id="kaggle-Id"),
        pytest.param(
            iris_frame().rename_axis("INDEX").to_csv().encode(), "INDEX", id="index"
        ),
    ],
)
def test_a_first_column_that_numbers_the_rows_is_left_out_and_named(content, dropped):
    data = read_csv(content)
    assert_iris(data)
    assert data.dropped_index_column == dropped


def test_an_index_column_no_longer_makes_class_sorted_data_look_separable():
    # The first column 0 … 149 alone told the classes apart: 100 % that is not real.
    data = read_csv(iris_frame().to_csv().encode())
    assert "Unnamed: 0" not in data.feature_names and "" not in data.feature_names
    assert data.X.shape == (4, 150)


@pytest.mark.parametrize(
    "first",
    [
        pytest.param([3, 1, 2, 4, 5, 6], id="ids-out-of-order"),
        pytest.param([1, 2, 3, 4, 5, 7], id="a-gap"),
        pytest.param([1.5, 2, 3, 4, 5, 6], id="not-whole-numbers"),
    ],
)
def test_a_first_column_named_id_that_does_not_count_the_rows_is_a_feature(first):
    rows = [f"{v},{k % 3},{'ab'[k % 2]}" for k, v in enumerate(first)]
    data = read_csv(("id,x,label\n" + "\n".join(rows) + "\n").encode())
    assert data.feature_names == ("id", "x")
    assert data.dropped_index_column is None


def test_a_counting_column_with_a_name_of_its_own_is_a_feature():
    data = read_csv(b"step,x,label\n1,5,a\n2,3,b\n3,4,a\n")
    assert data.feature_names == ("step", "x")
    assert data.dropped_index_column is None


# --- Big5 from Excel and R in Traditional Chinese -----------------------------------

BODY = [
    ("160", "50", "女"), ("175", "68", "男"), ("158", "47", "女"), ("181", "80", "男")
]


def excel_zh_tw() -> bytes:
    """As Excel in Traditional Chinese saves "CSV": Big5, CRLF, Latin units after
    Chinese characters in the header."""
    lines = ["身高cm,體重kg,性別"] + [",".join(row) for row in BODY]
    return ("\r\n".join(lines) + "\r\n").encode("cp950")


def r_big5() -> bytes:
    """As R's ``write.csv(fileEncoding = "big5")``: quoted, with row names."""
    lines = ['"","身高cm","體重kg","性別"']
    lines += [f'"{k}",{h},{w},"{s}"' for k, (h, w, s) in enumerate(BODY, start=1)]
    return ("\n".join(lines) + "\n").encode("big5")


@pytest.mark.parametrize("content", [excel_zh_tw(), r_big5()], ids=["excel", "R"])
def test_big5_with_latin_units_after_chinese_characters_is_read_as_big5(content):
    data = read_csv(content)
    assert data.feature_names == ("身高cm", "體重kg")
    assert data.class_names == ("女", "男")
    np.testing.assert_array_equal(data.X, [[160, 175, 158, 181], [50, 68, 47, 80]])


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
@pytest.mark.parametrize(
    "header, names",
    [
        # Accents and symbols before an ASCII letter pair up into valid Big5.
        ("Temperatur (°C),Ärger", ("Åsa", "Ärlig", "Ødegård")),
        ("x,Größe", ("Élan", "Àvila", "Ästhetik")),
        ("µm,label", ("Ålesund", "Århus", "Æble")),
    ],
)
def test_western_files_that_also_decode_as_big5_stay_western(header, names, encoding):
    rows = [f"{k},{name}" for k, name in enumerate(names)]
    content = (header + "\n" + "\n".join(rows) + "\n").encode(encoding)
    data = read_csv(content)
    assert set(data.class_names) == set(names)
    assert data.feature_names == (header.split(",")[0],)


def test_big5_chinese_labels_under_an_english_header_are_read_as_big5():
    # 女 and 男 have second bytes in the ASCII range: read as Latin-1, "¤k", "¨k".
    rows = "".join(f"{h},{w},{s}\n" for h, w, s in BODY)
    data = read_csv(("height,weight,sex\n" + rows).encode("big5"))
    assert data.class_names == ("女", "男")


# --- No header row ---------------------------------------------------------------


def uci_iris_data() -> bytes:
    """As UCI's iris.data: numbers, then Iris-setosa etc., no header, a blank end."""
    frame = iris_frame()
    frame["species"] = "Iris-" + frame["species"]
    return frame.to_csv(index=False, header=False).encode() + b"\n"


def test_a_first_row_of_data_is_data_and_the_columns_are_named_x1_to_xn():
    data = read_csv(uci_iris_data())
    assert data.header_made
    assert data.feature_names == ("x1", "x2", "x3", "x4")
    assert data.class_names == tuple(f"Iris-{s}" for s in SPECIES)
    assert data.X.shape == (4, 150)
    np.testing.assert_allclose(data.X[:, 0], [5.1, 3.5, 1.4, 0.2])


def test_a_header_row_is_not_taken_for_data():
    data = read_csv(iris_frame().to_csv(index=False).encode())
    assert not data.header_made
    assert_iris(data)


def test_a_headerless_file_with_a_missing_value_in_its_first_row_keeps_that_row_out():
    content = b"5.1,,1.4,a\n4.9,3.0,1.4,b\n4.7,3.2,1.3,a\n4.6,3.1,1.5,b\n"
    data = read_csv(content)
    assert data.header_made
    assert data.X.shape == (3, 3)
    assert data.rows_with_missing == (1,)


# --- Missing values ----------------------------------------------------------------


def iris_with_holes() -> tuple[bytes, list[int]]:
    """Iris with NA, NaN, ?, and empty cells; the file rows that hold them."""
    frame = iris_frame().astype(object)
    holes = {3: "NA", 10: "NaN", 57: "?", 99: "", 140: "nan"}
    for k, (row, marker) in enumerate(holes.items()):
        frame.iat[row, k % 4] = marker
    frame.iat[120, 4] = ""  # a missing label
    content = frame.to_csv(index=False).encode()
    return content, sorted(row + 2 for row in [*holes, 120])


def test_rows_with_missing_values_are_left_out_and_listed_by_file_row():
    content, rows = iris_with_holes()
    data = read_csv(content)
    assert data.X.shape == (4, 150 - len(rows))
    assert data.rows_left_out == len(rows)
    assert data.rows_with_missing == tuple(rows[: len(data.rows_with_missing)])
    assert 3 <= len(data.rows_with_missing) <= len(rows)
    assert data.class_names == SPECIES
    assert np.all(np.isfinite(data.X))


def test_row_numbers_of_missing_values_count_blank_lines_and_a_separator_hint():
    content = b"sep=,\nx,label\n1,a\n\n2,b\n?,a\n3,b\n"
    data = read_csv(content)
    assert data.rows_with_missing == (6,)
    np.testing.assert_array_equal(data.X, [[1, 2, 3]])


def test_a_file_whose_every_row_misses_a_value_is_refused_with_rows_and_columns():
    message = read_error(b"x1,x2,label\n1,,a\n,4,b\n5,NA,a\n")
    assert "missing" in message
    assert "Row 2, column 'x2'" in message


def test_a_file_left_with_one_class_once_incomplete_rows_are_out_says_why():
    message = read_error(b"x,label\n1,a\n2,a\n?,b\n3,a\n")
    assert "only one class" in message
    assert "row 4" in message and "missing" in message


# --- The label column, wherever it stands ------------------------------------------


@pytest.mark.parametrize("position", [0, 2, 4])
def test_the_one_column_of_words_is_the_label_wherever_it_stands(position):
    frame = iris_frame()
    columns = list(IRIS_FEATURES)
    columns.insert(position, "species")
    data = read_csv(frame[columns].to_csv(index=False).encode())
    assert_iris(data)
    assert data.label_column == "species"


def test_wine_with_its_class_first_as_words_is_read():
    wine = load_wine(as_frame=True)
    frame = wine.data.copy()
    cultivars = np.array(["Barolo", "Grignolino", "Barbera"])
    frame.insert(0, "cultivar", cultivars[wine.target])
    data = read_csv(frame.to_csv(index=False).encode())
    assert data.label_column == "cultivar"
    assert data.X.shape == (13, 178)
    assert data.class_names == ("Barbera", "Barolo", "Grignolino")


def test_a_word_in_a_numeric_column_is_still_reported_when_two_columns_hold_words():
    message = read_error(b"x1,x2,label\n1,2,a\n3,4,b\n5,zz,a\n")
    assert "Row 4, column 'x2'" in message
    assert "'zz' is not a number" in message
    # What to change: the value, or the column's name if it holds the labels.
    assert "label" in message.split("not a number")[1]


# --- Messages and the separator hint ---------------------------------------------


@pytest.mark.parametrize("sep", [";", ",", "\t", "|"])
def test_an_excel_separator_hint_on_the_first_line_is_followed(sep):
    content = f"sep={sep}\nx1{sep}x2{sep}label\n1{sep}2{sep}a\n3{sep}4{sep}b\n"
    data = read_csv(content.encode())
    assert data.feature_names == ("x1", "x2")
    np.testing.assert_array_equal(data.X, [[1, 3], [2, 4]])


def test_an_excel_separator_hint_counts_as_a_line_in_row_numbers():
    message = read_error(b"sep=;\nx;label\n1;a\nzz;b\nyy;a\n")
    assert "Row 4, column 'x'" in message


@pytest.mark.parametrize(
    "content, row_and_column, expected",
    [
        (b"x,label\n1,a\ninf,b\n", "Row 3, column 'x'", "finite"),
        (b"x,label\n1,a\n1e300,b\n", "Row 3, column 'x'", "between"),
        (b"x,label\n1,a\n2,a\n", "column 'label'", "2 different"),
        (b"x1,x2,label\n1,2,a\n3,4,b,5\n", "line 3", "values"),
    ],
)
def test_refusals_name_the_row_and_column_what_was_expected_and_what_to_change(
    content, row_and_column, expected
):
    message = read_error(content)
    assert row_and_column.lower() in message.lower()
    assert expected in message
    assert any(
        verb in message for verb in ("Correct", "Remove", "Give", "Add", "Shorten")
    )


# --- Long fields and names ---------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"x" * 131_073 + b",label\n1,a\n2,b\n", id="header"),
        pytest.param(b"x,label\n1," + b"a" * 131_073 + b"\n2,b\n", id="label"),
        pytest.param(b'x,label\n1,"' + b"a" * 200_000 + b'"\n2,b\n', id="quoted"),
        pytest.param(b"label,x\n" + b"ab" * 70_000 + b",1\nb,2\n", id="first"),
    ],
)
def test_a_field_longer_than_the_csv_limit_is_refused_with_a_value_error(content):
    message = read_error(content)
    assert "longer than" in message
    assert len(message) < 400


def test_a_label_of_9_megabytes_is_refused_and_quoted_only_in_part():
    label = "L" * 9_000_000
    message = read_error(f"x,label\n1,{label}\n2,{label}\n".encode())
    assert len(message) < 400
    assert "label" in message


def test_two_distinct_labels_of_9_megabytes_are_refused():
    content = f"x,label\n1,{'a' * 9_000_000}\n2,{'b' * 9_000_000}\n".encode()
    assert "longer than" in read_error(content)


def test_names_up_to_the_limit_are_kept_whole_for_the_page_to_shorten():
    long = "n" * MAX_NAME_CHARS
    data = read_csv(f"{long},label\n1,a\n2,{long}\n".encode())
    assert data.feature_names == (long,)
    assert long in data.class_names


def test_names_that_become_equal_once_shortened_are_refused():
    stem = "w" * SHOWN_NAME_CHARS
    message = read_error(f"x,label\n1,{stem}one\n2,{stem}two\n".encode())
    assert f"first {SHOWN_NAME_CHARS}" in message
    assert len(message) < 400
