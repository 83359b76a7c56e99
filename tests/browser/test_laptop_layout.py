"""The app on a laptop's 1280×720 window: labels whole, charts and tables inside.

A button or page link too narrow for its label ends it in "…" ("Pr…" for
"Previous"), plotly never wraps a title (one longer than its chart is cut at
the chart's edge) and draws a legend where it is told even if the title is
there, and a table wider than its column hangs off it. All of it is read from
the laid-out page, in English and in Traditional Chinese, on the pages whose
columns are narrowest; the live view's step table in presenter mode too. On a
laptop and on a 1920×1080 projector alike, charts side by side start their
plots level, and a formula's update rule stays on one line; projected, the
lecture's loss charts, wide enough, keep their titles on one line.
"""

from __future__ import annotations

import pytest

LAPTOP = {"width": 1280, "height": 720}
PROJECTOR = {"width": 1920, "height": 1080}
# Each page, with the keys of its charts in narrow columns: the curve of
# L = −log p and the trace of gradient steps on z (softmax_ui.figures's
# loss_curve and descent_trace), whose long titles go on two lines.
PAGES = [
    ("/", []),
    ("/explorer", []),
    ("/loss", ["loss_curve", "loss_trace"]),
    ("/lecture?step=6", ["lecture_curve", "lecture_trace"]),
]
# The pages with a live view (softmax_ui/live.py) and its step table.
LIVE_PAGES = ["/explorer", "/logistic"]
# The two screens a layout is checked on (with the query of presenter mode),
# and the two languages.
ON_BOTH_SCREENS = pytest.mark.parametrize(
    ("viewport", "mode"),
    [(LAPTOP, ""), (PROJECTOR, "present=true")],
    ids=["laptop", "projector"],
)
IN_BOTH_LANGUAGES = pytest.mark.parametrize("lang", ["en", "zh-TW"])

# Labels cut short by CSS (text-overflow: ellipsis) in buttons and page links;
# the titles of the charts above that reach past their chart's edges, and
# their legends where they overlap the title.
_CUT_SHORT = """
(chartKeys) => {
  const cut = [];
  for (const el of document.querySelectorAll(
      'button, [data-testid="stPageLink"] a')) {
    if (!el.offsetParent) continue;
    for (const label of el.querySelectorAll('*')) {
      const style = getComputedStyle(label);
      if (style.textOverflow === 'ellipsis'
          && label.scrollWidth > label.clientWidth + 1) {
        cut.push(`label: ${label.textContent.trim()}`);
      }
    }
  }
  for (const key of chartKeys) {
    const chart = document.querySelector(`.st-key-${key}`);
    if (!chart) {
      cut.push(`no chart ${key}`);
      continue;
    }
    const edges = chart.querySelector('.main-svg').getBoundingClientRect();
    const text = chart.querySelector('.gtitle');
    const title = text.getBoundingClientRect();
    if (title.left < edges.left - 1 || title.right > edges.right + 1
        || title.top < edges.top - 1) {
      cut.push(`title: ${text.textContent}`);
    }
    const legend = chart.querySelector('.legend');
    if (legend) {
      const box = legend.getBoundingClientRect();
      if (box.left < title.right && title.left < box.right
          && box.top < title.bottom && title.top < box.bottom) {
        cut.push(`legend over the title: ${text.textContent}`);
      }
      if (box.bottom > edges.bottom + 1) {
        cut.push(`legend below the chart: ${text.textContent}`);
      }
    }
  }
  return cut;
}
"""

# The step table of the live view (in its shadow root) against the column the
# view is in: its right edge, and how far its content reaches.
_TABLE_IN_COLUMN = """
(table) => {
  const column = table.getRootNode().host.closest('[data-testid="stColumn"]');
  const box = table.getBoundingClientRect();
  return {
    table: box.right,
    content: box.left + table.scrollWidth,
    column: column.getBoundingClientRect().right,
  };
}
"""


def _with_lang(path: str, lang: str) -> str:
    if lang == "en":
        return path
    return f"{path}{'&' if '?' in path else '?'}lang={lang}"


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_on_a_laptop_no_label_or_chart_title_is_cut_short(app, lang):
    app.page.set_viewport_size(LAPTOP)
    for path, charts in PAGES:
        app.open(_with_lang(path, lang))
        for chart in charts:
            app.page.locator(f".st-key-{chart} .gtitle").wait_for()
        assert app.page.evaluate(_CUT_SHORT, charts) == [], path
    app.assert_no_errors()


