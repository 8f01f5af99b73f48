"""The role board's outbox turned into edits. Pure Python (no Streamlit). The envelope and its
once-only rule are components/session/outbox.py's; an item here is {"seq", "role", "field":
"status" | "note", "value"}. Each change is its own recorded edit, so team mode's journal merges it;
a bad value (an unknown role or status) is refused by the edit itself, with its message."""
from __future__ import annotations

from dataclasses import dataclass

from assessment.core import edit
from assessment.core.edit import EditError
from assessment.core.model import Assessment

from components.session import outbox as envelope

FIELDS = {"status": edit.set_role_status, "note": edit.set_role_note}


@dataclass(frozen=True)
class RoleChange:
    seq: int
    role: str
    field: str
    value: str


def _change(it: dict, seq: int) -> RoleChange | None:
    if it.get("field") not in FIELDS or not all(isinstance(it.get(k), str) for k in ("role", "value")):
        return None
    return RoleChange(seq, it["role"], it["field"], it["value"])


def parse(state) -> tuple[str, list[RoleChange]] | None:
    return envelope.parse(state, _change)


def apply(a: Assessment, changes: list[RoleChange], acked: int) -> tuple[int, list[EditError]]:
    """Applies, in order, the changes after `acked` to `a`, one edit each. Returns the new acked
    seq and the refusals."""
    refused: list[EditError] = []
    for c in changes:
        if c.seq <= acked:
            continue
        acked = c.seq
        try:
            FIELDS[c.field](a, c.role, c.value)
        except EditError as exc:
            refused.append(exc)
    return acked, refused
