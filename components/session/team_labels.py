"""Words for team mode: the thing a path names, a value at it, and who made a change — in the
user's language, with the catalogue's names; every user value escaped (labels.md) and cut."""
from __future__ import annotations

from assessment.core.model import Assessment
from assessment.team.actor import Actor
from csirt_data import Catalogue

from components.session.i18n import join, lang, tr
from components.session.labels import level_label, rater_name, rule_name, status_label
from components.session.safe_text import quote

QUOTE = 60  # a quoted value is cut here: a message quotes, it does not reproduce


def cut(text, limit: int = QUOTE) -> str:
    """A value on one line, quoted as inert text and cut (safe_text.quote)."""
    return quote(" ".join(str(text).split()), limit)


def _person_name(a: Assessment, pid: str, fallback=None) -> str:
    p = next((p for p in a.people if p.id == pid), None)
    if p is not None:
        return cut(p.name)
    if isinstance(fallback, dict) and fallback.get("name"):
        return cut(fallback["name"])
    return tr("merge.someone")


def _scenario_name(a: Assessment, sid: str) -> str:
    sc = next((s for s in a.scenarios if s.id == sid), None)
    return cut(sc.name) if sc else tr("merge.a_scenario")


def _role(cat: Catalogue, role_id: str) -> str:
    return cat.role(role_id).name.get(lang()) if role_id in cat.role_ids else cut(role_id)


_WHOLE = {"organisation": lambda: tr("merge.thing.organisation"), "model": lambda: tr("merge.thing.model"),
          "rating_rule": lambda: tr("merge.thing.rating_rule"), "*": lambda: tr("merge.thing.all")}
_ROLE_THING = {"status": lambda r: tr("merge.thing.role_status", role=r), "note": lambda r: tr("merge.thing.role_note", role=r)}
_PERSON_THING = {"name": lambda n: tr("merge.thing.person_name", name=n),
                 "roles": lambda n: tr("merge.thing.person_roles", name=n),
                 "itss": lambda n: tr("merge.thing.person_itss", name=n)}
_ACTION_FIELD = {"kind": lambda: tr("merge.field.kind"), "owner": lambda: tr("merge.field.owner"),
                 "due": lambda: tr("merge.field.due"), "status": lambda: tr("merge.field.status"),
                 "note": lambda: tr("merge.field.note")}


def thing(path, a: Assessment, cat: Catalogue, value=None) -> str:
    """What `path` names, e.g. 「インシデントマネージャーの状態」."""
    head, rest = path[0], list(path[1:])
    if head in _WHOLE:
        return _WHOLE[head]()
    if head == "role":
        return _ROLE_THING[rest[1]](_role(cat, rest[0]))
    if head == "person":
        name = _person_name(a, rest[0], value)
        return tr("merge.thing.person", name=name) if len(rest) == 1 else _PERSON_THING[rest[1]](name)
    if head == "rating":
        rater, pid, skill = rest
        sk = cat.skills[skill].get(lang()) if skill in cat.skills else skill
        return tr("merge.thing.rating", name=_person_name(a, pid), skill=cut(sk, 120), rater=rater_name(rater))
    if head == "target":
        role, kind = rest
        where = tr("merge.every_role") if role == "*" else _role(cat, role)
        return tr("merge.thing.target", role=where, kind=tr(f"kind.{kind}"))
    if head == "action":
        return tr("merge.thing.action", action=cut(rest[0]), field=_ACTION_FIELD[rest[1]]())
    if head == "scenario":
        name = _scenario_name(a, rest[0])
        if len(rest) == 1 or rest[1] == "name":
            return tr("merge.thing.scenario", name=name)
        if rest[1] == "model":
            return tr("merge.thing.scenario_model", name=name)
        if rest[1] == "role":
            return tr("merge.thing.scenario_role", name=name, role=_role(cat, rest[2]))
        return tr("merge.thing.scenario_hire", name=name)
    return cut("/".join(map(str, path)))


def value_text(path, value, cat: Catalogue) -> str:
    """A value at `path` as the user reads it; 「（なし）」 for nothing."""
    if value is None or value == "" or value == []:
        return tr("merge.none")
    head = path[0]
    if head == "model" or (head == "scenario" and len(path) > 2 and path[2] == "model"):
        return cat.model_label(value[0], value[1], lang()) or tr("merge.none")
    if head == "role" and path[2] == "status" or head == "scenario" and len(path) > 2 and path[2] == "role":
        return status_label(value)
    if head == "rating":
        return level_label(value)
    if head == "rating_rule":
        return rule_name(value)
    if head == "person" and len(path) == 3 and path[2] == "roles":
        return join(_role(cat, r) for r in value)
    if isinstance(value, dict):  # a person or a planned hire as a whole
        return cut(value.get("name", ""))
    if isinstance(value, list):
        return join(_role(cat, r) for r in value)
    return cut(value)


def actor_name(actor: Actor, a: Assessment, names: bool = True) -> str:
    """Who made a change: a participant by their person's name (only when `names`: editors see
    them), the editor by the link's label or 「編集者」, a viewer as 「閲覧者」."""
    if actor.kind == "participant" and actor.person_id and names:
        p = next((p for p in a.people if p.id == actor.person_id), None)
        if p is not None:
            return tr("feed.person", name=cut(p.name))
        return tr("feed.participant")
    if actor.kind == "participant":
        return tr("feed.participant")
    if actor.label:
        return cut(actor.label)
    return tr("feed.viewer") if actor.kind == "viewer" else tr("feed.editor")


def when(at) -> str:
    return f"{at.astimezone():%m-%d %H:%M}"
