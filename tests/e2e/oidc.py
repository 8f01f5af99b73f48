"""A local OpenID Connect provider for the login tests (oidc-provider-mock on 127.0.0.1, in a
thread of the test process), the secrets file that points an app server at it, and `log_in`, what
a user does in the browser. For any test that starts serve.py with login on (docs/login.md): start
`provider()`, write `secrets_file(folder, app_url, provider_url)` and pass
`--secrets.files <that file>` to every app server behind `app_url` (the same file for all: the
cookie secret signs the login's state and the identity cookie)."""
from __future__ import annotations

import contextlib
import re
import secrets
import threading
from pathlib import Path

import oidc_provider_mock
import werkzeug.serving
from playwright.sync_api import expect

from tests.e2e.conftest import APP_TIMEOUT_MS, wait_for_app
from tests.e2e.ui import t

USERS = {name: f"{name}@example.org" for name in ("alice", "bob", "boss")}


@contextlib.contextmanager
def provider():
    """The test's identity provider: each user a button on its authorize form."""
    users = [oidc_provider_mock.User(sub=email, claims={"email": email, "email_verified": True, "name": name.title()})
             for name, email in USERS.items()]
    server = werkzeug.serving.make_server("127.0.0.1", 0, oidc_provider_mock.app(user_claims=users), threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def secrets_file(folder: Path, app_url: str, provider_url: str) -> Path:
    path = folder / "secrets.toml"
    path.touch(mode=0o600)  # secret from the start: the hosted settings check refuses a readable one
    path.chmod(0o600)
    path.write_text(f'''[auth]
redirect_uri = "{app_url}/oauth2callback"
cookie_secret = "{secrets.token_urlsafe(32)}"
client_id = "csirt-selfcheck-test"
client_secret = "{secrets.token_urlsafe(24)}"
server_metadata_url = "{provider_url}/.well-known/openid-configuration"

[selfcheck]
admins = ["{USERS['boss']}"]
''', encoding="utf-8")
    return path


def log_in(page, base: str, op: str, who: str, lang: str = "ja") -> None:
    page.goto(f"{base}/start?lang={lang}")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=3)).to_have_text(t("login.title", lang), timeout=APP_TIMEOUT_MS)
    page.get_by_role("button", name=t("login.button", lang)).click()
    page.wait_for_url(f"{op}/**")
    page.get_by_role("button", name=USERS[who], exact=True).click()
    page.wait_for_url(re.compile(rf"^{re.escape(base)}/"))
    wait_for_app(page)
    # (the address is shown with a word joiner after the @: Markdown makes no mail link of it)
    expect(page.get_by_test_id("stSidebar")).to_contain_text(f"{who.title()} <{who}@", timeout=APP_TIMEOUT_MS)


