"""The Streamlit side of a widget's outbox (components/session/outbox.py): what the browser queued
since the last acknowledged item is applied to the work, each item its own recorded edit, and the
acknowledgement is remembered for the widget's next data."""
from __future__ import annotations

from typing import Callable

import streamlit as st

from assessment.core.edit import EditError

from components.session.state import assessment


def take(widget_key: str, acked_key: str, parse: Callable, apply: Callable) -> list[EditError] | None:
    """Applies the widget's new items: `parse(state)` gives (token, items) or None; `apply(a, items,
    acked)` applies the items after `acked` and returns (the new acked seq, the refusals). Returns
    None when nothing was new, else the refusals (maybe none)."""
    got = parse((st.session_state.get(widget_key) or {}).get("outbox"))
    if got is None:
        return None
    token, items = got
    acked = st.session_state.get(acked_key) or {}
    last = acked.get("seq", 0) if acked.get("token") == token else 0
    if not any(item.seq > last for item in items):
        return None
    # Applied to the work itself, not to a copy (state.run_edits): `apply` refuses item by item and
    # raises nothing, so there is nothing to roll back, and a copy of the work at scale costs ~6 ms
    # per click. The items are actions the user just made, never a value a browser re-sends: no
    # echo check either.
    seq, refused = apply(assessment(), items, last)
    st.session_state[acked_key] = {"token": token, "seq": seq}
    return refused
