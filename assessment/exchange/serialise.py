"""The canonical document form of an Assessment (schema_version 2; 1 is still read), and its validation.

`to_document(a)` gives plain dicts, lists, strings, ints, bools and None, in a stable order (roles
and skills in catalogue order), ready for YAML or JSON. `from_document(data)` checks a document
completely and builds a new Assessment, or raises one ImportProblem naming the first problem and
the field it is in (e.g. `people[3].name`): never a pydantic or other traceback.

    schema_version: 1
    id: 3f2a9c1b7d4e            # the assessment's id (ASCII letters, digits, _ and -)
    organisation: ...
    model: B                    # A–D or null
    variant: null               # D1 / D2 for model D, else null
    sample: false               # a fictional sample organisation
    version: 42                 # edit counter of the in-memory assessment
    targets: {prerequisite: 3, additional: 2}
    role_targets: {commander: {prerequisite: 4}}
    roles:                      # every role of the catalogue, exactly once
      poc_external: {status: in_house}              # note "" and user_set false are left out
      investigator: {status: gap, note: ..., user_set: true}
    people:
      - {id: a1b2c3d4, name: ..., itss_level: 3, roles: [commander, triage]}
    ratings:                    # person id -> skill id -> level 0–4 (the lead's rating)
      a1b2c3d4: {communicate_accurately: 3}
    # schema_version 2 adds (all optional; version 1 files have none of them):
    self_ratings:               # the person's own rating, same shape as ratings
      a1b2c3d4: {communicate_accurately: 2}
    rating_rule: lead           # lead / self / lower / higher: the value scoring uses
    scenarios:
      - id: s1
        name: SOCを外部委託
        model: B
        variant: null
        roles: {poc_external: {status: in_house}, ...}   # every role, as in `roles`
        hires: [{id: h1, name: 採用予定1, roles: [triage]}]
    actions:                    # proposal key (planning.py) -> the user's decisions
      "hire:forensics": {kind: outsource, owner: 佐藤, due: "2027-03-31", status: planned, note: ""}

A person's roles may include roles that are no longer in-house: edit.set_person_roles keeps them
("dormant") so that flipping the role back restores its holders; refusing them here would make an
exported file of valid work unimportable. Scoring only counts the in-house ones.
"""
from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from csirt_data import KINDS, Catalogue, load_catalogue

from assessment.core.edit import ACTION_KEY, is_iso_date, one_line
from assessment.core.text import bad_character, clean, name_key, printable
from assessment.core.errors import ImportProblem
from assessment.core.model import (ACTION_KINDS, ACTION_STATUSES, DEFAULT_TARGETS, ITSS_LEVELS, LEVELS, MAX_HIRES, MAX_NAME,
                    MAX_NOTE, MAX_ORGANISATION, MAX_SCENARIOS, RATING_RULES, STATUSES,
                    ActionState, Assessment, Person, PlannedHire, RoleState, Scenario)

SCHEMA_VERSION = 2
READABLE_VERSIONS = (1, 2)
V2_FIELDS = ("self_ratings", "rating_rule", "scenarios", "actions")
ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# The length limits (model.py) are those edit.py applies: it cuts typed text; an imported file that
# exceeds them is refused instead.
TARGET_LEVELS = LEVELS[1:]


# --- the shape, checked by pydantic: types, required and unknown fields -------------------------

class _Strict(BaseModel):
    # strict: "3" is not 3 and true is not 1; extra: a misspelt field is refused, never dropped.
    model_config = ConfigDict(extra="forbid", strict=True)


class _RoleDoc(_Strict):
    status: str
    note: str = ""
    user_set: bool = False


class _PersonDoc(_Strict):
    id: str
    name: str
    itss_level: int | None = None
    roles: list[str] = []


class _HireDoc(_Strict):
    id: str
    name: str
    roles: list[str] = []


class _ScenarioDoc(_Strict):
    id: str
    name: str
    model: str | None = None
    variant: str | None = None
    roles: dict[str, _RoleDoc]
    hires: list[_HireDoc] = []


