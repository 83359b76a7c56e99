"""The real app in headless Chromium: pages, sliders, navigation, links.

Expected numbers come from ``softmax_core``, computed here for the same z the
browser shows, so the page is checked against the core and not against itself.
Sliders are moved with the keyboard: Streamlit's sliders are
``<input type="range">`` elements (ARIA role ``slider``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from softmax_core import hardmax, softmax, softmax_steps, two_class_outputs
from softmax_ui.locales import en, zh_tw

expect = pytest.importorskip(
    "playwright.sync_api", reason="browser tests need `pip install playwright`"
).expect
expect.set_options(timeout=10_000)

LECTURE_Z = [5.0, 2.0, -1.0, 3.0]


def _app_pages() -> dict[str, str]:
    """URL path → catalog prefix of each st.Page in app.py, in menu order."""
    source = (Path(__file__).resolve().parents[2] / "app.py").read_text()
    pages = {}
    for call in source.split("st.Page(")[1:]:
        found = re.search(r'"pages/(\w+)\.py",\s*title=tr\("(\w+)\.nav"\)', call)
        assert found, f"app.py: an st.Page this test cannot read: {call[:80]!r}"
        stem, prefix = found.groups()
        pages["/" if "default=True" in call else f"/{stem}"] = prefix
    return pages


PAGES = _app_pages()
NAV_KEYS = [f"{prefix}.nav" for prefix in PAGES.values()]
RAW_FILE_NAMES = {"app", *(path.strip("/") or "home" for path in PAGES)}

SIDEBAR = '[data-testid="stSidebar"]'
NAV_LINK = '[data-testid="stSidebarNavLink"]'


# -- reading the page -------------------------------------------------------


def nav_labels(page) -> list[str]:
    """The sidebar's page links as shown, without the icon's ligature name."""
    texts = page.locator(NAV_LINK).all_inner_texts()
    return [text.strip().splitlines()[-1].strip() for text in texts]


def language_input(page):
    return page.locator(f'{SIDEBAR} [data-testid="stSelectbox"] input')


def read_table(page, index: int = 0) -> list[dict[str, str]]:
    """Rows of the ``index``-th ``st.table`` as {header: cell text}."""
    table = page.locator('[data-testid="stTable"] table').nth(index)
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    rows = []
    for row in table.locator("tbody tr").all():
        cells = [c.strip() for c in row.locator("th, td").all_inner_texts()]
        rows.append(dict(zip(headers, cells, strict=True)))
    return rows


def bar_texts(page) -> list[list[str]]:
    """The values printed on each bar trace of the first plotly chart."""
    return page.evaluate(
        """() => {
          const plot = document.querySelector('.js-plotly-plot');
          if (!plot) return [];
          return Array.from(plot.querySelectorAll('.barlayer .trace')).map(
            (trace) => Array.from(trace.querySelectorAll('text')).map(
              (t) => t.textContent));
        }"""
    )


def read_live(page) -> dict | None:
    """What the live view (softmax_ui/live.py) shows.

    ``a`` and ``z`` are the values its bars are drawn from (the bars' data
    attributes, as JSON), ``source`` says whether they are Python's numbers
    ("python", at rest) or the browser's own (while a slider moves); ``rows``
    and ``total`` are the cells of its step table. The view is a custom
    component in a shadow root: a Playwright locator reaches into it,
    ``document.querySelector`` would not.
    """
    root = page.locator('[data-testid="softmaxLive"]')
    if root.count() != 1:
        return None
    return root.evaluate(
        """(root) => {
          const text = (node) => node.textContent.trim();
          const bars = root.querySelector('[data-testid="liveBars"]').dataset;
          const rows = Array.from(root.querySelectorAll(
            '[data-testid="liveSteps"] tbody tr')).map(
              (tr) => Array.from(tr.children).map(text));
          const total = root.querySelector('[data-testid="liveSteps"] tfoot .num');
          return {
            a: JSON.parse(bars.values || 'null'),
            z: JSON.parse(bars.z || 'null'),
            source: bars.source,
            rows,
            total: total && text(total),
          };
        }"""
    )


def open_python_view(app, prefix: str = "explorer") -> None:
    """Turn on "The same numbers from Python" (a toggle; the page reruns)."""
    toggle = app.page.locator(f'.st-key-{prefix}_python_view input[type="checkbox"]')
    expect(toggle).to_have_count(1)
    if not toggle.is_checked():
        label = app.page.locator(f".st-key-{prefix}_python_view label")
        app.interact(label.click)
    expect(toggle).to_be_checked()


def metric_values(page) -> dict[str, str]:
    metrics = page.locator('[data-testid="stMetric"]')
    labels = metrics.locator('[data-testid="stMetricLabel"]').all_inner_texts()
    values = metrics.locator('[data-testid="stMetricValue"]').all_inner_texts()
    return dict(
        zip((x.strip() for x in labels), (v.strip() for v in values), strict=True)
    )


def slider(page, label: str):
    """The Streamlit slider labelled ``label`` (not the live view's inputs).

    Its accessible name is the label, repeated (react-aria labels the input
    by itself and by its group), so the name is matched by its start.
    """
    return page.locator('[data-testid="stMain"]').get_by_role(
        "slider", name=re.compile(rf"^{re.escape(label)}(\s|$)")
    )


def z_slider(page, k: int):
    """The Streamlit slider of entry k of z (labelled "z{k} · name")."""
    return page.locator('[data-testid="stMain"]').get_by_role(
        "slider", name=re.compile(rf"^z{k} ")
    )


def check_explorer_shows(app, z: list[float], temperature: float = 1.0) -> None:
    """The live view and the Python view match softmax_core for z and T.

    The live view draws the bars and the step table in the browser; turned
    on, the Python view below it holds the plotly bars, ``st.table`` and Σt.
    """
    steps = softmax_steps(z, temperature=temperature)
    a = [f"{v:.3f}" for v in softmax(z, temperature=temperature)]
    hard = [f"{v:.0f}" for v in hardmax(z)]
    zs = [f"{v:.1f}" for v in z]
    total = f"{steps.total:.4g}"
    a_header = en.STRINGS["table.a"]
    page = app.page
    open_python_view(app)

    def check() -> None:
        live = read_live(page)
        assert live is not None, "no live view on the page"
        assert live["source"] == "python", live  # at rest: Python's numbers
        assert [f"{v:.3f}" for v in live["a"]] == a
        assert live["z"] == z
        assert [row[1] for row in live["rows"]] == zs
        assert [row[3] for row in live["rows"]] == a
        assert [row[4] for row in live["rows"]] == hard
        assert live["total"] == total
        rows = read_table(page)
        assert [row["z"] for row in rows] == zs
        assert [row[a_header] for row in rows] == a
        assert bar_texts(page)[:2] == [a, hard]
        assert page.get_by_text(f"Σt = {total}", exact=True).is_visible()

    app.eventually(check)


# -- the tests ----------------------------------------------------------------


def test_a_deep_link_opened_first_on_a_fresh_server_runs_the_page_inside_the_app(
    fresh_app,
):
    # Nobody has opened / on this server: Streamlit's pages-folder mode would
    # run pages/explorer.py on its own, without app.py's navigation.
    fresh_app.open("/explorer?explorer_z0=1")
    page = fresh_app.page

    expect(page.locator("h1").first).to_have_text(en.STRINGS["explorer.title"])
    labels = nav_labels(page)
    assert labels == [en.STRINGS[key] for key in NAV_KEYS]
    assert not RAW_FILE_NAMES & set(labels), labels
    expect(page.locator(SIDEBAR).get_by_text("Language · 語言")).to_be_visible()
    expect(language_input(page)).to_have_value("English")
    expect(z_slider(page, 0)).to_have_attribute("aria-valuetext", "1.0")
    check_explorer_shows(fresh_app, [1.0, 2.0, -1.0, 3.0])
    expect(page.get_by_text("Σt = 30.56", exact=True)).to_be_visible()
    assert read_live(page)["total"] == "30.56"
    assert "explorer_z0=1" in page.url
    assert fresh_app.exceptions() == []


@pytest.mark.parametrize("path", list(PAGES), ids=list(PAGES.values()))
def test_every_page_loads_without_an_exception_or_a_console_error(app, path):
    app.open(path)
    page = app.page
    title = en.STRINGS[f"{PAGES[path]}.title"]
    expect(page.locator("h1").first).to_have_text(title)
    assert nav_labels(page) == [en.STRINGS[key] for key in NAV_KEYS]
    assert app.exceptions() == []
    app.assert_no_errors()


def test_moving_a_z_slider_with_the_keyboard_updates_the_bars_and_the_step_table(
    app,
):
    app.open("/explorer")
    page = app.page
    slider = z_slider(page, 0)
    expect(slider).to_have_attribute("aria-valuetext", "5.0")
    check_explorer_shows(app, LECTURE_Z)

    app.press(slider, "ArrowRight", "ArrowRight", "ArrowRight", "ArrowLeft")
    expect(slider).to_have_attribute("aria-valuetext", "5.2")
    check_explorer_shows(app, [5.2, 2.0, -1.0, 3.0])

    app.press(z_slider(page, 3), "ArrowLeft", "ArrowLeft")
    expect(z_slider(page, 3)).to_have_attribute("aria-valuetext", "2.8")
    check_explorer_shows(app, [5.2, 2.0, -1.0, 2.8])
    app.assert_no_errors()


def test_the_smallest_temperature_turns_softmax_into_hardmax(app):
    app.open("/explorer")
    page = app.page
    temperature = slider(page, en.STRINGS["explorer.temperature"])
    expect(temperature).to_have_attribute("aria-valuetext", "1.0")

    app.press(temperature, "Home")
    expect(temperature).to_have_attribute("aria-valuetext", "0.05")
    check_explorer_shows(app, LECTURE_Z, temperature=0.05)
    soft, hard = bar_texts(page)
    assert max(float(v) for v in soft) >= 0.99
    assert soft.index(max(soft)) == hard.index("1")
    assert max(read_live(page)["a"]) >= 0.99
    app.assert_no_errors()


def test_the_logistic_outputs_start_at_the_lecture_values_and_always_sum_to_one(app):
    app.open("/logistic")
    page = app.page
    a1_label, a2_label = en.STRINGS["logistic.a1"], en.STRINGS["logistic.a2"]
    total = en.STRINGS["logistic.sum"].format(total="1.000").replace("**", "")

    def check_outputs(expected: tuple[str, str]) -> None:
        def check() -> None:
            live = read_live(page)
            assert live is not None, "no live view on the page"
            assert live["source"] == "python", live
            assert tuple(f"{v:.3f}" for v in live["a"]) == expected
            assert tuple(row[3] for row in live["rows"]) == expected
            metrics = metric_values(page)
            assert (metrics[a1_label], metrics[a2_label]) == expected
            assert abs(float(expected[0]) + float(expected[1]) - 1) <= 0.0011
            assert page.get_by_text(total).is_visible()

        app.eventually(check)

    open_python_view(app, "logistic")
    check_outputs(("0.842", "0.158"))

    z1, z2 = slider(page, "z₁"), slider(page, "z₂")
    app.press(z1, *["ArrowRight"] * 5)
    app.press(z2, *["ArrowLeft"] * 3)
    expect(z1).to_have_attribute("aria-valuetext", "1.72")
    expect(z2).to_have_attribute("aria-valuetext", "-0.03")
    point = two_class_outputs(1.72, -0.03)
    check_outputs((f"{float(point.softmax_1):.3f}", f"{float(point.softmax_2):.3f}"))
    app.assert_no_errors()


def test_the_training_page_draws_the_cost_curve_and_shows_metrics(app):
    app.open("/training")
    page = app.page
    # The live lab comes first, with J and the accuracy of the run's end.
    lab_cost = page.locator('[data-testid="labMetric-cost"]')
    assert re.fullmatch(r"\d+\.\d{3}", lab_cost.inner_text())
    # The plotly figures and the metrics are under "The run as figures".
    page.get_by_text(en.STRINGS["lab.report"]).click()
    title = en.STRINGS["training.cost_title"]
    chart = page.locator(".js-plotly-plot").filter(
        has=page.locator(".gtitle", has_text=title)
    )
    expect(chart).to_have_count(1)
    assert "J" in title
    lines = chart.locator(".scatterlayer path.js-line")
    assert lines.count() >= 1
    assert len(lines.first.get_attribute("d") or "") > 100  # a drawn curve

    metrics = metric_values(page)
    assert len(metrics) >= 3
    for value in metrics.values():
        assert re.fullmatch(r"-?\d+(\.\d+)?%?", value), metrics
    app.assert_no_errors()


def test_a_slider_value_survives_going_to_another_page_and_back(app):
    app.open("/explorer")
    page = app.page
    app.press(z_slider(page, 0), "ArrowRight", "ArrowRight")
    expect(z_slider(page, 0)).to_have_attribute("aria-valuetext", "5.2")

    logistic = page.locator(NAV_LINK, has_text=en.STRINGS["logistic.nav"])
    app.interact(logistic.click)
    expect(page.locator("h1").first).to_have_text(en.STRINGS["logistic.title"])
    explorer = page.locator(NAV_LINK, has_text=en.STRINGS["explorer.nav"])
    app.interact(explorer.click)
    expect(page.locator("h1").first).to_have_text(en.STRINGS["explorer.title"])

    expect(z_slider(page, 0)).to_have_attribute("aria-valuetext", "5.2")
    check_explorer_shows(app, [5.2, 2.0, -1.0, 3.0])
    app.assert_no_errors()


def test_the_lang_parameter_opens_the_app_in_traditional_chinese(app):
    app.open("/explorer?lang=zh-TW")
    page = app.page
    expect(language_input(page)).to_have_value("繁體中文")
    zh = zh_tw.STRINGS
    # The zh-TW catalog is being translated: check against it, whatever it holds.
    expect(page.locator("h1").first).to_have_text(zh["explorer.title"])
    assert nav_labels(page) == [zh[key] for key in NAV_KEYS]
    live = read_live(page)
    assert live is not None, "no live view on the page"
    assert [row[0] for row in live["rows"]][1] == zh["class.1"]
    assert "lang=zh-TW" in page.url
    app.assert_no_errors()


def presenter_toggle(page):
    return page.locator(SIDEBAR).get_by_role(
        "switch", name=en.STRINGS["chrome.presenter"]
    )


def check_presenter_mode(page) -> None:
    expect(presenter_toggle(page)).to_be_checked()
    # Large type (an h1 is 49.5 px in normal mode) and the navigation on top.
    font_size = page.locator("h1").first.evaluate("h => getComputedStyle(h).fontSize")
    assert float(font_size.removesuffix("px")) > 52, font_size
    expect(page.locator('[data-testid="stTopNavLink"]')).to_have_count(len(NAV_KEYS))


def test_the_present_parameter_turns_presenter_mode_on(app):
    app.open("/explorer?present=1")
    check_presenter_mode(app.page)
    expect(app.page.locator("h1").first).to_have_text(en.STRINGS["explorer.title"])
    assert app.exceptions() == []
    app.assert_no_errors()


def test_presenter_mode_from_a_present_link_survives_reloading_the_page(app):
    # The bound toggle reads only "true": the app rewrites ?present=1 to it, so
    # the address can be reloaded or copied without losing presenter mode.
    app.open("/explorer?present=1")
    check_presenter_mode(app.page)
    assert "present=true" in app.page.url, f"the address lost ?present: {app.page.url}"
    app.page.reload()
    app.settle()
    check_presenter_mode(app.page)
    app.assert_no_errors()
