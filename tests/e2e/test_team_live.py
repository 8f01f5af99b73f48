"""Team mode in real browsers: four browsers on one assessment change four roles at once and all
four are kept with no prompt; each browser shows the others' changes without a reload within 3 s.
A live page that nothing changes runs no script: its browser asks over HTTP (components/live)."""
import re
import time
from contextlib import contextmanager
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import wait_for_app
from tests.e2e.faults.conftest import AppServer
from tests.e2e.ui import choose, expect_role_status, open_page, set_role_status, status_radio, t

ROLES = ["コマンダー：CSIRT全体統括担当", "インシデントハンドラー：インシデント処理担当",
         "インベスティゲーター：調査・捜査担当", "トリアージ担当：優先順位選定担当"]
EDUCATOR = "教育担当：教育・啓発担当"
LIVE_MS = 3000  # the promise: others' saved changes within 3 s
# Four saves racing on one busy server: a browser draws the others' changes a moment after its
# own save returns; 2 s beyond the promise (the promise itself is measured by make bench-workshop).
# A browser that missed a run's output once drew the first option instead and sent it back on every
# poll, so a change stayed unshown for 5-15 s under load (issue 13): tests/app/test_bound_widgets.py.
RACE_SLACK_MS = 2000


@pytest.fixture(scope="module")
def app_server(tmp_path_factory):
    """A server of this module's own, with an empty data folder: four browsers racing their saves
    are measured against the 3 s promise, not against the sessions earlier tests left running."""
    server = AppServer({"CSIRT_SELFCHECK_DATA_DIR": str(tmp_path_factory.mktemp("team-live-data"))})
    server.start()
    yield server.url
    server.stop()


def stored_id(page) -> str:
    """The assessment's id, once the first change has stored the sample and put it in the URL."""
    page.wait_for_url(re.compile(r"[?&]a="))
    return parse_qs(urlparse(page.url).query)["a"][0]


def test_four_browsers_change_four_roles_at_once_all_kept_and_shown_live(browser, app_server):
    contexts = [browser.new_context(viewport={"width": 1400, "height": 1000}) for _ in ROLES]
    pages = [c.new_page() for c in contexts]
    try:
        open_page(pages[0], app_server, "/roles?demo=C")
        set_role_status(pages[0], EDUCATOR, t("status.gap"))  # the sample is stored from its first change
        a_id = stored_id(pages[0])
        for p in pages[1:]:
            open_page(p, app_server, f"/roles?a={a_id}")
        wanted = t("status.not_applicable")
        # All four choose before any waits: the saves race on the server.
        for p, role in zip(pages, ROLES):
            status_radio(p, role, wanted).click()
        for p in pages:
            wait_for_app(p)
        for p in pages:
            assert not p.get_by_test_id("stAlert").filter(has_text=t("merge.keep_mine")).count()
            expect(p.get_by_role("button", name=t("merge.keep_mine"))).to_have_count(0)
            # Every browser shows all four changes, the others' arriving without a reload.
            for role in ROLES:
                expect_role_status(p, role, wanted, timeout=LIVE_MS + RACE_SLACK_MS)
        check = contexts[0].new_page()
        open_page(check, app_server, f"/roles?a={a_id}")
        for role in ROLES:
            expect_role_status(check, role, wanted)
    finally:
        for c in contexts:
            c.close()


@contextmanager
def editor_and_projector(browser, url: str, before_open=None):
    """An editor who stored sample B with one change, and a second browser (the projector) open on
    the same assessment; `before_open(projector)` runs before the projector's page loads."""
    contexts = [browser.new_context(viewport={"width": 1400, "height": 1000}) for _ in range(2)]
    try:
        editor = contexts[0].new_page()
        open_page(editor, url, "/roles?demo=B")
        set_role_status(editor, EDUCATOR, t("status.gap"))
        a_id = stored_id(editor)
        projector = contexts[1].new_page()
        if before_open:
            before_open(projector)
        open_page(projector, url, f"/roles?a={a_id}")
        yield editor, projector, a_id
    finally:
        for c in contexts:
            c.close()


