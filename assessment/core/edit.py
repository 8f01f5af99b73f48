"""Every change to an Assessment goes through these functions: they validate, apply, and bump the
version, so that a widget can never leave the work half-changed."""
from __future__ import annotations

import copy
import datetime
import re
import uuid

from csirt_data import Catalogue, load_catalogue

from assessment.core.text import bad_character, clean, name_key
from assessment.team.journal import recorded
from assessment.core.model import (ACTION_KINDS, ACTION_STATUSES, ITSS_LEVELS, LEVELS, MAX_NAME, MAX_NOTE, MAX_ORGANISATION, RATERS,
                    RATING_RULES, STATUSES, ActionState, Assessment, Person, RoleState)

# "train:<role>", "hire:<role>", "outsource:<role>", or with a person: "train:<role>:<person id>".
ACTION_KEY = re.compile(r"^[a-z_]{1,20}(:[A-Za-z0-9_-]{1,64}){1,2}$")


def is_iso_date(value: str) -> bool:
    """YYYY-MM-DD and a real day (2027-02-30 is not)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


class EditError(ValueError):
    """A change the assessment refuses; the message says why, in plain words (an i18n key + args)."""

    def __init__(self, key: str, **args):
        self.key, self.args_ = key, args
        super().__init__(f"{key} {args}")


def _touch(a: Assessment) -> None:
    a.version += 1


def model_defaults(cat: Catalogue, model_id: str | None) -> dict[str, str]:
    """付録1: the model's outsourced roles are outsourced, every other role is in-house."""
    out = cat.outsourced_by_default(model_id) if model_id else frozenset()
    return {r: ("outsourced" if r in out else "in_house") for r in cat.role_ids}


def new_assessment(organisation: str = "", model: str | None = None, *, cat: Catalogue | None = None,
                   assessment_id: str | None = None) -> Assessment:
    cat = cat or load_catalogue()
    a = Assessment(id=assessment_id or uuid.uuid4().hex[:12], organisation=typed(organisation, "organisation").strip())
    a.roles = {r: RoleState(s) for r, s in model_defaults(cat, None).items()}
    if model:
        apply_model(a, model, cat=cat)
    return a


@recorded
def set_organisation(a: Assessment, name: str) -> None:
    name = typed(name, "organisation").strip()[:MAX_ORGANISATION]
    if name != a.organisation:
        a.organisation = name
        _touch(a)


@recorded
def apply_model(a: Assessment, model_id: str, variant: str | None = None, *, overwrite: bool = False,
                cat: Catalogue | None = None) -> list[str]:
    """Sets the model and its 付録1 defaults. Roles the user set by hand keep their status unless
    `overwrite`; returns those kept, so the UI can say so."""
    cat = cat or load_catalogue()
    if model_id not in {m.id for m in cat.models}:
        raise EditError("error.unknown_model", model=model_id)
    a.variant = model_variant(cat, model_id, variant)
    kept = apply_model_defaults(a.roles, cat, model_id, overwrite)
    a.model = model_id
    _touch(a)
    return kept


def model_variant(cat: Catalogue, model_id: str, variant: str | None) -> str | None:
    """The variant asked for when the model has it, else the model's first (D1), or None."""
    variants = [v.id for v in cat.model(model_id).variants]
    return (variant if variant in variants else variants[0]) if variants else None


def apply_model_defaults(roles: dict[str, RoleState], cat: Catalogue, model_id: str,
                         overwrite: bool = False) -> list[str]:
    """Sets `roles` (of an assessment or a scenario) to the model's 付録1 defaults; roles set by hand
    keep their status unless `overwrite`. Returns the kept ones."""
    kept = []
    for role_id, status in model_defaults(cat, model_id).items():
        state = roles[role_id]
        if state.user_set and not overwrite and state.status != status:
            kept.append(role_id)
            continue
        state.status, state.user_set = status, False
    return kept


def differs_from_model(a: Assessment, role_id: str, cat: Catalogue | None = None) -> bool:
    cat = cat or load_catalogue()
    return a.roles[role_id].status != model_defaults(cat, a.model)[role_id]


