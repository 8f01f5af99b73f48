"""The suggested staffing assignment (assessment/plans/assignment.py) on small hand-computed cases.

Most cases keep two roles outside the 兼任グループ in-house and nothing else, so each is a "group"
of its own with few skills (targets: prerequisite 3, additional 2):
- M = csirt_operations_manager: org_management_experience (prerequisite), negotiate_csirt_scope
  (additional);
- S = system_operations: maintain_csirt_infra (prerequisite).
Catalogue order puts M before S.
"""
import pytest

from assessment.plans.assignment import (apply_suggestion, fit, group_label, needed_groups, person_roles, role_changes,
                                   suggest)
from assessment.core.edit import add_person, new_assessment, set_rating_rule, set_ratings, set_role_status
from assessment.scores.staffing import staffing
from csirt_data import load_catalogue

cat = load_catalogue()
M, S = "role:csirt_operations_manager", "role:system_operations"


def two_roles(*people):
    """Model C with only M and S in-house; people as (name, {skill: level}, roles)."""
    a = new_assessment("t", model="C", cat=cat)
    for r in cat.role_ids:
        if r not in ("csirt_operations_manager", "system_operations"):
            set_role_status(a, r, "not_applicable")
    ids = []
    for name, levels, roles in people:
        pid = add_person(a, name, roles=roles).id
        set_ratings(a, pid, levels, cat=cat)
        ids.append(pid)
    return a, ids


# P1: M = (3/3 + 2/2) / 2 = 1, S = 2/3.  P2: M = (3/3 + 1/2) / 2 = 3/4, S = 0.
P1 = ("P1", {"org_management_experience": 3, "negotiate_csirt_scope": 2, "maintain_csirt_infra": 2}, [])
P2 = ("P2", {"org_management_experience": 3, "negotiate_csirt_scope": 1}, [])
# P3: M = 0, S = 1.
P3 = ("P3", {"maintain_csirt_infra": 3}, [])


def test_fit_is_the_mean_over_the_groups_skills():
    a, (p1, p2) = two_roles(P1, P2)
    s = suggest(a, cat)
    assert s.fits[p1] == {M: 1.0, S: pytest.approx(2 / 3)}
    # P2 has rated nothing of S: no fit (not rated is not 0), and S is listed to rate first.
    assert s.fits[p2] == {M: 0.75, S: None}
    assert s.not_rated == {p2: (S,)} and not s.is_rated(p2, S) and s.is_rated(p1, S)


def test_optimal_assignment_beats_greedy():
    # Greedy (M first, or the best pair first) gives M to P1 (fit 1) and leaves S to P2 (fit 0):
    # total 1. The best total is P1 → S (2/3) and P2 → M (3/4): 17/12.
    a, (p1, p2) = two_roles(P1, P2)
    s = suggest(a, cat)
    assert [(g.key, [(p.person, p.backup) for p in g.picks]) for g in s.groups] == [
        (M, [(p2, False)]), (S, [(p1, False)])]
    assert s.total_fit == pytest.approx(17 / 12)
    assert s.unfilled == ()
    assert person_roles(s) == {p1: ["system_operations"], p2: ["csirt_operations_manager"]}


def test_leftover_person_becomes_a_backup_where_they_fit_best():
    # With P3 (S = 1), P1 → M and P3 → S give 2, the most; P2 is left and backs up M (3/4 > 0).
    a, (p1, p2, p3) = two_roles(P1, P2, P3)
    s = suggest(a, cat)
    assert [(p.person, p.fit, p.backup) for p in s.group(M).picks] == [(p1, 1.0, False), (p2, 0.75, True)]
    assert [(p.person, p.fit, p.backup) for p in s.group(S).picks] == [(p3, 1.0, False)]
    assert s.total_fit == 2.0
    assert person_roles(s)[p2] == ["csirt_operations_manager"]


def test_too_few_people_leaves_a_group_to_hire_for():
    a, (p2,) = two_roles(P2)
    s = suggest(a, cat)
    assert [p.person for p in s.group(M).picks] == [p2]
    assert s.unfilled == (S,)
    assert (s.minimum, s.headcount) == (2, 1)


