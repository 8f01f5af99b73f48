"""Starts the app with its web-server guards: `streamlit run serve.py` (what `make run` does).

app.py is the Streamlit script; this launcher wraps it in st.App (Streamlit's ASGI app) to add the
Host check and the framing headers (components/server/guard.py). `streamlit run app.py` still
works and still has Streamlit's own WebSocket Host check (server.allowedHosts), but not the
HTTP Host check or the headers."""
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

from components.server.guard import HostAndFrameGuard

app = st.App(Path(__file__).with_name("app.py"), middleware=[Middleware(HostAndFrameGuard)])
