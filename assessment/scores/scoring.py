"""Coverage scores, exactly as DESIGN §3 states them (and the README and the app explain them).

A skill of a role is covered min(level / target, 1), the level being the best among the in-house
people holding the role (unrated counts 0). A role's coverage is the mean over its skills: for
prerequisite skills (任用前提: appointment readiness), additional skills (追加教育: training
progress), and all together. 未配置 (gap) roles count 0; 対象外 (not_applicable) and outsourced
roles are not scored (None), so they leave every mean, and outsourced roles are reported apart.

Nothing is cached here: the UI caches on `Assessment.version`.
"""
from __future__ import annotations

from dataclasses import dataclass

from csirt_data import KINDS, Catalogue, load_catalogue

from assessment.core.model import Assessment
from assessment.scores.staffing import minimum_headcount

# Statuses whose roles the in-house score leaves out: a contractor covers them, or they don't apply.
UNSCORED = ("outsourced", "not_applicable")


@dataclass(frozen=True)
class SkillScore:
    skill: str
    kind: str  # "prerequisite" / "additional"
    target: int
    best: int  # best level among the role's in-house holders; unrated = 0
    best_by: tuple[str, ...]  # person ids at that best level; empty if best == 0
    coverage: float  # min(best / target, 1)


@dataclass(frozen=True)
class RoleScore:
    role: str
    status: str
    # Each 0..1, or None when not scored: outsourced, not_applicable, or no skills of that kind.
    prerequisite: float | None
    additional: float | None
    total: float | None
    holders: tuple[str, ...]  # person ids, in-house only
    skills: tuple[SkillScore, ...]  # empty for outsourced and not_applicable roles


@dataclass(frozen=True)
class Summary:
    coverage: float | None  # mean `total` over scored roles
    readiness: float | None  # mean `prerequisite`: 任用前提 appointment readiness
    training: float | None  # mean `additional`: 追加教育 training progress
    gaps: tuple[str, ...]  # status gap (未配置) or in-house with nobody holding it; catalogue order
    unheld: tuple[str, ...]  # in-house roles nobody holds (also in `gaps`)
    outsourced: tuple[str, ...]
    not_applicable: tuple[str, ...]
    headcount: int
    minimum_headcount: int
    rated: int  # (person, skill) pairs rated ...
    to_rate: int  # ... out of those needed: each distinct skill of each person's in-house roles


@dataclass(frozen=True)
class PersonScore:
    person: str
    roles: dict[str, float | None]  # held in-house role -> mean of min(own level / target, 1)
    skills: tuple[tuple[str, int | None, int], ...]  # (skill, own level or None, highest target)
    total: float | None  # mean of the `roles` values


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def _role_score(a: Assessment, cat: Catalogue, role_id: str) -> RoleScore:
    status = a.status(role_id)
    if status in UNSCORED:
        return RoleScore(role_id, status, None, None, None, (), ())
    # a.holders is empty for a gap role, so every skill of it scores 0, as §3 says.
    holders = a.holders(role_id)
    rated = [(p.id, a.used_ratings().get(p.id, {})) for p in holders]
    skills = []
    for link in cat.role_links(role_id):
        target = a.target(role_id, link.kind)
        levels = [(pid, mine.get(link.skill) or 0) for pid, mine in rated]
        best = max((lvl for _, lvl in levels), default=0)
        best_by = tuple(pid for pid, lvl in levels if lvl == best) if best else ()
        skills.append(SkillScore(link.skill, link.kind, target, best, best_by, min(best / target, 1.0)))
    by_kind = {k: _mean(s.coverage for s in skills if s.kind == k) for k in KINDS}
    return RoleScore(role_id, status, by_kind["prerequisite"], by_kind["additional"],
                     _mean(s.coverage for s in skills), tuple(p.id for p in holders), tuple(skills))


def score_roles(a: Assessment, cat: Catalogue | None = None) -> dict[str, RoleScore]:
    """Every role of the catalogue, in its order."""
    cat = cat or load_catalogue()
    return {r: _role_score(a, cat, r) for r in cat.role_ids}


def _links_by_role(cat: Catalogue) -> dict[str, tuple]:
    # cat.role_links scans every link; index them once per call, not once per person and role.
    return {r: cat.role_links(r) for r in cat.role_ids}


def _in_house_roles(a: Assessment, person) -> list[str]:
    # A person's list may keep roles since outsourced (dormant): only in-house ones count.
    return [r for r in person.roles if a.roles[r].status == "in_house"]