def shows_the_editors_next_change(editor, projector) -> None:
    set_role_status(editor, ROLES[3], t("status.outsourced"))  # saved when this returns
    expect_role_status(projector, ROLES[3], t("status.outsourced"), timeout=LIVE_MS)


def test_a_change_in_one_browser_shows_in_another_within_3_seconds(browser, app_server):
    with editor_and_projector(browser, app_server) as (editor, projector, _a_id):
        url_before = projector.url
        shows_the_editors_next_change(editor, projector)
        assert projector.url == url_before  # no reload, no navigation


def test_an_idle_live_page_runs_no_script_and_still_follows(browser, app_server):
    """Issue 13: a script run per second (the old poll) made every click wait behind it. Now the
    browser asks the live endpoint; no rerun goes over the WebSocket until something changed."""
    reruns, asks = [], []

    def listen(page):
        page.on("websocket", lambda ws: ws.on("framesent", lambda _f: reruns.append(time.monotonic())))
        page.on("request", lambda r: asks.append(r.post_data) if "/_csirt/live" in r.url else None)

    with editor_and_projector(browser, app_server, listen) as (editor, projector, a_id):
        projector.wait_for_timeout(1500)  # the page's own first runs are over
        reruns.clear(), asks.clear()
        projector.wait_for_timeout(4000)
        assert reruns == []  # not one script run in 4 s of nothing changing
        assert len(asks) >= 2 and a_id not in asks[0]  # it asked, with a token, not the id
        shows_the_editors_next_change(editor, projector)


def test_without_the_live_endpoint_a_page_still_follows(browser, tmp_path):
    """`streamlit run app.py` has no serve.py and so no endpoint: the watcher's question fails and
    it reruns its fragment every second instead, as before issue 13."""
    server = AppServer({"CSIRT_SELFCHECK_DATA_DIR": str(tmp_path)}, script="app.py")
    server.start()
    try:
        with editor_and_projector(browser, server.url) as (editor, projector, _a_id):
            shows_the_editors_next_change(editor, projector)
    finally:
        server.stop()


def test_an_open_list_stays_open_while_others_change_and_their_change_shows_once_it_closes(browser, app_server):
    """A lead choosing from a list must not lose it because a colleague saved meanwhile (found in
    stop 20 on the Roles page's status lists: the redraw closed it, three times out of three). The
    watcher runs nothing while a list is open; the colleague's change shows once it closes. (The
    Roles page has no lists now: the Skills page's targets have.)"""
    reruns = []

    def listen(page):
        page.on("websocket", lambda ws: ws.on("framesent", lambda _f: reruns.append(time.monotonic())))

    with editor_and_projector(browser, app_server, listen) as (editor, projector, a_id):
        for p in (editor, projector):
            open_page(p, app_server, f"/skills?a={a_id}")
            p.get_by_text(t("targets.heading"), exact=True).click()  # its expander
        projector.wait_for_timeout(1500)  # the page's own first runs are over
        mine = projector.get_by_role("combobox", name=t("kind.prerequisite"))
        theirs = t("kind.additional")
        before = projector.get_by_role("combobox", name=theirs).input_value()
        wanted = "1" if before != "1" else "2"
        mine.click()
        mine.fill("")
        expect(projector.get_by_role("listbox")).to_have_count(1)
        reruns.clear()
        choose(editor, editor.get_by_role("combobox", name=theirs), wanted)
        wait_for_app(editor)
        expect(editor.get_by_role("combobox", name=theirs)).to_have_value(wanted)  # saved
        projector.wait_for_timeout(LIVE_MS)
        assert reruns == []  # no run under the open list, which a redraw may close
        expect(projector.get_by_role("listbox")).to_have_count(1)  # still open, still the user's
        projector.keyboard.press("Escape")
        expect(projector.get_by_role("combobox", name=theirs)).to_have_value(wanted, timeout=LIVE_MS)
