"""Hostile names in a real browser (issue 12 items 4, 5, 8 and "How to prove it"): every page is
rendered with names that are HTML, Markdown, autolinks, entities and bidi controls, and with a
Markdown `?a=` link. No element, link or request may come from a name, and no request may leave
127.0.0.1 (the page icon included)."""
from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest

from assessment.core.demos import demo_assessment
from assessment.core.edit import add_person, set_action, set_organisation, set_role_note
from assessment.plans.scenarios import add_hire, add_scenario
from assessment.storage.store import Store
from tests.e2e.conftest import wait_for_app
from tests.e2e.ui import PAGES, assert_clean
from tests.e2e.faults.conftest import AppServer

EVIL = "evil.example"
NAMES = [
    f"<img src=http://{EVIL}/img.png>",
    f"[Session expired - log in again](http://{EVIL}/login)",
    f"![t](http://{EVIL}/track.png)",
    f"www.{EVIL} <http://{EVIL}/auto>",
    "&lt;b&gt;entity&amp;",
    "Eve\u202e)%52(",
    '<span style="font-size:80px;color:red">BIG</span>',
]
SNAPSHOTS = [f'<a href="http://{EVIL}/snap">click</a>', '<span style="font-size:80px;color:red">RED</span>']


def hostile_assessment():
    a = demo_assessment("B")
    a.sample = False
    set_organisation(a, f"<script>alert(1)</script> [org](http://{EVIL}/org)")
    in_house = [r for r, s in a.roles.items() if s.status == "in_house"]
    for n, name in enumerate(NAMES):
        add_person(a, name, 3, in_house[n % len(in_house): n % len(in_house) + 2])
    set_role_note(a, in_house[0], f"![n](http://{EVIL}/note.png) **note**")
    sc = add_scenario(a, f"<b>scenario</b> [s](http://{EVIL}/s)")
    add_hire(a, sc.id, f"![h](http://{EVIL}/hire.png)")
    set_action(a, f"hire:{in_house[0]}", owner=f"[owner](http://{EVIL}/owner)")
    return a


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile-data")
    store = Store(f"sqlite:///{data / 'selfcheck.db'}")
    a = hostile_assessment()
    store.save(a, 0)
    for name in SNAPSHOTS:
        store.snapshot(a.id, name)
    store.close()
    server = AppServer({"CSIRT_SELFCHECK_DATA_DIR": str(data)})
    server.start()
    yield server, a.id
    server.stop()


@pytest.fixture
def recorded(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    context.set_default_timeout(30_000)
    pg = context.new_page()
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    yield pg, requests
    context.close()


def _outside(requests: list[str]) -> list[str]:
    return [u for u in requests if urlsplit(u).scheme not in ("data", "blob", "about")
            and urlsplit(u).hostname != "127.0.0.1"]


# Any element whose link, source or style attributes carry the hostile host or the 80 px style came
# from a name (a text field showing a name in its value is text, and fine).
_FROM_NAMES = """evil => [...document.querySelectorAll('*')].filter(e =>
    [...e.attributes].some(a => ['href', 'src', 'xlink:href', 'srcset', 'style', 'action', 'formaction',
                                 'poster', 'data'].includes(a.name)
                                && (a.value.includes(evil) || /font-size:\\s*80px/.test(a.value)))
    || (e.tagName === 'SCRIPT' && e.textContent.includes('alert(1)'))).map(e => e.outerHTML.slice(0, 200))"""


def test_every_page_with_hostile_names(hostile_server, recorded):
    server, ident = hostile_server
    page, requests = recorded
    for path, _title, _h1 in PAGES:
        page.goto(f"{server.url}/{path}?a={ident}&lang=ja")
        wait_for_app(page)
        page.wait_for_timeout(300)  # charts draw after the script run ends
        assert_clean(page)
        made = page.evaluate(_FROM_NAMES, EVIL)
        assert not made, f"{path}: elements made from names: {made}"
    assert not _outside(requests), f"requests that left 127.0.0.1: {_outside(requests)}"


def test_a_markdown_link_in_the_url_is_shown_as_text(hostile_server, recorded):
    server, _ident = hostile_server
    page, requests = recorded
    value = f"[Session expired - log in again](http://{EVIL}/x) ![t](http://{EVIL}/track.png)" + "x" * 20000
    page.goto(f"{server.url}/start?a={quote(value)}")
    wait_for_app(page)
    warning = page.get_by_test_id("stAlert").first
    text = warning.inner_text()
    assert "[Session expired - log in again]" in text and len(text) < 1000  # quoted, cut short
    assert not page.evaluate(_FROM_NAMES, EVIL)
    assert not _outside(requests), _outside(requests)


def test_a_nul_in_the_url_is_not_found_not_a_database_error(hostile_server, recorded):
    server, _ident = hostile_server
    page, _requests = recorded
    page.goto(f"{server.url}/start?a=%00")
    wait_for_app(page)
    assert_clean(page)
    assert any("\\u0000" in x for x in page.get_by_test_id("stAlert").all_inner_texts())


# --- item 12: the Host header and framing (serve.py, components/server/guard.py) ----------------

def _raw(url: str, request: str) -> str:
    """The response head of a raw HTTP request (the Host header as an attacker's page sends it)."""
    import socket

    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as s:
        s.sendall(request.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = s.recv(4096)
            if not chunk:
                break
            head += chunk
    return head.decode("latin-1").split("\r\n\r\n")[0].lower()


def test_a_foreign_host_header_is_refused(hostile_server):
    server, _ident = hostile_server
    port = urlsplit(server.url).port
    for host in (f"rebound.{EVIL}:{port}", EVIL, f"127.0.0.1.{EVIL}"):
        head = _raw(server.url, f"GET /start HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
        assert head.startswith("http/1.1 421"), head
        ws = _raw(server.url, f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\n"
                              "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
        assert not ws.startswith("http/1.1 101"), ws  # the WebSocket never opens
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"):
        head = _raw(server.url, f"GET /_stcore/health HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
        assert head.startswith("http/1.1 200"), head


def test_every_response_forbids_framing_by_other_sites(hostile_server):
    server, _ident = hostile_server
    port = urlsplit(server.url).port
    for path in ("/start", "/_stcore/health", "/static/favicon.png", "/nowhere"):
        head = _raw(server.url, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n")
        assert "x-frame-options: sameorigin" in head, (path, head)
        assert "content-security-policy: frame-ancestors 'self'" in head, (path, head)
