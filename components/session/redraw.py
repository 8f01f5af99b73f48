"""Clicks that redraw only what they change (issue 13).

A widget's click normally reruns the whole page, and the browser then re-reconciles every element
of it: on a large page that, not the server, is most of the click's time. An edit whose effect is
known (a role's status: its row's label, the page's count of changed roles, the sidebar's figures)
instead reruns only the fragments that show it (`st.rerun([...keys])` from the widget's callback,
Streamlit 1.67). That is only safe on the plain path, so `edit_and_redraw` checks it and otherwise
lets the click rerun the whole page as before:

- the edit was accepted (a refused one shows its message above the page);
- the work was stored before and is saved now in the callback, as app.py would save it at the top
  of the next run, without merging someone else's change, holding one back as a conflict, failing,
  or finding the assessment deleted (all shown outside these fragments);
- no widget key had to change (a refused echo bumps `_nonce`; see state.py).

Every figure a fragment-rerun edit can change must be drawn inside one of the fragments it names;
SIDEBAR (the sidebar's figures, sidebar.py) is always among them.
"""
from __future__ import annotations

from typing import Callable

import streamlit as st
from streamlit.errors import StreamlitAPIException

from components.session import persistence
from components.session.state import STALE_ECHO, assessment, run_edit

SIDEBAR = "sidebar_figures"


def _plain_save(before_id: str) -> bool:
    """Saves the edit now; True when nothing but the edit itself changed on the page."""
    from components.team import gate  # it imports the session modules

    if not gate.may_save():
        return False
    a = assessment()
    persistence.autosave()
    s = st.session_state
    return (assessment() is a and a.id == before_id and not a.journal and not persistence.pending(a)
            and not s.get(persistence.HELD) and not s.get(persistence.SAVE_ERROR)
            and s.get(persistence.DELETED) != a.id)


def edit_and_redraw(parts: list[str], fn: Callable, *args) -> None:
    """In a widget callback: `run_edit(fn, *args)`; then, on the plain path, rerun only the
    fragments `parts` and the sidebar's figures; else the whole page reruns (the callback returns)."""
    a = assessment()
    before = (a.id, persistence.is_stored(a) and not persistence.pending(a), st.session_state.get("_nonce", 0))
    if not run_edit(fn, *args):
        return
    s = st.session_state
    if not before[1] or s.get("_edit_error") or s.get(STALE_ECHO) or s.get("_nonce", 0) != before[2]:
        return
    if not _plain_save(before[0]):
        return
    try:
        st.rerun([*parts, SIDEBAR])
    except StreamlitAPIException:
        return  # a fragment not drawn on this run (e.g. no sidebar figures): the whole page reruns
