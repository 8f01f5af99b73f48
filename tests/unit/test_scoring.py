"""Scoring (DESIGN §3) against cases computed by hand; the expected numbers are written out.

Skills used (skill_links.yaml), default targets prerequisite 3 / additional 2:
  triage (4.13)           prerequisite own_architecture_business, business_impact_outage;
                          additional prioritise_risk_continuity
  commander (4.9)         prerequisite outage_command, own_architecture_business, business_impact_outage,
                          executive_communication; additional prioritise_risk_continuity, attack_ttp,
                          security_incident_command
  csirt_operations_manager (4.17)  org_management_experience / negotiate_csirt_scope
  system_operations (4.18)         maintain_csirt_infra / none
  incident_manager (4.10) has vuln_assessment_knowledge as additional; forensics (4.14) as prerequisite.
"""
import pytest

from assessment.core.edit import add_person, new_assessment, set_ratings, set_role_status, set_target
from assessment.scores.scoring import (
    score_functions, score_groups, score_person, score_roles, skills_to_rate, summarise)
from csirt_data import load_catalogue

cat = load_catalogue()
approx = pytest.approx
IN_PLAY = ("triage", "csirt_operations_manager", "system_operations")


def small():
    """Model C (all in-house), every role but IN_PLAY not applicable.
    P1, P2 hold triage; P3 holds system_operations; nobody holds csirt_operations_manager."""
    a = new_assessment("t", model="C", cat=cat, assessment_id="t")
    for r in cat.role_ids:
        if r not in IN_PLAY:
            set_role_status(a, r, "not_applicable")
    p1 = add_person(a, "P1", roles=["triage"]).id
    p2 = add_person(a, "P2", roles=["triage"]).id
    p3 = add_person(a, "P3", roles=["system_operations"]).id
    # P1's maintain_csirt_infra must not count: P1 does not hold system_operations.
    set_ratings(a, p1, {"own_architecture_business": 1, "business_impact_outage": 3,
                        "prioritise_risk_continuity": 0, "maintain_csirt_infra": 4}, cat=cat)
    set_ratings(a, p2, {"own_architecture_business": 2, "business_impact_outage": 1}, cat=cat)
    set_ratings(a, p3, {"maintain_csirt_infra": 2}, cat=cat)
    return a, p1, p2, p3


def test_several_holders_the_best_level_counts():
    a, p1, p2, _ = small()
    triage = score_roles(a, cat)["triage"]
    assert triage.status == "in_house"
    assert triage.holders == (p1, p2)
    skills = {s.skill: s for s in triage.skills}
    assert [s.skill for s in triage.skills] == [
        "own_architecture_business", "business_impact_outage", "prioritise_risk_continuity"]
    oab, bio, prc = (skills[k] for k in ("own_architecture_business", "business_impact_outage",
                                         "prioritise_risk_continuity"))
    assert (oab.kind, oab.target, oab.best, oab.best_by) == ("prerequisite", 3, 2, (p2,))
    assert oab.coverage == approx(2 / 3)
    assert (bio.best, bio.best_by, bio.coverage) == (3, (p1,), 1.0)
    # Rated 0 by P1, unrated by P2: best 0, nobody "at" it.
    assert (prc.kind, prc.target, prc.best, prc.best_by, prc.coverage) == ("additional", 2, 0, (), 0.0)
    assert triage.prerequisite == approx(5 / 6)  # (2/3 + 1) / 2
    assert triage.additional == 0.0
    assert triage.total == approx(5 / 9)  # (2/3 + 1 + 0) / 3


def test_ties_and_levels_above_target():
    a, p1, p2, _ = small()
    set_ratings(a, p1, {"own_architecture_business": 4}, cat=cat)
    set_ratings(a, p2, {"own_architecture_business": 4, "prioritise_risk_continuity": 1}, cat=cat)
    triage = score_roles(a, cat)["triage"]
    oab = triage.skills[0]
    assert (oab.best, oab.best_by, oab.coverage) == (4, (p1, p2), 1.0)  # 4/3 capped at 1
    assert triage.skills[2].coverage == 0.5  # 1/2
    assert triage.total == approx(2.5 / 3)


