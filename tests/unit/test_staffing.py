"""Staffing (DESIGN §3, 4.20 兼任グループ) against hand-counted cases.

Groups (groups.yaml): group1 poc_external, poc_internal, legal_advisor, notification, commander,
investigator, triage; group2 researcher, curator, forensics; group3 vulnerability_assessor,
solution_analyst; group4 self_assessment, educator; group5 incident_manager, incident_handler.
Ungrouped: executive, csirt_operations_manager, system_operations.
"""
import pytest

from assessment.core.edit import add_person, new_assessment, set_ratings, set_role_status, set_target
from assessment.scores.staffing import minimum_headcount, staffing
from csirt_data import load_catalogue

cat = load_catalogue()


@pytest.mark.parametrize("model, expected", [
    # A and D: group1 (poc.., commander, triage) + group4 (educator) + executive + csirt_operations_manager.
    ("A", 4),
    # B: group1, group3 (solution_analyst), group4, group5 + the 3 ungrouped; group2 all outsourced.
    ("B", 7),
    # C: everything in-house: 5 groups + 3 ungrouped.
    ("C", 8),
    ("D", 4),
])
def test_minimum_headcount_of_each_models_default(model, expected):
    assert minimum_headcount(new_assessment(model=model, cat=cat), cat) == expected


def test_minimum_headcount_counts_the_roles_the_organisation_must_carry():
    a = new_assessment(model="C", cat=cat)
    for r in ("researcher", "curator", "forensics"):  # all of group2
        set_role_status(a, r, "outsourced")
    assert minimum_headcount(a, cat) == 7
    set_role_status(a, "vulnerability_assessor", "gap")  # group3 keeps solution_analyst
    assert minimum_headcount(a, cat) == 7
    # group3 is now only vulnerability_assessor, 未配置: not staffed, still needing a person.
    set_role_status(a, "solution_analyst", "not_applicable")
    assert minimum_headcount(a, cat) == 7
    set_role_status(a, "executive", "gap")  # 未配置 never lowers it
    assert minimum_headcount(a, cat) == 7
    set_role_status(a, "vulnerability_assessor", "not_applicable")  # group3 no longer needed
    assert minimum_headcount(a, cat) == 6
    set_role_status(a, "executive", "outsourced")
    assert minimum_headcount(a, cat) == 5


def test_model_b_marking_a_role_unstaffed_keeps_the_minimum():
    # The case: model B is 7; investigator (group1) set to 未配置 was counted 6.
    a = new_assessment(model="B", cat=cat)
    assert minimum_headcount(a, cat) == 7
    set_role_status(a, "investigator", "gap")
    assert minimum_headcount(a, cat) == 7
    for r in [r for r in cat.role_ids if a.status(r) == "in_house"]:
        set_role_status(a, r, "gap")
    assert minimum_headcount(a, cat) == 7


def team():
    """Model C. P1, P2 hold triage; P3 commander; P4 triage + forensics (groups 1 and 2);
    P5 commander + csirt_operations_manager (group1 and an ungrouped role)."""
    a = new_assessment("t", model="C", cat=cat)
    ids = [add_person(a, n, roles=r).id for n, r in [
        ("P1", ["triage"]), ("P2", ["triage"]), ("P3", ["commander"]),
        ("P4", ["triage", "forensics"]), ("P5", ["commander", "csirt_operations_manager"])]]
    return a, ids


def test_across_groups():
    a, (p1, p2, p3, p4, p5) = team()
    s = staffing(a, cat)
    assert s.across_groups == {p4: ("group1", "group2"), p5: ("group1", "role:csirt_operations_manager")}
    # Two roles of the same group are a 兼任 the document allows.
    b = new_assessment("t", model="C", cat=cat)
    add_person(b, "Q", roles=["poc_external", "commander", "triage"])
    assert staffing(b, cat).across_groups == {}
    # A dormant (outsourced) role does not count.
    set_role_status(a, "forensics", "outsourced")
    assert staffing(a, cat).across_groups == {p5: ("group1", "role:csirt_operations_manager")}


def test_unheld_and_single_holders():
    a, (p1, p2, p3, p4, p5) = team()
    s = staffing(a, cat)
    assert (s.minimum, s.headcount) == (8, 5)
    held = {"triage", "commander", "forensics", "csirt_operations_manager"}
    assert s.unheld == tuple(r for r in cat.role_ids if r not in held)
    assert len(s.unheld) == 15
    # triage: P1, P2, P4; commander: P3, P5.
    assert s.single_holder == {"forensics": p4, "csirt_operations_manager": p5}


def test_single_skill_holders():
    a = new_assessment("t", model="C", cat=cat)
    p1 = add_person(a, "P1", roles=["triage"]).id
    p2 = add_person(a, "P2", roles=["triage"]).id
    p3 = add_person(a, "P3", roles=["commander"]).id
    set_ratings(a, p1, {"own_architecture_business": 3, "business_impact_outage": 3,
                        "prioritise_risk_continuity": 1}, cat=cat)
    set_ratings(a, p2, {"own_architecture_business": 3, "business_impact_outage": 2}, cat=cat)
    set_ratings(a, p3, {"outage_command": 3, "own_architecture_business": 2}, cat=cat)
    # own_architecture_business: P1, P2 at 3 -> not single. business_impact_outage: only P1 at 3.
    # prioritise_risk_continuity: nobody at 2 -> a gap, not a single holder. outage_command: P3.
    assert staffing(a, cat).single_skill_holders == {"business_impact_outage": p1, "outage_command": p3}
    set_target(a, "prerequisite", 4, role_id="triage")  # P1's 3 is now below triage's target
    assert staffing(a, cat).single_skill_holders == {"outage_command": p3}


def test_single_skill_holder_uses_the_target_of_the_role_held():
    a = new_assessment("t", model="C", cat=cat)
    # vuln_assessment_knowledge: additional (target 2) for incident_manager, prerequisite (3) for forensics.
    p4 = add_person(a, "P4", roles=["incident_manager"]).id
    p5 = add_person(a, "P5", roles=["forensics"]).id
    set_ratings(a, p4, {"vuln_assessment_knowledge": 2}, cat=cat)
    set_ratings(a, p5, {"vuln_assessment_knowledge": 2}, cat=cat)
    assert staffing(a, cat).single_skill_holders == {"vuln_assessment_knowledge": p4}
    set_ratings(a, p5, {"vuln_assessment_knowledge": 3}, cat=cat)
    assert staffing(a, cat).single_skill_holders == {}


def test_empty_assessment():
    s = staffing(new_assessment(model="B", cat=cat), cat)
    assert (s.minimum, s.headcount, s.across_groups, s.single_holder, s.single_skill_holders) == (7, 0, {}, {}, {})
    assert len(s.unheld) == 15  # 19 - 4 outsourced
