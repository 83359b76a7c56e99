"""Classroom links in Chromium: hidden controls are gone, the rest still work.

A link with ``?hide=`` must hide the named Streamlit widgets and the live
view's own inputs for the same values, keep every other control, and survive a
visit to another page; "Link to this view" in the sidebar shows the page's URL
with a moved slider's value and the controls chosen there.
"""

from __future__ import annotations

import re

import pytest

from softmax_ui.locales import en

expect = pytest.importorskip(
    "playwright.sync_api", reason="browser tests need `pip install playwright`"
).expect
expect.set_options(timeout=10_000)

SIDEBAR = '[data-testid="stSidebar"]'
NAV_LINK = '[data-testid="stSidebarNavLink"]'
LIVE = '[data-testid="softmaxLive"]'
HIDDEN_LINK = "/explorer?explorer_z0=-2&hide=explorer_z0,explorer_temperature"
HIDDEN_IN_URL = "hide=explorer_z0&hide=explorer_temperature"


def widget(page, key: str):
    return page.locator(f".st-key-{key}")


def live_input(page, key: str):
    # Playwright's CSS locators enter the live view's shadow root.
    return page.locator(f'{LIVE} input[data-key="{key}"]')


def open_link_popover(app):
    """The popover of "Link to this view", opened unless it is open already."""
    page = app.page
    body = page.locator('[data-testid="stPopoverBody"]')
    if not body.is_visible():
        button = page.locator(SIDEBAR).get_by_role(
            "button", name=en.STRINGS["classroom.link"]
        )
        button.click()
    expect(body).to_be_visible()
    return body


def shown_link(popover):
    return popover.locator('[data-testid="classroomLink"]')


def test_a_link_with_hide_hides_those_controls_and_their_live_inputs(app):
    app.open(HIDDEN_LINK)
    page = app.page
    expect(page.get_by_text(en.STRINGS["classroom.hidden_note"])).to_be_visible()
    for key in ("explorer_z0", "explorer_temperature"):
        expect(widget(page, key)).to_have_count(1)  # still there, holding its value
        expect(widget(page, key)).to_be_hidden()
        expect(live_input(page, key)).to_have_count(0)
    for key in ("explorer_C", "explorer_names", "explorer_z1", "explorer_z3"):
        expect(widget(page, key)).to_be_visible()
    for key in ("explorer_z1", "explorer_z2", "explorer_z3"):
        expect(live_input(page, key)).to_be_visible()
    # The hidden entry keeps the value from the link, shown as a number.
    expect(page.locator(f'{LIVE} [data-hidden-key="explorer_z0"]')).to_have_text("-2.0")
    expect(page.locator(f"{LIVE} [data-testid='liveT']")).to_have_text("T = 1.0")
    app.assert_no_errors()


def test_the_link_shows_a_moved_slider_and_the_controls_chosen_to_hide(app):
    app.open("/explorer")
    page = app.page
    z1 = widget(page, "explorer_z1").get_by_role("slider")
    app.press(z1, "ArrowRight", "ArrowRight")
    expect(z1).to_have_attribute("aria-valuetext", "2.2")

    popover = open_link_popover(app)
    expect(shown_link(popover)).to_have_text(
        f"{app.server.url}/explorer?explorer_z1=2.2"
    )
    picker = popover.locator('[data-testid="stMultiSelect"]')
    picker.click()  # opening the list reruns nothing
    option = page.get_by_role("option", name=en.STRINGS["explorer.temperature"])
    app.interact(option.click)

    expect(widget(page, "explorer_temperature")).to_be_hidden()
    expect(live_input(page, "explorer_temperature")).to_have_count(0)
    expect(live_input(page, "explorer_z0")).to_be_visible()
    popover = open_link_popover(app)
    link = f"{app.server.url}/explorer?explorer_z1=2.2&hide=explorer_temperature"
    expect(shown_link(popover)).to_have_text(link)
    assert page.url == link
    app.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=app.server.url
    )
    popover.get_by_role("button", name=en.STRINGS["classroom.copy"]).click()
    expect(
        popover.get_by_role("button", name=en.STRINGS["classroom.copied"])
    ).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == link

    # Moved twice within one run, a slider still reaches the link at once.
    page.mouse.click(800, 20)  # closes the popover
    expect(popover).to_be_hidden()
    app.press(z1, "ArrowRight", "ArrowRight")
    popover = open_link_popover(app)
    expect(shown_link(popover)).to_have_text(re.compile(r"explorer_z1=2\.4&"))
    app.assert_no_errors()


