"""The action plan and the executive summary in a real browser: open the model A sample, set an
owner in the plan's table, download the plan as CSV and Excel and read both back; screenshots of
both pages in Japanese and English (tests/e2e/screenshots/actions_*.png, executive_*.png)."""
import re

import pytest
from playwright.sync_api import Page, expect

from assessment.exchange import action_export as ax
from tests.e2e.conftest import screenshot, wait_for_app
from tests.e2e.ui import ROW_PX, _wait_stable, assert_clean, go, open_page, t

OWNER = "山田 リーダー"
OWNER_COL = 4  # kind, role, person, what, owner


def plan_grid(page: Page):
    return page.locator('[class*="st-key-actions"]:not([data-stale="true"]) [data-testid="stDataFrame"]')


def set_owner(page: Page, row: int, text: str) -> None:
    grid = plan_grid(page)
    grid.scroll_into_view_if_needed()
    _wait_stable(grid)
    grid.click(position={"x": 20, "y": ROW_PX * (row + 1) + ROW_PX / 2})
    for _ in range(OWNER_COL):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    editor = page.locator("#portal textarea, #portal input").first
    expect(editor).to_be_visible()
    editor.fill(text)
    page.keyboard.press("Enter")
    wait_for_app(page)


def download(page: Page, label: str):
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    return info.value


def test_set_an_owner_then_download_the_plan_as_csv_and_excel(app_server, page, tmp_path):
    open_page(page, app_server, "/start?demo=A")
    go(page, "actions")
    assert_clean(page)
    set_owner(page, 0, OWNER)
    # The edit reached the assessment: the table is redrawn from it with the owner.
    expect(plan_grid(page).locator('td[data-testid="glide-cell-4-0"]')).to_have_text(OWNER, timeout=10_000)
    wait_for_app(page)

    csv_file = download(page, t("actions.download_csv"))
    assert re.fullmatch(r"csirt-actions-[0-9a-f]+-\d{8}\.csv", csv_file.suggested_filename)
    data = (tmp_path / "plan.csv")
    csv_file.save_as(data)
    raw = data.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    head, rows = ax.read_csv(raw)
    assert head == ax.headers("ja")
    assert rows[0][5] == OWNER and sum(r[5] == OWNER for r in rows) == 1
    assert rows[0][0] == t("actions.kind_train") and rows[0][-1].startswith("train:")

    xlsx_file = download(page, t("actions.download_xlsx"))
    assert xlsx_file.suggested_filename.endswith(".xlsx")
    book = tmp_path / "plan.xlsx"
    xlsx_file.save_as(book)
    assert ax.read_xlsx(book.read_bytes()) == (head, rows)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_screenshots_of_the_plan_and_the_executive_summary(app_server, page, lang):
    open_page(page, app_server, f"/start?demo=A&lang={lang}")
    for path in ("actions", "executive"):
        go(page, path, lang)
        assert_clean(page)
        if path == "executive":
            page.wait_for_selector(".st-key-exec_mix .js-plotly-plot")
            # Anonymised: no sample person's name in the page's text.
            text = page.get_by_test_id("stApp").inner_text()
            assert "（サンプル）" not in text
        shot = screenshot(page, f"{path}_demoA_{lang}")
        assert shot.stat().st_size > 20_000
