"""Reading a user's CSV file: good files in every accepted form, and every
malformed file turned into a ValueError that says what is wrong and where.

Every file is built in the test, as bytes or in ``tmp_path``.
"""

import io

import numpy as np
import pytest

from softmax_core import read_csv

ANIMALS = b"x1,x2,label\n1.0,2.0,dog\n3,4,cat\n5,6,dog\n7,8.5,bird\n"


def assert_animals(data) -> None:
    """What ANIMALS must read as: names sorted, mapped to 0 … C−1."""
    np.testing.assert_array_equal(data.X, [[1.0, 3.0, 5.0, 7.0], [2.0, 4.0, 6.0, 8.5]])
    assert data.class_names == ("bird", "cat", "dog")
    np.testing.assert_array_equal(data.labels, [2, 1, 2, 0])
    assert data.feature_names == ("x1", "x2")
    assert data.num_classes == 3
    assert data.X.shape == (2, 4)


def read_error(content: bytes) -> str:
    with pytest.raises(ValueError) as info:
        read_csv(content)
    return str(info.value)


# --- Good files --------------------------------------------------------------


def test_word_labels_keep_their_names_and_map_to_0_to_c_minus_1_in_sorted_order():
    assert_animals(read_csv(ANIMALS))


@pytest.mark.parametrize(
    "as_input",
    [
        pytest.param(lambda path: str(path), id="str-path"),
        pytest.param(lambda path: path, id="pathlib-path"),
        pytest.param(lambda path: io.BytesIO(path.read_bytes()), id="binary-file"),
        pytest.param(lambda path: io.StringIO(path.read_text()), id="text-file"),
        pytest.param(lambda path: path.read_bytes(), id="bytes"),
    ],
)
def test_a_file_can_be_given_as_a_path_bytes_or_a_file_object(tmp_path, as_input):
    path = tmp_path / "animals.csv"
    path.write_bytes(ANIMALS)
    assert_animals(read_csv(as_input(path)))


def test_numeric_labels_are_sorted_by_value_and_named_without_a_trailing_0():
    data = read_csv(b"a,b,target\n0,1,10\n1,0,2\n1,1,2.5\n0,0,2\n")
    assert data.class_names == ("2", "2.5", "10")
    np.testing.assert_array_equal(data.labels, [2, 0, 1, 0])
    assert data.feature_names == ("a", "b")


@pytest.mark.parametrize("name", ["label", "Class", "y", " LABEL "])
@pytest.mark.parametrize("position", [0, 1])
def test_a_column_named_label_class_or_y_is_the_label_wherever_it_stands(
    name, position
):
    header = ["f1", "f2"]
    header.insert(position, name)
    rows = [["1", "2"], ["3", "4"], ["5", "6"]]
    labels = ["cat", "dog", "cat"]
    lines = [",".join(header)]
    for row, label in zip(rows, labels, strict=True):
        row = list(row)
        row.insert(position, label)
        lines.append(",".join(row))
    data = read_csv("\n".join(lines).encode())
    assert data.feature_names == ("f1", "f2")
    assert data.class_names == ("cat", "dog")
    np.testing.assert_array_equal(data.labels, [0, 1, 0])
    np.testing.assert_array_equal(data.X, [[1, 3, 5], [2, 4, 6]])


def test_semicolons_may_separate_the_values():
    data = read_csv(b"x1;x2;label\n1.5;2;a\n3;4;b\n")
    np.testing.assert_array_equal(data.X, [[1.5, 3.0], [2.0, 4.0]])
    assert data.class_names == ("a", "b")


def test_spaces_after_the_separators_are_ignored():
    data = read_csv(b"x1, x2, label\n1, 2, a\n3, 4, b\n")
    assert data.feature_names == ("x1", "x2")
    assert data.class_names == ("a", "b")


def test_a_utf8_byte_order_mark_does_not_end_up_in_the_first_column_name():
    data = read_csv("\ufeffx1,x2,label\n1,2,chat\n3,4,chien\n".encode())
    assert data.feature_names == ("x1", "x2")
    assert data.class_names == ("chat", "chien")


def test_windows_1252_text_is_read():
    data = read_csv("x,label\n1,café\n2,thé\n".encode("cp1252"))
    assert data.class_names == ("café", "thé")


def test_a_file_without_a_header_row_reads_every_line_as_data():
    data = read_csv(b"1,2,0\n3,4,1\n5,6,0\n")
    np.testing.assert_array_equal(data.X, [[1, 3, 5], [2, 4, 6]])
    np.testing.assert_array_equal(data.labels, [0, 1, 0])
    assert data.class_names == ("0", "1")
    assert data.feature_names == ("x1", "x2")


# --- Malformed files -----------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"\n\n", b"   \r\n"])
def test_an_empty_file_is_reported_as_empty(content):
    assert "empty" in read_error(content)


def test_a_file_with_only_a_header_says_it_has_no_data_rows():
    assert "no data rows" in read_error(b"x1,x2,label\n")