def test_only_holders_count():
    a, *_ = small()
    ops = score_roles(a, cat)["system_operations"]
    # P3 rated 2; P1's 4 does not count.
    assert (ops.skills[0].best, ops.prerequisite, ops.additional) == (2, approx(2 / 3), None)
    assert ops.total == approx(2 / 3)


def test_per_role_and_global_targets():
    a, _, p2, _ = small()
    set_ratings(a, p2, {"prioritise_risk_continuity": 1}, cat=cat)
    set_target(a, "prerequisite", 4, role_id="triage")
    triage = score_roles(a, cat)["triage"]
    assert [s.target for s in triage.skills] == [4, 4, 2]
    assert triage.prerequisite == approx(0.625)  # (2/4 + 3/4) / 2
    assert triage.additional == 0.5
    set_target(a, "additional", 1)  # global
    assert score_roles(a, cat)["triage"].additional == 1.0
    set_target(a, "additional", 4, role_id="triage")  # the role's own target wins over the global one
    assert score_roles(a, cat)["triage"].additional == 0.25
    assert score_roles(a, cat)["csirt_operations_manager"].skills[1].target == 1


def test_summary_of_the_small_case():
    a, *_ = small()
    s = summarise(a, cat)
    # Pooled over the (role, skill) links: triage 2/3, 1 (prerequisite), 0 (additional);
    # csirt_operations_manager unheld: 0 (prerequisite), 0 (additional); system_operations 2/3.
    assert s.coverage == approx(7 / 18)  # (2/3 + 1 + 0 + 0 + 0 + 2/3) / 6
    assert s.readiness == approx(7 / 12)  # (2/3 + 1 + 0 + 2/3) / 4
    assert s.training == 0.0  # (0 + 0) / 2: system_operations has no additional skills
    # The whole is the parts weighted by their links: (4 * 7/12 + 2 * 0) / 6.
    assert s.coverage == approx((4 * s.readiness + 2 * s.training) / 6)
    assert (s.coverage_basis.known, s.coverage_basis.total) == (6, 6)
    assert (s.readiness_basis.total, s.training_basis.total) == (4, 2)
    assert s.gaps == ("csirt_operations_manager",)
    assert s.unheld == ("csirt_operations_manager",)
    assert s.outsourced == ()
    assert len(s.not_applicable) == 16 and "commander" in s.not_applicable
    assert (s.headcount, s.minimum_headcount) == (3, 3)  # group1, csirt_operations_manager, system_operations
    assert (s.rated, s.to_rate) == (6, 7)  # P1 3 of 3, P2 2 of 3, P3 1 of 1


def test_not_applicable_leaves_the_denominator():
    a, *_ = small()
    set_role_status(a, "csirt_operations_manager", "not_applicable")
    r = score_roles(a, cat)["csirt_operations_manager"]
    assert (r.prerequisite, r.additional, r.total, r.skills) == (None, None, None, ())
    s = summarise(a, cat)
    assert s.coverage == approx(7 / 12)  # (2/3 + 1 + 0 + 2/3) / 4
    assert s.readiness == approx(7 / 9)  # (2/3 + 1 + 2/3) / 3
    assert s.training == 0.0
    assert s.gaps == () and s.unheld == ()
    assert s.minimum_headcount == 2


def test_outsourced_is_reported_apart_and_not_scored():
    a, _, _, p3 = small()
    set_role_status(a, "system_operations", "outsourced")
    ops = score_roles(a, cat)["system_operations"]
    assert ops.status == "outsourced"
    assert (ops.prerequisite, ops.additional, ops.total, ops.holders, ops.skills) == (None, None, None, (), ())
    s = summarise(a, cat)
    assert s.outsourced == ("system_operations",)
    assert s.coverage == approx(1 / 3)  # (2/3 + 1 + 0 + 0 + 0) / 5: P3's rating is not mixed in
    assert s.readiness == approx(5 / 9)  # (2/3 + 1 + 0) / 3
    assert (s.rated, s.to_rate) == (5, 6)  # P3 holds no in-house role now
    assert a.person(p3).roles == ["system_operations"]  # kept, dormant


