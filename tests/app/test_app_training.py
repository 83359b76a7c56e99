"""The training page: gradient descent on J, read from its metrics and figures."""

import math

import numpy as np
import pytest

from .apptest_helpers import (
    EN,
    assert_no_exception,
    figure,
    j_now,
    metric_number,
    open_page,
    set_widget,
    shown_costs,
    shown_iteration,
    values,
)

ACCURACY = EN["training.accuracy_now"]
J_START = EN["training.cost_start"]


def assert_metrics_are_numbers(at) -> None:
    assert len(at.metric) == 3
    for m in at.metric:
        assert "nan" not in m.value.lower() and "inf" not in m.value.lower()
        assert math.isfinite(float(m.value.rstrip("%")))


def test_default_blobs_j_falls_and_accuracy_reaches_95_percent():
    at = open_page("training")
    costs = shown_costs(at)
    assert len(costs) == shown_iteration(at) + 1
    assert np.all(np.isfinite(costs))
    assert costs[-1] < 0.5 * costs[0]
    # Mostly downhill: the cost may wobble, but hardly ever rises.
    assert np.mean(np.diff(costs) <= 1e-12) > 0.95
    assert metric_number(at, J_START) == pytest.approx(math.log(4), abs=5e-4)
    assert j_now(at) == pytest.approx(costs[-1], abs=5e-4)
    assert j_now(at) < metric_number(at, J_START)
    assert metric_number(at, ACCURACY) >= 0.95
    assert not at.error


@pytest.mark.parametrize(
    "steps",
    [
        [("training_dataset", "spirals")],
        [("training_C", 2)],
        [("training_C", 10)],
        [("training_m", 40)],
        [("training_m", 3000)],
        [("training_seed", 7)],
        [("training_hidden_units", 8)],
        [("training_hidden_units", 8), ("training_activation", "relu")],
        [("training_learning_rate", 0.001)],
        [("training_iterations", 1)],
        [("training_iterations", 1000)],
        [("training_iteration", 0)],
    ],
    ids=lambda steps: "-".join(f"{k}={v}" for k, v in steps),
)
def test_training_runs_after_setting_a_widget(steps):
    at = open_page("training")
    for key, value in steps:
        set_widget(at, key, value)
        assert at.get_by_key(key).value == value
    assert_metrics_are_numbers(at)
    assert np.all(np.isfinite(shown_costs(at)))


def test_upload_mode_waits_for_a_file_without_training():
    at = set_widget(open_page("training"), "training_dataset", "upload")
    assert [i.value for i in at.info] == [EN["training.upload_waiting"]]
    assert len(at.metric) == 0
    assert not at.error


def test_spirals_need_hidden_units_to_be_learned():
    def accuracy(hidden: int) -> float:
        at = open_page("training")
        set_widget(at, "training_dataset", "spirals")
        at.get_by_key("training_hidden_units").set_value(hidden)
        at.get_by_key("training_learning_rate").set_value(1.0)
        at.get_by_key("training_iterations").set_value(300)
        at.run()
        assert_no_exception(at)
        return metric_number(at, ACCURACY)

    linear, hidden = accuracy(0), accuracy(32)
    assert hidden > linear + 0.2
    assert hidden >= 0.9


@pytest.mark.parametrize("activation", ["relu", "tanh"])
def test_the_largest_learning_rate_trains_or_reports_divergence(activation):
    at = set_widget(open_page("training"), "training_hidden_units", 64)
    largest = max(float(v) for v in at.get_by_key("training_learning_rate").options)
    at.get_by_key("training_activation").set_value(activation)
    at.get_by_key("training_learning_rate").set_value(largest)
    at.run()
    assert_no_exception(at)
    assert_metrics_are_numbers(at)
    costs = shown_costs(at)
    assert np.all(np.isfinite(costs))
    diverged = [e.value for e in at.error]
    if diverged:
        assert diverged == [EN["training.diverged"].format(it=len(costs) - 1)]
        assert costs[-1] > costs[0]
    else:
        assert costs[-1] < costs[0]


def test_relu_with_the_largest_learning_rate_diverges_and_says_so():
    at = set_widget(open_page("training"), "training_hidden_units", 64)
    at.get_by_key("training_activation").set_value("relu")
    at.get_by_key("training_learning_rate").set_value(100.0)
    at.run()
    assert len(at.error) == 1
    assert_metrics_are_numbers(at)


def test_scrubbing_to_iteration_0_shows_j_of_log_c():
    at = set_widget(open_page("training"), "training_iteration", 0)
    labels = (EN["training.cost_start"], EN["training.cost_now"].format(it=0))
    # "J at the start" and "J at iteration 0" both read log C before any step.
    shown = [float(m.value) for m in at.metric if m.label in labels]
    assert shown == pytest.approx([math.log(4)] * 2, abs=5e-4)
    marker = figure(at, "training_cost")["data"][2]
    assert values(marker["x"]).tolist() == [0]
    # Training runs in float32, hence 1e-6 rather than 1e-9.
    assert float(values(marker["y"])[0]) == pytest.approx(math.log(4), rel=1e-6)
    # Before any step every class gets 1/C, so a quarter of the points are right.
    assert metric_number(at, ACCURACY) == pytest.approx(0.25, abs=0.05)


