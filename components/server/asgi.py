"""The app as Streamlit's ASGI application (st.App) with what serve.py adds around app.py: the
Host check and framing headers (guard.py) and the live endpoint (components/live/route.py). The
benchmark wraps its own entry script in the same (bench/servers.py), so it measures what runs."""
from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit import config
from starlette.middleware import Middleware

from components.live.route import live_route
from components.server.guard import HostAndFrameGuard


def asgi_app(script: Path) -> st.App:
    return st.App(script, middleware=[Middleware(HostAndFrameGuard)],
                  routes=[live_route(config.get_option("server.baseUrlPath") or "")])
