"""The first edit after a server restart (issue 12.2).

When the server restarts under an open tab, the tab reconnects to a new session and does not rerun:
its next event is the user's edit, sent with the state of every widget it shows. The new session
has never drawn those widgets, so Streamlit knows no callback for them and runs none, and
`state.bound` would then write the Assessment's (old) value over the typed one: the edit is lost
(or shown but never saved).

So, in a session's first run: `browser_keys` lists the widgets the browser sent a state for;
`bound` lets those widgets keep the browser's value (remembering the Assessment's); and
`replay`, after the page has drawn them, runs the callback of each whose value differs, exactly as
Streamlit would have, then reruns so the page shows the result and autosave saves it.

Streamlit 1.67 has no public API for this: the session's widget states and callbacks are read
through its SessionState (pinned version; every access is guarded, and without it the old
behaviour remains)."""
from __future__ import annotations

import streamlit as st

PENDING = "_reconnect_pending"  # widget key -> the Assessment's value it was drawn over
_ID_PREFIX = "$$ID-"  # Streamlit's generated widget ids: "$$ID-<hash>-<user key>"


def _session():
    try:
        from streamlit.runtime.state.session_state_proxy import get_session_state

        return get_session_state()._state  # noqa: SLF001 (SafeSessionState -> SessionState)
    except Exception:  # noqa: BLE001 - another Streamlit: no replay
        return None


def browser_keys() -> set[str]:
    """User keys of the widgets whose state the browser sent before this session drew any."""
    state = _session()
    try:
        ids = list(state._new_widget_state.states) if state is not None else []  # noqa: SLF001
    except AttributeError:
        return set()
    return {wid.split("-", 2)[2] for wid in ids if wid.startswith(_ID_PREFIX) and wid.count("-") >= 2}


def start() -> None:
    """Called when the session's Assessment is first made: note which widgets to replay."""
    keys = browser_keys()
    if keys:
        st.session_state[PENDING] = {k: None for k in keys}


def keeps_browser_value(key: str, value) -> bool:
    """True when `key` is a widget the browser sent before this session drew it: `value` (the
    Assessment's) is remembered and the widget keeps what the browser holds."""
    pending = st.session_state.get(PENDING)
    if not pending or key not in pending:
        return False
    pending[key] = value
    return True


def replay() -> None:
    """After the page is drawn: the callback of every remembered widget whose value differs from
    the Assessment's, then a rerun. Does nothing in any other run."""
    pending = st.session_state.pop(PENDING, None)
    state = _session()
    if not pending or state is None:
        return
    ran = False
    for key, drawn_over in pending.items():
        try:
            wid = state._key_id_mapper.get_id_from_key(key)  # noqa: SLF001
            if wid is None or key not in st.session_state or st.session_state[key] == drawn_over:
                continue
            state._new_widget_state.call_callback(wid)  # noqa: SLF001
            ran = True
        except (AttributeError, KeyError, RuntimeError):
            continue
    if ran:
        st.rerun()