def test_no_people():
    a = new_assessment("t", model="B", cat=cat)
    s = suggest(a, cat)
    # Model B: group2 is outsourced; group1, 3, 4, 5 and the three roles outside the groups are needed.
    assert s.unfilled == ("group1", "group3", "group4", "group5", "role:executive", M, S)
    assert all(not g.picks and not g.holders for g in s.groups)
    assert (s.minimum, s.headcount, s.people, s.total_fit) == (7, 0, (), 0)
    assert person_roles(s) == {}


def test_a_group_whose_roles_are_all_outsourced_is_not_needed():
    a = new_assessment("t", model="C", cat=cat)
    assert "group2" in needed_groups(a, cat)
    for r in ("researcher", "curator"):
        set_role_status(a, r, "outsourced")
    assert needed_groups(a, cat)["group2"] == ("forensics",)  # in-house roles only
    set_role_status(a, "forensics", "outsourced")
    assert "group2" not in needed_groups(a, cat)
    add_person(a, "Q")
    assert "group2" not in {g.key for g in suggest(a, cat).groups}


def test_fit_counts_the_in_house_roles_of_a_combined_group():
    # group3 = vulnerability_assessor (8 skills) + solution_analyst (7): every solution_analyst
    # skill at target and nothing else rated gives 1 over the 7 rated links; the other 8 rated 0
    # give 7/15; with vulnerability_assessor outsourced, 1.
    a = new_assessment("t", model="C", cat=cat)
    pid = add_person(a, "Q").id
    analyst = {l.skill: a.target("solution_analyst", l.kind) for l in cat.role_links("solution_analyst")}
    set_ratings(a, pid, analyst, cat=cat)
    assert fit(a, pid, needed_groups(a, cat)["group3"], cat) == 1.0
    assert not set(analyst) & {l.skill for l in cat.role_links("vulnerability_assessor")}
    set_ratings(a, pid, {l.skill: 0 for l in cat.role_links("vulnerability_assessor")}, cat=cat)
    assert fit(a, pid, needed_groups(a, cat)["group3"], cat) == pytest.approx(7 / 15)
    set_role_status(a, "vulnerability_assessor", "outsourced")
    assert fit(a, pid, needed_groups(a, cat)["group3"], cat) == 1.0
    # Levels above the target count as the target: min(level / target, 1).
    set_ratings(a, pid, {"business_vision_planning": 4}, cat=cat)
    assert fit(a, pid, ("solution_analyst",), cat) == 1.0


def test_fit_uses_the_rating_rule():
    a, (p1,) = two_roles(("P1", {"maintain_csirt_infra": 3}, []))
    set_ratings(a, p1, {"maintain_csirt_infra": 1}, cat=cat, rater="self")
    assert suggest(a, cat).fits[p1][S] == 1.0  # the lead's rating
    set_rating_rule(a, "lower")
    assert suggest(a, cat).fits[p1][S] == pytest.approx(1 / 3)


def test_ties_go_to_catalogue_order_then_people_order():
    a, (q1, q2) = two_roles(("Q1", {}, []), ("Q2", {}, []))
    s = suggest(a, cat)
    assert [g.picks[0].person for g in s.groups] == [q1, q2]  # M (first in the catalogue) gets Q1


def test_ties_keep_the_current_holder():
    a, (q1, q2) = two_roles(("Q1", {}, ["system_operations"]), ("Q2", {}, ["csirt_operations_manager"]))
    s = suggest(a, cat)
    assert [(g.key, g.picks[0].person, g.picks[0].holds_now) for g in s.groups] == [(M, q2, True), (S, q1, True)]
    assert role_changes(a, s) == {}


def test_a_group_without_skills_has_no_fit_and_gets_no_backup_while_another_is_needed():
    a = new_assessment("t", model="C", cat=cat)
    for r in cat.role_ids:
        if r not in ("executive", "system_operations"):
            set_role_status(a, r, "not_applicable")
    boss = add_person(a, "Boss", roles=["executive"]).id
    ops = add_person(a, "Ops").id
    extra = add_person(a, "Extra").id
    s = suggest(a, cat)
    assert [(p.person, p.fit) for p in s.group("role:executive").picks] == [(boss, None)]
    assert [(p.person, p.backup) for p in s.group(S).picks] == [(ops, False), (extra, True)]


