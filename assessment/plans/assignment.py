"""A suggested assignment of the current people to the 兼任グループ (4.20 兼任可能な役割, DESIGN §3).

The rule (4.20): one person holds one group. A "group" is what staffing.py counts for the minimum
headcount: a 兼任グループ with at least one in-house role, or an in-house role outside the groups
(経営者, CSIRT運営管理担当, システム運用担当) on its own. Such a group is *needed*; a group whose roles
are all outsourced, 未配置 or 対象外 is not.

Fit of a person for a group: the coverage the person alone would give the group's in-house roles,
i.e. the mean over every (role, skill) link of those roles that the person has rated of
min(level / target, 1), with the level from `a.used_ratings()` and the target of that role and kind (`a.target`). Prerequisite
(任用前提) and additional (追加教育) skills are NOT weighted differently: each link counts once, as in
the "together" coverage of scoring.py; the prerequisite target (3 by default) is already the higher
bar. A skill that two roles of the group need counts once per role, as it does in those roles'
scores. A group whose roles have no skills (経営者 has responsibilities instead) has no fit (None),
which counts as 0 when assigning. Not rated is not 0 (DESIGN §3): a person who has rated none of a
group's skills has no fit for it either (None, shown 未評価: rate first); when assigning it counts 0
for a group they do not hold, and as a full fit for a group they hold now, so that nobody is moved
out of their group, nor anyone unrated moved in, on ratings not yet given.

Assignment, as maximum-weight bipartite matchings (networkx), in rounds:
1. Every needed group gets one person while people last (a maximum-cardinality matching), and among
   those matchings the total fit is the highest.
2. Each person left over becomes a second (or later) holder of the group where their own fit is
   highest: a second holder is a backup against a single point of failure, and what they add is how
   well they could stand in for the first holder, i.e. their own fit (not the few skills in which
   they beat the first holder). A group without skills (経営者) is chosen only when no group with
   skills is needed.
Ties, in this order: a person who already holds an in-house role of the group keeps it (the
suggestion moves nobody without a reason); then catalogue order of groups, then the order of people
(the first group gets the earliest of equally fit people). Matching weights are integers, so the
result is exact and the same on every run.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from csirt_data import Catalogue, load_catalogue

from assessment.core import edit
from assessment.core.model import Assessment
from assessment.team.journal import recorded
from assessment.scores.staffing import Staffing, group_key, group_order, staffing

# Fits are compared at this resolution (integer weights keep the matching exact).
_SCALE = 10**9


@dataclass(frozen=True)
class Pick:
    person: str
    fit: float | None  # None: the group's roles have no skills to rate
    backup: bool  # a second (or later) holder of the group
    holds_now: bool  # already holds an in-house role of the group


@dataclass(frozen=True)
class GroupPlan:
    key: str  # "group1" … "group5", or "role:<id>" for a role outside the groups
    roles: tuple[str, ...]  # the group's in-house roles, catalogue order
    picks: tuple[Pick, ...]  # the suggested holder first, then backups
    holders: tuple[str, ...]  # people holding any of `roles` now, in people order

    @property
    def main(self) -> Pick | None:
        return self.picks[0] if self.picks else None


@dataclass(frozen=True)
class Suggestion:
    groups: tuple[GroupPlan, ...]  # the needed groups, catalogue order
    unfilled: tuple[str, ...]  # needed groups nobody is suggested for: a hire is needed
    people: tuple[str, ...]  # every person, in order
    fits: dict[str, dict[str, float | None]]  # person -> group key -> fit
    total_fit: float  # sum of the suggested (first) holders' fits
    minimum: int  # minimum headcount (staffing.py)
    headcount: int
    across_groups: dict[str, tuple[str, ...]]  # now: person -> the groups of their in-house roles
    single_holder: dict[str, str]  # now: in-house role -> its only holder
    single_skill_holders: dict[str, str]  # now: skill -> the only person at target in it
    unheld: tuple[str, ...]  # now: in-house roles nobody holds
    # person -> the needed groups with skills of which the person has rated none (fit None: 未評価)
    not_rated: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def is_rated(self, person: str, key: str) -> bool:
        return key not in self.not_rated.get(person, ())

    def group(self, key: str) -> GroupPlan:
        return next(g for g in self.groups if g.key == key)


def needed_groups(a: Assessment, cat: Catalogue | None = None) -> dict[str, tuple[str, ...]]:
    """Group key -> its in-house roles, for every group with at least one (catalogue order)."""
    cat = cat or load_catalogue()
    found: dict[str, list[str]] = {}
    for r in cat.role_ids:
        if a.status(r) == "in_house":
            found.setdefault(group_key(cat, r), []).append(r)
    order = group_order(cat)
    return {k: tuple(found[k]) for k in sorted(found, key=order.__getitem__)}


def group_label(cat: Catalogue, key: str, lang: str, *, short: bool = False) -> str:
    """A group's name from the catalogue; a role outside the groups is named by the role."""
    if key.startswith("role:"):
        return cat.role(key[5:]).name.get(lang)
    g = cat.group(key)
    return (g.short if short else g.name).get(lang)


