"""History: headline figures over snapshots (a trend), and what changed between two assessments
(two snapshots, or a snapshot and the current work).

People are matched by their id, so a renamed person is one person renamed, not one removed and one
added. Pure data: the UI draws the trend chart and the radar overlay."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from csirt_data import Catalogue, load_catalogue

from assessment.core.model import RATERS, Assessment
from assessment.scores.scoring import score_functions, score_roles, summarise


@dataclass(frozen=True)
class TrendPoint:
    """The headline figures of one snapshot (scoring.summarise)."""

    snapshot_id: int | str | None
    name: str
    created_at: datetime | None
    coverage: float | None
    readiness: float | None
    training: float | None
    gaps: int
    outsourced: int
    headcount: int
    minimum_headcount: int
    rated: int
    to_rate: int


def trend(points: Iterable[tuple[object, Assessment]], cat: Catalogue | None = None) -> list[TrendPoint]:
    """One TrendPoint per (snapshot info, assessment), in the order given (Store.snapshot_assessments
    gives oldest first). The info needs `id`, `name` and `created_at` attributes."""
    cat = cat or load_catalogue()
    out = []
    for info, a in points:
        s = summarise(a, cat)
        out.append(TrendPoint(getattr(info, "id", None), getattr(info, "name", ""), getattr(info, "created_at", None),
                              s.coverage, s.readiness, s.training, len(s.gaps), len(s.outsourced),
                              s.headcount, s.minimum_headcount, s.rated, s.to_rate))
    return out


@dataclass(frozen=True)
class RoleChange:
    role: str
    before: str  # status
    after: str


@dataclass(frozen=True)
class PersonRef:
    id: str
    name: str


@dataclass(frozen=True)
class Renamed:
    id: str
    before: str
    after: str


@dataclass(frozen=True)
class PersonRolesChange:
    id: str
    name: str  # the name after
    added: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True)
class RatingChange:
    person: str  # person id
    name: str  # the name after
    skill: str
    before: int | None  # None: not rated
    after: int | None
    rater: str = "lead"  # whose rating changed: "lead" (Assessment.ratings) or "self" (self_ratings)


@dataclass(frozen=True)
class Comparison:
    model: tuple[str | None, str | None]
    variant: tuple[str | None, str | None]
    role_changes: tuple[RoleChange, ...]  # catalogue order
    people_added: tuple[PersonRef, ...]
    people_removed: tuple[PersonRef, ...]
    people_renamed: tuple[Renamed, ...]
    people_roles: tuple[PersonRolesChange, ...]
    # people present in both, in the order of `after`; per person the lead's changes, then the self-ratings'
    rating_changes: tuple[RatingChange, ...]
    # role id -> (coverage before, coverage after): for a radar overlay; None where not scored.
    role_coverage: dict[str, tuple[float | None, float | None]]
    function_coverage: dict[str, tuple[float | None, float | None]]
    # headline figures before and after
    summary: tuple[TrendPoint, TrendPoint]
    rule: tuple[str, str] = ("lead", "lead")  # the rule choosing the rating scores use, before and after

    @property
    def unchanged(self) -> bool:
        return not (self.model[0] != self.model[1] or self.variant[0] != self.variant[1] or self.role_changes
                    or self.people_added or self.people_removed or self.people_renamed or self.people_roles
                    or self.rating_changes or self.rule[0] != self.rule[1])


def compare(before: Assessment, after: Assessment, cat: Catalogue | None = None) -> Comparison:
    cat = cat or load_catalogue()
    role_changes = tuple(RoleChange(r, before.roles[r].status, after.roles[r].status)
                         for r in cat.role_ids if before.roles[r].status != after.roles[r].status)
    old = {p.id: p for p in before.people}
    new = {p.id: p for p in after.people}
    added = tuple(PersonRef(p.id, p.name) for p in after.people if p.id not in old)
    removed = tuple(PersonRef(p.id, p.name) for p in before.people if p.id not in new)
    renamed = tuple(Renamed(p.id, old[p.id].name, p.name) for p in after.people
                    if p.id in old and old[p.id].name != p.name)
    order = {r: n for n, r in enumerate(cat.role_ids)}
    people_roles = []
    for p in after.people:
        if p.id in old:
            was, now = set(old[p.id].roles), set(p.roles)
            if was != now:
                people_roles.append(PersonRolesChange(p.id, p.name, tuple(sorted(now - was, key=order.get)),
                                                      tuple(sorted(was - now, key=order.get))))
    skill_order = {k: n for n, k in enumerate(cat.skills)}
    ratings = []
    for p in after.people:
        if p.id not in old:
            continue
        for rater in RATERS:
            was, now = before.rater_ratings(rater).get(p.id, {}), after.rater_ratings(rater).get(p.id, {})
            for skill in sorted(set(was) | set(now), key=lambda k: skill_order.get(k, len(skill_order))):
                if was.get(skill) != now.get(skill):
                    ratings.append(RatingChange(p.id, p.name, skill, was.get(skill), now.get(skill), rater))
    scores_before, scores_after = score_roles(before, cat), score_roles(after, cat)
    funcs_before = score_functions(before, cat, scores_before)
    funcs_after = score_functions(after, cat, scores_after)
    summary_before, summary_after = trend([(None, before), (None, after)], cat)
    return Comparison(
        model=(before.model, after.model),
        variant=(before.variant, after.variant),
        role_changes=role_changes,
        people_added=added,
        people_removed=removed,
        people_renamed=renamed,
        people_roles=tuple(people_roles),
        rating_changes=tuple(ratings),
        rule=(before.rating_rule, after.rating_rule),
        role_coverage={r: (scores_before[r].total, scores_after[r].total) for r in cat.role_ids},
        function_coverage={f.id: (funcs_before[f.id], funcs_after[f.id]) for f in cat.functions},
        summary=(summary_before, summary_after),
    )