def test_apply_replaces_in_house_roles_and_keeps_outsourced_ones_recorded():
    a, (p1, p2) = two_roles(("P1", {"maintain_csirt_infra": 2, "org_management_experience": 3,
                                    "negotiate_csirt_scope": 2}, ["csirt_operations_manager"]), P2)
    a.people[0].roles.append("forensics")  # held before forensics was set 対象外: dormant
    s = suggest(a, cat)
    assert role_changes(a, s) == {p1: (["csirt_operations_manager"], ["system_operations"]),
                                  p2: ([], ["csirt_operations_manager"])}
    before = a.version
    apply_suggestion(a, s)
    assert a.person(p1).roles == ["forensics", "system_operations"]
    assert a.person(p2).roles == ["csirt_operations_manager"]
    assert a.version > before
    assert role_changes(a, suggest(a, cat)) == {}  # applying again changes nothing


def test_staffing_facts_come_from_staffing():
    a, (p1, p2, p3) = two_roles(("P1", {}, ["system_operations", "csirt_operations_manager"]),
                                ("P2", {"maintain_csirt_infra": 3}, ["system_operations"]), P3)
    s, st = suggest(a, cat), staffing(a, cat)
    assert s.across_groups == st.across_groups == {p1: (M, S)}
    assert s.single_holder == st.single_holder == {"csirt_operations_manager": p1}
    assert s.single_skill_holders == st.single_skill_holders == {"maintain_csirt_infra": p2}
    assert [g.holders for g in s.groups] == [(p1,), (p1, p2)]


def test_deterministic_on_the_demos():
    from assessment.core.demos import demo_assessment
    for model in "ABCD":
        a = demo_assessment(model)
        b = demo_assessment(model)  # the same people under new ids
        first, again = suggest(a, cat), suggest(b, cat)

        def named(x, s):
            return [(g.key, [(x.person(p.person).name, p.fit, p.backup) for p in g.picks]) for g in s.groups]

        assert named(a, first) == named(b, again)
        # Everyone is placed (there are people enough), each person once, every group filled.
        placed = [p.person for g in first.groups for p in g.picks]
        assert sorted(placed) == sorted(p.id for p in a.people)
        assert first.unfilled == ()


def test_group_label():
    assert group_label(cat, "group2", "ja", short=True) == "SOC"
    assert group_label(cat, "group2", "en") == "Combined group 2 (SOC)"
    assert group_label(cat, S, "ja") == "システム運用担当"


def test_an_unrated_person_is_not_proposed_over_the_current_holder():
    # The case: Q holds S today but has not been rated yet; R, rated low on S, holds
    # nothing. Before, Q's unknown counted 0 and R (1/3) took S from Q. Not rated is not 0: Q keeps S
    # (rate first); R backs it up.
    a, (q, r) = two_roles(("Q", {}, ["system_operations"]), ("R", {"maintain_csirt_infra": 1}, []))
    set_role_status(a, "csirt_operations_manager", "not_applicable")
    s = suggest(a, cat)
    assert [(p.person, p.fit, p.backup, p.holds_now) for p in s.group(S).picks] == [
        (q, None, False, True), (r, pytest.approx(1 / 3), True, False)]
    assert s.not_rated == {q: (S,)}
    assert role_changes(a, s) == {r: ([], ["system_operations"])}


def test_an_unrated_newcomer_does_not_displace_a_rated_holder():
    # P holds M and is rated on it; N (nobody rated) joins. Two groups, two people: N goes to S,
    # which nobody holds, not to M.
    a, (p, n) = two_roles(("P", {"org_management_experience": 1, "negotiate_csirt_scope": 1},
                                ["csirt_operations_manager"]), ("N", {}, []))
    s = suggest(a, cat)
    assert (s.group(M).main.person, s.group(S).main.person) == (p, n)
