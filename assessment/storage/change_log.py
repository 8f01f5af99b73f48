"""The change log's rows: who changed what, one row per stored version (written by Store.save*)."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from assessment.team.actor import Actor
from assessment.team.journal import Op
from assessment.team.merge import Change

# Marks of changes that are not edits: the first save, and a whole document put over the work.
CREATE, REPLACE = "create", "replace"


def row_values(ident: str, version: int, at: datetime, actor: Actor, ops, paths) -> dict:
    return {"assessment_id": ident, "version": version, "at": at, "actor_kind": actor.kind[:12],
            "actor_person": actor.person_id, "actor_label": (actor.label or "")[:200],
            "ops": json.dumps([o.to_json() for o in ops], ensure_ascii=False, separators=(",", ":")),
            "paths": json.dumps([list(p) for p in paths], ensure_ascii=False, separators=(",", ":"))}


def paths_of(ops) -> list[tuple]:
    """The paths the ops changed, each once, in order."""
    return list(dict.fromkeys(tuple(p) for o in ops for p in o.paths))


def mark(name: str) -> Op:
    return Op(name, {})


def change_of(row) -> Change:
    at = row.at.replace(tzinfo=timezone.utc) if row.at.tzinfo is None else row.at
    return Change(row.version, at, Actor(row.actor_kind, row.actor_person, row.actor_label or ""),
                  tuple(tuple(p) for p in json.loads(row.paths)),
                  tuple(Op.from_json(o) for o in json.loads(row.ops)))
