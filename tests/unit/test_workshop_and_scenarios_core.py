"""The data underneath the planning tools: two raters and the rule choosing the used rating,
scenarios and their materialised form, action decisions, and schema_version 2 round trips."""
import copy

import pytest

from assessment.plans import scenarios as sc
from assessment.core.demos import demo_assessment
from assessment.core.edit import EditError, add_person, new_assessment, set_action, set_rating, set_rating_rule
from assessment.core.model import merge_ratings
from assessment.scores.scoring import score_roles, summarise
from assessment.exchange.serialise import from_document, to_document
from csirt_data import load_catalogue

CAT = load_catalogue()


@pytest.mark.parametrize("rule, expected", [
    ("lead", {"x": 3, "y": 1, "z": 2}),
    ("self", {"x": 1, "y": 1, "z": 2}),
    ("lower", {"x": 1, "y": 1, "z": 2}),
    ("higher", {"x": 3, "y": 1, "z": 2}),
])
def test_merge_rule_and_fallback_to_the_only_rating(rule, expected):
    lead = {"p": {"x": 3, "y": 1}}
    own = {"p": {"x": 1, "z": 2}}
    assert merge_ratings(lead, own, rule) == {"p": expected}


def test_self_ratings_change_scores_only_through_the_rule():
    a = new_assessment(model="A", cat=CAT)
    p = add_person(a, "Aoi", roles=["triage"])
    skill = CAT.role_links("triage")[0].skill
    set_rating(a, p.id, skill, 4)
    set_rating(a, p.id, skill, 1, rater="self")
    assert a.ratings[p.id][skill] == 4 and a.self_ratings[p.id][skill] == 1
    lead_score = score_roles(a, CAT)["triage"].total
    set_rating_rule(a, "lower")
    assert a.level(p.id, skill) == 1
    assert score_roles(a, CAT)["triage"].total < lead_score
    set_rating_rule(a, "lead")
    assert score_roles(a, CAT)["triage"].total == lead_score
    with pytest.raises(EditError):
        set_rating_rule(a, "mean")
    with pytest.raises(EditError):
        set_rating(a, p.id, skill, 2, rater="boss")


def test_a_scenario_starts_from_the_current_state_and_changes_alone():
    a = demo_assessment("A")
    before = copy.deepcopy(a.roles)
    s = sc.add_scenario(a, "モデルBへ移行")
    assert s.model == "A" and s.roles == before
    kept = sc.set_scenario_model(a, s.id, "B", cat=CAT)
    assert kept == [] and a.roles == before and a.model == "A"
    expected_out = CAT.outsourced_by_default("B")
    assert {r for r, st in s.roles.items() if st.status == "outsourced"} == set(expected_out)
    with pytest.raises(EditError) as err:
        sc.add_scenario(a, " モデルBへ移行 ")
    assert err.value.key == "error.duplicate_scenario_name"


def test_materialised_scenario_scores_like_an_assessment_with_a_planned_hire():
    a = new_assessment(model="A", cat=CAT)
    for r in CAT.role_ids:
        a.roles[r].status = "gap" if r == "forensics" else "not_applicable"
    a.roles["forensics"].status = "gap"
    s = sc.add_scenario(a, "採用")
    sc.set_scenario_role_status(a, s.id, "forensics", "in_house")
    hire = sc.add_hire(a, s.id, "採用予定1", ["forensics"])
    m = sc.materialise(a, s.id, CAT)
    scores = score_roles(m, CAT)
    f = scores["forensics"]
    # prerequisite skills at target (coverage 1); additional skills unrated (0)
    assert f.prerequisite == 1.0 and f.additional == 0.0
    assert summarise(a, CAT).gaps == ("forensics",)
    assert summarise(m, CAT).gaps == () and summarise(m, CAT).headcount == 1
    assert m.people[-1].id == sc.HIRE_PREFIX + hire.id and sc.is_planned_hire(m.people[-1].id)
    # the assessment itself is untouched by materialising
    assert a.people == [] and a.roles["forensics"].status == "gap"


def test_hire_roles_must_be_in_house_in_the_scenario():
    a = demo_assessment("B")
    s = sc.add_scenario(a, "x")
    out = next(r for r, st in s.roles.items() if st.status == "outsourced")
    with pytest.raises(EditError) as err:
        sc.add_hire(a, s.id, "採用予定1", [out])
    assert err.value.key == "error.role_not_in_house"


def test_actions_record_decisions_and_refuse_bad_dates():
    a = new_assessment()
    v = a.version
    set_action(a, "hire:forensics", owner="  佐藤  ", due="2027-03-31", status="planned")
    assert a.actions["hire:forensics"].owner == "佐藤" and a.version == v + 1
    set_action(a, "hire:forensics", owner="佐藤")
    assert a.version == v + 1  # nothing changed
    for bad in ("2027-02-30", "31/03/2027"):
        with pytest.raises(EditError) as err:
            set_action(a, "hire:forensics", due=bad)
        assert err.value.key == "error.bad_date"
    with pytest.raises(EditError):
        set_action(a, "<b>", owner="x")


def test_version_2_parts_round_trip():
    a = demo_assessment("C")
    p = a.people[0]
    skill = next(iter(a.ratings[p.id]))
    set_rating(a, p.id, skill, 0, rater="self")
    set_rating_rule(a, "lower")
    s = sc.add_scenario(a, "SOCを外部委託")
    sc.set_scenario_model(a, s.id, "D", "D2", cat=CAT)
    sc.add_hire(a, s.id, "採用予定1", [r for r, st in s.roles.items() if st.status == "in_house"][:2])
    set_action(a, "train:triage", kind="hire", owner="<b>lead</b>", due="2027-01-15")
    b = from_document(to_document(a))
    assert b == a
    assert b.level(p.id, skill) == 0
