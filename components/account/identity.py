"""Whether the app runs with login, and who is logged in (Streamlit's st.user, OpenID Connect).

Login is on when `.streamlit/secrets.toml` (or a file named by the `secrets.files` option) has an
`[auth]` section: see docs/login.md. Without one, st.user is never read and the app is the local
tool (or shared mode) as before. Settings of our own sit in `[selfcheck]` beside it:
`admins = [...]` (also the env var CSIRT_SELFCHECK_ADMINS, comma-separated) and
`require_email_verified` (default true).

Kept in the session: `_login_label`, how the change log names this user (components/session/
actor.py reads it), set on every run while logged in."""
from __future__ import annotations

import os

import streamlit as st

from assessment.access.rules import Identity, admins_from, identity

from components.session.actor import LOGIN_LABEL_KEY

ADMINS_ENV = "CSIRT_SELFCHECK_ADMINS"


def _section(name: str) -> dict:
    try:
        if not st.secrets.load_if_toml_exists():
            return {}
        got = st.secrets.get(name)
    except Exception:  # noqa: BLE001 - an unreadable secrets file: Streamlit logs it at start-up
        return {}
    return got.to_dict() if hasattr(got, "to_dict") else dict(got or {})


def configured() -> bool:
    """Login is on: secrets have an [auth] section."""
    return bool(_section("auth"))


def logged_in() -> bool:
    return configured() and bool(st.user.get("is_logged_in"))


def current() -> Identity | str | None:
    """The logged-in user, the key of the message refusing them (no verified e-mail), or None
    (login off, or nobody logged in)."""
    if not logged_in():
        return None
    setting = _section("selfcheck").get("require_email_verified", True)
    got = identity(st.user.to_dict(), require_verified=setting is not False)
    st.session_state[LOGIN_LABEL_KEY] = got.label if isinstance(got, Identity) else None
    return got


def user() -> Identity | None:
    got = current()
    return got if isinstance(got, Identity) else None


def admins() -> frozenset[str]:
    return admins_from(_section("selfcheck").get("admins"), os.environ.get(ADMINS_ENV))
