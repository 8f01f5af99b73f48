"""The user's work: one Assessment, held in session state and changed only through edit.py."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

RoleStatus = Literal["in_house", "outsourced", "gap", "not_applicable"]
STATUSES: tuple[RoleStatus, ...] = ("in_house", "outsourced", "gap", "not_applicable")
LEVELS = (0, 1, 2, 3, 4)
ITSS_LEVELS = (1, 2, 3, 4, 5, 6, 7)
DEFAULT_TARGETS = {"prerequisite": 3, "additional": 2}


@dataclass
class RoleState:
    status: RoleStatus
    note: str = ""
    # True once the user sets the status by hand: applying a model then keeps it unless told not to.
    user_set: bool = False


@dataclass
class Person:
    id: str
    name: str
    itss_level: int | None = None
    roles: list[str] = field(default_factory=list)


@dataclass
class Assessment:
    id: str
    organisation: str = ""
    model: str | None = None  # "A".."D"
    variant: str | None = None  # "D1" / "D2" for model D
    roles: dict[str, RoleState] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    # person id -> skill id -> level 0–4. A skill that recurs across roles is rated once.
    ratings: dict[str, dict[str, int]] = field(default_factory=dict)
    targets: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_TARGETS))
    # role id -> kind -> target, where the user set a role's own target.
    role_targets: dict[str, dict[str, int]] = field(default_factory=dict)
    sample: bool = False
    # Bumped by every change: caches of figures and scores key on it.
    version: int = 0

    def person(self, person_id: str) -> Person:
        for p in self.people:
            if p.id == person_id:
                return p
        raise KeyError(person_id)

    def status(self, role_id: str) -> RoleStatus:
        return self.roles[role_id].status

    def holders(self, role_id: str) -> list[Person]:
        """People holding the role; only an in-house role is held by the organisation's people."""
        if self.roles[role_id].status != "in_house":
            return []
        return [p for p in self.people if role_id in p.roles]

    def target(self, role_id: str, kind: str) -> int:
        return self.role_targets.get(role_id, {}).get(kind, self.targets[kind])

    def level(self, person_id: str, skill_id: str) -> int | None:
        return self.ratings.get(person_id, {}).get(skill_id)