def test_gap_counts_zero_and_is_a_gap():
    a, *_ = small()
    set_role_status(a, "triage", "gap")
    triage = score_roles(a, cat)["triage"]
    assert (triage.status, triage.prerequisite, triage.additional, triage.total) == ("gap", 0.0, 0.0, 0.0)
    assert triage.holders == ()
    assert [(k.best, k.best_by, k.coverage) for k in triage.skills] == [(0, (), 0.0)] * 3
    s = summarise(a, cat)
    assert s.coverage == approx(1 / 9)  # (3 * 0 + 2 * 0 + 2/3) / 6
    assert s.gaps == ("triage", "csirt_operations_manager")  # catalogue order
    assert s.unheld == ("csirt_operations_manager",)
    assert s.minimum_headcount == 3  # triage 未配置 still needs a person of group1
    assert (s.rated, s.to_rate) == (1, 1)


def test_empty_assessment_every_in_house_role_is_unheld_and_scores_zero():
    a = new_assessment("empty", model="C", cat=cat)
    scores = score_roles(a, cat)
    assert list(scores) == list(cat.role_ids)
    for r, sc in scores.items():
        assert sc.holders == ()
        if r == "executive":  # responsibilities, no skills
            assert (sc.prerequisite, sc.additional, sc.total, sc.skills) == (None, None, None, ())
        else:
            assert (sc.prerequisite, sc.total) == (0.0, 0.0)
    assert scores["system_operations"].additional is None
    assert scores["curator"].additional == 0.0
    s = summarise(a, cat)
    assert (s.coverage, s.readiness, s.training) == (0.0, 0.0, 0.0)
    assert s.gaps == s.unheld == cat.role_ids  # all 19, the executive too
    assert (s.headcount, s.minimum_headcount, s.rated, s.to_rate) == (0, 8, 0, 0)

    a = new_assessment("empty", model="A", cat=cat)
    s = summarise(a, cat)
    assert s.coverage == 0.0
    assert len(s.outsourced) == 10 and len(s.unheld) == 9
    assert s.minimum_headcount == 4


def test_no_roles_scored_at_all():
    a = new_assessment("none", model="C", cat=cat)
    for r in cat.role_ids:
        set_role_status(a, r, "outsourced")
    s = summarise(a, cat)
    assert (s.coverage, s.readiness, s.training, s.minimum_headcount) == (None, None, None, 0)
    assert s.outsourced == cat.role_ids
    assert set(score_functions(a, cat).values()) == {None}


def test_person_with_no_ratings():
    a = new_assessment("t", model="C", cat=cat)
    pid = add_person(a, "Nobody rated", roles=["triage", "commander"]).id
    ps = score_person(a, pid, cat)
    # Not rated is not 0: nothing is known of this person yet.
    assert ps.roles == {"commander": None, "triage": None}  # catalogue order
    assert list(ps.roles) == ["commander", "triage"]
    assert (ps.total, ps.rated) == (None, 0)
    # triage's three skills all recur in commander: 7 distinct, each unrated.
    assert ps.skills == (
        ("outage_command", None, 3), ("own_architecture_business", None, 3),
        ("business_impact_outage", None, 3), ("executive_communication", None, 3),
        ("prioritise_risk_continuity", None, 2), ("attack_ttp", None, 2),
        ("security_incident_command", None, 2))
    assert skills_to_rate(a, pid, cat) == [
        ("outage_command", "prerequisite", ("commander",)),
        ("own_architecture_business", "prerequisite", ("commander", "triage")),
        ("business_impact_outage", "prerequisite", ("commander", "triage")),
        ("executive_communication", "prerequisite", ("commander",)),
        ("prioritise_risk_continuity", "additional", ("commander", "triage")),
        ("attack_ttp", "additional", ("commander",)),
        ("security_incident_command", "additional", ("commander",)),
    ]
    s = summarise(a, cat)
    assert (s.rated, s.to_rate) == (0, 7)
    commander = score_roles(a, cat)["commander"]
    assert (commander.total, commander.not_rated, commander.gap, commander.state) == (None, True, False, "in_house")
    assert s.not_rated == ("commander", "triage")
    # Every other role of model C is unheld: a known 0. Commander's 7 links (triage's recur in
    # commander but are links of their own) are unknown and stay out of the basis.
    assert s.coverage == 0.0
    assert s.coverage_basis.total - s.coverage_basis.known == 7 + 3


