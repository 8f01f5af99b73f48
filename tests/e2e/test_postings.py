"""Job postings in a real browser: open demo A, go to the postings page, pick a role, edit the
text, download .md and .docx and read both back; screenshots in both languages."""
import io
import re

from docx import Document
from playwright.sync_api import expect

from csirt_data import load_catalogue
from tests.e2e.conftest import screenshot, wait_for_app
from tests.e2e.ui import assert_clean, choose, expect_page, go, open_page, t

CAT = load_catalogue()
EDIT = "追記：応募は人事部まで（テスト）"


def _download(page, label: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    d = info.value
    return d.suggested_filename, open(d.path(), "rb").read()


def test_pick_a_role_edit_and_download_md_and_docx(app_server, page):
    open_page(page, app_server, "/start?demo=A")
    go(page, "postings")
    expect_page(page, "postings")
    # Demo A: commander is in-house; a job posting for it.
    label = t("postings.role_option", role=CAT.role("commander").name.ja, status=t("status.in_house"))
    choose(page, page.get_by_role("combobox", name=t("postings.role")), label)
    wait_for_app(page)
    page.get_by_role("radiogroup", name=t("postings.kind")).get_by_text(t("postings.kind.posting"), exact=True).click()
    wait_for_app(page)
    box = page.get_by_role("textbox", name=t("postings.editor"))
    expect(box).to_have_value(re.compile("^# 募集要項：コマンダー"))
    skill = CAT.role_links("commander", "prerequisite")[0].as_written
    assert skill in box.input_value()
    # Edit: append a line, then apply it (Ctrl+Enter) before downloading.
    box.click()
    box.press("Control+End")
    box.type(f"\n\n{EDIT}\n")
    box.press("Control+Enter")
    wait_for_app(page)
    expect(page.get_by_test_id("stMarkdownContainer").filter(has_text=EDIT).first).to_be_visible()
    assert_clean(page)

    name, data = _download(page, t("postings.download_md"))
    assert name == "posting_commander_ja.md"
    md = data.decode("utf-8")
    assert md.startswith("# 募集要項：コマンダー") and EDIT in md and skill in md

    name, data = _download(page, t("postings.download_docx"))
    assert name == "posting_commander_ja.docx"
    doc = Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    assert doc.paragraphs[0].style.name == "Heading 1" and texts[0] == "募集要項：コマンダー"
    assert EDIT in texts and skill in texts
    assert doc.core_properties.title == "募集要項：コマンダー"
    screenshot(page, "postings_ja")


def test_english_screen_and_an_rfp(app_server, page):
    open_page(page, app_server, "/postings?demo=A&lang=en")
    expect_page(page, "postings", "en")
    # Demo A's first open role is the outsourced researcher: an RFP, in English like the screen.
    box = page.get_by_role("textbox", name=t("postings.editor", "en"))
    expect(box).to_have_value(re.compile(r"^# Request for proposal \(RFP\) scope: Researcher"))
    expect(page.get_by_test_id("stMarkdownContainer").filter(has_text="Deliverables and reporting lines").first) \
        .to_be_visible()
    assert_clean(page)
    screenshot(page, "postings_en")