def summarise(a: Assessment, cat: Catalogue | None = None,
              scores: dict[str, RoleScore] | None = None) -> Summary:
    """Headline figures. Pass `scores` from score_roles to avoid scoring twice."""
    cat = cat or load_catalogue()
    scores = score_roles(a, cat) if scores is None else scores
    by_status = {s: tuple(r for r in cat.role_ids if scores[r].status == s)
                 for s in ("gap", "outsourced", "not_applicable")}
    unheld = tuple(r for r in cat.role_ids if scores[r].status == "in_house" and not scores[r].holders)
    links = _links_by_role(cat)
    rated = to_rate = 0
    for person in a.people:
        mine = a.used_ratings().get(person.id, {})
        needed = {l.skill for r in _in_house_roles(a, person) for l in links[r]}
        to_rate += len(needed)
        rated += sum(1 for k in needed if mine.get(k) is not None)
    return Summary(
        coverage=_mean(s.total for s in scores.values()),
        readiness=_mean(s.prerequisite for s in scores.values()),
        training=_mean(s.additional for s in scores.values()),
        gaps=tuple(r for r in cat.role_ids if r in by_status["gap"] or r in unheld),
        unheld=unheld,
        outsourced=by_status["outsourced"],
        not_applicable=by_status["not_applicable"],
        headcount=len(a.people),
        minimum_headcount=minimum_headcount(a, cat),
        rated=rated,
        to_rate=to_rate,
    )


def score_functions(a: Assessment, cat: Catalogue | None = None,
                    scores: dict[str, RoleScore] | None = None) -> dict[str, float | None]:
    """Function id -> mean `total` of its scored roles (None when none is scored)."""
    cat = cat or load_catalogue()
    scores = score_roles(a, cat) if scores is None else scores
    return {f.id: _mean(scores[r.id].total for r in cat.roles_of_function(f.id)) for f in cat.functions}


def score_groups(a: Assessment, cat: Catalogue | None = None,
                 scores: dict[str, RoleScore] | None = None) -> dict[str, float | None]:
    """兼任グループ id -> mean `total` of its scored roles (None when none is scored)."""
    cat = cat or load_catalogue()
    scores = score_roles(a, cat) if scores is None else scores
    return {g.id: _mean(scores[r].total for r in g.role_ids) for g in cat.groups}


def skills_to_rate(a: Assessment, person_id: str,
                   cat: Catalogue | None = None) -> list[tuple[str, str, tuple[str, ...]]]:
    """(skill, kind, roles needing it) for each distinct skill of the person's in-house roles.

    Roles in catalogue order, skills in the document's order; a skill recurring in a later role is
    listed once, at its first place (it is rated once). Its kind is "prerequisite" when any of the
    person's roles needs it before appointment, since that is the stricter need."""
    cat = cat or load_catalogue()
    return _skills_to_rate(a, person_id, cat, _links_by_role(cat))


def _skills_to_rate(a: Assessment, person_id: str, cat: Catalogue,
                    links: dict[str, tuple]) -> list[tuple[str, str, tuple[str, ...]]]:
    held = set(_in_house_roles(a, a.person(person_id)))
    found: dict[str, list] = {}
    for role_id in cat.role_ids:
        if role_id not in held:
            continue
        for link in links[role_id]:
            entry = found.setdefault(link.skill, [link.kind, []])
            if link.kind == "prerequisite":
                entry[0] = "prerequisite"
            entry[1].append(role_id)
    return [(skill, kind, tuple(roles)) for skill, (kind, roles) in found.items()]


def score_person(a: Assessment, person_id: str, cat: Catalogue | None = None) -> PersonScore:
    """One person against the roles they hold in-house, on their own ratings only."""
    cat = cat or load_catalogue()
    person = a.person(person_id)
    mine = a.used_ratings().get(person_id, {})
    in_house = set(_in_house_roles(a, person))
    held = [r for r in cat.role_ids if r in in_house]
    links = _links_by_role(cat)
    roles = {r: _mean(min((mine.get(l.skill) or 0) / a.target(r, l.kind), 1.0) for l in links[r])
             for r in held}
    # The highest target a skill has among the person's roles: the level they must reach for all.
    targets: dict[str, int] = {}
    for r in held:
        for l in links[r]:
            targets[l.skill] = max(targets.get(l.skill, 0), a.target(r, l.kind))
    skills = tuple((k, mine.get(k), targets[k]) for k, _kind, _roles in _skills_to_rate(a, person_id, cat, links))
    return PersonScore(person_id, roles, skills, _mean(roles.values()))
