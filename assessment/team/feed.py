"""The change feed: each change of the log summed up per kind of edit ("5 self-ratings updated"),
for History. Counts are of things changed (a rating op of 5 skills counts 5)."""
from __future__ import annotations

from assessment.team.merge import Change

# op name -> the feed's kind of change; ratings split by rater below
KINDS = {
    "set_organisation": "organisation", "apply_model": "model", "set_rating_rule": "rating_rule",
    "set_role_status": "role_statuses", "set_role_note": "role_notes",
    "add_person": "people_added", "remove_person": "people_removed",
    "rename_person": "people_changed", "set_person_itss": "people_changed", "set_person_roles": "people_changed",
    "apply_person_roles": "people_changed",
    "set_target": "targets", "clear_role_targets": "targets", "set_action": "actions",
    "add_scenario": "scenarios", "add_model_scenario": "scenarios", "rename_scenario": "scenarios",
    "remove_scenario": "scenarios", "set_scenario_model": "scenarios", "set_scenario_role_status": "scenarios",
    "add_hire": "scenarios", "set_hire_roles": "scenarios", "remove_hire": "scenarios",
    "create": "created", "replace": "replaced",
}
COUNTED_BY_PATH = {"self_ratings", "lead_ratings", "role_statuses", "people_changed", "targets"}


def kind_of(op) -> str:
    if op.name in ("set_rating", "set_ratings"):
        return "self_ratings" if op.args.get("rater") == "self" else "lead_ratings"
    return KINDS.get(op.name, "other")


def summary(change: Change) -> list[tuple[str, int]]:
    """[(kind, how many)] in the order the kinds first appear in the change."""
    counts: dict[str, int] = {}
    for op in change.ops:
        kind = kind_of(op)
        n = max(1, len(op.paths)) if kind in COUNTED_BY_PATH else 1
        counts[kind] = counts.get(kind, 0) + n
    return list(counts.items())
