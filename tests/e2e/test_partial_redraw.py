"""Clicks that redraw only part of the page (issue 13) must leave nothing stale in a real browser:
after a role's status click the page reads exactly as a fresh load of the same saved work; the
flow diagram's switch redraws the diagram for the chosen time; the language switch turns every
text of the page, the sidebar included, into the other language."""
import re

from playwright.sync_api import expect

from csirt_data import load_catalogue
from tests.e2e.ui import (KANA_KANJI, arrow_count, chart_title, choose_time, open_flow_tab, open_page,
                          role_board, set_role_status, sidebar, switch_language, t, traces)
from tests.e2e.conftest import wait_for_app

CAT = load_catalogue()


def _reading(page) -> dict:
    """What the page says about the work: the sidebar's figures, every role's label, the count of
    changed roles (a role's status shows in all three)."""
    main = page.get_by_test_id("stMain")
    expect(role_board(page).locator(".role")).to_have_count(19)
    return {"sidebar": sidebar(page).get_by_test_id("stSidebarUserContent").inner_text(),
            "labels": role_board(page).locator(".role .line").all_inner_texts() + [role_board(page).locator(".count").inner_text()],
            "captions": main.get_by_test_id("stCaptionContainer").all_inner_texts()}


def test_a_role_status_click_leaves_nothing_stale(app_server, page):
    open_page(page, app_server, "/roles?demo=B")
    set_role_status(page, CAT.role("educator").label("ja"), t("status.gap"))  # stores the sample
    expect(page).to_have_url(re.compile(r"[?&]a="))
    before = _reading(page)
    set_role_status(page, CAT.role("incident_handler").label("ja"), t("status.outsourced"))
    wait_for_app(page)
    clicked = _reading(page)
    assert clicked != before  # it did change something the page shows
    assert t("status.outsourced") in " ".join(clicked["labels"])
    page.reload()  # a fresh session opens the saved work (?a=): every figure from a full run
    wait_for_app(page)
    assert _reading(page) == clicked


def test_the_flow_switch_shows_the_diagram_of_the_chosen_time_without_a_run(app_server, page):
    """平常時 / インシデント対応時 are tabs drawn when 関連図 opens: a switch runs no script."""
    frames = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda _f: frames.append(1)))
    open_page(page, app_server, "/results?demo=B")
    open_flow_tab(page)
    wait_for_app(page)
    names = {x.id: x.name.ja for x in CAT.flows.times}
    headline = page.get_by_test_id("stMetric").all_inner_texts()
    page.wait_for_timeout(1000)  # the page's own first runs are over
    frames.clear()
    for time in ("incident", "normal", "incident"):
        choose_time(page, names[time])
        traces(page, f"flow_chart_{time}", until=lambda d: arrow_count(d) == len(CAT.arrows_at(time)))
        assert chart_title(page, f"flow_chart_{time}") == t("flow.title", time=names[time])
        other = "normal" if time == "incident" else "incident"
        expect(page.locator(f".st-key-flow_chart_{other}")).to_be_hidden()
    assert frames == []  # not one message to the server: the browser switched alone
    assert page.get_by_test_id("stMetric").all_inner_texts() == headline


# Japanese that stays in English: the switch's own 日本語 label, and the sample's made-up names
# (user data, not UI text) are checked apart.
ALLOWED = {"日本語"}


def _japanese_left(page) -> list[str]:
    out = []
    for where in (page.get_by_test_id("stMain"), sidebar(page)):
        for line in where.inner_text().splitlines():
            if KANA_KANJI.search(line) and line.strip() not in ALLOWED:
                out.append(line.strip())
    return out


def test_the_language_switch_changes_every_text_of_the_page_sidebar_included(app_server, page):
    for path in ("roles", "results", "start"):
        open_page(page, app_server, f"/{path}?demo=C")
        assert _japanese_left(page)  # the page starts in Japanese
        switch_language(page, "en")
        expect(page.locator("h1").first).not_to_have_text(re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"))
        wait_for_app(page)  # the h1 is drawn first; the run goes on drawing the rest of the page
        left = _japanese_left(page)
        assert not left, (path, left)
