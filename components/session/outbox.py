"""The outbox of a widget that queues the user's actions in the browser (the rating widget, the
role board). Pure Python: the browser's state is untrusted input, so its shape is checked here and
a bad item is skipped, never raised.

The widget sends its whole outbox on every action: {"token": <this mount>, "items": [{"seq", ...}]},
items in the order they were made. An item is applied once: the page remembers, per token, the
highest seq applied and sends it back ("acked"), and the browser drops what was acknowledged. So a
rerun that is interrupted or coalesced loses nothing, and an outbox sent twice applies once."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
TOKEN = re.compile(r"^[0-9a-f]{32}$")
MAX_ITEMS = 500  # a whole big team's list several times over; more is not a person clicking
# The browser half every such widget shares (DOM helper, token, mount), put in front of its own script.
BROWSER_JS = (Path(__file__).with_name("outbox.js")).read_text(encoding="utf-8")


def seq_of(item: dict) -> int | None:
    seq = item.get("seq")
    return seq if isinstance(seq, int) and not isinstance(seq, bool) and seq >= 1 else None


def parse(state, item: Callable[[dict, int], T | None]) -> tuple[str, list[T]] | None:
    """(token, items in seq order) from the widget's state, or None when it is no outbox at all.
    `item(raw, seq)` turns one raw item into a value, or None for one of the wrong shape (left out;
    the rest still apply). The values must have a `seq` attribute."""
    if not isinstance(state, dict) or not isinstance(state.get("token"), str) or not TOKEN.match(state["token"]):
        return None
    items = state.get("items")
    if not isinstance(items, list):
        return None
    out = []
    for raw in items[:MAX_ITEMS]:
        seq = seq_of(raw) if isinstance(raw, dict) else None
        value = item(raw, seq) if seq is not None else None
        if value is not None:
            out.append(value)
    return state["token"], sorted(out, key=lambda v: v.seq)