def test_the_scrubber_follows_the_end_of_a_longer_run():
    at = open_page("training")
    assert shown_iteration(at) == 300
    at = set_widget(at, "training_iterations", 1000)
    assert at.get_by_key("training_iteration").value == 1000
    assert shown_iteration(at) == 1000
    [j_label] = [m.label for m in at.metric if m.label.startswith("J at iteration")]
    assert j_label == EN["training.cost_now"].format(it=1000)
    assert j_now(at) == pytest.approx(shown_costs(at)[-1], abs=5e-4)
    # And back to a shorter run: the end again.
    at = set_widget(at, "training_iterations", 200)
    assert at.get_by_key("training_iteration").value == 200


def test_a_scrubbed_iteration_is_kept_when_the_run_grows():
    at = set_widget(open_page("training"), "training_iteration", 150)
    at = set_widget(at, "training_iterations", 1000)
    assert at.get_by_key("training_iteration").value == 150
    assert shown_iteration(at) == 150


@pytest.mark.parametrize("count", [2, 7])
def test_j_at_iteration_0_is_log_c_for_other_class_counts(count):
    at = set_widget(open_page("training"), "training_C", count)
    assert metric_number(at, J_START) == pytest.approx(math.log(count), abs=5e-4)


def separable_csv(rng: np.random.Generator) -> bytes:
    """Two well-separated clusters with word labels, 60 rows."""
    rows = ["width,height,label"]
    for k, (name, centre) in enumerate([("small", -3.0), ("large", 3.0)]):
        for x1, x2 in rng.normal(centre, 0.5, size=(30, 2)):
            rows.append(f"{x1:.3f},{x2 + k:.3f},{name}")
    return ("\n".join(rows) + "\n").encode()


def upload(at, name: str, content: bytes):
    at.get_by_key("training_upload").set_value((name, content, "text/csv"))
    at.run()
    assert_no_exception(at)
    return at


def test_a_good_csv_upload_trains_on_its_classes():
    at = set_widget(open_page("training"), "training_dataset", "upload")
    at = upload(at, "sizes.csv", separable_csv(np.random.default_rng(3)))
    assert not at.error
    read = EN["training.upload_read"].format(m=60, n=2, C=2)
    assert read in [c.value for c in at.caption]
    assert metric_number(at, ACCURACY) >= 0.95
    assert metric_number(at, J_START) == pytest.approx(math.log(2), abs=5e-4)
    regions = figure(at, "training_regions")
    assert [t.get("name") for t in regions["data"][1:]] == ["large", "small"]
    assert regions["layout"]["xaxis"]["title"]["text"] == "width"


def test_a_csv_with_three_features_trains_without_decision_regions():
    rng = np.random.default_rng(5)
    rows = ["a,b,c,y"] + [
        f"{x[0]:.3f},{x[1]:.3f},{x[2]:.3f},{int(x.sum() > 0)}"
        for x in rng.normal(size=(50, 3))
    ]
    at = set_widget(open_page("training"), "training_dataset", "upload")
    at = upload(at, "three.csv", "\n".join(rows).encode())
    assert not at.error
    assert_metrics_are_numbers(at)
    assert EN["training.no_regions"].format(n=3) in [i.value for i in at.info]
    assert not [c for c in at.get("plotly_chart") if c.key == "training_regions"]


BAD_CSVS = {
    "one_class.csv": b"x,label\n1,a\n2,a\n3,a\n",
    "not_numeric.csv": b"x,label\n1,a\nseven,b\n",
    # A row with a missing label is left out; here that leaves one class.
    "missing_label.csv": b"x,label\n1,a\n2,\n3,a\n",
    "header_only.csv": b"x,y,label\n",
    "empty.csv": b"",
    "binary.csv": b"\x00\x01\x02binary\xff",
    "eleven_classes.csv": b"x,label\n"
    + b"".join(b"%d,%d\n" % (k, k) for k in range(11)),
}


@pytest.mark.parametrize("name", BAD_CSVS)
def test_a_bad_csv_upload_shows_an_error_and_no_exception(name):
    at = set_widget(open_page("training"), "training_dataset", "upload")
    at = upload(at, name, BAD_CSVS[name])
    errors = [e.value for e in at.error]
    assert len(errors) == 1
    prefix = EN["training.upload_error"].split("{message}")[0]
    assert errors[0].startswith(prefix) and len(errors[0]) > len(prefix)
    assert len(at.metric) == 0


def _in_a_column(at, key: str) -> bool:
    # Whether the element with this key sits in one of st.columns' columns.
    def holds(node) -> bool:
        return getattr(node, "key", None) == key or any(
            holds(child) for child in getattr(node, "children", {}).values()
        )

    return any(holds(col) for col in at.columns)


@pytest.mark.parametrize("present", [False, True], ids=["laptop", "presenter"])
def test_y_and_y_hat_sit_side_by_side_only_when_projected(present):
    # Half a laptop's column leaves each of the 8 cells too narrow for "0.00".
    at = open_page("training", {"present": "1"} if present else None)
    assert _in_a_column(at, "training_Y") is present
    assert _in_a_column(at, "training_Y_hat") is present
