"""The consultant's live demo (issue #5, "Done when"): open the model A sample, make the scenario
「モデルBへ移行」 in one click, and show coverage, headcount and the flow diagrams side by side; flip a
role in the scenario and watch the comparison follow. The whole path is timed and printed."""
import re
import time

import pytest
from playwright.sync_api import expect

from csirt_data import load_catalogue
from tests.e2e.conftest import screenshot
from tests.e2e.ui import OUTSOURCED, assert_clean, by_name, choose, nodes, open_page, t, traces, wait_for_app

CAT = load_catalogue()


TABLES = ("scenario_figures", "scenario_roles")  # components/plan/compare_view.py's static tables


def _table(page, n: int = 0) -> str:
    return page.locator(f"table.csc-t-{TABLES[n]}").inner_text()


def _outsourced_in(flow: list[dict]) -> set[str]:
    return nodes(flow, "outsourced")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_move_to_model_b_side_by_side_then_flip_a_role(app_server, page, lang):
    started = time.monotonic()
    open_page(page, app_server, f"/scenarios?demo=A&lang={lang}")
    expect(page.locator("h1").first).to_have_text(t("scenarios.title", lang))
    model_b = CAT.model("B").name.get(lang)
    name = t("scenarios.move_name", lang, model=model_b)

    page.get_by_role("button", name=name).click()
    wait_for_app(page)
    expect(page.get_by_test_id("stAlert").filter(has_text=t("scenarios.created", lang, name=name))).to_have_count(1)

    # Headline figures side by side: 現状 (model A) and the scenario (model B) with its differences.
    figures = _table(page, 0)
    assert t("scenarios.current", lang) in figures and name in figures, figures
    assert CAT.model("A").name.get(lang) in figures and model_b in figures
    assert "(+3)" in figures  # minimum headcount 4 → 7: groups 3 and 5 and system operations come in-house
    roles = _table(page, 1)
    back_in_house = OUTSOURCED["A"] - OUTSOURCED["B"]
    for r in back_in_house:
        assert CAT.role(r).name.get(lang) in roles, roles

    # Two flow diagrams next to each other, coloured by each column's statuses.
    left = traces(page, "sc_flow_0")
    right = traces(page, "sc_flow_1", until=lambda d: _outsourced_in(d) == OUTSOURCED["B"])
    assert _outsourced_in(left) == OUTSOURCED["A"] - {"system_operations"} or _outsourced_in(left) == OUTSOURCED["A"]
    assert _outsourced_in(right) == OUTSOURCED["B"]
    box0 = page.locator(".st-key-sc_flow_0").bounding_box()
    box1 = page.locator(".st-key-sc_flow_1").bounding_box()
    assert abs(box0["y"] - box1["y"]) < 5 and box1["x"] > box0["x"] + box0["width"] - 5, (box0, box1)

    # The radar overlays both columns on the same axes (and the target).
    radar = traces(page, "sc_radar")
    assert {d["name"] for d in radar} == {t("scenarios.current", lang), name, t("chart.target", lang)}
    before = by_name(radar, name)["r"]
    assert by_name(radar, t("scenarios.current", lang))["r"] != before

    # Flip a role in the scenario: the incident handler goes outsourced; everything follows.
    handler = CAT.role("incident_handler").name.get(lang)
    choose(page, page.get_by_role("combobox", name=handler, exact=True), t("status.short.outsourced", lang))
    wait_for_app(page)
    right = traces(page, "sc_flow_1", until=lambda d: "incident_handler" in _outsourced_in(d))
    assert _outsourced_in(right) == OUTSOURCED["B"] | {"incident_handler"}
    assert _outsourced_in(traces(page, "sc_flow_0")) == _outsourced_in(left)  # the current state stays
    expect(page.locator(f"table.csc-t-{TABLES[0]}")).to_contain_text("(−5)")  # outsourced 10 → 5
    after = by_name(traces(page, "sc_radar", until=lambda d: by_name(d, name)["r"] != before), name)["r"]
    assert after != before
    assert re.search(re.escape(handler) + r"\s*✎", page.get_by_test_id("stMain").inner_text())
    assert_clean(page)
    elapsed = time.monotonic() - started
    print(f"\n[{lang}] demo path: open /scenarios?demo=A, create, compare, flip a role: {elapsed:.1f} s")
    assert elapsed < 60

    screenshot(page, f"scenarios_compare_{lang}")


def test_a_name_with_markdown_and_html_is_shown_as_typed(app_server, page):
    open_page(page, app_server, "/scenarios?demo=B")
    page.get_by_role("button", name=t("scenarios.new_from_current")).click()
    box = page.get_by_label(t("scenarios.name"))
    odd = "*SOC* (x) <b>2</b> [a](b)"
    box.fill(odd)
    box.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name=t("scenarios.create"), exact=True).click()
    wait_for_app(page)
    expect(page.get_by_test_id("stAlert").filter(has_text=t("scenarios.created", name=odd))).to_have_count(1)
    header = page.locator(f"table.csc-t-{TABLES[0]}").locator("thead").inner_text()
    assert odd in header, header
    radar = traces(page, "sc_radar")
    assert {d["name"] for d in radar} == {t("scenarios.current"), "*SOC* (x) &lt;b&gt;2&lt;/b&gt; [a](b)",
                                          t("chart.target")}
    assert_clean(page)


def test_two_scenarios_compared_with_the_current_state(app_server, page):
    """The issue's browser test: two scenarios from a demo, compared (three columns)."""
    open_page(page, app_server, "/scenarios?demo=A&lang=ja")
    names = {}
    for m in ("B", "C"):
        names[m] = t("scenarios.move_name", "ja", model=CAT.model(m).name.ja)
        page.get_by_role("button", name=names[m]).click()
        wait_for_app(page)
    # Creating a scenario compares it with the current state; add the first one as a third column.
    choose(page, page.get_by_role("combobox", name=t("scenarios.compare_which")), names["B"])
    page.keyboard.press("Escape")
    wait_for_app(page)
    figures = _table(page, 0)
    assert names["B"] in figures and names["C"] in figures and t("scenarios.current") in figures, figures
    flows = {m: traces(page, f"sc_flow_{n}") for n, m in enumerate(("A", "C", "B"))}
    for m, flow in flows.items():
        expected = OUTSOURCED[m]
        assert _outsourced_in(flow) in (expected, expected - {"system_operations"}), (m, _outsourced_in(flow))
    radar = traces(page, "sc_radar")
    assert {d["name"] for d in radar} == {t("scenarios.current"), names["B"], names["C"], t("chart.target")}
    assert_clean(page)
    screenshot(page, "scenarios_three_columns_ja")
