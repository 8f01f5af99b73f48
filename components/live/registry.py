"""Which stored assessment each watching browser may ask about, kept in this server process.

A session that shows a live page registers a random token (session_token.py) with the assessment it
has open and the stored version it shows. The browser sends the token to the endpoint (route.py),
which answers one thing: has the stored version moved on since. The map holds only the token's
SHA-256, never the token: a leaked map (a debugger, a crash dump) gives nothing to ask with. An id
alone never gets an answer, so nobody learns another assessment's activity by guessing ids.

No Streamlit here: the endpoint runs outside any script run."""
from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass
from typing import Callable

from assessment.core.errors import StoreError

IDLE_S = 600.0  # a browser that has not asked for this long (a closed tab) is forgotten
MAX_WATCHERS = 20_000  # beyond this the longest idle go first: memory stays bounded


@dataclass
class Watch:
    stored_version: Callable[[str], int]  # the store's one indexed SELECT
    assessment_id: str
    known: int  # the stored version the session shows
    seen: float  # monotonic time of the last registration or question


_lock = threading.Lock()
_watches: dict[str, Watch] = {}


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def _prune(now: float) -> None:
    for key in [k for k, w in _watches.items() if now - w.seen > IDLE_S]:
        del _watches[key]
    if len(_watches) >= MAX_WATCHERS:
        for key in sorted(_watches, key=lambda k: _watches[k].seen)[: len(_watches) - MAX_WATCHERS + 1]:
            del _watches[key]


def put(token: str, stored_version: Callable[[str], int], assessment_id: str, known: int) -> None:
    """Called on every run of a live page: O(1) for a token already here; the scan for idle
    watchers runs only when a new one joins."""
    now, key = time.monotonic(), _digest(token)
    with _lock:
        if key not in _watches:
            _prune(now)
        _watches[key] = Watch(stored_version, assessment_id, known, now)


def saw(token: str, assessment_id: str, known: int) -> None:
    """The session now shows stored version `known` of `assessment_id` (its own save, a merge):
    the browser is not told about a change it already shows."""
    with _lock:
        w = _watches.get(_digest(token))
        if w is not None and w.assessment_id == assessment_id:
            w.known = known


def drop(token: str) -> None:
    with _lock:
        _watches.pop(_digest(token), None)


def moved(token: str) -> bool | None:
    """Whether the watched assessment was saved since the version its session shows, or deleted
    (the rule of persistence.newer_version); None for a token that is not registered. A store that
    cannot answer says "not moved": the browser asks again in a second."""
    now = time.monotonic()
    with _lock:
        w = _watches.get(_digest(token))
        if w is None:
            return None
        w.seen = now
        ident, known, ask = w.assessment_id, w.known, w.stored_version
    try:
        return is_newer(ask(ident), known)
    except StoreError:
        return False


def is_newer(stored: int, shown: int) -> bool:
    """Stored version `stored` is news to a session showing `shown` (0: deleted meanwhile)."""
    return stored == 0 or stored > shown


def count() -> int:
    with _lock:
        return len(_watches)
