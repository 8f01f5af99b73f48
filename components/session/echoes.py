"""Widget values a browser sends back from before someone else's change reached it.

When the work takes in others' saved changes (live follow, merge on save), a browser can still send
the value its widget showed before (it had not drawn the new one yet); applied, that would quietly
undo their change. So for a few seconds after such a change, an edit whose every changed thing is
one of theirs, set back to exactly the value it had before theirs, is taken for that echo and
dropped; the widget is redrawn with their value. A person who really wants the old value back
picks it again a moment later."""
from __future__ import annotations

import time

import streamlit as st

from assessment.core.model import Assessment
from assessment.team.paths import value_at

THEIRS = "_theirs"  # {"until": monotonic deadline, "before": {path: value before their change}}
WINDOW_S = 5.0


def remember(before: Assessment, paths) -> None:
    """Others changed `paths`; `before` is the work as this browser showed it until then."""
    known = {tuple(p): value_at(before, p) for p in paths if tuple(p) != ("*",)}
    if not known:
        return
    # Changes arriving one after another: the browser may still re-send what it showed before the
    # first of them, so the window keeps every path with its earliest value and lasts from the last.
    earlier = st.session_state[THEIRS]["before"] if watching() else {}
    st.session_state[THEIRS] = {"until": time.monotonic() + WINDOW_S, "before": known | earlier}


def watching() -> bool:
    got = st.session_state.get(THEIRS)
    if got and time.monotonic() > got["until"]:
        st.session_state.pop(THEIRS, None)
        return False
    return bool(got)


def is_echo(trial: Assessment, new_ops) -> bool:
    """The ops just made on `trial` only set things others changed back to their earlier value."""
    before = st.session_state.get(THEIRS, {}).get("before", {})
    paths = [p for op in new_ops for p in op.paths]
    return bool(paths) and all(p in before and value_at(trial, p) == before[p] for p in paths)
