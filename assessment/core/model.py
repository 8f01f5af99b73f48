"""The user's work: one Assessment, held in session state and changed only through edit.py."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

RoleStatus = Literal["in_house", "outsourced", "gap", "not_applicable"]
STATUSES: tuple[RoleStatus, ...] = ("in_house", "outsourced", "gap", "not_applicable")
LEVELS = (0, 1, 2, 3, 4)
ITSS_LEVELS = (1, 2, 3, 4, 5, 6, 7)
DEFAULT_TARGETS = {"prerequisite": 3, "additional": 2}
# Lengths and counts the edits keep to (typed text is cut there) and imported files must respect.
MAX_ORGANISATION, MAX_NAME, MAX_NOTE = 200, 80, 500
MAX_SCENARIOS, MAX_HIRES = 12, 50
# Workshop ratings: the lead's rating (the one kept in `ratings`, as before raters existed) and the
# person's own. RATING_RULES say which value scoring uses; each falls back to the other rater's
# value where the chosen one has not rated.
RATERS = ("lead", "self")
RATING_RULES = ("lead", "self", "lower", "higher")
ActionKind = Literal["train", "hire", "outsource"]
ACTION_KINDS: tuple[ActionKind, ...] = ("train", "hire", "outsource")
ACTION_STATUSES = ("proposed", "planned", "in_progress", "done", "dropped")


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
class PlannedHire:
    """A person a scenario plans to hire: holds roles, assumed to meet their prerequisite targets."""
    id: str
    name: str
    roles: list[str] = field(default_factory=list)


@dataclass
class Scenario:
    """A what-if on the same people and ratings: its own model and role statuses, plus planned hires."""
    id: str
    name: str
    model: str | None = None
    variant: str | None = None
    roles: dict[str, RoleState] = field(default_factory=dict)
    hires: list[PlannedHire] = field(default_factory=list)


@dataclass
class ActionState:
    """What the user decided about one proposed action (the proposal itself is computed from gaps)."""
    kind: ActionKind | None = None  # None: the proposed kind
    owner: str = ""
    due: str = ""  # ISO date (YYYY-MM-DD) or ""
    status: str = "proposed"
    note: str = ""


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
    # person id -> skill id -> level 0–4, as the person rates themselves (workshop ratings).
    self_ratings: dict[str, dict[str, int]] = field(default_factory=dict)
    rating_rule: str = "lead"
    scenarios: list[Scenario] = field(default_factory=list)
    # action key (see planning.py) -> the user's decisions on it
    actions: dict[str, ActionState] = field(default_factory=dict)
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
        """The level scoring uses (see used_ratings)."""
        return self.used_ratings().get(person_id, {}).get(skill_id)

    def rater_ratings(self, rater: str) -> dict[str, dict[str, int]]:
        """The store of one rater's ratings (edit.set_ratings writes into it)."""
        return self.self_ratings if rater == "self" else self.ratings

    def used_ratings(self) -> dict[str, dict[str, int]]:
        """person -> skill -> the level scoring uses, by `rating_rule`. Without self-ratings this is
        `ratings` itself; otherwise it is merged once per version."""
        if not any(self.self_ratings.values()):
            return self.ratings
        if self._used is not None and self._used[0] == self.version:
            return self._used[1]
        merged = merge_ratings(self.ratings, self.self_ratings, self.rating_rule)
        self._used = (self.version, merged)
        return merged

    def scenario(self, scenario_id: str) -> Scenario:
        for s in self.scenarios:
            if s.id == scenario_id:
                return s
        raise KeyError(scenario_id)

    _used: tuple[int, dict] | None = field(default=None, init=False, repr=False, compare=False)
    # The edits made since the work was last saved, as operations (assessment.team.journal): not
    # part of the document, not compared; the store re-applies them onto a newer stored version.
    journal: list = field(default_factory=list, init=False, repr=False, compare=False)


def merge_ratings(lead: dict[str, dict[str, int]], own: dict[str, dict[str, int]],
                  rule: str) -> dict[str, dict[str, int]]:
    """The value used per (person, skill): the chosen rater's, or the lower / higher of the two;
    where only one rater has rated, that rating."""
    pick = {"lead": lambda l, s: l, "self": lambda l, s: s, "lower": min, "higher": max}[rule]
    out: dict[str, dict[str, int]] = {}
    for pid in dict.fromkeys([*lead, *own]):
        mine_l, mine_s = lead.get(pid, {}), own.get(pid, {})
        out[pid] = {k: (pick(mine_l[k], mine_s[k]) if k in mine_l and k in mine_s
                        else mine_l.get(k, mine_s.get(k)))
                    for k in dict.fromkeys([*mine_l, *mine_s])}
    return out
