"""The endpoint a live page's browser asks every second (follow.py's watcher): POST the session's
watch token as the body, get {"moved": true|false}. An HTTP request costs the server one indexed
SELECT and the browser nothing to redraw; a script run per second (the previous st.fragment
run_every poll) cost a large page ≈ 190 ms of the browser's main thread each time, and a click
waited behind it (issue 13).

The token travels in the body, not the URL: it stays out of access logs (nginx's among them). An
unknown or missing token gets 403 and nothing else; the answer is never cached."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from components.live import registry

PATH = "/_csirt/live"
MAX_BODY = 256  # a token is 43 characters
_NO_STORE = {"Cache-Control": "no-store"}


async def _moved(request: Request) -> JSONResponse:
    body = b""
    async for chunk in request.stream():  # read no more than a token's worth
        body += chunk
        if len(body) > MAX_BODY:
            return JSONResponse({"moved": None}, status_code=403, headers=_NO_STORE)
    token = body.decode("ascii", "replace").strip()
    if not token:
        return JSONResponse({"moved": None}, status_code=403, headers=_NO_STORE)
    # The SELECT may wait for a busy database: in a worker thread, never on the event loop.
    got = await run_in_threadpool(registry.moved, token)
    if got is None:
        return JSONResponse({"moved": None}, status_code=403, headers=_NO_STORE)
    return JSONResponse({"moved": got}, headers=_NO_STORE)


def url_path(base_url_path: str = "") -> str:
    """The endpoint's path under Streamlit's server.baseUrlPath, as the page's own URLs are."""
    base = base_url_path.strip("/")
    return f"/{base}{PATH}" if base else PATH


def live_route(base_url_path: str = "") -> Route:
    return Route(url_path(base_url_path), _moved, methods=["POST"])
