"""The rebase: my pending ops re-applied onto a newer stored version, and what conflicts.

An op conflicts only if a path it may change was changed by someone else's change since my base
AND the value now stored differs from the value my op gives (the same value on both sides is no
conflict). An op that cannot apply any more (its person or scenario was removed, or the edit is
refused on the newer state) is held back too. Conflicting ops are held back, the rest applied."""
from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from assessment.core.edit import EditError
from assessment.core.model import Assessment
from assessment.team.actor import Actor
from assessment.team.journal import Op, declared_paths
from assessment.team.ops import apply_op, missing_target
from assessment.team.paths import ALL, Path, value_at


@dataclass(frozen=True)
class Change:
    """Someone's saved change, as the merge needs it (a row of the store's change log)."""
    version: int
    at: datetime
    actor: Actor
    paths: tuple[Path, ...]
    ops: tuple[Op, ...] = ()


@dataclass(frozen=True)
class Held:
    """One of my ops held back: the paths in conflict with both values, who changed them last."""
    op: Op
    paths: tuple[Path, ...]
    theirs: tuple[Any, ...]  # per path, as stored now
    mine: tuple[Any, ...] | None  # per path, as my op makes it; None when it cannot apply
    by: Change | None  # the latest change of those paths
    removed: Path | None = None  # the person / scenario / hire my op names, removed meanwhile
    refused: tuple[str, dict] | None = None  # the edit's refusal on the newer state (key, args)


def latest_changes(changes) -> dict[Path, Change]:
    """Path -> the latest change that changed it (ALL: a whole document replaced)."""
    out: dict[Path, Change] = {}
    for ch in sorted(changes, key=lambda c: c.version):
        for p in ch.paths:
            out[tuple(p)] = ch
    return out


def _by(touched: dict[Path, Change], paths) -> Change | None:
    hits = [touched[p] for p in paths if p in touched]
    if ALL in touched:
        hits.append(touched[ALL])
    return max(hits, key=lambda c: c.version) if hits else None


def rebase(stored: Assessment, ops, changes) -> tuple[Assessment, list[Op], list[Held]]:
    """(merged, the ops applied as recorded on it, the ops held back). `stored` is not changed."""
    changes = list(changes)
    touched = latest_changes(changes)
    everything = ALL in touched
    merged = copy.deepcopy(stored)
    merged.journal = []
    held: list[Held] = []
    for op in ops:
        gone = missing_target(merged, op)
        if gone is not None and op.name.startswith("remove_"):
            continue  # removed on both sides: the same outcome, no conflict
        if gone is not None:
            held.append(Held(op, (gone,), (None,), None, _by(touched, [gone]), removed=gone))
            continue
        trial = copy.deepcopy(merged)
        paths = declared_paths(merged, op)
        hot = [p for p in paths if everything or p in touched]
        try:
            apply_op(trial, op)
        except (EditError, KeyError) as exc:
            why = (exc.key, dict(exc.args_)) if isinstance(exc, EditError) else ("error.removed", {})
            shown = tuple(hot or paths[:1])
            # Refused on the newer state: by whoever touched these paths, else the latest change.
            by = _by(touched, shown) or max(changes, key=lambda c: c.version, default=None)
            held.append(Held(op, shown, tuple(value_at(merged, p) for p in shown), None, by, refused=why))
            continue
        clash = tuple(p for p in hot if value_at(trial, p) != value_at(merged, p))
        if clash:
            held.append(Held(op, clash, tuple(value_at(merged, p) for p in clash),
                             tuple(value_at(trial, p) for p in clash), _by(touched, clash)))
            continue
        merged = trial
    applied = list(merged.journal)
    merged.journal = []
    return merged, applied, held
