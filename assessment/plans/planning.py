"""The action plan (issue #5): every gap gets a proposed action, merged with the user's decisions
(the executive summary's figures are in executive.py).

Proposals, computed from the assessment every time (nothing of them is stored but the user's
decisions in `Assessment.actions`, keyed by the action's stable key, edit.ACTION_KEY's format):

- A role that is 未配置 (status gap), or in-house with nobody holding it, is to be filled:
  `hire:<role>` (a job posting) — unless the assessment's model outsources that role by default
  (付録1, `cat.outsourced_by_default`): then `outsource:<role>` (an RFP scope). A hire lists the
  role's 任用前提スキル (what to hire for), with no level.
- An in-house role whose holder is rated below target on some of its skills:
  `train:<role>:<person id>`, one per holder below target, listing those skills (任用前提 /
  追加教育, the person's level vs the role's target) and the items of the chosen model's education
  programme that apply to the role: every common item, and the per-role items whose `roles`
  include the role (a per-role item naming no roles, such as model A's 役割毎OJT, applies to every
  role). With no model chosen there is no programme, so no items.
- A skill the holder has not rated yet is not a training need (not rated is not "can't do it"):
  `rate_first` lists, per holder and role, the skills to rate first; they become training or
  nothing once rated. They are not actions (nothing to decide but to rate them).
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

from assessment.core.model import ACTION_KINDS, ACTION_STATUSES, ActionState, Assessment
from assessment.scores.scoring import RoleScore, score_roles


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
            below = tuple(ActionSkill(l.skill, l.kind, mine[l.skill], a.target(role_id, l.kind))
                          for l in links if mine.get(l.skill) is not None
                          and mine[l.skill] < a.target(role_id, l.kind))
            if below:
                actions.append(_merge(a, f"train:{role_id}:{person.id}", "train", role=role_id,
                                      person=person.id, skills=below,
                                      education=cat.education_items(a.model, role_id), reason="below_target"))
    return actions


@dataclass(frozen=True)
class RateFirst:
    """A holder of an in-house role with skills of it not rated yet: rate these before planning
    training for them (the skills in the document's order)."""
    role: str
    person: str
    skills: tuple[str, ...]


def rate_first(a: Assessment, cat: Catalogue | None = None) -> list[RateFirst]:
    """Per held in-house role (catalogue order) and holder (people order), the skills still to rate."""
    cat = cat or load_catalogue()
    used = a.used_ratings()
    out = []
    for role_id in cat.role_ids:
        for person in a.holders(role_id):
            mine = used.get(person.id, {})
            todo = tuple(l.skill for l in cat.role_links(role_id) if mine.get(l.skill) is None)
            if todo:
                out.append(RateFirst(role_id, person.id, todo))
    return out


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
