"""The Streamlit side of a widget's outbox (components/session/outbox.py): what the browser queued
since the last acknowledged item is applied to the work as one change (all or nothing; each item
its own recorded edit), and the acknowledgement is remembered for the widget's next data."""
from __future__ import annotations

from typing import Callable

import streamlit as st

from assessment.core.edit import EditError
from assessment.core.model import Assessment

from components.session.state import run_edits


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
    result: dict = {}

    def run(a: Assessment) -> None:
        result["seq"], result["refused"] = apply(a, items, last)

    # The items are actions the user made just now (never a value a browser re-sends): deliberate.
    if not run_edits(run, deliberate=True):  # apply raises nothing; this is belt and braces
        return None
    st.session_state[acked_key] = {"token": token, "seq": result["seq"]}
    return result["refused"]