@recorded
def set_role_status(a: Assessment, role_id: str, status: str) -> None:
    if role_id not in a.roles:
        raise EditError("error.unknown_role", role=role_id)
    if status not in STATUSES:
        raise EditError("error.unknown_status", status=status)
    state = a.roles[role_id]
    if state.status == status:
        return
    state.status, state.user_set = status, True
    _touch(a)


@recorded
def set_role_note(a: Assessment, role_id: str, note: str) -> None:
    if role_id not in a.roles:
        raise EditError("error.unknown_role", role=role_id)
    note = typed(note, "note")[:MAX_NOTE]
    if note != a.roles[role_id].note:
        a.roles[role_id].note = note
        _touch(a)


def one_line(text: str) -> str:
    """Typed text on one line, its runs of white space folded to one space."""
    return " ".join(text.split())


def typed(text: str, field: str) -> str:
    """Typed text cleaned (text.clean: no invisible or bidi characters, NFKC), or EditError when
    it holds a character that cannot be kept; `field` names the field in the message."""
    bad = bad_character(text)
    if bad:
        raise EditError(_BAD_CHARACTER[field], char=bad)
    return clean(text)


_BAD_CHARACTER = {"organisation": "error.bad_character.organisation", "name": "error.bad_character.name",
                  "note": "error.bad_character.note", "owner": "error.bad_character.owner"}


def clean_name(name: str, taken, empty: str = "error.empty_name", duplicate: str = "error.duplicate_name") -> str:
    """A name on one line, cut to MAX_NAME, not empty and not one of `taken` (a person's, a
    scenario's or a planned hire's); `empty` and `duplicate` are the messages' keys."""
    name = one_line(typed(name, "name"))[:MAX_NAME]
    if not name:
        raise EditError(empty)
    if name_key(name) in {name_key(t) for t in taken}:
        raise EditError(duplicate, name=name)
    return name


def _check_name(a: Assessment, name: str, person_id: str | None = None) -> str:
    return clean_name(name, (p.name for p in a.people if p.id != person_id))


def check_in_house(states: dict[str, RoleState], roles) -> list[str]:
    """`roles` without repeats, each known and in-house in `states` (an assessment's or a
    scenario's): only an in-house role can be held by a person or a planned hire."""
    roles = list(dict.fromkeys(roles))
    for r in roles:
        if r not in states:
            raise EditError("error.unknown_role", role=r)
        if states[r].status != "in_house":
            raise EditError("error.role_not_in_house", role=r)
    return roles


def _check_roles(a: Assessment, roles) -> list[str]:
    return check_in_house(a.roles, roles)


def _check_itss(level) -> int | None:
    if level is None:
        return None
    if level not in ITSS_LEVELS:
        raise EditError("error.bad_itss", level=level)
    return int(level)


@recorded(creates="person_id")
def add_person(a: Assessment, name: str, itss_level: int | None = None, roles=(),
               person_id: str | None = None) -> Person:
    if person_id is not None and any(p.id == person_id for p in a.people):
        raise EditError("error.duplicate_id", id=person_id)
    person = Person(id=person_id or uuid.uuid4().hex[:8], name=_check_name(a, name),
                    itss_level=_check_itss(itss_level), roles=_check_roles(a, roles))
    a.people.append(person)
    a.ratings[person.id] = {}
    _touch(a)
    return person


@recorded
def rename_person(a: Assessment, person_id: str, name: str) -> None:
    person = a.person(person_id)
    new = _check_name(a, name, person_id)
    if new != person.name:
        person.name = new
        _touch(a)


@recorded
def set_person_itss(a: Assessment, person_id: str, level: int | None) -> None:
    person, level = a.person(person_id), _check_itss(level)
    if level != person.itss_level:
        person.itss_level = level
        _touch(a)


@recorded
def set_person_roles(a: Assessment, person_id: str, roles) -> None:
    """Sets the in-house roles a person holds. Roles they hold that are no longer in-house (the
    user outsourced one later) stay recorded, so flipping a role back restores its holders."""
    person = a.person(person_id)
    dormant = [r for r in person.roles if a.roles[r].status != "in_house"]
    new = dormant + _check_roles(a, roles)
    if new != person.roles:
        person.roles = new
        _touch(a)


