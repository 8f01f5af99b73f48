"""Edits recorded as operations. Every edit function is decorated with `recorded`: called at top
level on an Assessment, a change it makes is appended to `a.journal` as an Op (its name and plain
JSON arguments) with the paths whose value it changed. The session saves the journal with the
document; the store re-applies it onto a newer stored version (merge.py). Nested calls (an edit
that calls another) record only the outermost; a call that changes nothing records nothing."""
from __future__ import annotations

import functools
import inspect
import json
import threading
import uuid
from dataclasses import dataclass, field

from assessment.team.paths import PATHS, Path, value_at

_depth = threading.local()
REGISTRY: dict[str, callable] = {}  # op name -> the recorded edit function


@dataclass(frozen=True)
class Op:
    name: str
    args: dict
    # The paths whose value this op changed where it was applied (what a change row lists).
    paths: tuple[Path, ...] = field(default=(), compare=False)

    def to_json(self) -> dict:
        return {"name": self.name, "args": self.args, "paths": [list(p) for p in self.paths]}

    @classmethod
    def from_json(cls, data: dict) -> "Op":
        return cls(data["name"], dict(data.get("args", {})), tuple(tuple(p) for p in data.get("paths", [])))


def _plain(value):
    """Arguments as JSON gives them back (tuples become lists), so that a re-applied op sees
    exactly what was recorded."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def recorded(fn=None, *, creates: str | None = None):
    """Records calls of the edit function `fn`. `creates` names its optional id parameter (e.g.
    add_person's person_id): the id is made here when not given and recorded, so re-applying the
    op elsewhere makes the same id and later ops naming it still apply."""
    if fn is None:
        return functools.partial(recorded, creates=creates)
    name = fn.__name__
    if name not in PATHS:
        raise LookupError(f"{name}: no paths declared in assessment.team.paths")
    sig = inspect.signature(fn)

    @functools.wraps(fn)
    def wrapper(a, *args, **kwargs):
        depth = getattr(_depth, "n", 0)
        if depth:
            return fn(a, *args, **kwargs)
        bound = sig.bind(a, *args, **kwargs)
        given = {k: v for k, v in bound.arguments.items() if k not in ("a", "cat")}
        if creates and not given.get(creates):
            given[creates] = uuid.uuid4().hex[:8]
        given = _plain(given)
        paths = [tuple(p) for p in PATHS[name](a, given)]
        before = [value_at(a, p) for p in paths]
        version = a.version
        _depth.n = depth + 1
        try:
            result = fn(a, **given, **({"cat": bound.arguments["cat"]} if "cat" in bound.arguments else {}))
        finally:
            _depth.n = depth
        if a.version != version:
            changed = tuple(p for p, old in zip(paths, before) if value_at(a, p) != old)
            a.journal.append(Op(name, given, changed))
        return result

    wrapper.op_name = name
    REGISTRY[name] = wrapper
    return wrapper


def declared_paths(a, op: Op) -> list[Path]:
    """The paths `op` may change, applied to `a` now."""
    return [tuple(p) for p in PATHS[op.name](a, op.args)]
