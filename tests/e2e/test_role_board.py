"""The Roles page's role board in a real browser at 1280×720 (issue 13): every role's status and
note set from the keyboard alone after one click, the focus kept across the server's reruns, and
read back in a new browser session; one click per status; the duties opened and closed; typed
text shown as text; nothing cut; each role a named radio group for a screen reader."""
import re

from playwright.sync_api import expect

from csirt_data import load_catalogue
from tests.e2e.ui import (board_settled, expect_role_status, open_page, role_board, role_row, set_role_status,
                          status_radio, t)

CAT = load_catalogue()
ORDER = ["in_house", "outsourced", "gap", "not_applicable"]  # the board's order; → moves right
LABELS = [r.label("ja") for f in CAT.functions for r in CAT.roles_of_function(f.id)]
FOCUSED = """() => { const h = document.querySelector('.st-key-role_board [data-testid="stBidiComponentIsolated"]');
  const f = h && h.shadowRoot.activeElement; const row = f && f.closest('.role');
  return f ? [row ? row.dataset.role : null, f.getAttribute('role') || f.tagName.toLowerCase()] : null; }"""


def _shown_statuses(page) -> list[str]:
    return role_board(page).locator(".role .badge").all_inner_texts()


def test_every_role_from_the_keyboard_then_read_back(app_server, page):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_page(page, app_server, "/roles?demo=B&lang=ja")
    before = _shown_statuses(page)
    assert len(before) == 19
    labels = {t(f"status.{s}"): s for s in ORDER}
    # One click into the board (on the first role's current status); from then on the keyboard.
    status_radio(page, LABELS[0], before[0]).click()
    wanted, notes = [], []
    for i, label in enumerate(LABELS):
        assert page.evaluate(FOCUSED)[1] == "radio", (i, page.evaluate(FOCUSED))
        page.keyboard.press("ArrowRight")  # the next status, chosen at once
        wanted.append(ORDER[(ORDER.index(labels[before[i]]) + 1) % 4])
        page.keyboard.press("Tab")  # to the role's note
        if i % 3 == 0:
            notes.append((label, f"メモ{i} <b>太字</b>"))
            page.keyboard.press("ControlOrMeta+A")  # the box's own text (a sample's note) replaced
            page.keyboard.type(notes[-1][1])
            page.keyboard.press("Enter")  # saved on Enter
        page.keyboard.press("Tab")  # the next role's duties button
        page.keyboard.press("Tab")  # the next role's chosen status
    board_settled(page)
    assert _shown_statuses(page) == [t(f"status.{s}") for s in wanted]
    expect(role_board(page).locator(".count")).to_contain_text(re.compile(r"[0-9]+"))
    assert role_board(page).locator("b").count() == 0  # typed text is text, never markup

    page.reload()  # a new session opens the saved work (?a=)
    page.wait_for_url(re.compile(r"[?&]a="))
    expect(role_board(page).locator(".role")).to_have_count(19)
    assert _shown_statuses(page) == [t(f"status.{s}") for s in wanted]
    for label, note in notes:
        expect(role_row(page, label).get_by_role("textbox")).to_have_value(note)


def test_one_click_sets_a_status_and_the_page_follows(app_server, page):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_page(page, app_server, "/roles?demo=B&lang=ja")
    handler = CAT.role("incident_handler").label("ja")
    count = role_board(page).locator(".count")
    expect(count).to_have_text(t("roles.changed_count", n=1))
    set_role_status(page, handler, t("status.outsourced"))
    expect(count).to_have_text(t("roles.changed_count", n=2))
    expect(role_row(page, handler)).to_contain_text(t("roles.differs", default=t("status.in_house")))
    # Each role is a radio group named by the role, for a screen reader.
    group = page.get_by_role("radiogroup", name=handler, exact=True)
    expect(group.get_by_role("radio", checked=True)).to_have_text(t("status.outsourced"))
    set_role_status(page, handler, t("status.in_house"))  # back to the default: no mark
    expect(count).to_have_text(t("roles.changed_count", n=1))
    expect(role_row(page, handler).locator(".differs")).to_have_text("")


def test_duties_open_and_close_and_nothing_is_cut_at_1280(app_server, page):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_page(page, app_server, "/roles?demo=C&lang=en")
    role = CAT.role("incident_handler")
    row = role_row(page, role.label("en"))
    toggle = row.get_by_role("button", name=t("roles.duties", "en"))
    duties = row.locator(".duties")
    expect(duties).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(duties).to_be_visible()
    expect(duties.locator("li").first).to_have_text(role.duties[0].en)
    toggle.click()
    expect(duties).to_be_hidden()
    # Every role's name whole, every choice on screen and in one line, at a projector's width.
    cut = role_board(page).locator(".name, .st[role=radio]").evaluate_all(
        "els => els.filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth)"
        ".map(e => e.textContent)")
    assert cut == []
    tops = row.get_by_role("radio").evaluate_all("els => els.map(e => Math.round(e.getBoundingClientRect().top))")
    assert len(set(tops)) == 1, tops
    expect_role_status(page, role.label("en"), t("status.in_house", "en"))


def test_a_long_note_is_shown_whole(app_server, page):
    """A note of a few sentences is read whole in its box (a one-line box cut it), at a projector's
    width and a phone's; Enter still saves it."""
    note = "外部委託先との契約更新が来年度のため、その時点で体制を見直す。" * 4
    open_page(page, app_server, "/roles?demo=B&lang=ja")
    box = role_row(page, LABELS[2]).get_by_role("textbox")
    box.click()
    page.keyboard.type(note)
    page.keyboard.press("Enter")
    board_settled(page)
    expect(box).to_have_value(note)  # Enter saved it and added no line
    hidden = "e => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1"
    for width, height in ((1280, 720), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")  # laid out
        assert not box.evaluate(hidden), width
    page.reload()
    page.wait_for_url(re.compile(r"[?&]a="))
    box = role_row(page, LABELS[2]).get_by_role("textbox")
    expect(box).to_have_value(note)
    assert not box.evaluate(hidden)
