"""Full-page screenshots of every page, and of the flow diagram at both times, in both languages, into
the git-ignored tests/e2e/screenshots/ (e.g. results_en.png, results_flow_incident_ja.png), with the
model B sample loaded so that every page has something to show. Look at them: this is what the
workshop sees on the projector."""
import pytest

from csirt_data import load_catalogue
from tests.e2e.ui import PAGES, arrow_count, assert_clean, choose_time, go, open_flow_tab, open_page, traces
from tests.e2e.conftest import screenshot

CAT = load_catalogue()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_screenshot_every_page_and_the_flow_diagram(app_server, page, lang):
    # Opened with ?lang= (the sidebar switch has its own test in test_language.py).
    open_page(page, app_server, f"/start?demo=B&lang={lang}")
    shots = []
    for path, _, _ in PAGES:
        go(page, path, lang)
        assert_clean(page)
        shots.append(screenshot(page, f"{path}_{lang}"))

    # Back to Results (pages after it in the sidebar came since) for the flow diagram.
    go(page, "results", lang)
    open_flow_tab(page, lang)
    for time in CAT.flows.times:
        choose_time(page, time.name.get(lang))
        traces(page, f"flow_chart_{time.id}", until=lambda d: arrow_count(d) == len(CAT.arrows_at(time.id)))
        assert_clean(page)
        shots.append(screenshot(page, f"results_flow_{time.id}_{lang}"))

    assert len(shots) == len(PAGES) + 2
    for p in shots:
        assert p.stat().st_size > 20_000, p  # a rendered page, not a blank one
