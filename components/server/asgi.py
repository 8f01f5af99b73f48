"""What serve.py adds around app.py in st.App: the Host check and framing headers (guard.py) and
the live endpoint (components/live/route.py). The benchmark's wrapper uses the same options.

Only the options live here: `streamlit run` finds an ASGI app by reading the script's source for a
`st.App(...)` call (streamlit/web/server/app_discovery.py, AST only), so the call itself must stay
in the script it runs, or the script runs as a plain page and draws nothing."""
from __future__ import annotations

from streamlit import config
from starlette.middleware import Middleware

from components.live.route import live_route
from components.server.guard import HostAndFrameGuard


def app_options() -> dict:
    return {"middleware": [Middleware(HostAndFrameGuard)],
            "routes": [live_route(config.get_option("server.baseUrlPath") or "")]}
