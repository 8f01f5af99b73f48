"""The role board: the 19 roles by function, each with its status (four choices, one click), its
note and its duties, as one bidirectional custom component (st.components.v2, inline HTML/CSS/JS,
no build step, nothing from the internet). One element instead of a selectbox, a text box, a
popover and five layout blocks per role: a status click is shown at once in the browser and the
page's rerun redraws little (issue 13). Python hands it every text (through tr) as data; board.js
sets them with textContent, never as HTML."""
from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.components.v2 import component

from assessment.core.edit import model_defaults
from assessment.core.model import STATUSES, Assessment
from csirt_data import Catalogue

from components.role_board import changes
from components.session import outbox_take
from components.session.i18n import lang, tr
from components.session.labels import BADGE_COLOURS, status_label
from components.session.outbox import BROWSER_JS
from components.session.state import assessment, report_refusals

KEY = "role_board"  # one stable key: the browser keeps the board, its focus and its queue across reruns
ACKED = "_role_board_acked"  # {"token": the board mount last heard from, "seq": the last change applied}
_HERE = Path(__file__).parent

_mount = component("csirt_self_check.role_board", css=(_HERE / "board.css").read_text(encoding="utf-8"),
                   js=BROWSER_JS + (_HERE / "board.js").read_text(encoding="utf-8"))


def board_data(cat: Catalogue, a: Assessment, acked: dict) -> dict:
    """Everything the board shows, as plain data (JSON)."""
    L = lang()
    defaults = model_defaults(cat, a.model)
    functions = []
    for f in cat.functions:
        roles = [{"id": r.id, "label": r.label(L), "status": a.roles[r.id].status, "note": a.roles[r.id].note,
                  "default": defaults[r.id], "duties": [d.get(L) for d in r.duties], "notes": [n.get(L) for n in r.notes]}
                 for r in cat.roles_of_function(f.id)]
        functions.append({"id": f.id, "name": f.name.get(L), "note": f.note.get(L) if f.note else "", "roles": roles})
    return {
        "lang": L, "acked": acked, "functions": functions,
        "statuses": [{"value": s, "label": status_label(s), "colour": BADGE_COLOURS[s]} for s in STATUSES],
        "text": {
            "board": tr("roles.board"), "hint": tr("roles.hint"),
            "duties": tr("roles.duties"), "note_of": tr("roles.note_of", role="{role}"),
            "note_placeholder": tr("roles.note_placeholder"), "queued": tr("roles.queued", n="{n}"),
            "differs": tr("roles.differs", default="{default}"), "changed_count": tr("roles.changed_count", n="{n}"),
        },
    }


def take_changes() -> bool:
    """Applies the changes the board queued since the last acknowledged one, one recorded edit
    each. Returns whether anything was applied. Refusals become the page's edit error."""
    refused = outbox_take.take(KEY, ACKED, changes.parse, changes.apply)
    if refused:
        report_refusals(refused)
    return refused is not None


def role_board(cat: Catalogue) -> None:
    """Draws the board. A change in the browser is taken in the board's callback, before the page's
    run, so the whole page (the sidebar's figures included) draws it and app.py's autosave saves it.
    A change no callback took (a tab reconnected to a restarted server: a new session runs no
    callback for it) is taken here, and the page runs again to draw it everywhere."""
    if take_changes():
        st.rerun()
    _mount(key=KEY, data=board_data(cat, assessment(), st.session_state.get(ACKED) or {}),
           on_outbox_change=take_changes, width="stretch", height="content")
