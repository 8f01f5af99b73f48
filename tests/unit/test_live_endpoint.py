"""The live endpoint (components/live): a browser asks, with its session's token, whether the
stored work moved on; no script runs for it (issue 13). On a real SQLite store, through Starlette's
own test client with the app's Host guard in front, as serve.py mounts it."""
from __future__ import annotations

import time
import warnings

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware

with warnings.catch_warnings():  # Starlette 1.x would rather use httpx2; httpx is what we pin
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from assessment.core import edit as e
from assessment.core.demos import demo_assessment
from assessment.core.errors import StoreUnavailable
from assessment.storage.store import Store
from components.live import registry
from components.live.route import PATH, live_route
from components.server.guard import HostAndFrameGuard

TOKEN = "t" * 43


@pytest.fixture
def store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'live.db'}")
    yield s
    s.close()


@pytest.fixture
def client():
    app = Starlette(routes=[live_route()], middleware=[Middleware(HostAndFrameGuard)])
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c
    registry._watches.clear()  # noqa: SLF001 - each test starts with nobody watching


@pytest.fixture
def stored(store):
    a = demo_assessment("B")
    return a, store.save(a, 0)


def ask(client, token=TOKEN):
    return client.post(PATH, content=token, headers={"Content-Type": "text/plain"})


def test_a_registered_token_is_told_whether_the_stored_version_moved(client, store, stored):
    a, version = stored
    registry.put(TOKEN, store.stored_version, a.id, version)
    r = ask(client)
    assert r.status_code == 200 and r.json() == {"moved": False}
    assert r.headers["cache-control"] == "no-store"
    e.set_role_status(a, "triage", "outsourced")
    store.save_changes(a, version, a.journal)  # someone else saves
    assert ask(client).json() == {"moved": True}


def test_what_the_session_shows_after_its_own_save_is_not_news(client, store, stored):
    a, version = stored
    registry.put(TOKEN, store.stored_version, a.id, version)
    e.set_role_status(a, "triage", "outsourced")
    res = store.save_changes(a, version, a.journal)
    registry.saw(TOKEN, a.id, res.stored_version)  # persistence marks its own save
    assert ask(client).json() == {"moved": False}
    registry.saw(TOKEN, "another-id", 99)  # a mark of another assessment changes nothing
    assert ask(client).json() == {"moved": False}


def test_a_deleted_assessment_is_news(client, store, stored):
    a, version = stored
    registry.put(TOKEN, store.stored_version, a.id, version)
    store.delete(a.id)
    assert ask(client).json() == {"moved": True}


@pytest.mark.parametrize("body", ["", "not-registered", "x" * 300, "\x00\xff"])
def test_an_unknown_missing_or_oversized_token_gets_403_and_nothing_else(client, store, stored, body):
    a, version = stored
    registry.put(TOKEN, store.stored_version, a.id, version)
    r = ask(client, body)
    assert r.status_code == 403 and r.json() == {"moved": None}


def test_an_assessment_id_alone_is_no_token(client, store, stored):
    a, version = stored
    registry.put(TOKEN, store.stored_version, a.id, version)
    assert ask(client, a.id).status_code == 403
    assert client.get(PATH).status_code == 405  # only POST: the token never sits in a URL or a log


def test_the_registry_keeps_only_the_tokens_hash(store, stored):
    a, version = stored
    registry.put(TOKEN, store.stored_version, a.id, version)
    try:
        assert TOKEN not in registry._watches and len(registry._watches) == 1  # noqa: SLF001
        assert all(TOKEN not in repr(w) for w in registry._watches.values())  # noqa: SLF001
    finally:
        registry._watches.clear()  # noqa: SLF001


def test_a_store_that_cannot_answer_says_not_moved(client):
    def failing(_ident):
        raise StoreUnavailable("store.unavailable", detail="locked")
    registry.put(TOKEN, failing, "abc", 1)
    assert ask(client).json() == {"moved": False}  # the browser asks again; saving reports failures


def test_another_host_is_refused_by_the_guard(client, store, stored):
    a, version = stored
    registry.put(TOKEN, store.stored_version, a.id, version)
    r = client.post(PATH, content=TOKEN, headers={"Host": "evil.example"})
    assert r.status_code == 421


def test_the_route_sits_under_the_base_url_path():
    assert live_route("/team/").path == "/team" + PATH
    assert live_route("").path == PATH


def test_watchers_idle_too_long_are_forgotten_and_the_map_stays_bounded(monkeypatch, store, stored):
    a, version = stored
    try:
        registry.put("old", store.stored_version, a.id, version)
        now = time.monotonic()
        monkeypatch.setattr(registry.time, "monotonic", lambda: now + registry.IDLE_S + 1)
        registry.put("new", store.stored_version, a.id, version)
        assert registry.moved("old") is None and registry.moved("new") is False
        monkeypatch.setattr(registry, "MAX_WATCHERS", 3)
        for k in range(5):
            registry.put(f"k{k}", store.stored_version, a.id, version)
        assert registry.count() <= 3 and registry.moved("k4") is False
    finally:
        registry._watches.clear()  # noqa: SLF001


def test_streamlit_finds_serve_pys_asgi_app():
    """`streamlit run serve.py` serves an st.App only when it finds the call in serve.py's source
    (Streamlit reads the AST): moved into a helper, the script ran as a blank page."""
    from pathlib import Path

    from streamlit.web.server.app_discovery import discover_asgi_app

    found = discover_asgi_app(Path(__file__).resolve().parents[2] / "serve.py")
    assert found.is_asgi_app, found
