"""The rebase of assessment/team/merge.py, for every recorded edit kind: a concurrent change of
something else is kept without conflict; a change of the same thing is a conflict showing both
values; the same value on both sides is no conflict; an op on a removed person is a conflict."""
import copy
from datetime import datetime, timezone

import pytest

from assessment.core import edit as e
from assessment.plans import assignment, scenarios as sc
from assessment.storage.change_log import paths_of
from assessment.team.actor import Actor
from assessment.team.journal import REGISTRY, Op
from assessment.team.merge import Change, rebase
from assessment.team.ops import apply_op
from assessment.team.paths import value_at

S1, S2 = "communicate_accurately", "judge_information"


def base():
    a = e.new_assessment("Org", "B")
    e.add_person(a, "Pat", 3, ["commander"], person_id="p")
    e.add_person(a, "Quinn", None, ["triage"], person_id="q")
    e.set_ratings(a, "p", {S1: 2})
    sc.add_scenario(a, "Plan", scenario_id="s")
    sc.add_hire(a, "s", "Hana", ["triage"], hire_id="h")
    e.set_target(a, "prerequisite", 4, "triage")
    a.journal.clear()
    return a


# edit kind -> (mine, theirs: something else, theirs: the same thing with another value)
CASES = {
    "set_organisation": (lambda a: e.set_organisation(a, "Mine"), lambda a: e.set_role_note(a, "triage", "x"),
                         lambda a: e.set_organisation(a, "Theirs")),
    "apply_model": (lambda a: e.apply_model(a, "C"), lambda a: e.set_organisation(a, "T"),
                    lambda a: e.apply_model(a, "D", "D2")),
    "set_role_status": (lambda a: e.set_role_status(a, "commander", "outsourced"),
                        lambda a: e.set_role_status(a, "triage", "gap"),
                        lambda a: e.set_role_status(a, "commander", "gap")),
    "set_role_note": (lambda a: e.set_role_note(a, "commander", "mine"), lambda a: e.set_role_note(a, "triage", "t"),
                      lambda a: e.set_role_note(a, "commander", "theirs")),
    "add_person": (lambda a: e.add_person(a, "Ann", person_id="n1"), lambda a: e.add_person(a, "Bea", person_id="n2"),
                   lambda a: e.add_person(a, "Ann", person_id="n3")),
    "rename_person": (lambda a: e.rename_person(a, "p", "Pia"), lambda a: e.rename_person(a, "q", "Quin"),
                      lambda a: e.rename_person(a, "p", "Peg")),
    "set_person_itss": (lambda a: e.set_person_itss(a, "p", 5), lambda a: e.set_person_itss(a, "q", 2),
                        lambda a: e.set_person_itss(a, "p", 1)),
    "set_person_roles": (lambda a: e.set_person_roles(a, "p", ["commander", "triage"]),
                         lambda a: e.set_person_roles(a, "q", ["educator"]),
                         lambda a: e.set_person_roles(a, "p", ["educator"])),
    "remove_person": (lambda a: e.remove_person(a, "p"), lambda a: e.set_ratings(a, "q", {S1: 1}),
                      lambda a: e.set_ratings(a, "p", {S2: 4}, rater="self")),
    "set_rating": (lambda a: e.set_rating(a, "p", S1, 4), lambda a: e.set_rating(a, "p", S2, 1),
                   lambda a: e.set_rating(a, "p", S1, 0)),
    "set_ratings": (lambda a: e.set_ratings(a, "p", {S1: 3, S2: 3}, rater="self"),
                    lambda a: e.set_ratings(a, "p", {S1: 1, S2: 1}),  # the lead's: another rater
                    lambda a: e.set_ratings(a, "p", {S2: 0}, rater="self")),
    "set_rating_rule": (lambda a: e.set_rating_rule(a, "lower"), lambda a: e.set_organisation(a, "T"),
                        lambda a: e.set_rating_rule(a, "higher")),
    "set_action": (lambda a: e.set_action(a, "train:commander", owner="Me", due="2027-01-31"),
                   lambda a: e.set_action(a, "train:commander", status="planned"),
                   lambda a: e.set_action(a, "train:commander", owner="You")),
    "set_target": (lambda a: e.set_target(a, "prerequisite", 4, "commander"),
                   lambda a: e.set_target(a, "prerequisite", 2),
                   lambda a: e.set_target(a, "prerequisite", 1, "commander")),
    "clear_role_targets": (lambda a: e.clear_role_targets(a, "triage"),
                           lambda a: e.set_target(a, "additional", 4, "commander"),
                           lambda a: e.set_target(a, "additional", 4, "triage")),
    "apply_person_roles": (lambda a: assignment.apply_person_roles(a, {"p": ["educator"], "q": ["educator"]}),
                           lambda a: e.rename_person(a, "p", "Pia"),
                           lambda a: e.set_person_roles(a, "q", ["commander"])),
    "add_scenario": (lambda a: sc.add_scenario(a, "Mine", copy_of="s", scenario_id="m"),
                     lambda a: sc.add_scenario(a, "Theirs", scenario_id="t"),
                     lambda a: sc.add_scenario(a, "Mine", scenario_id="t2")),
    "add_model_scenario": (lambda a: sc.add_model_scenario(a, "To C", "C", scenario_id="m"),
                           lambda a: sc.rename_scenario(a, "s", "Renamed"),
                           lambda a: sc.add_scenario(a, "To C", scenario_id="t")),
    "rename_scenario": (lambda a: sc.rename_scenario(a, "s", "Mine"), lambda a: sc.set_scenario_model(a, "s", "C"),
                        lambda a: sc.rename_scenario(a, "s", "Theirs")),
    "remove_scenario": (lambda a: sc.remove_scenario(a, "s"), lambda a: e.set_organisation(a, "T"),
                        lambda a: sc.rename_scenario(a, "s", "Theirs")),
    "set_scenario_model": (lambda a: sc.set_scenario_model(a, "s", "C"),
                           lambda a: sc.rename_scenario(a, "s", "T"),
                           lambda a: sc.set_scenario_model(a, "s", "A")),
    "set_scenario_role_status": (lambda a: sc.set_scenario_role_status(a, "s", "commander", "gap"),
                                 lambda a: sc.set_scenario_role_status(a, "s", "triage", "gap"),
                                 lambda a: sc.set_scenario_role_status(a, "s", "commander", "outsourced")),
    "add_hire": (lambda a: sc.add_hire(a, "s", "Hiro", ["commander"], hire_id="h2"),
                 lambda a: sc.add_hire(a, "s", "Hugo", hire_id="h3"),
                 lambda a: sc.add_hire(a, "s", "Hiro", hire_id="h4")),
    "set_hire_roles": (lambda a: sc.set_hire_roles(a, "s", "h", ["commander"]),
                       lambda a: sc.rename_scenario(a, "s", "T"),
                       lambda a: sc.set_hire_roles(a, "s", "h", ["educator"])),
    "remove_hire": (lambda a: sc.remove_hire(a, "s", "h"), lambda a: sc.add_hire(a, "s", "Hugo", hire_id="h3"),
                    lambda a: sc.set_hire_roles(a, "s", "h", ["educator"])),
}
THEM = Actor("participant", "q", "")


