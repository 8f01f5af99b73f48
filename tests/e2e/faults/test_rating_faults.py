"""The rating widget when the database cannot be written (issue 13): a rating made while the SQLite
file is locked stays on screen, the page says it is not saved, and it is saved by itself once the
lock is gone (the retry fragment), with no further key."""
from __future__ import annotations

import json
import re
import sqlite3

from playwright.sync_api import expect

from assessment.core.messages import msg
from tests.e2e.conftest import wait_for_app
from tests.e2e.ui import alerts, rating_levels, rating_rows, rating_saved, rating_widget, sidebar, t


def _stored(data_dir, ident: str) -> dict:
    with sqlite3.connect(f"file:{data_dir / 'selfcheck.db'}?mode=ro", uri=True) as conn:
        row = conn.execute("SELECT document FROM assessments WHERE id = ?", (ident,)).fetchone()
    return json.loads(row[0])


def test_a_rating_while_the_database_is_locked_is_kept_said_and_saved_later(sqlite_server, data_dir, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ja-JP")
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        page.goto(f"{sqlite_server.url}/skills?demo=B&lang=ja")
        wait_for_app(page)
        levels = rating_levels(page)
        rating_rows(page).first.click()
        first = 0 if levels[0] != f"0 {t('level.0')}" else 1
        page.keyboard.press(str(first))  # stores the sample, with ?a=
        rating_saved(page)
        page.wait_for_url(re.compile(r"[?&]a=\w+"))
        ident = re.search(r"[?&]a=(\w+)", page.url).group(1)
        person = next(iter(_stored(data_dir, ident)["ratings"]))
        second = 2 if levels[1] != f"2 {t('level.2')}" else 3  # a change, not the level it has
        holder = sqlite3.connect(data_dir / "selfcheck.db", timeout=0)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            page.keyboard.press(str(second))  # the second skill, while nobody can write
            expect(rating_rows(page).nth(1).locator(".state")).to_have_text(f"{second} {t(f'level.{second}')}")
            # Said once the save gives up (the store's busy timeout), on the whole page.
            expect(page.get_by_test_id("stAlert").filter(has_text=msg("store.locked", "ja"))).to_be_visible(
                timeout=20_000)
            assert any(msg("store.locked", "ja") in x for x in alerts(page))
            expect(sidebar(page).get_by_text(t("save.not_saved"), exact=True)).to_be_visible()
        finally:
            holder.rollback()
            holder.close()
        # No further key: the retry saves it and the page says so.
        expect(sidebar(page).get_by_text(t("save.saved"), exact=True)).to_be_visible(timeout=15_000)
        skill = rating_rows(page).nth(1).get_attribute("data-skill")
        assert _stored(data_dir, ident)["ratings"][person][skill] == second
        expect(rating_rows(page).nth(1).locator(".state")).to_have_text(f"{second} {t(f'level.{second}')}")
        expect(rating_widget(page)).to_have_attribute("data-pending", "0")
    finally:
        context.close()
