"""The things an edit changes, as paths, and the value at a path (to show both sides of a conflict).

A path is a tuple of strings: ("organisation",), ("model",), ("role", r, "status"),
("person", pid[, "name"|"roles"|"itss"]), ("rating", rater, pid, skill), ("rating_rule",),
("target", role or "*", kind), ("action", key, field), ("scenario", sid[, "name"|"model"]),
("scenario", sid, "role", r), ("scenario", sid, "hire", hid[, "roles"]). Two edits touch the same
thing exactly when they name the same path; ("*",) (a whole document replaced) touches everything."""
from __future__ import annotations

from dataclasses import asdict
from typing import Any, Callable

from assessment.core.model import RATERS, ActionState, Assessment

Path = tuple[str, ...]
ALL: Path = ("*",)
_PERSON_FIELDS = ("name", "roles", "itss")
ACTION_FIELDS = ("kind", "owner", "due", "status", "note")


def _person(a: Assessment, pid: str):
    return next((p for p in a.people if p.id == pid), None)


def _scenario(a: Assessment, sid: str):
    return next((s for s in a.scenarios if s.id == sid), None)


def _hire(a: Assessment, sid: str, hid: str):
    sc = _scenario(a, sid)
    return next((h for h in sc.hires if h.id == hid), None) if sc else None


def value_at(a: Assessment, path) -> Any:
    """The value at `path` as plain data (None where there is nothing: a removed person, an unrated
    skill, a role without its own target)."""
    head, rest = path[0], tuple(path[1:])
    if head == "organisation":
        return a.organisation
    if head == "model":
        return [a.model, a.variant]
    if head == "rating_rule":
        return a.rating_rule
    if head == "role":
        state = a.roles.get(rest[0])
        return None if state is None else getattr(state, rest[1])
    if head == "person":
        p = _person(a, rest[0])
        if p is None:
            return None
        whole = {"name": p.name, "roles": list(p.roles), "itss": p.itss_level}
        return whole if len(rest) == 1 else whole[rest[1]]
    if head == "rating":
        rater, pid, skill = rest
        return a.rater_ratings(rater).get(pid, {}).get(skill)
    if head == "target":
        role, kind = rest
        return a.targets.get(kind) if role == "*" else a.role_targets.get(role, {}).get(kind)
    if head == "action":
        key, name = rest
        return getattr(a.actions.get(key, ActionState()), name)
    if head == "scenario":
        return _scenario_value(a, rest)
    raise ValueError(f"unknown path {path!r}")


def _scenario_value(a: Assessment, rest: tuple) -> Any:
    sc = _scenario(a, rest[0])
    if sc is None:
        return None
    if len(rest) == 1:
        return sc.name  # the scenario as a whole: it exists, under this name
    if rest[1] == "name":
        return sc.name
    if rest[1] == "model":
        return [sc.model, sc.variant]
    if rest[1] == "role":
        state = sc.roles.get(rest[2])
        return None if state is None else state.status
    if rest[1] == "hire":
        h = _hire(a, rest[0], rest[2])
        if h is None:
            return None
        return asdict(h) if len(rest) == 3 else list(h.roles)
    raise ValueError(f"unknown path {rest!r}")


def _person_all(a: Assessment, pid: str) -> list[Path]:
    rated = [("rating", r, pid, s) for r in RATERS for s in a.rater_ratings(r).get(pid, {})]
    return [("person", pid), *(("person", pid, f) for f in _PERSON_FIELDS), *rated]


def _scenario_all(a: Assessment, sid: str) -> list[Path]:
    sc = _scenario(a, sid)
    out = [("scenario", sid), ("scenario", sid, "name"), ("scenario", sid, "model")]
    if sc:
        out += [("scenario", sid, "role", r) for r in sc.roles]
        out += [p for h in sc.hires for p in (("scenario", sid, "hire", h.id), ("scenario", sid, "hire", h.id, "roles"))]
    return out


def _roles(a: Assessment) -> list[Path]:
    return [("role", r, "status") for r in a.roles]


# op name -> (assessment before the edit, its arguments) -> the paths it may change
PATHS: dict[str, Callable[[Assessment, dict], list[Path]]] = {
    "set_organisation": lambda a, k: [("organisation",)],
    "apply_model": lambda a, k: [("model",), *_roles(a)],
    "set_role_status": lambda a, k: [("role", k["role_id"], "status")],
    "set_role_note": lambda a, k: [("role", k["role_id"], "note")],
    "add_person": lambda a, k: [("person", k["person_id"])],
    "rename_person": lambda a, k: [("person", k["person_id"], "name")],
    "set_person_itss": lambda a, k: [("person", k["person_id"], "itss")],
    "set_person_roles": lambda a, k: [("person", k["person_id"], "roles")],
    "remove_person": lambda a, k: _person_all(a, k["person_id"]),
    "set_rating": lambda a, k: [("rating", k.get("rater", "lead"), k["person_id"], k["skill_id"])],
    "set_ratings": lambda a, k: [("rating", k.get("rater", "lead"), k["person_id"], s) for s in k["levels"]],
    "set_rating_rule": lambda a, k: [("rating_rule",)],
    "set_action": lambda a, k: [("action", k["key"], f) for f in ACTION_FIELDS if f in k],
    "set_target": lambda a, k: [("target", k.get("role_id") or "*", k["kind"])],
    "clear_role_targets": lambda a, k: [("target", k["role_id"], kind) for kind in a.targets],
    "apply_person_roles": lambda a, k: [("person", pid, "roles") for pid in k["roles_by_person"]],
    "add_scenario": lambda a, k: [("scenario", k["scenario_id"])],
    "add_model_scenario": lambda a, k: [("scenario", k["scenario_id"])],
    "rename_scenario": lambda a, k: [("scenario", k["scenario_id"], "name")],
    "remove_scenario": lambda a, k: _scenario_all(a, k["scenario_id"]),
    "set_scenario_model": lambda a, k: [("scenario", k["scenario_id"], "model"),
                                        *(("scenario", k["scenario_id"], "role", r) for r in a.roles)],
    "set_scenario_role_status": lambda a, k: [("scenario", k["scenario_id"], "role", k["role_id"])],
    "add_hire": lambda a, k: [("scenario", k["scenario_id"], "hire", k["hire_id"])],
    "set_hire_roles": lambda a, k: [("scenario", k["scenario_id"], "hire", k["hire_id"], "roles")],
    "remove_hire": lambda a, k: [("scenario", k["scenario_id"], "hire", k["hire_id"]),
                                 ("scenario", k["scenario_id"], "hire", k["hire_id"], "roles")],
}
