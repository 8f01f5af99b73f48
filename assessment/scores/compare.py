"""Side-by-side comparison of the current state (「現状」) and scenarios (issue #5).

A column is the assessment itself (`CURRENT`) or one of its scenarios, materialised
(scenarios.materialise) into an ordinary Assessment; its figures are those of the Results page
(scoring.summarise, scoring.score_functions, staffing.staffing), so a scenario is scored exactly
as the work itself would be. The differences are always against the first column chosen.

Pure Python: the UI caches each column per assessment version."""
from __future__ import annotations

from dataclasses import dataclass

from csirt_data import Catalogue, load_catalogue

from assessment.core.model import Assessment
from assessment.plans.scenarios import is_planned_hire, materialise
from assessment.scores.scoring import Basis, RoleScore, score_functions, score_roles, summarise
from assessment.scores.staffing import staffing

CURRENT = "current"  # the column of the assessment itself; every other column is a scenario id
MIN_COLUMNS, MAX_COLUMNS = 2, 4


@dataclass(frozen=True)
class Column:
    id: str  # CURRENT or a scenario id
    name: str | None  # the scenario's name (user text); None for the current state
    model: str | None
    variant: str | None
    model_label: str | None  # cat.model_label in the language asked for
    coverage: float | None
    readiness: float | None  # 任用前提: appointment readiness
    training: float | None  # 追加教育: training progress
    headcount: int  # people plus planned hires
    planned_hires: int
    minimum_headcount: int
    statuses: dict[str, str]  # role -> status, catalogue order
    gaps: tuple[str, ...]  # 未配置, or in-house with nobody holding it (Summary.gaps)
    single_holder_roles: int  # in-house roles held by exactly one person
    single_skill_holders: int  # skills at target held by exactly one person
    functions: dict[str, float | None]  # function id -> coverage (None: nothing scored)
    roles: dict[str, float | None]  # role id -> coverage (None: outsourced, 対象外, no skills or not rated)
    coverage_basis: Basis = Basis(0, 0)  # rated (role, skill) links behind `coverage` (Summary's)

    @property
    def single_points(self) -> int:
        return self.single_holder_roles + self.single_skill_holders

    def _with(self, status: str) -> tuple[str, ...]:
        return tuple(r for r, s in self.statuses.items() if s == status)

    # The roles of each status, catalogue order: read from `statuses`.
    in_house = property(lambda self: self._with("in_house"))
    outsourced = property(lambda self: self._with("outsourced"))
    not_staffed = property(lambda self: self._with("gap"))  # status 未配置
    not_applicable = property(lambda self: self._with("not_applicable"))


@dataclass(frozen=True)
class Difference:
    """A column against the first (base) column."""
    outsourced_added: tuple[str, ...]  # outsourced here, not in the base
    outsourced_removed: tuple[str, ...]  # outsourced in the base, not here
    status_changes: dict[str, tuple[str, str]]  # role -> (base status, this status)
    headcount: int
    minimum_headcount: int
    coverage: float | None  # None when either side has nothing scored
    readiness: float | None
    training: float | None
    gaps: int
    single_points: int


def column_assessment(a: Assessment, column_id: str, cat: Catalogue | None = None) -> Assessment:
    """The assessment a column shows: the work itself, or the scenario materialised."""
    if column_id == CURRENT:
        return a
    return materialise(a, column_id, cat or load_catalogue())


def column(a: Assessment, column_id: str, cat: Catalogue | None = None, lang: str = "ja", *,
           shown: Assessment | None = None, scores: dict[str, RoleScore] | None = None) -> Column:
    """The figures of one column. `shown` (column_assessment) and `scores` (its score_roles) may be
    passed when the caller already has them, so nothing is computed twice."""
    cat = cat or load_catalogue()
    shown = column_assessment(a, column_id, cat) if shown is None else shown
    scores = score_roles(shown, cat) if scores is None else scores
    s = summarise(shown, cat, scores=scores)
    st = staffing(shown, cat)
    statuses = {r: shown.status(r) for r in cat.role_ids}
    return Column(
        id=column_id,
        name=None if column_id == CURRENT else a.scenario(column_id).name,
        model=shown.model, variant=shown.variant, model_label=cat.model_label(shown.model, shown.variant, lang),
        coverage=s.coverage, readiness=s.readiness, training=s.training,
        headcount=s.headcount, planned_hires=sum(1 for p in shown.people if is_planned_hire(p.id)),
        minimum_headcount=s.minimum_headcount,
        statuses=statuses, gaps=s.gaps,
        single_holder_roles=len(st.single_holder), single_skill_holders=len(st.single_skill_holders),
        functions=score_functions(shown, cat, scores=scores),
        roles={r: scores[r].total for r in cat.role_ids},
        coverage_basis=s.coverage_basis,
    )


def _delta(x: float | None, base: float | None) -> float | None:
    return None if x is None or base is None else x - base


def difference(base: Column, other: Column) -> Difference:
    """`other` against `base`; role lists in the catalogue order of `statuses`."""
    return Difference(
        outsourced_added=tuple(r for r in other.outsourced if r not in base.outsourced),
        outsourced_removed=tuple(r for r in base.outsourced if r not in other.outsourced),
        status_changes={r: (base.statuses[r], s) for r, s in other.statuses.items() if base.statuses[r] != s},
        headcount=other.headcount - base.headcount,
        minimum_headcount=other.minimum_headcount - base.minimum_headcount,
        coverage=_delta(other.coverage, base.coverage),
        readiness=_delta(other.readiness, base.readiness),
        training=_delta(other.training, base.training),
        gaps=len(other.gaps) - len(base.gaps),
        single_points=other.single_points - base.single_points,
    )


def check_columns(a: Assessment, column_ids: list[str]) -> list[str]:
    """The chosen columns, each once, known, and 2–4 of them; ValueError otherwise."""
    ids = list(dict.fromkeys(column_ids))
    known = {CURRENT, *(s.id for s in a.scenarios)}
    unknown = [c for c in ids if c not in known]
    if unknown:
        raise ValueError(f"unknown columns: {unknown}")
    if not MIN_COLUMNS <= len(ids) <= MAX_COLUMNS:
        raise ValueError(f"compare {MIN_COLUMNS}–{MAX_COLUMNS} columns, not {len(ids)}")
    return ids


def compare(a: Assessment, column_ids: list[str], cat: Catalogue | None = None,
            lang: str = "ja") -> list[tuple[Column, Difference]]:
    """Each chosen column with its difference against the first (the first's is all zero)."""
    cat = cat or load_catalogue()
    cols = [column(a, c, cat, lang) for c in check_columns(a, column_ids)]
    return [(c, difference(cols[0], c)) for c in cols]


def unique_labels(labels: list[str]) -> list[str]:
    """Column labels made distinct (a scenario may be named like the current state, 「現状」):
    a repeated label gets " (2)", " (3)"…"""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        n = seen.get(label, 0) + 1
        seen[label] = n
        candidate = label if n == 1 else f"{label} ({n})"
        while candidate in out or (n > 1 and candidate in labels):
            n += 1
            candidate = f"{label} ({n})"
        seen[label] = n
        out.append(candidate)
    return out
