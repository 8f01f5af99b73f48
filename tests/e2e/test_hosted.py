"""The hosted deployment (issue 14) in real browsers: two app servers on one PostgreSQL behind
nginx with the shipped config (tests/e2e/deployment.py). A browser pinned to each server by its
sticky cookie edits the same assessment: both changes are kept and each shows the other's within
3 s. A server killed mid-session loses no saved work: its browser reconnects through nginx to the
other server, its next edit saves, and after a reload all the work is there."""
from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from assessment.core.demos import demo_assessment
from assessment.storage.store import Store
from tests.e2e.conftest import APP_TIMEOUT_MS, wait_for_app
from tests.e2e.ui import expect_role_status, set_role_status, t

# Team mode's promise is 3 s (measured by make bench-hosted); the test allows 2 s more, as
# test_team_live.py does with several browsers: 4 engineers' tests share this machine's 2 cores.
LIVE_MS = 3000 + 2000
COMMANDER, HANDLER = "コマンダー：CSIRT全体統括担当", "インシデントハンドラー：インシデント処理担当"
TRIAGE = "トリアージ担当：優先順位選定担当"
COOKIE = "csirt_node"
# A new server's first script run imports the whole app (pandas, plotly, the catalogue): on a
# machine shared by 4 engineers' tests that has taken over 30 s.
COLD_START_MS = 90_000


@pytest.fixture(scope="module")
def deployment(hosted_deployment):
    return hosted_deployment()


@pytest.fixture(scope="module")
def store(deployment):
    s = Store(deployment.database_url)
    yield s
    s.close()


def pinned(browser, deployment, avoid: int | None = None):
    """A browser context with nginx's sticky cookie, and the app server that cookie reaches; with
    `avoid`, one that reaches the other server (a new random cookie until it does)."""
    for _attempt in range(16):
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ja-JP")
        context.set_default_timeout(APP_TIMEOUT_MS)
        assert context.request.get(f"{deployment.url}/").ok
        node = next(c["value"] for c in context.cookies() if c["name"] == COOKIE)
        port = deployment.upstream_of(node)
        if port is not None and port != avoid:
            return context, node, port
        context.close()
    pytest.fail("16 new sticky cookies all reached one server: nginx does not spread browsers")


def stream_ports(deployment, node: str, at_least: int = 0) -> list[int]:
    """The app servers that this browser's WebSocket connections reached, in order. nginx logs a
    WebSocket when it closes: with `at_least`, wait (10 s at most) until that many are logged."""
    deadline = time.monotonic() + 10
    while True:
        found = _streams(deployment, node)
        if len(found) >= at_least or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def _streams(deployment, node: str) -> list[int]:
    return [int(e["upstream"].split(", ")[-1].rsplit(":", 1)[1]) for e in deployment.nginx.log()
            if e["node"] == node and "/_stcore/stream" in e["request"] and e["upstream"] != "-"]


def open_shared(store, model: str = "C") -> str:
    """An assessment saved straight into the deployment's database (as another team member's)."""
    a = demo_assessment(model)
    store.save(a, 0)
    return a.id


def test_two_servers_one_assessment_then_one_server_killed(browser, deployment, store):
    """One flow, to keep the suite lean: two browsers on two servers edit, then one server dies."""
    a_id = open_shared(store)
    first, node_1, port_1 = pinned(browser, deployment)
    second, node_2, port_2 = pinned(browser, deployment, avoid=port_1)
    victim = deployment.app_on(port_1)
    try:
        assert port_1 != port_2 and {port_1, port_2} == {a.port for a in deployment.apps}
        one, two = first.new_page(), second.new_page()
        for page in (one, two):
            page.goto(f"{deployment.url}/roles?a={a_id}")
            wait_for_app(page, timeout_ms=COLD_START_MS)
        set_role_status(one, COMMANDER, t("status.outsourced"))
        set_role_status(two, HANDLER, t("status.not_applicable"))
        # Each shows the other's change with no reload, through its own server.
        expect_role_status(one, HANDLER, t("status.not_applicable"), timeout=LIVE_MS)
        expect_role_status(two, COMMANDER, t("status.outsourced"), timeout=LIVE_MS)
        roles = store.load(a_id).roles
        assert (roles["commander"].status, roles["incident_handler"].status) == ("outsourced", "not_applicable")

        # The first browser's server is killed: nothing saved is lost, the page reconnects by
        # itself through nginx to the server that is left (its broken WebSocket is logged then).
        victim.kill()
        assert stream_ports(deployment, node_1, at_least=1) == [port_1], deployment.nginx.log()[-5:]
        wait_for_app(one)
        expect_role_status(one, COMMANDER, t("status.outsourced"))
        expect_role_status(one, HANDLER, t("status.not_applicable"))
        set_role_status(one, TRIAGE, t("status.gap"))  # its next edit saves, on the other server
        assert store.load(a_id).roles["triage"].status == "gap"
        expect_role_status(two, TRIAGE, t("status.gap"), timeout=LIVE_MS)
        one.reload()
        wait_for_app(one)
        for role, status in ((COMMANDER, "outsourced"), (HANDLER, "not_applicable"), (TRIAGE, "gap")):
            expect_role_status(one, role, t(f"status.{status}"))
    finally:
        first.close()
        second.close()
        victim.start()  # back for whatever runs next on this deployment
    # Sticky: the second browser's requests, its WebSocket included (logged when it closed), all
    # reached its server; the first browser's reached its own until the kill, then the other.
    assert set(stream_ports(deployment, node_2, at_least=1)) == {port_2}
    assert {e["upstream"] for e in deployment.nginx.log() if e["node"] == node_2} == {f"127.0.0.1:{port_2}"}
    streams = stream_ports(deployment, node_1, at_least=3)
    assert streams[0] == port_1 and set(streams[1:]) == {port_2}, streams