def test_a_skill_recurring_with_two_kinds():
    a = new_assessment("t", model="C", cat=cat)
    pid = add_person(a, "P", roles=["forensics", "incident_manager"]).id
    todo = skills_to_rate(a, pid, cat)
    assert len(todo) == 16  # 9 of incident_manager + 8 of forensics - 1 shared
    assert [k for k, _, _ in todo[:9]] == [
        "system_operations_knowledge", "incident_management_reporting", "own_architecture",
        "own_business_systems", "incident_response_ability", "recovery_knowledge", "emerging_issues",
        "vuln_assessment_knowledge", "malware_handling_knowledge"]
    # Listed at its first place (incident_manager comes first), prerequisite because forensics needs it so.
    assert todo[7] == ("vuln_assessment_knowledge", "prerequisite", ("incident_manager", "forensics"))
    assert todo[9] == ("os_internals_programming", "prerequisite", ("forensics",))

    set_ratings(a, pid, {"vuln_assessment_knowledge": 2, "os_internals_programming": 3}, cat=cat)
    ps = score_person(a, pid, cat)
    assert dict((k, (lvl, t)) for k, lvl, t in ps.skills)["vuln_assessment_knowledge"] == (2, 3)  # max(2, 3)
    assert ps.roles["forensics"] == approx(5 / 6)  # (2/3 + 1) / 2: the 6 unrated leave the mean
    assert ps.roles["incident_manager"] == 1.0  # 2/2 on the one of 9 rated
    assert ps.total == approx(11 / 12)  # (5/6 + 1) / 2
    assert ps.rated == 2
    set_target(a, "additional", 4, role_id="incident_manager")
    assert dict((k, t) for k, _, t in score_person(a, pid, cat).skills)["vuln_assessment_knowledge"] == 4


def test_person_roles_skip_dormant_and_skill_less_roles():
    a = new_assessment("t", model="C", cat=cat)
    pid = add_person(a, "P", roles=["executive", "system_operations"]).id
    set_ratings(a, pid, {"maintain_csirt_infra": 3}, cat=cat)
    ps = score_person(a, pid, cat)
    assert ps.roles == {"executive": None, "system_operations": 1.0}
    assert ps.total == 1.0
    set_role_status(a, "system_operations", "outsourced")
    ps = score_person(a, pid, cat)
    assert (ps.roles, ps.skills, ps.total) == ({"executive": None}, (), None)
    assert skills_to_rate(a, pid, cat) == []


def test_functions_and_groups():
    a, *_ = small()
    set_role_status(a, "commander", "in_house")  # held by nobody: 0
    f = score_functions(a, cat)
    assert list(f) == [fn.id for fn in cat.functions]
    assert f["incident_response"] == approx(1 / 6)  # (commander 7 * 0 + triage 2/3 + 1 + 0) / 10
    assert f["organisation_management"] == 0.0
    assert f["system_operations"] == approx(2 / 3)
    assert f["information_sharing"] is None and f["executive"] is None
    g = score_groups(a, cat)
    assert g == {"group1": approx(1 / 6), "group2": None, "group3": None, "group4": None, "group5": None}