def fit(a: Assessment, person_id: str, roles, cat: Catalogue | None = None) -> float | None:
    """The coverage `person_id` alone would give `roles` (see the module docstring); None when the
    roles have no skills."""
    cat = cat or load_catalogue()
    return _fit(a.used_ratings().get(person_id, {}), _targets(a, cat, roles))


def _targets(a: Assessment, cat: Catalogue, roles) -> list[tuple[str, int]]:
    """(skill, target) for every (role, skill) link of `roles`."""
    return [(l.skill, a.target(r, l.kind)) for r in roles for l in cat.role_links(r)]


def _fit(mine: dict[str, int], targets: list[tuple[str, int]]) -> float | None:
    values = [min(mine[skill] / target, 1.0) for skill, target in targets if mine.get(skill) is not None]
    return sum(values) / len(values) if values else None


def _weight_fit(fit_: float | None, has_skills: bool, holds_now: bool) -> float:
    """The fit the matching uses: an unknown fit (not rated) keeps a current holder, never displaces one."""
    if fit_ is None:
        return 1.0 if has_skills and holds_now else 0.0
    return fit_


def _match(people: list[str], groups: list[str], fits, holds, has_skills) -> dict[str, str]:
    """group -> person: one person per group and one group per person, as many pairs as possible,
    then the highest total fit, then current holders, then catalogue and people order."""
    if not people or not groups:
        return {}
    n, g = len(people), len(groups)
    base = n + 1
    order_span = base ** g  # > any total of the order bonuses below (digits < base)
    hold_span = g + 1  # > any count of pairs where the person already holds the group
    graph = nx.Graph()
    for i, key in enumerate(groups):
        weights = []
        for j, pid in enumerate(people):
            f = round(_weight_fit(fits[pid][key], has_skills[key], holds(pid, key)) * _SCALE)
            # Group i's digit, worth more for earlier groups, is higher for earlier people.
            order = (n - j) * base ** (g - 1 - i)
            weights.append(((f * hold_span + int(holds(pid, key))) * order_span + order, j))
        # Only a group's g best candidates can be its pick in the best matching: the other g - 1
        # groups take at most g - 1 of them, so a pick outside them could be swapped for a free one
        # that weighs more (the order digits make a group's weights distinct). The same matching,
        # on g × g edges instead of g × n (the matching was half the Staffing page's run at scale).
        for weight, j in sorted(weights, reverse=True)[:g]:
            graph.add_edge(("g", i), ("p", j), weight=weight)
    matching = nx.max_weight_matching(graph, maxcardinality=True)
    out = {}
    for u, v in matching:
        (_, i), (_, j) = (u, v) if u[0] == "g" else (v, u)
        out[groups[i]] = people[j]
    return out


