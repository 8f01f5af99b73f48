"""Login with a real OpenID Connect provider (oidc-provider-mock, on 127.0.0.1, started here) and
serve.py started with a secrets file pointing at it: two users in two browsers each see only their
own work, a bare ?a= of another's shows a message and no data, the owner grants the other viewer
rights on /share (who then reads it without editing widgets), an administrator lists everything,
and logging out leaves nothing in the browser (storage, URL, page, back button)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.app_pages_table import page_h1_key
from tests.e2e.conftest import APP_TIMEOUT_MS, REPO_ROOT, SERVER_START_TIMEOUT_S, _free_port, _healthy, screenshot, wait_for_app
from tests.e2e.oidc import USERS, log_in, provider, secrets_file
from tests.e2e.ui import t


@pytest.fixture(scope="module")
def login_app():
    """serve.py with login on: its own data folder and a secrets file in a temp dir (never the
    repo's .streamlit)."""
    folder = Path(tempfile.mkdtemp(prefix="selfcheck-login-"))
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with provider() as op:
        cmd = [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port),
               "--server.headless", "true", "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none", "--secrets.files", str(secrets_file(folder, url, op))]
        env = dict(os.environ, CSIRT_SELFCHECK_DATA_DIR=str(folder / "data"))
        log = (folder / "server.log").open("w+")
        proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + SERVER_START_TIMEOUT_S
            while not _healthy(url):
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    pytest.fail(f"the login server did not start:\n{log.read()}", pytrace=False)
                time.sleep(0.25)
            yield url, op
        finally:
            proc.terminate()
            proc.wait(timeout=15)
            log.close()


@pytest.fixture
def contexts(browser):
    made = []

    def new(width=1280, height=720, lang="ja-JP"):
        ctx = browser.new_context(viewport={"width": width, "height": height}, locale=lang)
        ctx.set_default_timeout(APP_TIMEOUT_MS)
        made.append(ctx)
        return ctx.new_page()
    yield new
    for ctx in made:
        ctx.close()


def create(page, base: str, organisation: str) -> str:
    """A new assessment from a sample, stored by a change; returns its id."""
    page.goto(f"{base}/start?demo=B")
    wait_for_app(page)
    box = page.get_by_label(t("sidebar.organisation"), exact=True)
    box.fill(organisation)
    box.press("Enter")
    wait_for_app(page)
    page.wait_for_url(re.compile(r"[?&]a="))
    return parse_qs(urlparse(page.url).query)["a"][0]


def listed(page, lang: str = "ja") -> list[str]:
    """The Start page's list of saved assessments, as its options read (reached through the
    sidebar: the same session, no reload)."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=t("page.start", lang)).click()
    page.wait_for_url(re.compile(r"/start(\?|$)"))
    wait_for_app(page)
    box = page.get_by_label(t("library.pick", lang), exact=True)
    if box.count() == 0:
        return []
    box.click()
    box.fill("·")  # every label has it; typing opens the list (a click alone may not, in 1.67)
    expect(page.get_by_role("option").first).to_be_visible(timeout=APP_TIMEOUT_MS)
    options = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    return options


def ids(options: list[str]) -> set[str]:
    """The short ids the list's labels end with."""
    return {x.rsplit("· ", 1)[-1].strip() for x in options}