def test_hidden_controls_stay_hidden_after_a_visit_to_another_page(app):
    app.open(HIDDEN_LINK)
    page = app.page
    app.interact(page.locator(NAV_LINK, has_text=en.STRINGS["loss.nav"]).click)
    expect(page.locator("h1").first).to_have_text(en.STRINGS["loss.title"])
    assert HIDDEN_IN_URL in page.url
    app.interact(page.locator(NAV_LINK, has_text=en.STRINGS["explorer.nav"]).click)
    expect(page.locator("h1").first).to_have_text(en.STRINGS["explorer.title"])
    expect(widget(page, "explorer_z0")).to_be_hidden()
    expect(live_input(page, "explorer_z0")).to_have_count(0)
    expect(widget(page, "explorer_z1")).to_be_visible()
    app.assert_no_errors()


def test_show_all_brings_the_hidden_controls_back(app):
    app.open(HIDDEN_LINK)
    page = app.page
    show_all = page.get_by_role("button", name=en.STRINGS["classroom.show_all"])
    app.interact(show_all.click)
    for key in ("explorer_z0", "explorer_temperature"):
        expect(widget(page, key)).to_be_visible()
        expect(live_input(page, key)).to_be_visible()
    expect(widget(page, "explorer_z0").get_by_role("slider")).to_have_attribute(
        "aria-valuetext", "-2.0"
    )
    assert "hide=" not in page.url
    app.assert_no_errors()


def test_the_lecture_link_can_hide_its_step_navigation(app):
    app.open("/lecture?step=4&hide=step")
    page = app.page
    for key in ("step", "lecture_previous", "lecture_next"):
        expect(widget(page, key)).to_be_hidden()
    expect(page.locator("h2").first).to_contain_text("4")
    app.assert_no_errors()


@pytest.mark.parametrize(
    ("path", "hidden", "shown"),
    [
        (
            "/explorer?hide=explorer_reset,explorer_randomize",
            ("explorer_reset", "explorer_randomize"),
            ("explorer_temperature", "explorer_python_view"),
        ),
        (
            "/loss?hide=loss_take_step,loss_reset_steps",
            ("loss_take_step", "loss_reset_steps"),
            ("loss_step_size", "loss_true_class"),
        ),
    ],
    ids=["explorer", "loss"],
)
def test_a_link_can_hide_a_pages_buttons(app, path, hidden, shown):
    app.open(path)
    page = app.page
    for key in hidden:
        expect(widget(page, key)).to_have_count(1)
        expect(widget(page, key)).to_be_hidden()
    for key in shown:
        expect(widget(page, key)).to_be_visible()
    expect(page.get_by_text(en.STRINGS["classroom.hidden_note"])).to_be_visible()
    app.assert_no_errors()


def picker_options(app) -> list[str]:
    """The controls "Hide in the link" offers, as its open list shows them."""
    popover = open_link_popover(app)
    popover.locator('[data-testid="stMultiSelect"]').click()  # reruns nothing
    options = app.page.get_by_role("option")
    expect(options.first).to_be_visible()
    labels = [text.strip() for text in options.all_inner_texts()]
    app.page.keyboard.press("Escape")
    app.page.mouse.click(800, 20)  # closes the popover
    expect(popover).to_be_hidden()
    return labels


def finished_runs(app) -> list[str]:
    """How each script run ended, as the websocket reports it, from now on."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    statuses: list[str] = []

    def on_frame(payload) -> None:
        if isinstance(payload, bytes):
            message = ForwardMsg.FromString(payload)
            if message.WhichOneof("type") == "script_finished":
                status = message.script_finished
                statuses.append(ForwardMsg.ScriptFinishedStatus.Name(status))

    def on_websocket(websocket) -> None:
        if websocket.url.endswith("/_stcore/stream"):
            websocket.on("framereceived", on_frame)

    app.page.on("websocket", on_websocket)
    return statuses


def test_the_picker_offers_the_z_entries_of_a_new_c_at_once(app):
    # The picker is in the sidebar, the explorer's sliders in a fragment: a new
    # C (above the fragment) runs the whole page and reaches the picker, while
    # a slider's move reruns only the fragment.
    statuses = finished_runs(app)
    app.open("/explorer")
    page = app.page
    assert "z4 · class 4" not in picker_options(app)

    step_up = widget(page, "explorer_C").locator('[data-testid="stNumberInputStepUp"]')
    app.interact(step_up.click)
    expect(widget(page, "explorer_z4")).to_be_visible()
    assert "z4 · class 4" in picker_options(app)
    assert statuses[-1] == "FINISHED_SUCCESSFULLY"  # the whole page ran

    before = len(statuses)
    app.press(widget(page, "explorer_z1").get_by_role("slider"), "ArrowRight")
    assert statuses[before:] == ["FINISHED_FRAGMENT_RUN_SUCCESSFULLY"]

    names = widget(page, "explorer_names").locator("input")
    names.fill("a, b")
    app.interact(lambda: names.press("Enter"))
    assert "z1 · b" in picker_options(app)
    app.assert_no_errors()