def run(mine, theirs):
    """(merged, held, my session's assessment, their stored assessment) after a concurrent change."""
    start = base()
    me, they = copy.deepcopy(start), copy.deepcopy(start)
    mine(me)
    theirs(they)
    assert me.journal and they.journal, "each side made a recorded change"
    change = Change(2, datetime(2026, 12, 1, tzinfo=timezone.utc), THEM, tuple(paths_of(they.journal)),
                    tuple(they.journal))
    merged, applied, held = rebase(they, me.journal, [change])
    return merged, applied, held, me, they


def test_every_recorded_edit_kind_has_a_case():
    assert set(REGISTRY) == set(CASES)


@pytest.mark.parametrize("kind", sorted(CASES))
def test_change_of_something_else_is_kept_on_both_sides(kind):
    mine, other, _same = CASES[kind]
    merged, applied, held, me, they = run(mine, other)
    assert held == []
    assert [o.name for o in applied] == [kind]
    for op in me.journal:
        for p in op.paths:
            assert value_at(merged, p) == value_at(me, p), p
    for op in they.journal:
        for p in op.paths:
            assert value_at(merged, p) == value_at(they, p), p


@pytest.mark.parametrize("kind", sorted(CASES))
def test_change_of_the_same_thing_is_a_conflict_with_both_values(kind):
    mine, _other, same = CASES[kind]
    merged, applied, held, me, they = run(mine, same)
    assert applied == [] and len(held) == 1
    h = held[0]
    assert h.op.name == kind and h.by.actor == THEM
    assert h.theirs == tuple(value_at(they, p) for p in h.paths)
    if h.refused is None:  # an edit that still applies: my value differs from theirs
        assert h.mine == tuple(value_at(me, p) for p in h.paths)
        assert h.mine != h.theirs
    else:  # refused on their state (the same name taken): said why
        assert h.refused[0].startswith("error.")
    # Theirs stands until I choose: the merged state is the stored one.
    assert merged == they