@pytest.mark.parametrize("content", [b"x\n1\n2\n", b"label\n1\n2\n", b"1\n2\n3\n"])
def test_a_file_with_one_column_asks_for_a_feature_and_a_label_column(content):
    # "label" once read as columns split at its letter 'l' (pandas' sniffing).
    message = read_error(content)
    assert "Found 1 column" in message
    assert "feature column" in message and "label column" in message


def test_a_word_in_a_feature_column_is_named_with_its_row_and_column():
    message = read_error(b"x1,x2,label\n1,2,a\n3,4,b\n5,zz,a\n")
    assert "Row 4" in message
    assert "column 'x2'" in message
    assert "'zz' is not a number" in message


def test_rows_are_counted_from_the_first_line_in_a_file_without_a_header():
    message = read_error(b"1,2,0\n3,4,1\n5,x,0\n")
    assert "Row 3" in message
    assert "column 'x2'" in message
    assert "'x' is not a number" in message


# Two complete rows of classes a and b follow every file here.
COMPLETE = b"7,8,a\n9,10,b\n"


@pytest.mark.parametrize(
    "content, row",
    [
        (b"x1,x2,label\n1,2,a\n3,,b\n", 3),
        (b"x1,x2,label\n1,2,a\n, 4,b\n", 3),
        (b"x1,x2,label\n1,NA,a\n3,4,b\n", 2),
        (b"x1,x2,label\n1,2,a\n3,4\n", 3),
        (b"x1,x2,label\n1,2,a\n3,4,b\n5\n", 4),
        (b"x1,x2,label\n1,2,a\n3,4,\n", 3),
        (b"x1,x2,label\n1,2,a\n3,?,b\n", 3),
    ],
    ids=[
        "empty-feature", "empty-first-feature", "NA", "short-row", "shorter-row",
        "empty-label", "question-mark",
    ],
)
def test_a_row_with_a_missing_value_is_left_out_and_named_by_its_row(content, row):
    data = read_csv(content + COMPLETE)
    assert data.rows_with_missing == (row,)
    assert data.rows_left_out == 1
    assert data.X.shape[1] == content.count(b"\n") - 2 + 2
    assert np.all(np.isfinite(data.X))


@pytest.mark.parametrize("value", ["inf", "-inf", "Infinity", "1e999"])
def test_an_infinite_value_is_named_with_its_row_and_column(value):
    message = read_error(f"x1,x2,label\n1,2,a\n3,{value},b\n".encode())
    assert "Row 3, column 'x2'" in message
    assert "not a finite number" in message


@pytest.mark.parametrize("value", ["nan", "NaN"])
def test_a_nan_value_is_taken_as_missing_and_its_row_left_out(value):
    data = read_csv(f"x1,x2,label\n{value},2,a\n3,4,b\n5,6,a\n".encode())
    assert data.rows_with_missing == (2,)
    np.testing.assert_array_equal(data.X, [[3, 5], [4, 6]])


def test_a_single_class_is_refused_because_a_classifier_needs_two():
    message = read_error(b"x1,label\n1,cat\n2,cat\n3,cat\n")
    assert "only one class" in message
    assert "'cat'" in message
    assert "at least 2" in message


@pytest.mark.parametrize("C", [11, 15])
def test_more_than_10_classes_are_refused_with_their_count(C):
    rows = "".join(f"{k},{k}\n" for k in range(C))
    message = read_error(f"x,label\n{rows}".encode())
    assert f"{C} different labels" in message
    assert "at most 10" in message


def test_exactly_10_classes_are_accepted():
    rows = "".join(f"{k},class{k}\n" for k in range(10))
    assert read_csv(f"x,label\n{rows}".encode()).num_classes == 10


@pytest.mark.parametrize(
    "content",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"PK\x03\x04\x14\x00\x00\x00\x08\x00"],
    ids=["png", "zip-or-xlsx"],
)
def test_binary_content_is_refused_as_not_a_text_csv_file(content):
    assert "not a text CSV file" in read_error(content)


def test_a_row_with_too_many_values_is_refused_with_its_line():
    message = read_error(b"x1,x2,label\n1,2,a\n3,4,b,5\n")
    assert "could not be read as a table" in message
    assert "line 3" in message


@pytest.mark.parametrize(
    "text",
    [
        "x1,x2,類別\n1,2,貓\n3,4,狗\n5,6,小雞\n",
        "特徵一,特徵二,標籤\n1.5,2,其他\n3,4,貓\n",
    ],
)
def test_a_big5_file_from_excel_keeps_its_chinese_names(text):
    data = read_csv(text.encode("big5"))
    chinese = read_csv(text.encode("utf-8"))
    assert data.class_names == chinese.class_names
    assert data.feature_names == chinese.feature_names
    np.testing.assert_array_equal(data.X, chinese.X)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_western_accents_are_not_taken_for_big5(encoding):
    names = ("école", "résumé", "crème brûlée", "Müller", "naïve", "señor", "Ångström")
    text = "x,label\n" + "".join(f"{k},{name}\n" for k, name in enumerate(names))
    assert set(read_csv(text.encode(encoding)).class_names) == set(names)
