"""The training page's upload: files as people have them, each thing the reader
did said in one line (in both languages), and every refusal shown as a message
with the rest of the page drawn."""


import numpy as np
import pytest
from sklearn.datasets import load_iris

from softmax_ui.locales.zh_tw import STRINGS as ZH
from softmax_ui.text import plain

from .apptest_helpers import EN, assert_no_exception, open_page, set_widget

SPECIES = np.array(["setosa", "versicolor", "virginica"])


def iris_frame():
    iris = load_iris(as_frame=True)
    frame = iris.data.copy()
    frame.columns = ["sepal length", "sepal width", "petal length", "petal width"]
    frame["species"] = SPECIES[iris.target]
    return frame


def upload(at, name: str, content: bytes, mime: str = "text/csv"):
    at.get_by_key("training_upload").set_value((name, content, mime))
    at.run()
    assert_no_exception(at)
    return at


def upload_page(lang: str | None = None):
    at = open_page("training", {"lang": lang} if lang else None)
    return set_widget(at, "training_dataset", "upload")


def captions(at) -> list[str]:
    return [c.value for c in at.caption]


@pytest.mark.parametrize(
    "name, mime",
    [("iris.tsv", "text/tab-separated-values"), ("iris.txt", "text/plain")],
)
def test_tab_separated_tsv_and_txt_files_are_accepted_by_the_uploader(name, mime):
    content = iris_frame().to_csv(sep="\t", index=False).encode()
    at = upload(upload_page(), name, content, mime)
    assert not at.error
    assert len(at.metric) == 3
    assert EN["training.upload_read"].format(m=150, n=4, C=3) in captions(at)


def iris_with_everything() -> bytes:
    """pandas' to_csv of iris: its index first, the species first, two holes."""
    frame = iris_frame()[["species", *iris_frame().columns[:4]]].astype(object)
    frame.iat[4, 1] = "NA"
    frame.iat[9, 2] = "?"
    return frame.to_csv().encode()


@pytest.mark.parametrize("lang, strings", [("en", EN), ("zh-TW", ZH)])
def test_each_thing_the_reader_did_is_said_in_one_line(lang, strings):
    at = upload(upload_page(lang), "iris.csv", iris_with_everything())
    assert not at.error
    shown = captions(at)
    assert strings["training.upload_index_unnamed"] in shown
    label = strings["training.upload_label_column"].format(name="species")
    assert label in shown
    missing = strings["training.upload_missing"].format(rows="6, 11", count=2)
    assert missing in shown
    assert strings["training.upload_read"].format(m=148, n=4, C=3) in shown


def test_a_file_without_a_header_says_how_its_columns_are_named():
    frame = iris_frame()
    frame["species"] = "Iris-" + frame["species"]
    content = frame.to_csv(index=False, header=False).encode()
    at = upload(upload_page(), "iris.txt", content, "text/plain")
    assert not at.error
    assert EN["training.upload_header_made"].format(n=4) in captions(at)


def test_a_named_index_column_is_named_as_typed_in_its_line():
    frame = iris_frame()
    frame.insert(0, "Id", range(1, 151))
    at = upload(upload_page(), "Iris.csv", frame.to_csv(index=False).encode())
    assert EN["training.upload_index_dropped"].format(name="Id") in captions(at)


def test_a_label_column_named_with_markup_is_named_as_typed():
    content = b"# heading <https://e.io>,x\na,1\nb,2\na,3\n"
    at = upload(upload_page(), "markup.csv", content)
    [line] = [c for c in captions(at) if "words" in c]
    assert "<https" not in line and "# heading" not in line
    expected = EN["training.upload_label_column"].format(
        name="# heading <https://e.io>"
    )
    assert plain(line) == expected


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"x" * 131_073 + b",label\n1,a\n2,b\n", id="long-header"),
        pytest.param(b"x,label\n1," + b"a" * 131_073 + b"\n2,b\n", id="long-label"),
    ],
)
def test_a_field_too_long_for_the_csv_module_is_a_message_and_the_page_is_drawn(
    content,
):
    at = upload(upload_page(), "long.csv", content)
    [error] = [e.value for e in at.error]
    prefix = EN["training.upload_error"].split("{message}")[0]
    assert error.startswith(prefix) and "longer than" in error
    assert len(error) < 500
    # The rest of the page, the link control too, is drawn.
    assert at.get_by_key("classroom_hide") is not None
    assert at.get_by_key("training_iterations") is not None
