"""The hosted deployment with login on (issue 14): two app servers on one PostgreSQL behind nginx,
every server started with the same secrets file, pointing at a local OpenID Connect provider. Two
users, each pinned by nginx's sticky cookie to a different server, log in and each sees only their
own work. When one user's server is killed, the browser reconnects to the other server and is still
logged in (the identity cookie is signed with the shared cookie_secret), still sees only their own
work, and their next edit saves."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from assessment.storage.store import Store
from tests.e2e.conftest import APP_TIMEOUT_MS, wait_for_app
from tests.e2e.oidc import log_in, provider, secrets_file
from tests.e2e.test_hosted import COLD_START_MS, pinned
from tests.e2e.test_login import create, ids, listed
from tests.e2e.ui import t


@pytest.fixture(scope="module")
def login_deployment(hosted_deployment, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hosted-login")
    with provider() as op:
        yield hosted_deployment(secrets=lambda url: secrets_file(folder, url, op)), op


def test_two_users_on_two_servers_then_one_server_killed(browser, login_deployment):
    deployment, op = login_deployment
    base = deployment.url
    first, _node_1, port_1 = pinned(browser, deployment)
    second, _node_2, port_2 = pinned(browser, deployment, avoid=port_1)
    victim = deployment.app_on(port_1)
    store = Store(deployment.database_url)
    try:
        alice, bob = first.new_page(), second.new_page()
        for page in (alice, bob):  # a new server's first run imports the whole app
            page.goto(f"{base}/start")
            wait_for_app(page, timeout_ms=COLD_START_MS)
        log_in(alice, base, op, "alice")
        log_in(bob, base, op, "bob")
        mine, theirs = create(alice, base, "アリス株式会社"), create(bob, base, "ボブ商事")
        assert [ids(listed(alice)), ids(listed(bob))] == [{mine[:6]}, {theirs[:6]}]

        victim.kill()  # Alice's server dies mid-session
        alice.goto(f"{base}/start")  # nginx sends her to the other server
        wait_for_app(alice, timeout_ms=COLD_START_MS)
        expect(alice.get_by_test_id("stSidebar")).to_contain_text("Alice <alice@", timeout=APP_TIMEOUT_MS)
        assert ids(listed(alice)) == {mine[:6]}
        alice.goto(f"{base}/results?a={theirs}")  # still only her own work on the other server
        wait_for_app(alice)
        expect(alice.get_by_test_id("stAlert").filter(has_text=t("login.not_yours"))).to_be_visible(timeout=APP_TIMEOUT_MS)
        assert "ボブ商事" not in alice.inner_text("body")

        alice.goto(f"{base}/start?a={mine}")  # her next edit saves through the server that is left
        wait_for_app(alice)
        box = alice.get_by_label(t("sidebar.organisation"), exact=True)
        box.fill("アリス株式会社 CSIRT")
        box.press("Enter")
        wait_for_app(alice)
        expect(box).to_have_value("アリス株式会社 CSIRT", timeout=APP_TIMEOUT_MS)
        assert store.load(mine).organisation == "アリス株式会社 CSIRT"
        assert store.load(theirs).organisation == "ボブ商事"
    finally:
        store.close()
        first.close()
        second.close()
        victim.start()
