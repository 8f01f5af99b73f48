"""Numbers an executive can trust (issue #11), on one small case worked out by hand.

Model C; every role 対象外 but triage and commander (in-house) and system_operations (未配置).
A holds triage: own_architecture_business 3, business_impact_outage 0 (rated 0), and
prioritise_risk_continuity not rated. B holds commander and has rated nothing yet.
Links (role, skill): triage 2 prerequisite + 1 additional; commander 4 + 3; system_operations 1 + 0.
"""
import pytest

from assessment.core.edit import add_person, new_assessment, set_ratings, set_role_status
from assessment.plans.planning import RateFirst, propose_actions, rate_first
from assessment.scores.executive import headline_figures, risks
from assessment.scores.scoring import score_roles, summarise
from assessment.scores.staffing import minimum_headcount, staffing
from csirt_data import load_catalogue

cat = load_catalogue()
approx = pytest.approx
KEEP = ("triage", "commander", "system_operations")


def case():
    a = new_assessment("t", model="C", cat=cat)
    for r in cat.role_ids:
        if r not in KEEP:
            set_role_status(a, r, "not_applicable")
    set_role_status(a, "system_operations", "gap")
    pa = add_person(a, "A", roles=["triage"]).id
    pb = add_person(a, "B", roles=["commander"]).id
    set_ratings(a, pa, {"own_architecture_business": 3, "business_impact_outage": 0}, cat=cat)
    return a, pa, pb


def test_unrated_is_apart_from_zero_in_each_role():
    a, pa, pb = case()
    sc = score_roles(a, cat)
    triage, commander, ops = sc["triage"], sc["commander"], sc["system_operations"]
    # triage: 3/3 = 1 and 0/3 = 0 rated; the additional skill not rated: unknown, not 0.
    assert [(k.best, k.coverage) for k in triage.skills] == [(3, 1.0), (0, 0.0), (None, None)]
    assert (triage.prerequisite, triage.additional, triage.total) == (0.5, None, 0.5)
    assert (triage.basis.known, triage.basis.total, triage.not_rated) == (2, 3, False)
    # commander: held, nothing rated: 未評価, not 0 %.
    assert (commander.total, commander.not_rated, commander.gap, commander.state) == (None, True, False, "in_house")
    # system_operations 未配置: nobody can do it, a known 0; a gap.
    assert (ops.total, ops.gap, ops.state, ops.basis.known) == (0.0, True, "gap", 1)


def test_headline_pools_the_known_links_and_says_how_complete_it_is():
    a, *_ = case()
    s = summarise(a, cat)
    # Known: triage 1, 0; system_operations 0 — of 3 + 7 + 1 = 11 links.
    assert s.coverage == approx(1 / 3)
    assert (s.coverage_basis.known, s.coverage_basis.total) == (3, 11)
    assert s.readiness == approx(1 / 3) and (s.readiness_basis.known, s.readiness_basis.total) == (3, 7)
    assert s.training is None and (s.training_basis.known, s.training_basis.total) == (0, 4)
    assert s.not_rated == ("commander",) and s.partly_rated == ("triage",)
    assert (s.rated, s.to_rate) == (2, 3 + 7)
    # Counted as 0, as before, the same team would read 1/11 overall and 0 % training.
    assert s.coverage != approx(1 / 11)


def test_rating_zero_is_a_measurement_not_rating_is_not():
    a, pa, pb = case()
    set_ratings(a, pb, {l.skill: 0 for l in cat.role_links("commander")}, cat=cat)
    s = summarise(a, cat)
    assert s.coverage == approx(1 / 10) and (s.coverage_basis.known, s.coverage_basis.total) == (10, 11)
    # Commander's prioritise_risk_continuity is now a known 0; triage's (A's) still unknown.
    assert s.training == 0.0 and (s.training_basis.known, s.training_basis.total) == (3, 4)
    assert score_roles(a, cat)["commander"].total == 0.0 and s.not_rated == ()


def test_the_whole_lies_between_its_parts_weighted_by_links():
    a, pa, pb = case()
    set_ratings(a, pb, {"outage_command": 3, "attack_ttp": 2, "security_incident_command": 1}, cat=cat)
    s = summarise(a, cat)
    rb, tb = s.readiness_basis.known, s.training_basis.known
    assert s.coverage == approx((s.readiness * rb + s.training * tb) / (rb + tb))
    assert min(s.readiness, s.training) <= s.coverage <= max(s.readiness, s.training)


def test_a_role_not_staffed_still_needs_a_person():
    a, *_ = case()
    # group1 (triage, commander) + system_operations, 未配置 but still to carry: 2.
    assert minimum_headcount(a, cat) == summarise(a, cat).minimum_headcount == 2
    set_role_status(a, "system_operations", "not_applicable")
    assert minimum_headcount(a, cat) == 1


def test_one_meaning_of_gap_an_unheld_in_house_role_counts_like_unstaffed():
    a, pa, pb = case()
    set_role_status(a, "system_operations", "in_house")  # in-house, nobody holds it
    s = summarise(a, cat)
    assert s.gaps == ("system_operations",) and s.unheld == ("system_operations",)
    assert score_roles(a, cat)["system_operations"].state == "gap"
    assert headline_figures(s, staffing(a, cat))[4].value == 1
    assert [x.key for x in propose_actions(a, cat) if x.proposed == "hire"] == ["hire:system_operations"]


def test_planning_trains_on_rated_shortfalls_and_proposes_rating_first():
    a, pa, pb = case()
    actions = {x.key: x for x in propose_actions(a, cat)}
    train = actions[f"train:triage:{pa}"]
    # Only the skill rated below target; the unrated one is to rate, not to train.
    assert [(k.skill, k.level, k.target) for k in train.skills] == [("business_impact_outage", 0, 3)]
    assert f"train:commander:{pb}" not in actions
    assert rate_first(a, cat) == [
        RateFirst("commander", pb, tuple(l.skill for l in cat.role_links("commander"))),
        RateFirst("triage", pa, ("prioritise_risk_continuity",))]


def test_risks_single_by_nature_and_not_rated():
    a, pa, pb = case()
    set_role_status(a, "executive", "in_house")
    boss = add_person(a, "Boss", roles=["executive"]).id
    st_ = staffing(a, cat)
    # 経営者 is by nature one person: not a single point of failure.
    assert st_.single_holder == {"commander": pb, "triage": pa}
    found = {r.kind: r for r in risks(a, cat)}
    assert found["single_points"].roles == ("commander", "triage") and boss not in found["single_points"].people
    # commander's coverage is unknown: a risk of its own (rate first), not low readiness.
    assert found["not_rated"].roles == ("commander",)
    assert "low_readiness" not in found  # triage at 0.5 on what is rated is not below half
