"""The executive summary (issue #5): headline figures with traffic lights, the top risks in plain
words, and in-house vs outsourced roles per function. The thresholds are stated on the screen."""
from __future__ import annotations

from dataclasses import dataclass

from csirt_data import Catalogue, load_catalogue

from assessment.core.model import Assessment
from assessment.scores.scoring import RoleScore, Summary, score_roles, summarise
from assessment.scores.staffing import Staffing, staffing

# Traffic lights, as stated on the screen. Percentages: green at or above the first, amber at or
# above the second, red below. Counts (gaps, single points of failure): green at or below the
# first, amber at or below the second, red above.
PERCENT_LIGHTS = (0.8, 0.5)
HEADCOUNT_LIGHTS = (1.0, 0.75)  # people / minimum headcount
GAP_LIGHTS = (0, 2)
SINGLE_LIGHTS = (0, 3)
LOW_READINESS = 0.5  # a role below this appointment readiness is a risk


def light_at_least(value: float | None, green: float, amber: float) -> str | None:
    if value is None:
        return None
    return "green" if value >= green else "amber" if value >= amber else "red"


def light_at_most(value: int, green: int, amber: int) -> str:
    return "green" if value <= green else "amber" if value <= amber else "red"


@dataclass(frozen=True)
class Figure:
    id: str  # coverage / readiness / training / headcount / gaps / single_points
    value: float | int | None
    light: str | None  # green / amber / red; None when there is nothing to judge
    minimum: int | None = None  # for headcount


def headline_figures(s: Summary, st_: Staffing) -> list[Figure]:
    ratio = s.headcount / s.minimum_headcount if s.minimum_headcount else None
    singles = len(st_.single_holder)
    return [
        Figure("coverage", s.coverage, light_at_least(s.coverage, *PERCENT_LIGHTS)),
        Figure("readiness", s.readiness, light_at_least(s.readiness, *PERCENT_LIGHTS)),
        Figure("training", s.training, light_at_least(s.training, *PERCENT_LIGHTS)),
        Figure("headcount", s.headcount, light_at_least(ratio, *HEADCOUNT_LIGHTS), s.minimum_headcount),
        Figure("gaps", len(s.gaps), light_at_most(len(s.gaps), *GAP_LIGHTS)),
        Figure("single_points", singles, light_at_most(singles, *SINGLE_LIGHTS)),
    ]


@dataclass(frozen=True)
class Risk:
    """One risk in plain words: its kind, the roles it concerns (catalogue order) and, only for
    single points of failure, the people concerned (shown only when names are on)."""
    kind: str
    roles: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    have: int = 0  # below_minimum: people
    need: int = 0  # below_minimum: minimum headcount


# The ranking rule, most serious first: incident response nobody covers; fewer people than the
# 兼任グループ allow; roles only one person holds (incident-response roles first; 経営者, single by
# nature, is none); roles whose holders are below half their appointment readiness, as far as
# rated; other uncovered roles; roles whose holders nobody has rated yet (rate first: their
# figures are unknown, not 0); low training progress.
RISK_ORDER = ("ir_gaps", "below_minimum", "single_points", "low_readiness", "other_gaps", "not_rated",
              "low_training")
IR_FUNCTION = "incident_response"


def risks(a: Assessment, cat: Catalogue | None = None, scores: dict[str, RoleScore] | None = None,
          s: Summary | None = None, st_: Staffing | None = None) -> list[Risk]:
    """Every risk that applies, in RISK_ORDER (the executive view shows the first three)."""
    cat = cat or load_catalogue()
    scores = score_roles(a, cat) if scores is None else scores
    s = summarise(a, cat, scores) if s is None else s
    st_ = staffing(a, cat) if st_ is None else st_
    ir = {role.id for role in cat.roles_of_function(IR_FUNCTION)}
    out: list[Risk] = []
    ir_gaps = tuple(r for r in s.gaps if r in ir)
    if ir_gaps:
        out.append(Risk("ir_gaps", ir_gaps))
    if s.headcount < s.minimum_headcount:
        out.append(Risk("below_minimum", have=s.headcount, need=s.minimum_headcount))
    singles = sorted(st_.single_holder, key=lambda r: (r not in ir, cat.role_ids.index(r)))
    if singles:
        out.append(Risk("single_points", tuple(singles),
                        tuple(dict.fromkeys(st_.single_holder[r] for r in singles))))
    low = tuple(r for r in cat.role_ids if r not in s.gaps and scores[r].prerequisite is not None
                and scores[r].prerequisite < LOW_READINESS)
    if low:
        out.append(Risk("low_readiness", low))
    other = tuple(r for r in s.gaps if r not in ir)
    if other:
        out.append(Risk("other_gaps", other))
    if s.not_rated:
        out.append(Risk("not_rated", s.not_rated))
    if s.training is not None and s.training < PERCENT_LIGHTS[1]:
        low_t = tuple(r for r in cat.role_ids if r not in s.gaps and scores[r].additional is not None
                      and scores[r].additional < PERCENT_LIGHTS[1])
        out.append(Risk("low_training", low_t))
    return out


MIX_STATUSES = ("in_house", "outsourced", "gap", "not_applicable")


def function_mix(a: Assessment, cat: Catalogue | None = None, s: Summary | None = None) -> dict[str, dict[str, int]]:
    """Function id -> roles per status: in-house (held by someone), outsourced, gap (the summary's
    gaps: 未配置, or in-house with nobody holding it), not applicable. Catalogue order."""
    cat = cat or load_catalogue()
    gaps = set((summarise(a, cat) if s is None else s).gaps)
    out = {}
    for f in cat.functions:
        counts = dict.fromkeys(MIX_STATUSES, 0)
        for role in cat.roles_of_function(f.id):
            counts["gap" if role.id in gaps else a.status(role.id)] += 1
        out[f.id] = counts
    return out
