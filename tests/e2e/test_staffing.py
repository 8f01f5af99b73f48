"""The Staffing page in Chromium: a deep link with the model B sample shows the headline figures and
the suggestion; applying it (after confirming) says so and leaves every group held. Screenshots
staffing_page_ja/en.png (before applying) go to tests/e2e/screenshots/."""
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import screenshot, wait_for_app
from tests.e2e.ui import alerts, assert_clean, metrics, open_page, t


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_staffing_page(app_server, page, lang):
    open_page(page, app_server, f"/staffing?demo=B&lang={lang}")
    expect(page.locator("h1").first).to_have_text(t("staffing.title", lang))
    assert_clean(page)
    shown = metrics(page)
    assert shown[t("staffing.minimum", lang)] == "7" and shown[t("staffing.headcount", lang)] == "10"
    page.get_by_text(t("staffing.rule_heading", lang)).click()  # open the rule
    expect(page.get_by_text(t("staffing.rule_groups", lang))).to_be_visible()
    screenshot(page, f"staffing_page_{lang}")
    if lang == "en":
        return
    page.get_by_role("button", name=t("staffing.apply", lang)).click()
    wait_for_app(page)
    expect(page.get_by_role("button", name=t("staffing.confirm_no", lang))).to_be_visible()
    screenshot(page, f"staffing_confirm_{lang}")
    page.get_by_role("button", name=t("staffing.confirm_yes", lang)).click()
    wait_for_app(page)
    expect(page.get_by_text(t("staffing.applied", lang))).to_be_visible()
    assert "check_circle " + t("staffing.all_filled", lang) in alerts(page)  # the icon name is text too
    assert_clean(page)
    screenshot(page, f"staffing_applied_{lang}")
