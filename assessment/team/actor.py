from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    kind: str  # "editor" | "participant" | "viewer"
    person_id: str | None = None
    label: str = ""


LOCAL = Actor("editor")