@recorded
def remove_person(a: Assessment, person_id: str) -> None:
    person = a.person(person_id)
    a.people.remove(person)
    a.ratings.pop(person_id, None)
    a.self_ratings.pop(person_id, None)
    _touch(a)


@recorded
def set_rating(a: Assessment, person_id: str, skill_id: str, level: int | None,
               cat: Catalogue | None = None, rater: str = "lead") -> None:
    set_ratings(a, person_id, {skill_id: level}, cat=cat, rater=rater)


@recorded
def set_ratings(a: Assessment, person_id: str, levels: dict[str, int | None],
                cat: Catalogue | None = None, rater: str = "lead") -> None:
    """Applies several ratings of one rater at once (None clears one). All are checked before any
    is applied."""
    cat = cat or load_catalogue()
    a.person(person_id)
    if rater not in RATERS:
        raise EditError("error.unknown_rater", rater=rater)
    for skill_id, level in levels.items():
        if skill_id not in cat.skills:
            raise EditError("error.unknown_skill", skill=skill_id)
        if level is not None and level not in LEVELS:
            raise EditError("error.bad_level", level=level)
    mine = a.rater_ratings(rater).setdefault(person_id, {})
    changed = False
    for skill_id, level in levels.items():
        if level is None:
            changed |= mine.pop(skill_id, None) is not None
        elif mine.get(skill_id) != int(level):
            mine[skill_id] = int(level)
            changed = True
    if changed:
        _touch(a)


@recorded
def set_rating_rule(a: Assessment, rule: str) -> None:
    if rule not in RATING_RULES:
        raise EditError("error.unknown_rating_rule", rule=rule)
    if rule != a.rating_rule:
        a.rating_rule = rule
        _touch(a)


@recorded
def set_action(a: Assessment, key: str, *, kind: str | None | object = ..., owner: str | None = None,
               due: str | None = None, status: str | None = None, note: str | None = None) -> None:
    """Records the user's decisions on one proposed action (planning.py makes the proposals).
    Arguments left out keep their value; kind=None returns to the proposed kind."""
    if not ACTION_KEY.match(key):
        raise EditError("error.unknown_action", action=key)
    state = copy.copy(a.actions.get(key, ActionState()))
    if kind is not ...:
        if kind is not None and kind not in ACTION_KINDS:
            raise EditError("error.unknown_action_kind", kind=kind)
        state.kind = kind
    if owner is not None:
        state.owner = one_line(typed(owner, "owner"))[:MAX_NAME]
    if due is not None:
        due = due.strip()
        if due and not is_iso_date(due):
            raise EditError("error.bad_date", value=due)
        state.due = due
    if status is not None:
        if status not in ACTION_STATUSES:
            raise EditError("error.unknown_action_status", status=status)
        state.status = status
    if note is not None:
        state.note = typed(note, "note")[:MAX_NOTE]
    if state != a.actions.get(key, ActionState()):
        a.actions[key] = state
        _touch(a)


@recorded
def set_target(a: Assessment, kind: str, value: int | None, role_id: str | None = None) -> None:
    """Sets the target level of a kind of skill, for every role or for one role. For one role,
    None removes its own target, so the global one applies again."""
    if kind not in a.targets:
        raise EditError("error.unknown_kind", kind=kind)
    if role_id is not None and role_id not in a.roles:
        raise EditError("error.unknown_role", role=role_id)
    if value is not None and value not in LEVELS[1:]:
        raise EditError("error.bad_target", value=value)
    if role_id is None:
        if value is None:
            raise EditError("error.bad_target", value=value)
        if a.targets[kind] == value:
            return
        a.targets[kind] = int(value)
    elif value is None:
        own = a.role_targets.get(role_id, {})
        if kind not in own:
            return
        del own[kind]
        if not own:
            del a.role_targets[role_id]
    else:
        if a.role_targets.get(role_id, {}).get(kind) == value:
            return
        a.role_targets.setdefault(role_id, {})[kind] = int(value)
    _touch(a)


@recorded
def clear_role_targets(a: Assessment, role_id: str) -> None:
    if a.role_targets.pop(role_id, None) is not None:
        _touch(a)
