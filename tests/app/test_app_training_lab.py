"""The live lab on the training page and lecture step 10 (Streamlit AppTest).

The lab is a custom component: these tests read the data Python gives it (the
snapshots of W and b, J and the accuracies) and check them against a training
run of the core, and that points by hand travel in the link
(``?training_points=``) and back.
"""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from softmax_core import make_blobs, train
from softmax_ui import hand_points, runs
from softmax_ui.locales.en import STRINGS as EN

from .apptest_helpers import (
    APP,
    TIMEOUT,
    assert_no_exception,
    open_page,
    set_widget,
)


def lab_data(at, key: str = "training_lab") -> dict:
    """The data the lab was given by this run."""
    labs = [c for c in at.get("bidi_component") if c.proto.id.endswith(f"-{key}")]
    assert len(labs) == 1, "expected one lab"
    return json.loads(labs[0].proto.json)[0]


def floats(typed: dict) -> np.ndarray:
    assert typed["dtype"] == "f4"
    return np.frombuffer(base64.b64decode(typed["bdata"]), dtype="<f4")


def link_points(at) -> str | None:
    """The value of ``training_points`` in the page's link, None without one."""
    value = at.query_params.get("training_points")
    return value[0] if isinstance(value, list) else value


def captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def test_the_lab_gets_every_snapshot_of_the_default_run_and_its_costs():
    at = open_page("training")
    data = lab_data(at)
    run = data["run"]
    X, labels = make_blobs(300, 4, seed=0)
    history = train(X, labels, 4, learning_rate=0.05, iterations=300)
    assert run["snapshots"] == list(range(301))  # every iteration: 12 numbers each
    params = floats(run["params"])
    assert params.size == 301 * 12
    np.testing.assert_allclose(floats(run["costs"]), history.costs, rtol=1e-6)
    np.testing.assert_allclose(floats(run["accuracies"]), history.accuracies)
    # The last snapshot is the run's W and b (W1 row by row, then b1).
    last = params[-12:]
    trained = np.concatenate([history.params.W1.ravel(), history.params.b1.ravel()])
    np.testing.assert_allclose(last, trained, rtol=1e-5, atol=1e-7)
    assert run["test_costs"] is None
    assert data["editable"] and not data["hand"] and not data["compact"]
    assert data["labels"]["iteration_of"] == EN["lab.iteration_of"]
    assert len(data["hand_start"]) == 300


def test_a_large_run_fits_the_budget_with_its_first_and_last_iterations():
    at = open_page(
        "training",
        {"training_C": "10", "training_m": "3000", "training_hidden_units": "64",
         "training_iterations": "1000", "training_test_share": "20"},
    )  # fmt: skip
    run = lab_data(at)["run"]
    per = 64 * 3 + 10 * 65
    params = floats(run["params"])
    assert params.size == len(run["snapshots"]) * per
    assert params.size <= runs.LAB_VALUES
    assert run["snapshots"][0] == 0 and run["snapshots"][-1] == 1000
    assert len(run["snapshots"]) >= 100
    assert floats(run["test_costs"]).size == 1001
    # The data set's 3000 points start the editing cut to the 500 a link holds.
    assert len(lab_data(at)["hand_start"]) == hand_points.MAX_POINTS


def test_points_in_the_link_are_trained_on_and_stay_in_the_link():
    text = "0.100.100_1.-100.-100_1.-120.-90"
    at = open_page("training", {"training_points": text})
    data = lab_data(at)
    assert data["hand"]
    assert data["train"]["labels"] == [0, 1, 1]
    assert link_points(at) == text
    assert EN["lab.hand_active"].format(m=3) in captions(at)
    # The run is the core's on those three points.
    X = np.array([[1.0, -1.0, -1.2], [1.0, -1.0, -0.9]])
    history = train(X, [0, 1, 1], 4, learning_rate=0.05, iterations=300)
    np.testing.assert_allclose(floats(data["run"]["costs"]), history.costs, rtol=1e-5)


