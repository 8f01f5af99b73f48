"""Staffing (DESIGN §3): the minimum headcount the 兼任グループ (4.20) allow, people holding roles
across groups, and single points of failure."""
from __future__ import annotations

from dataclasses import dataclass

from csirt_data import Catalogue, load_catalogue

from assessment.core.model import Assessment


@dataclass(frozen=True)
class Staffing:
    minimum: int
    headcount: int
    # person id -> the groups of their in-house roles, when more than one (see group_key).
    across_groups: dict[str, tuple[str, ...]]
    unheld: tuple[str, ...]  # in-house roles nobody holds
    single_holder: dict[str, str]  # in-house role -> the only person holding it (SINGLE_BY_NATURE excepted)
    # skill id -> the only person at or above target in it, among the holders of in-house roles needing it
    single_skill_holders: dict[str, str]


# Roles of which there is by nature one (4.16 経営者: the organisation's management): one holder is
# what the role is, not a single point of failure.
SINGLE_BY_NATURE = frozenset({"executive"})
# The roles the organisation must carry itself: in-house, and 未配置 (not staffed, still needed).
CARRIED = ("in_house", "gap")


def _in_house(a: Assessment, cat: Catalogue) -> list[str]:
    return [r for r in cat.role_ids if a.status(r) == "in_house"]


def minimum_headcount(a: Assessment, cat: Catalogue | None = None) -> int:
    """兼任グループ with at least one role the organisation must carry itself (in-house or 未配置),
    plus each such role outside the groups (経営者, CSIRT運営管理担当, システム運用担当): one person can
    hold one group at most. A role marked 未配置 still needs a person, so marking it never lowers this."""
    cat = cat or load_catalogue()
    return len({group_key(cat, r) for r in cat.role_ids if a.status(r) in CARRIED})


def group_key(cat: Catalogue, role_id: str) -> str:
    # An ungrouped role is its own group, "role:<id>". 4.20 marks 経営者, CSIRT運営管理担当 and
    # システム運用担当 "—": combinable with nothing. The minimum headcount already counts each as a
    # person of its own, so holding one beside any other role is a 兼任 outside the document's groups
    # and is flagged, like holding two groups; otherwise a team could fall below the minimum
    # headcount with no warning saying where.
    return cat.group_of(role_id) or f"role:{role_id}"


def group_order(cat: Catalogue) -> dict[str, int]:
    keys = [g.id for g in cat.groups] + [f"role:{r}" for r in cat.role_ids if cat.group_of(r) is None]
    return {k: n for n, k in enumerate(keys)}


def staffing(a: Assessment, cat: Catalogue | None = None) -> Staffing:
    cat = cat or load_catalogue()
    in_house = _in_house(a, cat)
    order = group_order(cat)

    across = {}
    for person in a.people:
        keys = {group_key(cat, r) for r in person.roles if a.status(r) == "in_house"}
        if len(keys) > 1:
            across[person.id] = tuple(sorted(keys, key=order.__getitem__))

    holders = {r: [p.id for p in a.holders(r)] for r in in_house}
    # Who is at target in each needed skill; a person counts when they reach the target the skill
    # has in a role they hold (targets differ by kind and by role).
    at_target: dict[str, set[str]] = {}
    for r in in_house:
        for link in cat.role_links(r):
            reached = at_target.setdefault(link.skill, set())
            target = a.target(r, link.kind)
            reached.update(p for p in holders[r] if (a.level(p, link.skill) or 0) >= target)

    return Staffing(
        minimum=minimum_headcount(a, cat),
        headcount=len(a.people),
        across_groups=across,
        unheld=tuple(r for r in in_house if not holders[r]),
        single_holder={r: h[0] for r, h in holders.items() if len(h) == 1 and r not in SINGLE_BY_NATURE},
        single_skill_holders={k: next(iter(p)) for k, p in at_target.items() if len(p) == 1},
    )
