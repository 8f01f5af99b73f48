"""Who made a change: the kind of link the session was opened with, recorded in every change row."""
from __future__ import annotations

from dataclasses import dataclass

ACTOR_KINDS = ("editor", "participant", "viewer")


@dataclass(frozen=True)
class Actor:
    kind: str  # "editor" | "participant" | "viewer"
    person_id: str | None = None  # a participant's own person id
    label: str = ""  # how the change feed names them when there is no person (e.g. "lead")


LOCAL = Actor("editor")  # the local tool, or a session opened without a link
