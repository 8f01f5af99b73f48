"""Scenarios: what-ifs on the same people and ratings (the consultant's live demo, issue #5).

A scenario has its own model, role statuses and planned hires; `materialise` turns it into an
ordinary Assessment, so that scoring, staffing and the flow diagrams work on it unchanged. The
assessment itself is the current state (「現状」); every edit here bumps its version, so caches keyed
on the version see scenario changes too."""
from __future__ import annotations

import copy
import hashlib
import uuid

from csirt_data import Catalogue, load_catalogue

from assessment.core.edit import EditError, _touch, apply_model_defaults, check_in_house, clean_name, model_variant
from assessment.team.journal import recorded
from assessment.core.model import MAX_HIRES, MAX_SCENARIOS, STATUSES, Assessment, Person, PlannedHire, RoleState, Scenario

HIRE_PREFIX = "hire-"  # a planned hire's person id in a materialised scenario


def _name(a: Assessment, name: str, scenario_id: str | None = None) -> str:
    return clean_name(name, (s.name for s in a.scenarios if s.id != scenario_id),
                      "error.empty_scenario_name", "error.duplicate_scenario_name")


def _scenario(a: Assessment, scenario_id: str) -> Scenario:
    try:
        return a.scenario(scenario_id)
    except KeyError:
        raise EditError("error.unknown_scenario", scenario=scenario_id) from None


def _copied_id(scenario_id: str, hire_id: str) -> str:
    # A copied hire's id follows from the copy's id: re-applying the copy elsewhere makes the same.
    return hashlib.blake2b(f"{scenario_id}:{hire_id}".encode(), digest_size=4).hexdigest()


def _fresh_id(a: Assessment, scenario_id: str | None) -> str:
    if scenario_id is not None and any(s.id == scenario_id for s in a.scenarios):
        raise EditError("error.duplicate_id", id=scenario_id)
    return scenario_id or uuid.uuid4().hex[:8]


@recorded(creates="scenario_id")
def add_scenario(a: Assessment, name: str, copy_of: str | None = None, scenario_id: str | None = None) -> Scenario:
    """A new scenario starting from the current state, or from another scenario (`copy_of`)."""
    if len(a.scenarios) >= MAX_SCENARIOS:
        raise EditError("error.too_many_scenarios", limit=MAX_SCENARIOS)
    name = _name(a, name)
    sid = _fresh_id(a, scenario_id)
    if copy_of is None:
        sc = Scenario(sid, name, a.model, a.variant, copy.deepcopy(a.roles))
    else:
        src = _scenario(a, copy_of)
        sc = Scenario(sid, name, src.model, src.variant, copy.deepcopy(src.roles),
                      [PlannedHire(_copied_id(sid, h.id), h.name, list(h.roles)) for h in src.hires])
    a.scenarios.append(sc)
    _touch(a)
    return sc


@recorded
def rename_scenario(a: Assessment, scenario_id: str, name: str) -> None:
    sc = _scenario(a, scenario_id)
    name = _name(a, name, scenario_id)
    if name != sc.name:
        sc.name = name
        _touch(a)


@recorded
def remove_scenario(a: Assessment, scenario_id: str) -> None:
    a.scenarios.remove(_scenario(a, scenario_id))
    _touch(a)


@recorded
def set_scenario_model(a: Assessment, scenario_id: str, model_id: str, variant: str | None = None,
                       cat: Catalogue | None = None) -> list[str]:
    """The scenario takes the model and its 付録1 defaults; statuses set by hand in the scenario are
    kept (returned), as on the Model page."""
    cat = cat or load_catalogue()
    sc = _scenario(a, scenario_id)
    if model_id not in {m.id for m in cat.models}:
        raise EditError("error.unknown_model", model=model_id)
    variant = model_variant(cat, model_id, variant)
    if (sc.model, sc.variant) == (model_id, variant):
        return []
    kept = apply_model_defaults(sc.roles, cat, model_id)
    sc.model, sc.variant = model_id, variant
    _touch(a)
    return kept


@recorded
def set_scenario_role_status(a: Assessment, scenario_id: str, role_id: str, status: str) -> None:
    sc = _scenario(a, scenario_id)
    if role_id not in sc.roles:
        raise EditError("error.unknown_role", role=role_id)
    if status not in STATUSES:
        raise EditError("error.unknown_status", status=status)
    state = sc.roles[role_id]
    if state.status != status:
        state.status, state.user_set = status, True
        _touch(a)


