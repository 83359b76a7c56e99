"""Nonsense in ``?training_points=``: the training page trains on what it can use.

Random mixes of good parts, malformed ones, classes beyond C, huge and tiny
coordinates, repeated points and single points, with random C, hidden units
and test shares. The page must run without an exception, give the lab a run
(or an empty plane) on exactly the points :func:`hand_points.parse` keeps,
and write that canonical list back into the link.
"""

import json

import numpy as np
import pytest

from softmax_ui import hand_points

from .fuzz_helpers import open_by_link

LINKS = 12
PARTS = ("0.0.0", "1.100.100", "9.-100000.100000", "3.5.5", "x", "", "1.2", "1.a.b",
         "10.0.0", "-1.0.0", "2.1e3.0", "0.999999.0", "五", "<b>", "none")  # fmt: skip


def _lab(at) -> dict:
    labs = [c for c in at.get("bidi_component") if c.proto.id.endswith("-training_lab")]
    assert len(labs) == 1
    return json.loads(labs[0].proto.json)[0]


@pytest.mark.parametrize("seed", range(LINKS))
def test_points_in_a_link_never_break_the_training_page(seed):
    rng = np.random.default_rng(seed)
    parts = [
        PARTS[rng.integers(len(PARTS))]
        if rng.random() < 0.5
        else ".".join(map(str, (rng.integers(0, 10), *rng.integers(-400, 400, 2))))
        for _ in range(int(rng.integers(0, 40)))
    ]
    text = "_".join(parts)
    C = int(rng.integers(2, 11))
    query = {
        "training_points": text,
        "training_C": str(C),
        "training_hidden_units": str(rng.choice([0, 2, 8])),
        "training_test_share": str(rng.choice([0, 20, 50])),
        "training_iterations": "30",
    }
    at = open_by_link("training", query)
    parsed = hand_points.parse(text)
    lab = _lab(at)
    kept = parsed.labels[parsed.labels < C]
    shown = (lab["train"] or {"labels": []})["labels"] + (
        lab["test"] or {"labels": []}
    )["labels"]
    assert sorted(shown) == sorted(kept.tolist())
    assert (lab["run"] is None) == (kept.size == 0)
    value = at.query_params.get("training_points")
    value = value[0] if isinstance(value, list) else value
    assert value == hand_points.serialize(parsed.X, parsed.labels)