def suggest(a: Assessment, cat: Catalogue | None = None, st_: Staffing | None = None) -> Suggestion:
    """The suggested assignment of `a`'s people to its needed groups, with the staffing facts the
    staffing view shows beside it (pass `st_` from staffing.staffing to avoid computing it again)."""
    cat = cat or load_catalogue()
    needed = needed_groups(a, cat)
    people = [p.id for p in a.people]
    targets = {k: _targets(a, cat, roles) for k, roles in needed.items()}
    used = a.used_ratings()
    fits = {pid: {k: _fit(used.get(pid, {}), targets[k]) for k in needed} for pid in people}
    holding = {p.id: {group_key(cat, r) for r in p.roles if a.status(r) == "in_house"} for p in a.people}

    def holds(pid: str, key: str) -> bool:
        return key in holding[pid]

    picks: dict[str, list[Pick]] = {k: [] for k in needed}
    has_skills = {k: bool(t) for k, t in targets.items()}
    matched = _match(people, list(needed), fits, holds, has_skills)
    for key, pid in matched.items():
        picks[key].append(Pick(pid, fits[pid][key], False, holds(pid, key)))
    assigned = set(matched.values())
    order = list(needed)
    for pid in people:
        if pid in assigned or not needed:
            continue
        # A group with skills beats one without (a backup 経営者 stands in for nothing rated).
        key = max(order, key=lambda k: (has_skills[k], round((fits[pid][k] or 0.0) * _SCALE),
                                        holds(pid, k), -order.index(k)))
        picks[key].append(Pick(pid, fits[pid][key], True, holds(pid, key)))

    s = staffing(a, cat) if st_ is None else st_
    plans = tuple(GroupPlan(k, roles, tuple(picks[k]),
                            tuple(p.id for p in a.people if any(r in p.roles for r in roles)))
                  for k, roles in needed.items())
    return Suggestion(
        groups=plans,
        unfilled=tuple(p.key for p in plans if not p.picks),
        people=tuple(people),
        fits=fits,
        total_fit=sum(p.main.fit or 0.0 for p in plans if p.main),
        minimum=s.minimum,
        headcount=s.headcount,
        across_groups=s.across_groups,
        single_holder=s.single_holder,
        single_skill_holders=s.single_skill_holders,
        unheld=s.unheld,
        not_rated={pid: keys for pid in people
                   if (keys := tuple(k for k in needed if has_skills[k] and fits[pid][k] is None))},
    )


def person_roles(s: Suggestion) -> dict[str, list[str]]:
    """Every person -> the in-house roles the suggestion gives them (their group's in-house roles;
    none when no group is needed). Applied with edit.set_person_roles, person by person."""
    out: dict[str, list[str]] = {pid: [] for pid in s.people}
    for plan in s.groups:
        for pick in plan.picks:
            out[pick.person] = list(plan.roles)
    return out


def role_changes(a: Assessment, s: Suggestion) -> dict[str, tuple[list[str], list[str]]]:
    """Person -> (in-house roles now, roles suggested), for the people whose roles would change."""
    out = {}
    for pid, new in person_roles(s).items():
        now = [r for r in a.person(pid).roles if a.status(r) == "in_house"]
        if set(now) != set(new):
            out[pid] = (now, new)
    return out


def apply_suggestion(a: Assessment, s: Suggestion) -> None:
    """Gives every person the roles of their suggested group (replacing their in-house roles;
    roles since outsourced stay recorded, as edit.set_person_roles keeps them). Run it inside
    components.session.state.run_edits so that it applies all or nothing."""
    apply_person_roles(a, person_roles(s))


@recorded
def apply_person_roles(a: Assessment, roles_by_person: dict[str, list[str]]) -> None:
    """Sets the roles of several people at once: the suggestion as applied, recorded as one edit
    in plain data (person id -> roles) so that it can be re-applied onto a newer stored version."""
    for pid, roles in roles_by_person.items():
        edit.set_person_roles(a, pid, roles)