@pytest.mark.parametrize("kind", ["set_role_status", "set_organisation", "set_ratings", "set_person_roles",
                                  "set_action", "set_target", "rename_scenario", "remove_person"])
def test_the_same_value_on_both_sides_is_no_conflict(kind):
    mine = CASES[kind][0]
    merged, applied, held, me, they = run(mine, mine)
    assert held == [] and applied == []
    assert merged == they


@pytest.mark.parametrize("mine", [lambda a: e.set_ratings(a, "p", {S2: 3}, rater="self"),
                                  lambda a: e.rename_person(a, "p", "Pia"),
                                  lambda a: e.set_person_roles(a, "p", ["educator"])])
def test_an_op_on_a_removed_person_is_a_conflict(mine):
    merged, applied, held, me, they = run(mine, lambda a: e.remove_person(a, "p"))
    assert applied == [] and len(held) == 1
    assert held[0].removed == ("person", "p") and held[0].by.actor == THEM
    assert all(p.id != "p" for p in merged.people)


def test_an_op_on_a_removed_scenario_is_a_conflict():
    merged, applied, held, _me, _they = run(lambda a: sc.add_hire(a, "s", "Hiro", hire_id="x"),
                                            lambda a: sc.remove_scenario(a, "s"))
    assert held[0].removed == ("scenario", "s") and not merged.scenarios


def test_only_the_conflicting_ops_are_held_back():
    def mine(a):
        e.set_role_status(a, "commander", "outsourced")
        e.set_role_note(a, "educator", "kept")
        e.add_person(a, "Ann", person_id="n1")
        e.set_ratings(a, "n1", {S1: 4})  # names the person made by an op before it
    merged, applied, held, _me, _they = run(mine, lambda a: e.set_role_status(a, "commander", "gap"))
    assert [h.op.name for h in held] == ["set_role_status"]
    assert [o.name for o in applied] == ["set_role_note", "add_person", "set_ratings"]
    assert merged.roles["commander"].status == "gap" and merged.roles["educator"].note == "kept"
    assert merged.ratings["n1"] == {S1: 4}


def test_a_change_older_than_my_base_is_no_conflict():
    # Rebase is given only the changes after my base: with none, my op simply applies.
    start = base()
    me = copy.deepcopy(start)
    e.set_role_status(me, "commander", "gap")
    merged, applied, held = rebase(start, me.journal, [])
    assert not held and merged.roles["commander"].status == "gap"


def test_ops_round_trip_through_json_and_apply_the_same():
    a = base()
    e.set_ratings(a, "p", {S2: 1}, rater="self")
    sc.add_scenario(a, "Copy", copy_of="s")
    b = base()
    b.id = a.id
    for op in a.journal:
        apply_op(b, Op.from_json(op.to_json()))
    assert b == a  # same ids, so a copied scenario's hires match too


def test_nested_edits_record_only_the_outermost():
    a = base()
    sc.add_model_scenario(a, "To C", "C")
    assignment.apply_person_roles(a, {"p": ["educator"], "q": ["educator"]})
    assert [o.name for o in a.journal] == ["add_model_scenario", "apply_person_roles"]


def test_an_edit_that_changes_nothing_records_nothing():
    a = base()
    e.set_role_status(a, "commander", a.roles["commander"].status)
    with pytest.raises(e.EditError):
        e.set_role_status(a, "commander", "nonsense")
    assert a.journal == []


def test_the_feed_counts_changed_things_per_kind():
    from assessment.team.feed import summary
    a = base()
    e.set_ratings(a, "p", {S1: 4, S2: 4}, rater="self")
    e.set_ratings(a, "q", {S1: 1}, rater="self")
    e.set_role_status(a, "triage", "gap")
    e.set_role_status(a, "educator", "gap")
    e.add_person(a, "Ann")
    ch = Change(3, datetime(2026, 12, 1, tzinfo=timezone.utc), THEM, tuple(paths_of(a.journal)), tuple(a.journal))
    assert summary(ch) == [("self_ratings", 3), ("role_statuses", 2), ("people_added", 1)]