# Space under a page's title below its last line of text, in lines.
_EMPTY_UNDER_TITLE = """
() => {
  const h1 = document.querySelector('[data-testid="stMain"] h1');
  const text = document.createRange();
  text.selectNodeContents(h1);
  const lines = [...text.getClientRects()];
  const line = parseFloat(getComputedStyle(h1).lineHeight);
  return (h1.getBoundingClientRect().bottom - lines.at(-1).bottom) / line;
}
"""


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_on_a_laptop_a_page_title_takes_no_empty_line(app, lang):
    # A heading's link icon keeps its room while hidden: it pushed "C = 2:
    # softmax is logistic regression", which just fits, onto an empty line.
    app.page.set_viewport_size(LAPTOP)
    for path in ["/", "/explorer", "/loss", "/logistic", "/training", "/lecture"]:
        app.open(_with_lang(path, lang))
        assert app.page.evaluate(_EMPTY_UNDER_TITLE) < 0.5, path
    app.assert_no_errors()


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_on_a_laptop_the_lectures_two_loss_charts_take_half_the_step_each(app, lang):
    # Step 6 is 763 px wide on this window. Its charts once shared it with a
    # column of sliders, 257 px each; side by side under the sliders, with a
    # small gap, they get 372 px. (That the step still fits a projector's
    # screen is checked with every step in test_lecture_keys.py.)
    app.page.set_viewport_size(LAPTOP)
    app.open(_with_lang("/lecture?step=6", lang))
    boxes = []
    for key in ("lecture_curve", "lecture_trace"):
        chart = app.page.locator(f".st-key-{key}")
        chart.locator(".main-svg").first.wait_for()
        boxes.append(chart.bounding_box())
    assert all(box["width"] >= 360 for box in boxes), boxes
    curve, descent = boxes
    assert abs(curve["y"] - descent["y"]) <= 1, boxes
    assert curve["x"] + curve["width"] <= descent["x"], boxes
    app.assert_no_errors()


# Each chart's title, how many lines plotly drew it on, and where its plot
# area begins (plotly's drag rectangle covers exactly the plot area).
_TITLES_AND_PLOTS = """
(chartKeys) => chartKeys.map((key) => {
  const chart = document.querySelector(`.st-key-${key}`);
  const title = chart.querySelector('.gtitle');
  return {
    title: title.textContent,
    lines: title.querySelectorAll('tspan.line').length || 1,
    plot: chart.querySelector('.nsewdrag').getBoundingClientRect().top,
  };
})
"""
# Charts side by side whose plots must start level.
SIDE_BY_SIDE = [
    ("/lecture?step=6", ["lecture_curve", "lecture_trace"]),
    ("/loss", ["loss_curve", "loss_dz"]),
]


def _titles_and_plots(app, charts: list[str]) -> list[dict]:
    for chart in charts:
        app.page.locator(f".st-key-{chart} .nsewdrag").wait_for()
    return app.page.evaluate(_TITLES_AND_PLOTS, charts)


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_projected_the_lectures_loss_charts_titles_take_one_line(app, lang):
    # Each chart is 907 px wide on the projector, room for either title on a
    # line: wrapped, they took a line of the screen's height for nothing.
    app.page.set_viewport_size(PROJECTOR)
    app.open(_with_lang("/lecture?step=6&present=true", lang))
    charts = _titles_and_plots(app, ["lecture_curve", "lecture_trace"])
    assert [chart["lines"] for chart in charts] == [1, 1], charts
    app.assert_no_errors()


@ON_BOTH_SCREENS
@IN_BOTH_LANGUAGES
def test_charts_side_by_side_start_level(app, lang, viewport, mode):
    # Their titles may take one line or two: the plots under them start at
    # the same height all the same.
    app.page.set_viewport_size(viewport)
    for path, keys in SIDE_BY_SIDE:
        link = f"{path}{'&' if '?' in path else '?'}{mode}" if mode else path
        app.open(_with_lang(link, lang))
        charts = _titles_and_plots(app, keys)
        tops = [chart["plot"] for chart in charts]
        assert max(tops) - min(tops) <= 2, (path, charts)
    app.assert_no_errors()


# Each KaTeX expression with an update rule (←) in the page's text, and the
# pieces KaTeX typeset it in: it may break a line between two pieces (after
# a − or ← outside braces), never inside one.
_UPDATE_RULES = """
() => [...document.querySelectorAll('[data-testid="stMarkdownContainer"] .katex')]
  .filter((math) => math.textContent.includes('←'))
  .map((math) => [
    math.querySelector('annotation').textContent,
    math.querySelectorAll(':scope > .katex-html > .base').length,
  ])
"""


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_projected_an_update_rule_is_never_broken_across_lines(app, lang):
    # Step 6's "z ← z − α(ŷ − y)" once ended a line with "(ŷ −".
    app.page.set_viewport_size(PROJECTOR)
    for path in ["/lecture?step=6&present=true", "/loss?present=true"]:
        app.open(_with_lang(path, lang))
        app.page.locator('[data-testid="stMarkdownContainer"] .katex').first.wait_for()
        rules = app.page.evaluate(_UPDATE_RULES)
        assert rules and all(pieces == 1 for _, pieces in rules), (path, rules)
    app.assert_no_errors()