def test_malformed_points_are_named_and_the_rest_kept():
    at = open_page("training", {"training_points": "0.1.1_cat_2.5.5_1.999999999.0"})
    data = lab_data(at)
    assert data["train"]["labels"] == [0, 2]
    assert "cat" in captions(at)
    assert link_points(at) == "0.1.1_2.5.5"  # the link keeps what was taken


def test_an_empty_plane_has_no_run_and_no_error():
    at = open_page("training", {"training_points": "none"})
    data = lab_data(at)
    assert data["run"] is None
    assert data["hand"] and data["editable"]
    assert not [c for c in at.get("plotly_chart") if c.key == "training_confusion"]


@pytest.mark.parametrize("share", ["0", "50"])
def test_one_point_of_one_class_trains_without_error(share):
    at = open_page(
        "training", {"training_points": "3.0.0", "training_test_share": share}
    )
    data = lab_data(at)
    assert data["train"]["labels"] == [3]
    assert data["test"] is None
    assert EN["lab.hand_one_class"] in captions(at)


def test_points_of_a_class_beyond_c_are_left_out_and_said_so():
    at = open_page("training", {"training_points": "7.0.0_0.100.100_1.0.100"})
    assert lab_data(at)["train"]["labels"] == [0, 1]
    assert EN["lab.hand_beyond_c"].format(count=1, C=4) in captions(at)
    at = set_widget(at, "training_C", 8)
    assert lab_data(at)["train"]["labels"] == [7, 0, 1]


def test_points_set_in_the_session_are_written_to_the_link_and_removed():
    at = open_page("training")
    assert link_points(at) is None
    at.session_state["training_points"] = "1.0.0_2.50.50"
    at.run()
    assert_no_exception(at)
    assert link_points(at) == "1.0.0_2.50.50"
    assert lab_data(at)["train"]["labels"] == [1, 2]
    at.session_state["training_points"] = None  # back to the data set
    at.run()
    assert link_points(at) is None
    assert len(lab_data(at)["train"]["labels"]) == 300


def test_lecture_step_10_plays_the_training_page_run_in_a_compact_lab():
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["step"] = "10"
    at.switch_page("pages/lecture.py")
    at.run()
    assert_no_exception(at)
    data = lab_data(at, "lecture_lab")
    assert data["compact"] and not data["editable"]
    training = lab_data(open_page("training"))
    assert data["run"]["costs"] == training["run"]["costs"]
    assert data["run"]["params"] == training["run"]["params"]


def test_the_lab_speaks_chinese():
    at = open_page("training", {"lang": "zh-TW"})
    labels = lab_data(at)["labels"]
    assert labels["play"] == "播放"
    assert labels["iteration_of"] == "第 {n} 次迭代，共 {m} 次"


@pytest.mark.parametrize("iterations", [1, 7, 100, 300, 999, 3000])
@pytest.mark.parametrize(("C", "hidden", "n"), [(2, 0, 2), (10, 64, 2), (4, 8, 1000)])
def test_the_snapshot_step_keeps_the_scrubbers_iterations(iterations, C, hidden, n):
    settings = runs.TrainingSettings(
        num_classes=C, hidden_units=hidden, iterations=iterations
    )
    every = runs.snapshot_every(settings, n)
    scrub = runs.scrub_every(settings)
    per = runs.parameter_count(settings, n)
    if (iterations + 1) * per <= runs.LAB_VALUES:
        assert every == 1  # every iteration when they all fit
    # The scrubber's positions are snapshots whenever the budget allows it.
    assert scrub % every == 0 or every % scrub == 0
    if every <= scrub:
        assert (iterations // every + 1) * per <= runs.LAB_VALUES or every == scrub


def test_the_example_selected_inside_the_model_is_ringed_in_the_lab():
    at = open_page("training", {"training_example": "5"})
    X, _ = make_blobs(300, 4, seed=0)
    # The link counts from 1, as the examples table does: example (5) is column 4.
    np.testing.assert_allclose(lab_data(at)["highlight"], X[:, 4])
    assert lab_data(at)["diverged_at"] is None
    at = open_page("training", {"training_learning_rate": "100",
                                "training_hidden_units": "8"})  # fmt: skip
    assert isinstance(lab_data(at)["diverged_at"], int)  # marked on the lab's curve