@recorded(creates="hire_id")
def add_hire(a: Assessment, scenario_id: str, name: str, roles=(), hire_id: str | None = None) -> PlannedHire:
    sc = _scenario(a, scenario_id)
    if hire_id is not None and any(h.id == hire_id for h in sc.hires):
        raise EditError("error.duplicate_id", id=hire_id)
    if len(sc.hires) >= MAX_HIRES:
        raise EditError("error.too_many_hires", limit=MAX_HIRES)
    name = clean_name(name, [*(h.name for h in sc.hires), *(p.name for p in a.people)])
    hire = PlannedHire(hire_id or uuid.uuid4().hex[:8], name, check_in_house(sc.roles, roles))
    sc.hires.append(hire)
    _touch(a)
    return hire


@recorded
def set_hire_roles(a: Assessment, scenario_id: str, hire_id: str, roles) -> None:
    sc = _scenario(a, scenario_id)
    hire = _hire(sc, hire_id)
    # Roles since outsourced in the scenario stay recorded, as for people (edit.set_person_roles).
    new = [r for r in hire.roles if sc.roles[r].status != "in_house"] + check_in_house(sc.roles, roles)
    if new != hire.roles:
        hire.roles = new
        _touch(a)


@recorded
def remove_hire(a: Assessment, scenario_id: str, hire_id: str) -> None:
    sc = _scenario(a, scenario_id)
    sc.hires.remove(_hire(sc, hire_id))
    _touch(a)


def _hire(sc: Scenario, hire_id: str) -> PlannedHire:
    for h in sc.hires:
        if h.id == hire_id:
            return h
    raise EditError("error.unknown_hire", hire=hire_id)


def materialise(a: Assessment, scenario_id: str, cat: Catalogue | None = None) -> Assessment:
    """The scenario as an Assessment: the assessment's people with the ratings scoring uses (the
    rating rule applied), the scenario's model and statuses, and each planned hire as a person rated
    at the prerequisite target of every role they hold and 0 on their additional skills (追加教育:
    trained after appointment; a plan's stated assumption, not "not rated").
    Its version is the assessment's, so per-version caches stay valid."""
    cat = cat or load_catalogue()
    sc = a.scenario(scenario_id)
    out = Assessment(
        id=f"{a.id}~{sc.id}", organisation=a.organisation, model=sc.model, variant=sc.variant,
        roles=copy.deepcopy(sc.roles), people=copy.deepcopy(a.people),
        ratings=copy.deepcopy(a.used_ratings()), targets=dict(a.targets),
        role_targets=copy.deepcopy(a.role_targets), sample=a.sample, version=a.version,
    )
    for hire in sc.hires:
        pid = HIRE_PREFIX + hire.id
        out.people.append(Person(pid, hire.name, None, list(hire.roles)))
        levels: dict[str, int] = {}
        for r in hire.roles:
            for link in cat.role_links(r):
                level = out.target(r, "prerequisite") if link.kind == "prerequisite" else 0
                levels[link.skill] = max(levels.get(link.skill, 0), level)
        out.ratings[pid] = levels
    return out


def is_planned_hire(person_id: str) -> bool:
    return person_id.startswith(HIRE_PREFIX)


def free_name(a: Assessment, numbered, first: str | None = None) -> str:
    """A scenario name not yet taken: `first` if given and free, else numbered(n) for the smallest
    n ≥ 1 (≥ 2 after `first`) that is free. For 「シナリオ1」… and 「モデルBへ移行 (2)」."""
    taken = {s.name for s in a.scenarios}
    if first is not None and first not in taken:
        return first
    n = 1 if first is None else 2
    while numbered(n) in taken:
        n += 1
    return numbered(n)


@recorded(creates="scenario_id")
def add_model_scenario(a: Assessment, name: str, model_id: str, variant: str | None = None,
                       cat: Catalogue | None = None, scenario_id: str | None = None) -> tuple[Scenario, list[str]]:
    """A new scenario from the current state with `model_id` applied (its 付録1 defaults; statuses
    the user set by hand in the assessment are kept, as on the Model page, and returned). Nothing
    is added when the name or the model is refused."""
    cat = cat or load_catalogue()
    if model_id not in {m.id for m in cat.models}:
        raise EditError("error.unknown_model", model=model_id)
    sc = add_scenario(a, name, scenario_id=scenario_id)
    return sc, set_scenario_model(a, sc.id, model_id, variant, cat=cat)
