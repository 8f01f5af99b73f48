"""Starts the app with its web-server guards: `streamlit run serve.py` (what `make run` does).

app.py is the Streamlit script; this launcher wraps it in st.App (Streamlit's ASGI app) to add the
Host check and the framing headers (components/server/guard.py) and the live endpoint
(components/live/route.py). `streamlit run app.py` still works and still has Streamlit's own
WebSocket Host check (server.allowedHosts), but not the HTTP Host check, the headers or the
endpoint (live pages then rerun every second to look, as they did before issue 13).

A hosted instance (shared mode, PostgreSQL or login) has its settings checked first
(components/server/settings_check.py): an unsafe one stops the start with exit status 2 and a
message naming the setting and the fix. Streamlit has loaded its configuration before it imports
this file, so the check sees what the server will run with."""
import sys
from pathlib import Path

import streamlit as st

from components.server.asgi import app_options
from components.server.settings_check import check_at_start

if not check_at_start(lambda line: print(line, file=sys.stderr, flush=True)):
    sys.exit(2)

app = st.App(Path(__file__).with_name("app.py"), **app_options())  # the call must be here (asgi.py)