@ON_BOTH_SCREENS
@IN_BOTH_LANGUAGES
def test_the_live_step_table_stays_inside_its_column(app, lang, viewport, mode):
    app.page.set_viewport_size(viewport)
    for path in LIVE_PAGES:
        app.open(_with_lang(f"{path}?{mode}" if mode else path, lang))
        table = app.page.locator('[data-testid="liveSteps"]')
        table.wait_for()
        edges = table.evaluate(_TABLE_IN_COLUMN)
        assert edges["table"] <= edges["column"] + 1, (path, edges)
        assert edges["content"] <= edges["column"] + 1, (path, edges)
    app.assert_no_errors()


# The values printed over the live view's bars (in its shadow root) that run
# into each other, or come closer than a fifth of their height ("0.005" and
# "0" side by side read as "0.0050").
_OVERLAPPING_VALUES = """
(root) => {
  const boxes = [...root.querySelectorAll('svg text.value')]
    .filter((t) => t.textContent)
    .map((t) => [t.textContent, t.getBBox()]);
  const clashes = [];
  boxes.forEach(([a, p], i) => boxes.slice(i + 1).forEach(([b, q]) => {
    const gap = 0.2 * Math.min(p.height, q.height);
    if (p.x < q.x + q.width + gap && q.x < p.x + p.width + gap
        && p.y < q.y + q.height && q.y < p.y + p.height) clashes.push(`${a} × ${b}`);
  }));
  return clashes;
}
"""


@pytest.mark.parametrize(
    ("viewport", "mode"),
    [(LAPTOP, ""), (PROJECTOR, "&present=true")],
    ids=["laptop", "projector"],
)
def test_the_values_over_ten_classes_bars_do_not_run_into_each_other(
    app, viewport, mode
):
    # z = [5, 2, -1, 3, 0, …]: six classes at 0.005 beside hardmax bars of 0.
    app.page.set_viewport_size(viewport)
    app.open(f"/explorer?explorer_C=10{mode}")
    view = app.page.locator("[data-testid=softmaxLive]")
    view.wait_for()
    printed = view.evaluate(
        "root => [...root.querySelectorAll('svg text.value')].map((t) => t.textContent)"
    )
    assert len(printed) == 20 and "0.814" in printed and "1" in printed, printed
    assert view.evaluate(_OVERLAPPING_VALUES) == []
    app.assert_no_errors()


# Each class name under the live bars as drawn, and whether it stays inside
# the chart: its laid-out box (slanted or not) within the chart's.
_CLASS_NAMES = """
root => {
  const chart = root.querySelector('svg').getBoundingClientRect();
  return [...root.querySelectorAll('svg text.label')].map((label) => {
    const box = label.getBoundingClientRect();
    const inside = box.left >= chart.left - 1 && box.right <= chart.right + 1
      && box.top >= chart.top - 1 && box.bottom <= chart.bottom + 1;
    // Its lines after the coloured dot, a name on two lines joined again.
    const lines = [...label.querySelectorAll('tspan')].slice(1)
      .map((t) => t.textContent);
    return [lines.join(' '), inside];
  });
}
"""


@pytest.mark.parametrize(
    ("path", "typed", "expected"),
    [
        (
            "/explorer?explorer_C=10",
            None,
            [
                "other",
                "cat",
                "dog",
                "baby chick",
                *(f"class {k}" for k in range(4, 10)),
            ],
        ),
        (
            "/explorer?explorer_C=3",
            "a rather long class name, b, 貓咪與小狗狗",
            ["a rather long class name", "b", "貓咪與小狗狗"],
        ),
        (
            "/explorer?explorer_C=10",
            "a rather long class name",
            [
                "a rather long class name",
                "cat",
                "dog",
                "baby chick",
                *(f"class {k}" for k in range(4, 10)),
            ],
        ),
        ("/logistic", None, ["softmax output 1", "softmax output 2"]),
    ],
    ids=["ten-classes", "long-names", "ten-slanted-from-a-long-first", "two-classes"],
)
def test_the_live_views_class_names_are_whole_and_inside_the_chart(
    app, path, typed, expected
):
    # Too wide for their bars, names go on two lines or slant; never "…".
    app.page.set_viewport_size(LAPTOP)
    app.open(path)
    if typed:
        names = app.page.locator(".st-key-explorer_names input")
        names.fill(typed)
        app.interact(lambda: names.press("Enter"))
    view = app.page.locator("[data-testid=softmaxLive]")
    view.wait_for()
    shown = view.evaluate(_CLASS_NAMES)
    assert [name for name, _ in shown] == expected, shown
    assert all(inside for _, inside in shown), shown
    app.assert_no_errors()
