"""dz[L] on the bars: the arrows −α·dz on z[L] and the step played.

On the loss page and the lecture's step 5. Every number is read from the
figure the page sent (its annotations and frames) and compared with the
lecture's worked example (ŷ = [0.3, 0.2, 0.1, 0.4] for a cat, so dz =
[0.3, −0.8, 0.1, 0.4]) and with scipy's softmax.
"""

import numpy as np
import pytest
import scipy.special

from softmax_ui.locales.en import STRINGS as EN
from softmax_ui.locales.zh_tw import STRINGS as ZH
from softmax_ui.style import NEGATIVE, POSITIVE

from .apptest_helpers import click, figure, open_page, set_widget, values

LECTURE_Z = np.log([0.3, 0.2, 0.1, 0.4])


def arrows(fig: dict) -> list[dict]:
    return [a for a in fig["layout"]["annotations"] if a.get("showarrow")]


def move_labels(fig: dict) -> list[str]:
    return [
        a["text"] for a in fig["layout"]["annotations"] if a["text"].startswith("<b>")
    ]


def frame_z(fig: dict, i: int) -> np.ndarray:
    return values(fig["frames"][i]["data"][0]["y"])


def frame_y_hat(fig: dict, i: int) -> np.ndarray:
    return values(fig["frames"][i]["data"][1]["y"])


def test_the_loss_page_draws_an_arrow_minus_alpha_dz_on_each_entry_of_z():
    fig = figure(open_page("loss"), "loss_step_on_z")
    shown = arrows(fig)
    np.testing.assert_allclose([a["ay"] for a in shown], LECTURE_Z, atol=1e-9)
    # α = 1 (the step size's default): each head at z − (ŷ − y).
    np.testing.assert_allclose(
        [a["y"] for a in shown], LECTURE_Z - np.array([0.3, -0.8, 0.1, 0.4]), atol=1e-9
    )
    assert [a["arrowcolor"] for a in shown] == [POSITIVE, NEGATIVE, POSITIVE, POSITIVE]
    assert move_labels(fig) == [
        "<b>-0.30</b>", "<b>+0.80</b>", "<b>-0.10</b>",
        "<b>-0.40</b>",
    ]  # fmt: skip
    assert EN["dz_arrows.title"].format(alpha="1") in str(fig["layout"]["title"])


def test_the_animation_moves_z_in_13_frames_and_y_hat_follows_as_softmax():
    fig = figure(open_page("loss"), "loss_step_on_z")
    assert len(fig["frames"]) == 13
    np.testing.assert_allclose(frame_z(fig, 0), LECTURE_Z, atol=1e-12)
    np.testing.assert_allclose(
        frame_z(fig, 12) - frame_z(fig, 0), [-0.3, 0.8, -0.1, -0.4]
    )
    for i in range(13):
        np.testing.assert_allclose(
            frame_y_hat(fig, i), scipy.special.softmax(frame_z(fig, i)), rtol=1e-12
        )
    cat = [frame_y_hat(fig, i)[1] for i in range(13)]
    assert cat[0] == pytest.approx(0.2) and np.all(np.diff(cat) > 0)
    (menu,) = fig["layout"]["updatemenus"]
    (button,) = menu["buttons"]
    assert button["method"] == "animate" and button["label"] == EN["dz_arrows.play"]


def test_the_step_size_sets_alpha_and_a_step_taken_moves_the_arrows_start():
    at = set_widget(open_page("loss"), "loss_step_size", 0.5)
    fig = figure(at, "loss_step_on_z")
    assert "<b>+0.40</b>" in move_labels(fig)
    assert EN["dz_arrows.title"].format(alpha="0.5") in str(fig["layout"]["title"])
    at = click(at, "loss.take_step")
    stepped = LECTURE_Z - 0.5 * np.array([0.3, -0.8, 0.1, 0.4])
    np.testing.assert_allclose(
        [a["ay"] for a in arrows(figure(at, "loss_step_on_z"))], stepped, atol=1e-9
    )


def test_another_true_class_gets_the_arrow_that_points_up():
    at = set_widget(open_page("loss"), "loss_true_class", 2)
    shown = arrows(figure(at, "loss_step_on_z"))
    assert [a["y"] > a["ay"] for a in shown] == [False, False, True, False]
    assert shown[2]["arrowcolor"] == NEGATIVE


def test_lecture_step_5_shows_the_arrows_with_alpha_1():
    at = open_page("lecture", {"step": "5"})
    fig = figure(at, "lecture_step_on_z")
    assert "<b>+0.80</b>" in move_labels(fig)
    assert EN["dz_arrows.title"].format(alpha="1") in str(fig["layout"]["title"])
    assert any(
        EN["dz_arrows.caption"].format(alpha="1", name="cat", dz="-0.80")[:40]
        in c.value
        for c in at.caption
    )


@pytest.mark.parametrize(
    ("page", "key"), [("loss", "loss_step_on_z"), ("lecture", "lecture_step_on_z")]
)
def test_in_chinese_the_step_figure_and_its_button_are_translated(page, key):
    params = {"lang": "zh-TW", "present": "true"}
    if page == "lecture":
        params["step"] = "5"
    fig = figure(open_page(page, params), key)
    assert (
        fig["layout"]["updatemenus"][0]["buttons"][0]["label"] == ZH["dz_arrows.play"]
    )
    assert ZH["dz_arrows.title"].format(alpha="1") in str(fig["layout"]["title"])
    assert fig["layout"]["xaxis"]["title"]["text"] == ZH["dz_arrows.z_title"]


def test_show_the_math_of_the_loss_page_shows_the_animated_step():
    at = open_page("loss")
    at.session_state["loss_math"] = True
    at.run()
    assert any("def step_on_z_frames(" in c.value for c in at.code)
