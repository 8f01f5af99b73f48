"""PostgreSQL stopped mid-session (issue 12, "How to prove it"): the edit stays on screen with a
clear message, the app server lives on, and once PostgreSQL is back the next change is saved."""
from __future__ import annotations

import json
import re

import psycopg
import pytest

from assessment.core.messages import msg
from tests.e2e.conftest import wait_for_app
from tests.e2e.ui import alerts, assert_clean, sidebar, t
from tests.e2e.faults.conftest import AppServer
from tests.e2e.faults.test_sqlite_faults import says_saved, type_organisation


def _pg(server, verb: str) -> None:
    options = (f"-p {server.port} -k {server.root} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off")
    args = ["pg_ctl", "-D", str(server.data), "-w", "-t", "60"]
    args += ["-m", "immediate", "stop"] if verb == "stop" else ["-l", str(server.log), "-o", options, "start"]
    done = server._run(*args)
    assert done.returncode == 0, done.stderr


def _stored(url: str, ident: str) -> str | None:
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        row = conn.execute("SELECT document FROM assessments WHERE id = %s", (ident,)).fetchone()
    return json.loads(row[0])["organisation"] if row else None


def test_postgresql_stopped_mid_session(postgres_server, browser):
    url = postgres_server.new_database()
    app = AppServer({"CSIRT_SELFCHECK_DATABASE_URL": url})
    app.start()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        page.goto(f"{app.url}/start?demo=B")
        wait_for_app(page)
        type_organisation(page, "before PostgreSQL stops")  # a sample is stored at its first change
        page.wait_for_url(re.compile(r"[?&]a=\w+"))
        ident = re.search(r"[?&]a=(\w+)", page.url).group(1)
        _pg(postgres_server, "stop")
        try:
            type_organisation(page, "while PostgreSQL is down")
            assert app.alive(), app.output()[-3000:]
            assert_clean(page)
            assert not says_saved(page)
            said = [msg(k, "ja") for k in ("store.unreachable", "store.failed")]
            assert any(m in x for m in said for x in alerts(page)), alerts(page)
            assert sidebar(page).get_by_label(t("sidebar.organisation")).input_value() == "while PostgreSQL is down"
        finally:
            _pg(postgres_server, "start")
        type_organisation(page, "PostgreSQL is back")
        assert says_saved(page)
        assert _stored(url, ident) == "PostgreSQL is back"
    finally:
        context.close()
        app.stop()
