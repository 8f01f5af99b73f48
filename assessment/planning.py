"""The action plan (issue #5): every gap gets a proposed action, merged with the user's decisions;
and the figures of the executive summary (traffic lights, the top risks, in-house vs outsourced).

Proposals, computed from the assessment every time (nothing of them is stored but the user's
decisions in `Assessment.actions`, keyed by the action's stable key, edit.ACTION_KEY's format):

- A role that is 未配置 (status gap), or in-house with nobody holding it, is to be filled:
  `hire:<role>` (a job posting) — unless the assessment's model outsources that role by default
  (付録1, `cat.outsourced_by_default`): then `outsource:<role>` (an RFP scope). A hire lists the
  role's 任用前提スキル (what to hire for), with no level.
- An in-house role whose holder is below target on some of its skills (unrated counts as below):
  `train:<role>:<person id>`, one per holder below target, listing those skills (任用前提 /
  追加教育, the person's level vs the role's target) and the items of the chosen model's education
  programme that apply to the role: every common item, and the per-role items whose `roles`
  include the role (a per-role item naming no roles, such as model A's 役割毎OJT, applies to every
  role). With no model chosen there is no programme, so no items.
- Outsourced and 対象外 (not applicable) roles get no action: a contractor covers them, or they do
  not apply.

Order: the catalogue's role order; within a role the person order of the assessment. Decisions
left in `Assessment.actions` for a proposal that no longer exists (the gap was closed) are kept
but not shown.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from csirt_data import Catalogue, load_catalogue
from csirt_data.schema import EducationItem

from .model import ACTION_KINDS, ACTION_STATUSES, ActionState, Assessment
from .scoring import RoleScore, Summary, score_roles, summarise
from .staffing import Staffing, staffing


@dataclass(frozen=True)
class ActionSkill:
    skill: str
    kind: str  # "prerequisite" (任用前提) / "additional" (追加教育)
    level: int | None  # the person's level (None: not rated); None for a hire
    target: int


@dataclass(frozen=True)
class Action:
    key: str
    proposed: str  # the proposed kind: train / hire / outsource
    role: str
    person: str | None  # person id, for a train proposal
    skills: tuple[ActionSkill, ...]
    education: tuple[EducationItem, ...]
    reason: str  # "gap" (未配置), "unheld" (in-house, nobody holds it), "below_target"
    # The user's decisions, merged: the effective values.
    kind: str
    owner: str = ""
    due: str = ""
    status: str = "proposed"
    note: str = ""

    @property
    def overridden(self) -> bool:
        return self.kind != self.proposed


def education_items(cat: Catalogue, model_id: str | None, role_id: str) -> tuple[EducationItem, ...]:
    """The items of the model's education programme for a role: every common item, and the
    per-role items naming the role (or naming no role: they apply to each role)."""
    if not model_id:
        return ()
    edu = cat.model(model_id).education
    return tuple(edu.common) + tuple(i for i in edu.per_role if not i.roles or role_id in i.roles)


def _merge(a: Assessment, key: str, proposed: str, **fields) -> Action:
    state = a.actions.get(key, ActionState())
    return Action(key=key, proposed=proposed, kind=state.kind or proposed, owner=state.owner, due=state.due,
                  status=state.status, note=state.note, **fields)


def propose_actions(a: Assessment, cat: Catalogue | None = None,
                    scores: dict[str, RoleScore] | None = None) -> list[Action]:
    """Every gap's proposed action merged with the user's decisions (see the module docstring)."""
    cat = cat or load_catalogue()
    scores = score_roles(a, cat) if scores is None else scores
    outsourced = cat.outsourced_by_default(a.model) if a.model else frozenset()
    used = a.used_ratings()
    actions: list[Action] = []
    for role_id in cat.role_ids:
        status = a.status(role_id)
        if status in ("outsourced", "not_applicable"):
            continue
        holders = a.holders(role_id)
        if status == "gap" or not holders:
            reason = "gap" if status == "gap" else "unheld"
            if role_id in outsourced:
                actions.append(_merge(a, f"outsource:{role_id}", "outsource", role=role_id, person=None,
                                      skills=(), education=(), reason=reason))
            else:
                skills = tuple(ActionSkill(l.skill, l.kind, None, a.target(role_id, l.kind))
                               for l in cat.role_links(role_id, "prerequisite"))
                actions.append(_merge(a, f"hire:{role_id}", "hire", role=role_id, person=None,
                                      skills=skills, education=(), reason=reason))
            continue
        links = cat.role_links(role_id)
        for person in holders:
            mine = used.get(person.id, {})
            below = tuple(ActionSkill(l.skill, l.kind, mine.get(l.skill), a.target(role_id, l.kind))
                          for l in links if (mine.get(l.skill) or 0) < a.target(role_id, l.kind))
            if below:
                actions.append(_merge(a, f"train:{role_id}:{person.id}", "train", role=role_id,
                                      person=person.id, skills=below,
                                      education=education_items(cat, a.model, role_id), reason="below_target"))
    return actions


@dataclass(frozen=True)
class PlanSummary:
    """The cost of closing the gaps, in people, by effective kind; dropped (見送り) actions left out.
    hires: hire actions; trains: distinct people to train (a train action without a person — a
    role the user chose to fill by training — counts one each); outsource: distinct roles."""
    hires: int
    trains: int
    outsource: int
    actions: int  # every action, dropped ones included
    by_status: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)  # actions per effective kind (not dropped)


def plan_summary(actions: list[Action]) -> PlanSummary:
    live = [x for x in actions if x.status != "dropped"]
    trainees = {x.person or x.key for x in live if x.kind == "train"}
    return PlanSummary(
        hires=sum(1 for x in live if x.kind == "hire"),
        trains=len(trainees),
        outsource=len({x.role for x in live if x.kind == "outsource"}),
        actions=len(actions),
        by_status={s: sum(1 for x in actions if x.status == s) for s in ACTION_STATUSES},
        by_kind={k: sum(1 for x in live if x.kind == k) for k in ACTION_KINDS},
    )


# --- the executive summary --------------------------------------------------------------------

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
# 兼任グループ allow; roles only one person holds (incident-response roles first); roles whose
# holders are below half their appointment readiness; other uncovered roles; low training progress.
RISK_ORDER = ("ir_gaps", "below_minimum", "single_points", "low_readiness", "other_gaps", "low_training")
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
    if s.training is not None and s.training < PERCENT_LIGHTS[1]:
        low_t = tuple(r for r in cat.role_ids if r not in s.gaps and scores[r].additional is not None
                      and scores[r].additional < PERCENT_LIGHTS[1])
        out.append(Risk("low_training", low_t))
    return out


MIX_STATUSES = ("in_house", "outsourced", "gap", "not_applicable")


def function_mix(a: Assessment, cat: Catalogue | None = None) -> dict[str, dict[str, int]]:
    """Function id -> roles per status: in-house (held by someone), outsourced, gap (未配置, or
    in-house with nobody holding it), not applicable. Catalogue order."""
    cat = cat or load_catalogue()
    out = {}
    for f in cat.functions:
        counts = dict.fromkeys(MIX_STATUSES, 0)
        for r in (role.id for role in cat.roles_of_function(f.id)):
            status = a.status(r)
            if status == "in_house" and not a.holders(r):
                status = "gap"
            counts[status] += 1
        out[f.id] = counts
    return out
