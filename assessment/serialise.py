"""The canonical document form of an Assessment (schema_version 1), and its validation.

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
    ratings:                    # person id -> skill id -> level 0–4
      a1b2c3d4: {communicate_accurately: 3}

A person's roles may include roles that are no longer in-house: edit.set_person_roles keeps them
("dormant") so that flipping the role back restores its holders; refusing them here would make an
exported file of valid work unimportable. Scoring only counts the in-house ones.
"""
from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from csirt_data import KINDS, Catalogue, load_catalogue

from .errors import ImportProblem
from .model import DEFAULT_TARGETS, ITSS_LEVELS, LEVELS, STATUSES, Assessment, Person, RoleState

SCHEMA_VERSION = 1
ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# The same limits edit.py applies (it truncates typed text; an imported file is refused instead).
MAX_ORGANISATION, MAX_NAME, MAX_NOTE = 200, 80, 500
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


class _DocumentV1(_Strict):
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
    """A value as the message quotes it: text, cut short."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
    roles = {}
    for r in role_order:
        state = a.roles[r]
        doc: dict[str, Any] = {"status": state.status}
        if state.note:
            doc["note"] = state.note
        if state.user_set:
            doc["user_set"] = True
        roles[r] = doc
    people_order = [p.id for p in a.people] + [pid for pid in a.ratings if pid not in {p.id for p in a.people}]
    ratings = {}
    for pid in people_order:
        if pid in a.ratings:
            mine = a.ratings[pid]
            ratings[pid] = {k: mine[k] for k in sorted(mine, key=lambda k: skill_order.get(k, len(skill_order)))}
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
        "ratings": ratings,
    }


def from_document(data: Any, cat: Catalogue | None = None) -> Assessment:
    """A new Assessment from a document, checked against the schema and the catalogue.

    Raises ImportProblem(key, field=..., ...) at the first problem found."""
    cat = cat or load_catalogue()
    if not isinstance(data, dict):
        raise ImportProblem("import.not_a_document")
    if "schema_version" not in data:
        raise ImportProblem("import.missing_schema_version")
    version = data["schema_version"]
    if type(version) is not int or version != SCHEMA_VERSION:
        raise ImportProblem("import.unsupported_schema_version", version=show(version),
                            supported=SCHEMA_VERSION)
    try:
        doc = _DocumentV1.model_validate(data)
    except ValidationError as exc:
        raise _from_pydantic(exc) from None
    return _build(doc, cat)


def _build(doc: _DocumentV1, cat: Catalogue) -> Assessment:
    if not ID_PATTERN.match(doc.id):
        raise ImportProblem("import.bad_id", field="id", value=show(doc.id))
    if doc.version < 0:
        raise ImportProblem("import.bad_version", field="version", value=doc.version)
    organisation = doc.organisation.strip()
    if len(organisation) > MAX_ORGANISATION:
        raise ImportProblem("import.too_long", field="organisation", limit=MAX_ORGANISATION)
    _check_model(doc, cat)
    roles = _roles(doc, cat)
    targets = _targets(doc)
    role_targets = _role_targets(doc, cat)
    people = _people(doc, cat)
    ratings = _ratings(doc, cat, people)
    return Assessment(
        id=doc.id, organisation=organisation, model=doc.model, variant=doc.variant, roles=roles,
        people=people, ratings=ratings, targets=targets, role_targets=role_targets,
        sample=doc.sample, version=doc.version,
    )


def _check_model(doc: _DocumentV1, cat: Catalogue) -> None:
    models = [m.id for m in cat.models]
    if doc.model is None:
        if doc.variant is not None:
            raise ImportProblem("import.bad_variant", field="variant", variant=show(doc.variant), model="—")
        return
    if doc.model not in models:
        raise ImportProblem("import.unknown_model", field="model", model=show(doc.model),
                            allowed=", ".join(models))
    variants = [v.id for v in cat.model(doc.model).variants]
    if (doc.variant not in variants) if variants else (doc.variant is not None):
        raise ImportProblem("import.bad_variant", field="variant", variant=show(doc.variant),
                            model=doc.model)


def _roles(doc: _DocumentV1, cat: Catalogue) -> dict[str, RoleState]:
    for role_id in doc.roles:
        if role_id not in cat.role_ids:
            raise ImportProblem("import.unknown_role", field=f"roles.{show(role_id, 40)}", role=show(role_id))
    missing = [r for r in cat.role_ids if r not in doc.roles]
    if missing:
        raise ImportProblem("import.missing_roles", field="roles", roles=", ".join(missing))
    out = {}
    for role_id in cat.role_ids:
        state = doc.roles[role_id]
        if state.status not in STATUSES:
            raise ImportProblem("import.unknown_status", field=f"roles.{role_id}.status",
                                status=show(state.status), allowed=", ".join(STATUSES))
        if len(state.note) > MAX_NOTE:
            raise ImportProblem("import.too_long", field=f"roles.{role_id}.note", limit=MAX_NOTE)
        out[role_id] = RoleState(state.status, state.note, state.user_set)
    return out


def _check_target(field: str, value: int) -> int:
    if value not in TARGET_LEVELS:
        raise ImportProblem("import.bad_target", field=field, value=show(value))
    return value


def _targets(doc: _DocumentV1) -> dict[str, int]:
    for kind in doc.targets:
        if kind not in KINDS:
            raise ImportProblem("import.unknown_kind", field=f"targets.{show(kind, 40)}", kind=show(kind))
    for kind in KINDS:
        if kind not in doc.targets:
            raise ImportProblem("import.missing_field", field=f"targets.{kind}")
    return {k: _check_target(f"targets.{k}", doc.targets[k]) for k in doc.targets}


def _role_targets(doc: _DocumentV1, cat: Catalogue) -> dict[str, dict[str, int]]:
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


def _people(doc: _DocumentV1, cat: Catalogue) -> list[Person]:
    people, ids, names = [], set(), set()
    for n, p in enumerate(doc.people):
        at = f"people[{n}]"
        if not ID_PATTERN.match(p.id):
            raise ImportProblem("import.bad_id", field=f"{at}.id", value=show(p.id))
        if p.id in ids:
            raise ImportProblem("import.duplicate_person_id", field=f"{at}.id", id=p.id)
        name = " ".join(p.name.split())
        if not name:
            raise ImportProblem("import.empty_name", field=f"{at}.name")
        if len(name) > MAX_NAME:
            raise ImportProblem("import.too_long", field=f"{at}.name", limit=MAX_NAME)
        if name in names:
            raise ImportProblem("import.duplicate_person_name", field=f"{at}.name", name=name)
        if p.itss_level is not None and p.itss_level not in ITSS_LEVELS:
            raise ImportProblem("import.bad_itss", field=f"{at}.itss_level", level=show(p.itss_level))
        for m, role_id in enumerate(p.roles):
            if role_id not in cat.role_ids:
                raise ImportProblem("import.unknown_role", field=f"{at}.roles[{m}]", role=show(role_id))
            if role_id in p.roles[:m]:
                raise ImportProblem("import.duplicate_person_role", field=f"{at}.roles[{m}]", role=role_id)
        ids.add(p.id)
        names.add(name)
        people.append(Person(id=p.id, name=name, itss_level=p.itss_level, roles=list(p.roles)))
    return people


def _ratings(doc: _DocumentV1, cat: Catalogue, people: list[Person]) -> dict[str, dict[str, int]]:
    known = {p.id for p in people}
    out = {}
    for pid, mine in doc.ratings.items():
        if pid not in known:
            raise ImportProblem("import.ratings_unknown_person", field=f"ratings.{show(pid, 40)}",
                                person=show(pid))
        for skill_id, level in mine.items():
            field = f"ratings.{pid}.{show(skill_id, 40)}"
            if skill_id not in cat.skills:
                raise ImportProblem("import.unknown_skill", field=field, skill=show(skill_id))
            if level not in LEVELS:
                raise ImportProblem("import.bad_level", field=field, level=show(level))
        out[pid] = dict(mine)
    return out
