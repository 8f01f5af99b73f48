"""Workshop ratings in a real browser: one skill rated differently by the lead and by the person
shows up in the list of the largest gaps, with both values and the difference; screenshots of the
Skills page with the comparison in Japanese and English (demo B)."""

import pytest
from playwright.sync_api import expect

from csirt_data import load_catalogue
from tests.e2e.conftest import screenshot
from tests.e2e.ui import (assert_clean, grid_column, open_page, rate, rating_levels, rating_others, rating_skills,
                          rating_widget, switch_language, t, traces, wait_for_app)

CAT = load_catalogue()


def LEVEL(n: int, lang: str = "ja") -> str:
    return f"{n} {t(f'level.{n}', lang)}"


def gap_table(page):
    return page.locator('.st-key-rater_gaps [data-testid="stDataFrame"]')


def expect_cell(table, col: int, text: str) -> None:
    """A cell of the first row, waited for: after a rerun the grid redraws a moment later."""
    table.scroll_into_view_if_needed()
    expect(table.locator(f'td[data-testid="glide-cell-{col}-0"]')).to_have_text(text)


def choose_rater(page, rater: str, lang: str = "ja") -> None:
    switch = page.get_by_role("radiogroup", name=t("workshop.rater_label", lang))
    switch.get_by_role("radio", name=t(f"workshop.rater.{rater}", lang), exact=True).click()
    wait_for_app(page)
    expect(rating_widget(page)).to_have_attribute("data-rater", rater)


@pytest.mark.parametrize("lang", ["ja"])
def test_lead_and_self_rate_one_skill_differently(app_server, page, lang):
    open_page(page, app_server, f"/skills?demo=B&lang={lang}")
    assert_clean(page)
    # The differences are drawn only while their expander is open.
    expect(page.get_by_text(t("workshop.none_both", lang))).to_have_count(0)
    page.get_by_text(t("workshop.compare_heading", lang), exact=True).click()
    wait_for_app(page)
    expect(page.get_by_text(t("workshop.none_both", lang))).to_be_visible()
    first_skill = rating_skills(page)[0]
    levels = rating_levels(page)
    n = len(levels)

    # The lead rates the first skill 4 (3 if the sample has 4 there already); the person rates it 1.
    lead = 3 if levels[0] == LEVEL(4, lang) else 4
    rate(page, 0, lead)
    assert rating_levels(page)[0] == LEVEL(lead, lang)
    choose_rater(page, "self", lang)
    NR = t("trust.not_rated", lang)
    assert rating_levels(page) == [NR] * n  # nothing self-rated yet: 未評価, in words
    assert rating_others(page)[0] == LEVEL(lead, lang)  # the lead's value beside it, read-only
    rate(page, 0, 1)
    assert rating_levels(page) == [LEVEL(1, lang)] + [NR] * (n - 1)
    assert rating_others(page)[0] == LEVEL(lead, lang)

    # The gap list: one skill both have rated, the lead's value used (the default rule).
    table = gap_table(page)
    expect(table).to_be_visible()
    assert grid_column(page, 0, table) == ["1"]
    assert grid_column(page, 1, table) == [first_skill]
    assert grid_column(page, 2, table) == [LEVEL(lead, lang)]
    assert grid_column(page, 3, table) == [LEVEL(1, lang)]
    assert grid_column(page, 4, table) == [f"{1 - lead:+d}"]
    assert grid_column(page, 5, table) == [LEVEL(lead, lang)]
    expect(page.get_by_text(t("workshop.counts", lang, total=n, both=1, same=0, lead_only=n - 1, self_only=0,
                              neither=0))).to_be_visible()

    # The rule "lower": the value used becomes the person's 1.
    rule = page.get_by_role("radiogroup", name=t("workshop.rule_label", lang))
    rule.get_by_text(t("workshop.rule.lower", lang), exact=True).click()  # the label: the input is hidden
    wait_for_app(page)
    expect(page.get_by_text(t("workshop.rule_statement.lower", lang))).to_be_visible()
    expect_cell(gap_table(page), 5, LEVEL(1, lang))
    assert grid_column(page, 5, gap_table(page)) == [LEVEL(1, lang)]
    # The switch stayed on the self-rating through the rule change.
    expect(rating_widget(page)).to_have_attribute("data-rater", "self")
    assert_clean(page)
    page.get_by_text(t("workshop.compare_heading", lang)).scroll_into_view_if_needed()
    assert screenshot(page, "skills_workshop_ja").stat().st_size > 20_000

    switch_language(page, "en")
    expect(page.locator("h1").first).to_have_text(t("skills.title", "en"))
    # The rule chosen in Japanese is still the one shown in English.
    rule = page.get_by_role("radiogroup", name=t("workshop.rule_label", "en"))
    expect(rule.get_by_role("radio", checked=True)).to_have_count(1)
    expect(rule.get_by_role("radio", name=t("workshop.rule.lower", "en"), exact=True)).to_be_checked()
    table = gap_table(page)
    expect_cell(table, 2, LEVEL(lead, "en"))
    assert grid_column(page, 2, table) == [LEVEL(lead, "en")]
    assert grid_column(page, 4, table) == [f"{1 - lead:+d}"]
    assert_clean(page)
    assert screenshot(page, "skills_workshop_en").stat().st_size > 20_000


def test_the_model_c_sample_opens_with_both_raters(app_server, page):
    """A consultant's demo: the model C sample carries self-ratings, so the comparison shows gaps
    and a radar with both raters at once."""
    open_page(page, app_server, "/skills?demo=C&lang=ja")
    page.get_by_text(t("workshop.compare_heading"), exact=True).click()
    wait_for_app(page)
    table = gap_table(page)
    expect(table).to_be_visible()
    assert len(grid_column(page, 4, table)) >= 1  # differences listed (the self − lead column)
    names = {d["name"] for d in traces(page, "rater_radar")}
    assert {t("workshop.rater.lead"), t("workshop.rater.self")} <= names
    assert_clean(page)
    screenshot(page, "skills_workshop_demoC_ja")
