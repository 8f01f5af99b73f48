"""Coverage scores, exactly as DESIGN §3 states them (and the README and the app explain them).

A skill of a role is covered min(level / target, 1), the level being the best among the in-house
people holding the role who have rated it. Not rated is not 0 (DESIGN §3): a skill none of the
role's holders has rated yet is *not rated* (level and coverage None) and leaves every mean, and
every figure carries its basis (how many of its skill links are known) so the UI can say how
complete it is ("評価済み 41/69"). A gap role (未配置, or in-house with nobody holding it) is known:
nobody can do it, so each of its skills counts 0.

A role's coverage is the mean over its known skills: for prerequisite skills (任用前提: appointment
readiness), additional skills (追加教育: training progress), and all together. The headline figures
pool every known (role, skill) link of the scored roles, so the overall figure is the mean of the
two parts weighted by their numbers of known links and always lies between them. 対象外
(not_applicable) and outsourced roles are not scored (None): they leave every mean, and outsourced
roles are reported apart.

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
    best: int | None  # best rated level among the role's holders; None: none of them rated it
    best_by: tuple[str, ...]  # person ids at that best level; empty if best is 0 or None
    coverage: float | None  # min(best / target, 1); None when not rated


@dataclass(frozen=True)
class Basis:
    """How complete a figure's basis is: `known` of its `total` (role, skill) links are rated (or
    belong to a gap role, known to be 0)."""
    known: int
    total: int

    @property
    def complete(self) -> bool:
        return self.known == self.total


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
    gap: bool = False  # 未配置, or in-house with nobody holding it: the one meaning of "gap"

    @property
    def basis(self) -> Basis:
        return Basis(sum(1 for k in self.skills if k.coverage is not None), len(self.skills))

    @property
    def not_rated(self) -> bool:
        """Skills to rate and none rated yet: the role's coverage is unknown (未評価), not 0."""
        return bool(self.skills) and self.basis.known == 0

    @property
    def state(self) -> str:
        """in_house / outsourced / gap / not_applicable, with gap in its one meaning: what the flow
        diagram and the function mix colour a role by."""
        return "gap" if self.gap else self.status


@dataclass(frozen=True)
class Summary:
    # Means over every known (role, skill) link of the scored roles; None when nothing is known.
    coverage: float | None  # all links: between the two parts, weighted by their known links
    readiness: float | None  # prerequisite links: 任用前提 appointment readiness
    training: float | None  # additional links: 追加教育 training progress
    gaps: tuple[str, ...]  # status gap (未配置) or in-house with nobody holding it; catalogue order
    unheld: tuple[str, ...]  # in-house roles nobody holds (also in `gaps`)
    outsourced: tuple[str, ...]
    not_applicable: tuple[str, ...]
    headcount: int
    minimum_headcount: int
    rated: int  # (person, skill) pairs rated ...
    to_rate: int  # ... out of those needed: each distinct skill of each person's in-house roles
    coverage_basis: Basis = Basis(0, 0)
    readiness_basis: Basis = Basis(0, 0)
    training_basis: Basis = Basis(0, 0)
    not_rated: tuple[str, ...] = ()  # held in-house roles none of whose skills is rated yet
    partly_rated: tuple[str, ...] = ()  # held in-house roles with some skills rated, some not


@dataclass(frozen=True)
class PersonScore:
    person: str
    roles: dict[str, float | None]  # held in-house role -> mean of min(own level / target, 1) over rated skills
    skills: tuple[tuple[str, int | None, int], ...]  # (skill, own level or None, highest target)
    total: float | None  # mean of the `roles` values
    rated: int = 0  # of `skills`, how many the person has rated


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def _role_score(a: Assessment, cat: Catalogue, role_id: str) -> RoleScore:
    status = a.status(role_id)
    if status in UNSCORED:
        return RoleScore(role_id, status, None, None, None, (), ())
    # a.holders is empty for a gap role: nobody can do its skills, a known 0 (not "not rated").
    holders = a.holders(role_id)
    gap = not holders
    used = a.used_ratings()
    mine = [(p.id, used.get(p.id, {})) for p in holders]
    skills = []
    for link in cat.role_links(role_id):
        target = a.target(role_id, link.kind)
        levels = [(pid, own[link.skill]) for pid, own in mine if own.get(link.skill) is not None]
        best = 0 if gap else max((lvl for _, lvl in levels), default=None)
        best_by = tuple(pid for pid, lvl in levels if lvl == best) if best else ()
        cover = None if best is None else min(best / target, 1.0)
        skills.append(SkillScore(link.skill, link.kind, target, best, best_by, cover))
    by_kind = {k: _mean(s.coverage for s in skills if s.kind == k) for k in KINDS}
    return RoleScore(role_id, status, by_kind["prerequisite"], by_kind["additional"],
                     _mean(s.coverage for s in skills), tuple(p.id for p in holders), tuple(skills), gap)