class _ActionDoc(_Strict):
    kind: str | None = None
    owner: str = ""
    due: str = ""
    status: str = "proposed"
    note: str = ""


class _Document(_Strict):
    schema_version: int
    id: str
    organisation: str = ""
    model: str | None = None
    variant: str | None = None
    sample: bool = False
    version: int = 0
    targets: dict[str, int] = dict(DEFAULT_TARGETS)
    role_targets: dict[str, dict[str, int]] = {}
    roles: dict[str, _RoleDoc]
    people: list[_PersonDoc] = []
    ratings: dict[str, dict[str, int]] = {}
    self_ratings: dict[str, dict[str, int]] = {}
    rating_rule: str = "lead"
    scenarios: list[_ScenarioDoc] = []
    actions: dict[str, _ActionDoc] = {}


_TYPE_KEYS = {
    "string_type": "import.not_text",
    "int_type": "import.not_integer",
    "bool_type": "import.not_boolean",
    "list_type": "import.not_list",
    "dict_type": "import.not_mapping",
    "model_type": "import.not_mapping",
    "model_attributes_type": "import.not_mapping",
    "extra_forbidden": "import.unknown_field",
    "missing": "import.missing_field",
}


def field_path(loc) -> str:
    """('people', 3, 'name') -> 'people[3].name'; a dict key stays a dotted name."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part == "[key]":
            out += " (key)"
        else:
            out += ("." if out else "") + show(part, 40)
    return out or "(document)"


def show(value: Any, limit: int = 60) -> str:
    """A value as the message quotes it: text, cut short, with characters that cannot be drawn
    (controls, surrogates, invisible ones) written as \\uXXXX."""
    return printable(value, limit)


def kept_text(value: str, field: str) -> str:
    """A text of the file as it is kept (text.clean), or ImportProblem naming the field and the
    character when it holds one that cannot be kept (a lone surrogate, a control character)."""
    bad = bad_character(value)
    if bad:
        raise ImportProblem("import.bad_text", field=field, char=bad)
    return clean(value)


def _from_pydantic(exc: ValidationError) -> ImportProblem:
    err = exc.errors(include_url=False)[0]
    key = _TYPE_KEYS.get(err["type"], "import.bad_value")
    return ImportProblem(key, field=field_path(err["loc"]))


# --- to and from the document -------------------------------------------------------------------

def to_document(a: Assessment, cat: Catalogue | None = None) -> dict[str, Any]:
    """The assessment as plain data, in canonical order (the inverse of from_document)."""
    cat = cat or load_catalogue()
    role_order = [r for r in cat.role_ids if r in a.roles] + [r for r in a.roles if r not in cat.role_ids]
    skill_order = {k: n for n, k in enumerate(cat.skills)}
    roles = _roles_doc(a.roles, role_order)
    return {
        "schema_version": SCHEMA_VERSION,
        "id": a.id,
        "organisation": a.organisation,
        "model": a.model,
        "variant": a.variant,
        "sample": a.sample,
        "version": a.version,
        "targets": {k: a.targets[k] for k in a.targets},
        "role_targets": {r: dict(t) for r, t in a.role_targets.items()},
        "roles": roles,
        "people": [{"id": p.id, "name": p.name, "itss_level": p.itss_level, "roles": list(p.roles)}
                   for p in a.people],
        "ratings": _ratings_doc(a, a.ratings, skill_order),
        "self_ratings": _ratings_doc(a, a.self_ratings, skill_order),
        "rating_rule": a.rating_rule,
        "scenarios": [{"id": sc.id, "name": sc.name, "model": sc.model, "variant": sc.variant,
                       "roles": _roles_doc(sc.roles, role_order),
                       "hires": [{"id": h.id, "name": h.name, "roles": list(h.roles)} for h in sc.hires]}
                      for sc in a.scenarios],
        "actions": {k: {"kind": st.kind, "owner": st.owner, "due": st.due, "status": st.status, "note": st.note}
                    for k, st in a.actions.items()},
    }


def _ratings_doc(a: Assessment, ratings: dict, skill_order: dict) -> dict:
    people_order = [p.id for p in a.people] + [pid for pid in ratings if pid not in {p.id for p in a.people}]
    out = {}
    for pid in people_order:
        if pid in ratings:
            mine = ratings[pid]
            out[pid] = {k: mine[k] for k in sorted(mine, key=lambda k: skill_order.get(k, len(skill_order)))}
    return out


def _roles_doc(roles: dict[str, RoleState], order: list[str]) -> dict:
    out = {}
    for r in order:
        if r not in roles:
            continue
        state = roles[r]
        doc: dict[str, Any] = {"status": state.status}
        if state.note:
            doc["note"] = state.note
        if state.user_set:
            doc["user_set"] = True
        out[r] = doc
    return out


def from_document(data: Any, cat: Catalogue | None = None) -> Assessment:
    """A new Assessment from a document, checked against the schema and the catalogue.

    Raises ImportProblem(key, field=..., ...) at the first problem found."""
    cat = cat or load_catalogue()
    if not isinstance(data, dict):
        raise ImportProblem("import.not_a_document")
    if "schema_version" not in data:
        raise ImportProblem("import.missing_schema_version")
    version = data["schema_version"]
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise ImportProblem("import.unsupported_schema_version", version=show(version),
                            supported=", ".join(map(str, READABLE_VERSIONS)))
    if version == 1:
        for name in V2_FIELDS:
            if name in data:
                raise ImportProblem("import.unknown_field", field=name)
    try:
        doc = _Document.model_validate(data)
    except ValidationError as exc:
        raise _from_pydantic(exc) from None
    return _build(doc, cat)


def _build(doc: _Document, cat: Catalogue) -> Assessment:
    if not ID_PATTERN.match(doc.id):
        raise ImportProblem("import.bad_id", field="id", value=show(doc.id))
    if doc.version < 0:
        raise ImportProblem("import.bad_version", field="version", value=doc.version)
    organisation = kept_text(doc.organisation, "organisation").strip()
    if len(organisation) > MAX_ORGANISATION:
        raise ImportProblem("import.too_long", field="organisation", limit=MAX_ORGANISATION)
    _check_model(doc, cat)
    roles = _roles(doc, cat)
    targets = _targets(doc)
    role_targets = _role_targets(doc, cat)
    people = _people(doc, cat)
    ratings = _ratings(doc.ratings, "ratings", cat, people)
    self_ratings = _ratings(doc.self_ratings, "self_ratings", cat, people)
    if doc.rating_rule not in RATING_RULES:
        raise ImportProblem("import.bad_choice", field="rating_rule", value=show(doc.rating_rule),
                            allowed=", ".join(RATING_RULES))
    return Assessment(
        id=doc.id, organisation=organisation, model=doc.model, variant=doc.variant, roles=roles,
        people=people, ratings=ratings, targets=targets, role_targets=role_targets,
        self_ratings=self_ratings, rating_rule=doc.rating_rule, scenarios=_scenarios(doc, cat),
        actions=_actions(doc), sample=doc.sample, version=doc.version,
    )


def _check_model(doc, cat: Catalogue, at: str = "") -> None:
    """`doc` is the document or one of its scenarios (`at` names it: "scenarios[0].")."""
    models = [m.id for m in cat.models]
    if doc.model is None:
        if doc.variant is not None:
            raise ImportProblem("import.bad_variant", field=f"{at}variant", variant=show(doc.variant), model="—")
        return
    if doc.model not in models:
        raise ImportProblem("import.unknown_model", field=f"{at}model", model=show(doc.model),
                            allowed=", ".join(models))
    variants = [v.id for v in cat.model(doc.model).variants]
    if (doc.variant not in variants) if variants else (doc.variant is not None):
        raise ImportProblem("import.bad_variant", field=f"{at}variant", variant=show(doc.variant),
                            model=doc.model)


def _roles(doc, cat: Catalogue, at: str = "") -> dict[str, RoleState]:
    for role_id in doc.roles:
        if role_id not in cat.role_ids:
            raise ImportProblem("import.unknown_role", field=f"{at}roles.{show(role_id, 40)}", role=show(role_id))
    missing = [r for r in cat.role_ids if r not in doc.roles]
    if missing:
        raise ImportProblem("import.missing_roles", field=f"{at}roles", roles=", ".join(missing))
    out = {}
    for role_id in cat.role_ids:
        state = doc.roles[role_id]
        if state.status not in STATUSES:
            raise ImportProblem("import.unknown_status", field=f"{at}roles.{role_id}.status",
                                status=show(state.status), allowed=", ".join(STATUSES))
        note = kept_text(state.note, f"{at}roles.{role_id}.note")
        if len(note) > MAX_NOTE:
            raise ImportProblem("import.too_long", field=f"{at}roles.{role_id}.note", limit=MAX_NOTE)
        out[role_id] = RoleState(state.status, note, state.user_set)
    return out


def _text(value: str, field: str, limit: int, required: bool = False) -> str:
    value = one_line(kept_text(value, field))
    if required and not value:
        raise ImportProblem("import.empty_name", field=field)
    if len(value) > limit:
        raise ImportProblem("import.too_long", field=field, limit=limit)
    return value


def _scenarios(doc: _Document, cat: Catalogue) -> list[Scenario]:
    if len(doc.scenarios) > MAX_SCENARIOS:
        raise ImportProblem("import.too_many", field="scenarios", limit=MAX_SCENARIOS)
    out, ids, names = [], set(), set()
    for n, sc in enumerate(doc.scenarios):
        at = f"scenarios[{n}]"
        if not ID_PATTERN.match(sc.id) or sc.id in ids:
            raise ImportProblem("import.bad_id", field=f"{at}.id", value=show(sc.id))
        name = _text(sc.name, f"{at}.name", MAX_NAME, required=True)
        if name_key(name) in names:
            raise ImportProblem("import.duplicate_name", field=f"{at}.name", name=show(name))
        _check_model(sc, cat, f"{at}.")
        roles = _roles(sc, cat, f"{at}.")
        if len(sc.hires) > MAX_HIRES:
            raise ImportProblem("import.too_many", field=f"{at}.hires", limit=MAX_HIRES)
        hires, hire_ids = [], set()
        for m, h in enumerate(sc.hires):
            hat = f"{at}.hires[{m}]"
            if not ID_PATTERN.match(h.id) or h.id in hire_ids:
                raise ImportProblem("import.bad_id", field=f"{hat}.id", value=show(h.id))
            _check_held_roles(h.roles, cat, hat)
            hire_ids.add(h.id)
            hires.append(PlannedHire(h.id, _text(h.name, f"{hat}.name", MAX_NAME, required=True), list(h.roles)))
        ids.add(sc.id)
        names.add(name_key(name))
        out.append(Scenario(sc.id, name, sc.model, sc.variant, roles, hires))
    return out


def _actions(doc: _Document) -> dict[str, ActionState]:
    out = {}
    for key, act in doc.actions.items():
        at = f"actions.{show(key, 40)}"
        if not ACTION_KEY.match(key):
            raise ImportProblem("import.bad_id", field=f"{at} (key)", value=show(key))
        if act.kind is not None and act.kind not in ACTION_KINDS:
            raise ImportProblem("import.bad_choice", field=f"{at}.kind", value=show(act.kind),
                                allowed=", ".join(ACTION_KINDS))
        if act.status not in ACTION_STATUSES:
            raise ImportProblem("import.bad_choice", field=f"{at}.status", value=show(act.status),
                                allowed=", ".join(ACTION_STATUSES))
        if act.due and not is_iso_date(act.due):
            raise ImportProblem("import.bad_date", field=f"{at}.due", value=show(act.due))
        out[key] = ActionState(act.kind, _text(act.owner, f"{at}.owner", MAX_NAME), act.due, act.status,
                               _text(act.note, f"{at}.note", MAX_NOTE))
    return out


def _check_target(field: str, value: int) -> int:
    if value not in TARGET_LEVELS:
        raise ImportProblem("import.bad_target", field=field, value=show(value))
    return value


def _targets(doc: _Document) -> dict[str, int]:
    for kind in doc.targets:
        if kind not in KINDS:
            raise ImportProblem("import.unknown_kind", field=f"targets.{show(kind, 40)}", kind=show(kind))
    for kind in KINDS:
        if kind not in doc.targets:
            raise ImportProblem("import.missing_field", field=f"targets.{kind}")
    return {k: _check_target(f"targets.{k}", doc.targets[k]) for k in doc.targets}


def _role_targets(doc: _Document, cat: Catalogue) -> dict[str, dict[str, int]]:
    out = {}
    for role_id, own in doc.role_targets.items():
        if role_id not in cat.role_ids:
            raise ImportProblem("import.unknown_role", field=f"role_targets.{show(role_id, 40)}",
                                role=show(role_id))
        for kind, value in own.items():
            field = f"role_targets.{role_id}.{show(kind, 40)}"
            if kind not in KINDS:
                raise ImportProblem("import.unknown_kind", field=field, kind=show(kind))
            _check_target(field, value)
        out[role_id] = dict(own)
    return out


def _people(doc: _Document, cat: Catalogue) -> list[Person]:
    people, ids, names = [], set(), set()
    for n, p in enumerate(doc.people):
        at = f"people[{n}]"
        if not ID_PATTERN.match(p.id):
            raise ImportProblem("import.bad_id", field=f"{at}.id", value=show(p.id))
        if p.id in ids:
            raise ImportProblem("import.duplicate_person_id", field=f"{at}.id", id=p.id)
        name = one_line(kept_text(p.name, f"{at}.name"))
        if not name:
            raise ImportProblem("import.empty_name", field=f"{at}.name")
        if len(name) > MAX_NAME:
            raise ImportProblem("import.too_long", field=f"{at}.name", limit=MAX_NAME)
        if name_key(name) in names:
            raise ImportProblem("import.duplicate_person_name", field=f"{at}.name", name=show(name))
        if p.itss_level is not None and p.itss_level not in ITSS_LEVELS:
            raise ImportProblem("import.bad_itss", field=f"{at}.itss_level", level=show(p.itss_level))
        _check_held_roles(p.roles, cat, at)
        ids.add(p.id)
        names.add(name_key(name))
        people.append(Person(id=p.id, name=name, itss_level=p.itss_level, roles=list(p.roles)))
    return people


def _check_held_roles(roles: list[str], cat: Catalogue, at: str) -> None:
    """The roles of a person or a planned hire: known, each once."""
    for m, role_id in enumerate(roles):
        if role_id not in cat.role_ids:
            raise ImportProblem("import.unknown_role", field=f"{at}.roles[{m}]", role=show(role_id))
        if role_id in roles[:m]:
            raise ImportProblem("import.duplicate_person_role", field=f"{at}.roles[{m}]", role=role_id)


def _ratings(ratings: dict, name: str, cat: Catalogue, people: list[Person]) -> dict[str, dict[str, int]]:
    known = {p.id for p in people}
    out = {}
    for pid, mine in ratings.items():
        if pid not in known:
            raise ImportProblem("import.ratings_unknown_person", field=f"{name}.{show(pid, 40)}",
                                person=show(pid))
        for skill_id, level in mine.items():
            field = f"{name}.{pid}.{show(skill_id, 40)}"
            if skill_id not in cat.skills:
                raise ImportProblem("import.unknown_skill", field=field, skill=show(skill_id))
            if level not in LEVELS:
                raise ImportProblem("import.bad_level", field=field, level=show(level))
        out[pid] = dict(mine)
    return out
