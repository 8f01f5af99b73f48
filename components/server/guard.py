"""Host check and framing headers, as ASGI middleware for st.App (serve.py).

Why here: Streamlit 1.67's `server.allowedHosts` guards only the WebSocket (and the agent API),
and there is no setting for response headers; st.App's `middleware=` is the supported place to
add both (Streamlit runs it before its own middleware, for every HTTP and WebSocket request).

- DNS rebinding: a web page whose name an attacker points at 127.0.0.1 reaches this server from
  the victim's browser with its own name in `Host`. Every request whose Host (port ignored) is not
  in `server.allowedHosts` is refused: HTTP gets 421, a WebSocket is closed before it opens. The
  list is Streamlit's own setting, so one setting guards both layers; .streamlit/config.toml sets
  it to the loopback names. A hosted name is added there (or with the environment variable
  STREAMLIT_SERVER_ALLOWED_HOSTS, names separated by spaces). `*.example.org` matches
  subdomains; `*` turns the check off.
- Framing (clickjacking): every response says `X-Frame-Options: SAMEORIGIN` and CSP
  `frame-ancestors 'self'` (the app's own iframes still work, no other site may frame it).
  Embedding elsewhere is allowed only when CSIRT_SELFCHECK_FRAME_ANCESTORS lists the origins
  (e.g. `https://intranet.example.org`): then frame-ancestors names them and X-Frame-Options,
  which cannot name another origin, is left out.
"""
from __future__ import annotations

import os

from streamlit import config

FRAME_ANCESTORS_ENV = "CSIRT_SELFCHECK_FRAME_ANCESTORS"


def allowed_hosts() -> list[str]:
    return [h.strip().lower() for h in (config.get_option("server.allowedHosts") or []) if h.strip()]


def host_name(host_header: str) -> str:
    """The name in a Host header, without the port: `[::1]:8501` -> `::1`."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def host_allowed(host_header: str | None, allowed: list[str]) -> bool:
    if not allowed or "*" in allowed:
        return True
    if not host_header:
        return False
    name = host_name(host_header)
    for pattern in allowed:
        if pattern.startswith("*.") and (name.endswith(pattern[1:]) and len(name) > len(pattern) - 1):
            return True
        if name == pattern:
            return True
    return False


def frame_headers() -> list[tuple[bytes, bytes]]:
    origins = os.environ.get(FRAME_ANCESTORS_ENV, "").split()
    # only origins go into the header: a value with a quote, ; or , would change the policy
    origins = [o for o in origins if all(c not in o for c in "';,\"")]
    if origins:
        return [(b"content-security-policy", f"frame-ancestors 'self' {' '.join(origins)}".encode())]
    return [(b"x-frame-options", b"SAMEORIGIN"), (b"content-security-policy", b"frame-ancestors 'self'")]


class HostAndFrameGuard:
    """Pure ASGI middleware (it must not buffer Streamlit's streamed responses)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        host = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), None)
        if not host_allowed(host, allowed_hosts()):
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
                return
            body = b"Misdirected request: this server does not answer to that host name.\n"
            await send({"type": "http.response.start", "status": 421,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                    (b"content-length", str(len(body)).encode()), *frame_headers()]})
            await send({"type": "http.response.body", "body": body})
            return
        if scope["type"] == "websocket":
            return await self.app(scope, receive, send)
        extra = frame_headers()

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in extra}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": headers + extra}
            await send(message)

        return await self.app(scope, receive, send_with_headers)