def _pooled(scores, kind: str | None = None) -> tuple[float | None, Basis]:
    """The mean coverage over every known (role, skill) link of `scores` (of `kind`, or all)."""
    links = [k for sc in scores for k in sc.skills if kind is None or k.kind == kind]
    known = [k.coverage for k in links if k.coverage is not None]
    return (sum(known) / len(known) if known else None), Basis(len(known), len(links))


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
                 for s in ("outsourced", "not_applicable")}
    unheld = tuple(r for r in cat.role_ids if scores[r].status == "in_house" and not scores[r].holders)
    held = [scores[r] for r in cat.role_ids if scores[r].status == "in_house" and not scores[r].gap]
    coverage, coverage_basis = _pooled(scores.values())
    readiness, readiness_basis = _pooled(scores.values(), "prerequisite")
    training, training_basis = _pooled(scores.values(), "additional")
    links = _links_by_role(cat)
    rated = to_rate = 0
    for person in a.people:
        mine = a.used_ratings().get(person.id, {})
        needed = {l.skill for r in _in_house_roles(a, person) for l in links[r]}
        to_rate += len(needed)
        rated += sum(1 for k in needed if mine.get(k) is not None)
    return Summary(
        coverage=coverage,
        readiness=readiness,
        training=training,
        gaps=tuple(r for r in cat.role_ids if scores[r].gap),
        unheld=unheld,
        outsourced=by_status["outsourced"],
        not_applicable=by_status["not_applicable"],
        headcount=len(a.people),
        minimum_headcount=minimum_headcount(a, cat),
        rated=rated,
        to_rate=to_rate,
        coverage_basis=coverage_basis,
        readiness_basis=readiness_basis,
        training_basis=training_basis,
        not_rated=tuple(sc.role for sc in held if sc.not_rated),
        partly_rated=tuple(sc.role for sc in held if not sc.not_rated and not sc.basis.complete),
    )


def score_functions(a: Assessment, cat: Catalogue | None = None,
                    scores: dict[str, RoleScore] | None = None) -> dict[str, float | None]:
    """Function id -> mean coverage over the known (role, skill) links of its scored roles, pooled
    like the headline (None when nothing of it is known)."""
    cat = cat or load_catalogue()
    scores = score_roles(a, cat) if scores is None else scores
    return {f.id: _pooled(scores[r.id] for r in cat.roles_of_function(f.id))[0] for f in cat.functions}


def score_groups(a: Assessment, cat: Catalogue | None = None,
                 scores: dict[str, RoleScore] | None = None) -> dict[str, float | None]:
    """兼任グループ id -> mean coverage over the known links of its scored roles, pooled like the
    headline (None when nothing of it is known)."""
    cat = cat or load_catalogue()
    scores = score_roles(a, cat) if scores is None else scores
    return {g: value for g, (value, _basis) in _group_pools(scores, cat).items()}


def group_bases(scores: dict[str, RoleScore], cat: Catalogue | None = None) -> dict[str, Basis]:
    """兼任グループ id -> the basis of its score_groups figure: how many of its links are known."""
    return {g: basis for g, (_value, basis) in _group_pools(scores, cat or load_catalogue()).items()}


def _group_pools(scores: dict[str, RoleScore], cat: Catalogue) -> dict[str, tuple[float | None, Basis]]:
    return {g.id: _pooled(scores[r] for r in g.role_ids) for g in cat.groups}


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
    roles = {r: _mean(min(mine[l.skill] / a.target(r, l.kind), 1.0) for l in links[r]
                      if mine.get(l.skill) is not None) for r in held}
    # The highest target a skill has among the person's roles: the level they must reach for all.
    targets: dict[str, int] = {}
    for r in held:
        for l in links[r]:
            targets[l.skill] = max(targets.get(l.skill, 0), a.target(r, l.kind))
    skills = tuple((k, mine.get(k), targets[k]) for k, _kind, _roles in _skills_to_rate(a, person_id, cat, links))
    return PersonScore(person_id, roles, skills, _mean(roles.values()), sum(1 for _, v, _ in skills if v is not None))