def test_two_users_see_only_their_own_a_grant_shares_and_logout_leaves_nothing(login_app, contexts):
    base, op = login_app
    alice, bob = contexts(), contexts()
    log_in(alice, base, op, "alice")
    log_in(bob, base, op, "bob")
    mine, theirs = create(alice, base, "アリス株式会社"), create(bob, base, "ボブ商事")
    assert [ids(listed(alice)), ids(listed(bob))] == [{mine[:6]}, {theirs[:6]}]

    alice.goto(f"{base}/results?a={theirs}")  # another's work by its id: a message and no data
    wait_for_app(alice)
    expect(alice.get_by_test_id("stAlert").filter(has_text=t("login.not_yours"))).to_be_visible(timeout=APP_TIMEOUT_MS)
    assert "ボブ商事" not in alice.inner_text("body") and "a=" not in alice.url

    bob.goto(f"{base}/share?a={theirs}")  # Bob grants Alice viewer rights by her e-mail
    wait_for_app(bob)
    bob.get_by_label(t("login.email_label")).fill(USERS["alice"].upper())
    bob.get_by_role("button", name=t("login.grant"), exact=True).click()
    wait_for_app(bob)
    granted = bob.locator("[class*='st-key-grant_']").filter(has_text="alice@")
    expect(granted).to_contain_text(t("login.role_viewer"), timeout=APP_TIMEOUT_MS)

    shared = listed(alice)
    assert ids(shared) == {mine[:6], theirs[:6]}
    assert [x for x in shared if theirs[:6] in x and t("login.listed_viewer") in x]
    alice.goto(f"{base}/files?a={theirs}")
    wait_for_app(alice)
    expect(alice.locator("h1").first).to_have_text(t(page_h1_key("files")), timeout=APP_TIMEOUT_MS)
    assert alice.get_by_label(t("sidebar.organisation"), exact=True).count() == 0  # a viewer: nothing to edit
    links = alice.get_by_test_id("stSidebarNav").get_by_role("link")
    expect(links).to_have_count(3, timeout=APP_TIMEOUT_MS)  # results, executive summary, files: a viewer link's pages

    boss = contexts()
    log_in(boss, base, op, "boss")
    assert ids(listed(boss)) >= {mine[:6], theirs[:6]}

    alice.get_by_role("button", name=t("login.logout")).click()
    alice.wait_for_url(f"{op}/**")  # the provider ends its session too (its confirm form)
    alice.get_by_role("button", name="End session").click()
    alice.wait_for_url(re.compile(rf"^{re.escape(base)}/"))
    wait_for_app(alice)
    expect(alice.get_by_role("button", name=t("login.button"))).to_be_visible(timeout=APP_TIMEOUT_MS)
    assert "a=" not in alice.url
    body = alice.inner_text("body")
    assert "ボブ商事" not in body and "アリス株式会社" not in body
    # Streamlit's own frontend keeps its UI preferences there (theme, sidebar sections: keyed by
    # page path); nothing of the work: no id, no name, no address.
    stored = alice.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")
    assert not [x for x in (mine, theirs, "アリス", "ボブ", "example.org") if x in stored], stored
    keys = alice.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    assert all(k.startswith(("stActiveTheme-", "stSidebarSectionsState-")) for k in keys), keys
    assert not [c for c in alice.context.cookies() if c["name"].startswith("_streamlit_user")]
    alice.go_back()  # the provider's form
    alice.go_back()  # the assessment as it was shown: a new session now, the login screen
    wait_for_app(alice)
    expect(alice.get_by_role("button", name=t("login.button"))).to_be_visible(timeout=APP_TIMEOUT_MS)
    assert "a=" not in alice.url and "ボブ商事" not in alice.inner_text("body")


def shots(page, name: str) -> None:
    """The page at 1280×720 and at a phone's 390×844 (the same session, resized)."""
    screenshot(page, f"{name}")
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(300)
    screenshot(page, f"{name}_phone")
    page.set_viewport_size({"width": 1280, "height": 720})
    page.wait_for_timeout(300)


def switch_to(page, lang: str) -> None:
    other = "English" if lang == "en" else "日本語"
    page.get_by_test_id("stSidebar").get_by_role("radio", name=other).click()
    wait_for_app(page)


def test_screens_of_login_start_and_sharing(login_app, contexts):
    base, op = login_app
    page = contexts()
    for lang in ("ja", "en"):
        page.goto(f"{base}/start?lang={lang}")
        wait_for_app(page)
        expect(page.get_by_role("heading", level=3)).to_have_text(t("login.title", lang), timeout=APP_TIMEOUT_MS)
        shots(page, f"login_screen_{lang}")
    log_in(page, base, op, "bob", "en")
    made = create(page, base, "Bob & Co <b>")
    listed(page)  # the Start page of a logged-in user
    page.keyboard.press("Escape")
    for lang in ("ja", "en"):
        switch_to(page, lang)
        shots(page, f"login_start_{lang}")
    page.goto(f"{base}/share?a={made}&lang=en")
    wait_for_app(page)
    page.get_by_label(t("login.email_label", "en")).fill(USERS["alice"])
    page.get_by_role("button", name=t("login.grant", "en"), exact=True).click()
    wait_for_app(page)
    screenshot(page, "login_share_en")
    switch_to(page, "ja")
    expect(page.locator("h1").first).to_have_text(t("share.title", "ja"), timeout=APP_TIMEOUT_MS)
    screenshot(page, "login_share_ja")
