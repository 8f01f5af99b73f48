"""The flow diagram as Chromium draws it, for every sample and both times: at most 8 crossings,
no arrow over a node it does not connect (measured from the figure the browser holds, at the width
it is drawn), and a screenshot of each into tests/e2e/screenshots/flow/ to look at."""
import os

import pytest

from components.charts.flow_metric import label_clashes, readability
from csirt_data import load_catalogue
from tests.e2e.conftest import SCREENSHOT_DIR
from tests.e2e.ui import arrow_count, assert_clean, choose_time, open_flow_tab, open_page, traces

CAT = load_catalogue()
MAX_CROSSINGS = 8

# What the metric needs of the drawn layout: its size, the plot area's margins as Plotly placed
# them (after any room it made for the legend), the axis ranges.
_LAYOUT_JS = """k => { const l = document.querySelector('.st-key-' + k + ' .js-plotly-plot')._fullLayout;
  const s = l._size;
  return {width: l.width, height: l.height, margin: {l: s.l, r: s.r, t: s.t, b: s.b},
          xaxis: {range: l.xaxis.range}, yaxis: {range: l.yaxis.range}}; }"""


# Two of the four (language, window) pairs by default, to keep `make test` short; FLOW_SHOTS=all
# takes all four (the screenshots to look at before a release). The unit metric test covers both
# languages at both widths on every run.
PAIRS = [("ja", (1280, 720)), ("en", (1920, 1080))]
if os.environ.get("FLOW_SHOTS") == "all":
    PAIRS += [("en", (1280, 720)), ("ja", (1920, 1080))]

# The diagram of a time, as drawn now: while a run redraws it, Streamlit 1.67 may keep the previous
# drawing of a keyed element beside it for a moment, marked data-retained.
CHART = "flow_chart_{time}:not([data-retained])"
_NOTES_JS = """k => document.querySelector('.st-key-' + k + ' .js-plotly-plot').layout.annotations.map(
  a => ({text: a.text, x: a.x, y: a.y, yshift: a.yshift || 0, yanchor: a.yanchor, xanchor: a.xanchor,
         font: {size: (a.font || {}).size || 12}}))"""


@pytest.mark.parametrize("lang,size", PAIRS, ids=[f"{lang}-{w}" for lang, (w, _) in PAIRS])
def test_every_samples_diagrams_read_cleanly(app_server, browser, lang, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="ja-JP")
    page = context.new_page()
    out = SCREENSHOT_DIR / "flow"
    out.mkdir(parents=True, exist_ok=True)
    try:
        for model in "ABCD":
            open_page(page, app_server, f"/results?demo={model}&lang={lang}")
            open_flow_tab(page, lang)
            for time in CAT.flows.times:
                choose_time(page, time.name.get(lang))
                chart = CHART.format(time=time.id)
                data = traces(page, chart, until=lambda d: arrow_count(d) == len(CAT.arrows_at(time.id)))
                assert_clean(page)
                layout = page.evaluate(_LAYOUT_JS, chart)
                r = readability({"data": data, "layout": layout}, layout["width"])
                labels, heads = label_clashes({"data": data, "layout": layout | {"annotations": page.evaluate(
                    _NOTES_JS, chart)}}, layout["width"])
                where = (model, time.id, lang, size)
                assert r.arrows == len(CAT.arrows_at(time.id)), where
                assert len(r.crossings) <= MAX_CROSSINGS, (where, r.crossings)
                assert r.through == [], where
                assert labels == [] and heads == [], (where, labels, heads)
                # The whole diagram: a taller window for the shot (the page scrolls inside stMain).
                page.set_viewport_size({"width": size[0], "height": 2400})
                page.locator(f".st-key-{chart}").screenshot(
                    path=str(out / f"{model}_{time.id}_{lang}_{size[0]}.png"), animations="disabled")
                page.set_viewport_size({"width": size[0], "height": size[1]})
    finally:
        context.close()
