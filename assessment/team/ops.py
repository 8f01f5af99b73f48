"""Re-applying recorded operations (journal.Op) onto an Assessment, e.g. a newer stored version."""
from __future__ import annotations

# The modules whose edit functions are recorded: importing them fills journal.REGISTRY.
import assessment.core.edit  # noqa: F401
import assessment.plans.assignment  # noqa: F401
import assessment.plans.scenarios  # noqa: F401
from assessment.core.model import Assessment
from assessment.team.actor import Actor
from assessment.team.journal import REGISTRY, Op

# The ids an op may name, and the path of the thing each names (to say "removed by …").
_TARGETS = (("person_id", lambda k: ("person", k["person_id"])),
            ("scenario_id", lambda k: ("scenario", k["scenario_id"])),
            ("hire_id", lambda k: ("scenario", k["scenario_id"], "hire", k["hire_id"])))
_CREATORS = {"add_person": "person_id", "add_scenario": "scenario_id", "add_model_scenario": "scenario_id",
             "add_hire": "hire_id"}


def apply_op(a: Assessment, op: Op) -> Op | None:
    """Applies `op` to `a` as its edit function would (recorded in a.journal like any edit);
    returns the op as recorded there, or None when it changed nothing (the value was already so).
    Raises the edit's EditError, or KeyError for a person that is not there."""
    if op.name not in REGISTRY:
        raise KeyError(op.name)
    before = len(a.journal)
    REGISTRY[op.name](a, **op.args)
    return a.journal[-1] if len(a.journal) > before else None


def missing_target(a: Assessment, op: Op):
    """The path of the person, scenario or hire `op` names that `a` no longer has, else None. The
    one an op creates is not expected to exist."""
    from assessment.team.paths import value_at
    made = _CREATORS.get(op.name)
    for arg, path in _TARGETS:
        if arg in op.args and arg != made and value_at(a, path(op.args)) is None:
            return path(op.args)
    return None


def allowed(actor: Actor, op: Op) -> bool:
    """What a link may change: an editor everything, a participant only their own self-ratings,
    a viewer nothing (the access pages offer no more; the store checks again)."""
    if actor.kind == "editor":
        return True
    return (actor.kind == "participant" and op.name in ("set_rating", "set_ratings")
            and op.args.get("rater") == "self" and actor.person_id is not None
            and op.args.get("person_id") == actor.person_id)
