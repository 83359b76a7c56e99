"""The app on a laptop's 1280×720 window: labels whole, chart titles inside.

A button or page link too narrow for its label ends it in "…" ("Pr…" for
"Previous"), and plotly never wraps a title: one longer than its chart is cut
at the chart's edge. Both are read from the laid-out page, in English and in
Traditional Chinese, on the pages whose columns are narrowest.
"""

from __future__ import annotations

import pytest

LAPTOP = {"width": 1280, "height": 720}
# Each page, with the key of its chart of L = −log p, whose builder
# (softmax_ui.figures.loss_curve) wraps a long title.
PAGES = [
    ("/", None),
    ("/explorer", None),
    ("/loss", "loss_curve"),
    ("/lecture?step=6", "lecture_loss_curve"),
]

# Labels cut short by CSS (text-overflow: ellipsis) in buttons and page links,
# and the titles of the charts above that reach past their chart's edges.
_CUT_SHORT = """
(chartKey) => {
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
  for (const chart of document.querySelectorAll(`.st-key-${chartKey}`)) {
    const edges = chart.querySelector('.main-svg').getBoundingClientRect();
    const title = chart.querySelector('.gtitle').getBoundingClientRect();
    if (title.left < edges.left - 1 || title.right > edges.right + 1
        || title.top < edges.top - 1) {
      cut.push(`title: ${chart.querySelector('.gtitle').textContent}`);
    }
  }
  return cut;
}
"""


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_on_a_laptop_no_label_or_chart_title_is_cut_short(app, lang):
    app.page.set_viewport_size(LAPTOP)
    for path, chart in PAGES:
        if lang != "en":
            path += f"{'&' if '?' in path else '?'}lang={lang}"
        app.open(path)
        if chart:
            app.page.locator(f".st-key-{chart} .gtitle").wait_for()
        assert app.page.evaluate(_CUT_SHORT, chart) == [], path
    app.assert_no_errors()
