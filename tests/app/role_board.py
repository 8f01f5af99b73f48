"""AppTest helpers for the Roles page's role board (components/role_board). AppTest cannot run its
JavaScript: the board is an element whose proto carries the data sent to the browser, and a test
plays the browser by sending the board's state (its outbox) the way board.js does: as the
component's widget state with the next run, so its callback runs before the script, as in a browser
(AppTest itself sends no state for a custom component)."""
from __future__ import annotations

import json

from streamlit.proto.WidgetStates_pb2 import WidgetState

from components.role_board.widget import KEY
from tests.app.helpers import custom_component, still_queued

TOKEN = "fedcba9876543210" * 2
BOARD_COMPONENT = "csirt_self_check.role_board"


def board_data(at) -> dict:
    """The data the Roles page sent to the board on its last run."""
    return json.loads(_board(at).proto.json)


def _board(at):
    return custom_component(at, BOARD_COMPONENT)


def board_roles(at) -> dict[str, dict]:
    """Each role as the board shows it from the server: {"status", "note", "default", "label", ...}."""
    return {r["id"]: r for f in board_data(at)["functions"] for r in f["roles"]}


def status_shown(at, role: str) -> str:
    return board_roles(at)[role]["status"]


def note_shown(at, role: str) -> str:
    return board_roles(at)[role]["note"]


def change(at, changes: list[tuple[str, str, str]], *, token: str = TOKEN, callback: bool = True):
    """Makes (role, field, value) changes as the browser would: each joins the outbox, which is
    sent whole, with increasing seq numbers, until the server acknowledges it. Runs the app.
    `callback=False`: the state reaches a session that runs no callback for it (a tab reconnected
    to a restarted server starts a new session), as session state set before the run."""
    items, seq = still_queued(_sent(at), board_data(at)["acked"], token)
    for role, field, value in changes:
        seq += 1
        items.append({"seq": seq, "role": role, "field": field, "value": value})
    return send(at, items, token=token, callback=callback)


def send(at, items: list[dict], *, token: str = TOKEN, callback: bool = True):
    """Sends the board's state with these outbox items, as they are (also again), and runs the app."""
    state = {"outbox": {"token": token, "items": items}}
    if not callback:
        at.session_state[KEY] = state
        return at.run()
    widgets = at._tree.get_widget_states()
    widgets.widgets.append(WidgetState(id=_board(at).proto.id, json_value=json.dumps(state)))
    return at._run(widgets)


def set_status(at, role: str, status: str, **kw):
    return change(at, [(role, "status", status)], **kw)


def set_note(at, role: str, note: str, **kw):
    return change(at, [(role, "note", note)], **kw)


def _sent(at) -> list:
    try:
        state = at.session_state[KEY]
    except KeyError:
        return []
    box = state.get("outbox") if isinstance(state, dict) else None
    return box["items"] if isinstance(box, dict) and isinstance(box.get("items"), list) else []
