"""The scenario comparison's arithmetic (assessment/scores/compare.py) on hand-computed cases."""
from fractions import Fraction

import pytest

from assessment.plans import scenarios as sc
from assessment.scores.compare import CURRENT, check_columns, column, compare, difference, unique_labels
from assessment.core.demos import demo_assessment
from assessment.core.edit import EditError, add_person, new_assessment, set_rating, set_role_status
from csirt_data import load_catalogue

CAT = load_catalogue()

# 付録1, as the document marks them (yellow = outsourced), typed here from the document.
OUT_A = {"researcher", "curator", "vulnerability_assessor", "self_assessment", "solution_analyst",
         "incident_manager", "incident_handler", "investigator", "forensics", "system_operations"}
OUT_B = {"researcher", "curator", "vulnerability_assessor", "forensics"}


def close(x, fraction):
    return x == pytest.approx(float(fraction))


def test_demo_a_against_model_b_differs_exactly_by_appendix_1():
    a = demo_assessment("A")
    s, kept = sc.add_model_scenario(a, "モデルBへ移行", "B", cat=CAT)
    assert kept == []
    (base, d0), (moved, d) = compare(a, [CURRENT, s.id], CAT)
    assert base.name is None and base.model == "A" and base.model_label == "モデルA"
    assert moved.name == "モデルBへ移行" and moved.model == "B"
    assert set(base.outsourced) == OUT_A and set(moved.outsourced) == OUT_B
    assert set(d.outsourced_removed) == OUT_A - OUT_B and d.outsourced_added == ()
    assert set(d.status_changes) == OUT_A - OUT_B
    assert all(v == ("outsourced", "in_house") for v in d.status_changes.values())
    # Same six people; the roles taken back in-house are held by nobody yet: each is a gap.
    assert moved.headcount == base.headcount == 6 and d.headcount == 0 and moved.planned_hires == 0
    assert set(moved.gaps) - set(base.gaps) == OUT_A - OUT_B
    assert d.gaps == len(OUT_A - OUT_B)
    # Minimum headcount: A keeps group1 (PoC…triage), group4 (educator), 経営者, CSIRT運営管理担当 = 4;
    # B adds group3 (solution analyst), group5 (incident manager/handler) and システム運用担当 = 7.
    assert (base.minimum_headcount, moved.minimum_headcount, d.minimum_headcount) == (4, 7, 3)
    # Six unheld roles scored 0 join the mean: coverage can only fall.
    assert d.coverage < 0 and close(d.coverage, moved.coverage - base.coverage)
    # The first column's difference against itself is nothing.
    assert d0.status_changes == {} and d0.headcount == 0 and d0.coverage == 0
    # The assessment itself is untouched.
    assert a.model == "A" and {r for r in CAT.role_ids if a.status(r) == "outsourced"} == OUT_A


def _triage_and_forensics():
    """Model C, every role 対象外 except triage (held by P) and forensics (未配置).

    triage: prerequisite own_architecture_business 3, business_impact_outage 1 (target 3);
    additional prioritise_risk_continuity 1 (target 2)."""
    a = new_assessment(model="C", cat=CAT)
    for r in CAT.role_ids:
        set_role_status(a, r, "not_applicable")
    set_role_status(a, "triage", "in_house")
    set_role_status(a, "forensics", "gap")
    p = add_person(a, "P", roles=["triage"])
    for skill, level in {"own_architecture_business": 3, "business_impact_outage": 1,
                         "prioritise_risk_continuity": 1}.items():
        set_rating(a, p.id, skill, level)
    return a


def test_a_planned_hire_closing_a_gap_raises_coverage_by_the_computed_amount():
    a = _triage_and_forensics()
    s = sc.add_scenario(a, "2名採用")
    sc.set_scenario_role_status(a, s.id, "forensics", "in_house")
    sc.add_hire(a, s.id, "採用予定1", ["forensics"])
    base, hired = column(a, CURRENT, CAT), column(a, s.id, CAT)
    d = difference(base, hired)

    # Pooled over the (role, skill) links: triage 1, 1/3 (prerequisite), 1/2 (additional);
    # forensics as a gap: 8 links at 0 (2 prerequisite, 6 additional). With the hire: the 2
    # prerequisite links at target (1), the 6 additional at 0 (training to come).
    assert close(base.coverage, Fraction(11, 6) / 11) and close(hired.coverage, (Fraction(11, 6) + 2) / 11)
    assert close(d.coverage, Fraction(2, 11))
    assert close(base.readiness, Fraction(1, 3)) and close(hired.readiness, Fraction(5, 6))
    assert close(d.readiness, Fraction(1, 2))
    assert close(base.training, Fraction(1, 14)) and close(hired.training, Fraction(1, 14)) and d.training == 0
    # Only incident response has scored roles (both roles are in it): the same pooled means.
    assert close(base.functions["incident_response"], Fraction(1, 6))
    assert close(hired.functions["incident_response"], Fraction(23, 66))
    assert all(v is None for f, v in hired.functions.items() if f != "incident_response")
    assert close(hired.roles["forensics"], Fraction(1, 4)) and base.roles["forensics"] == 0
    assert hired.roles["executive"] is None

    # Headcount: P plus the hire; minimum: group1 (triage) + group2 (forensics), 未配置 or hired.
    assert (base.headcount, hired.headcount, hired.planned_hires, d.headcount) == (1, 2, 1, 1)
    assert (base.minimum_headcount, hired.minimum_headcount) == (2, 2)
    assert base.gaps == ("forensics",) and base.not_staffed == ("forensics",)
    assert hired.gaps == () and d.gaps == -1
    assert d.status_changes == {"forensics": ("gap", "in_house")} and d.outsourced_added == ()
    # Single points: P alone on triage and alone at target in own_architecture_business (2); the
    # hire alone on forensics and on its two prerequisite skills (3 more).
    assert (base.single_holder_roles, base.single_skill_holders, base.single_points) == (1, 1, 2)
    assert (hired.single_holder_roles, hired.single_skill_holders, d.single_points) == (2, 3, 3)
    assert len(base.not_applicable) == len(CAT.role_ids) - 2


def test_outsourcing_in_a_scenario_moves_the_role_out_of_the_score():
    a = _triage_and_forensics()
    s = sc.add_scenario(a, "委託")
    sc.set_scenario_role_status(a, s.id, "forensics", "outsourced")
    base, out = column(a, CURRENT, CAT), column(a, s.id, CAT)
    d = difference(base, out)
    # The gap's 8 links leave the mean: coverage is triage's alone, 11/18, up from 1/6.
    assert close(out.coverage, Fraction(11, 18)) and close(d.coverage, Fraction(4, 9))
    assert d.outsourced_added == ("forensics",) and d.outsourced_removed == () and d.gaps == -1
    assert out.roles["forensics"] is None and d.headcount == 0


def test_a_column_with_nothing_scored_has_no_coverage_delta():
    a = _triage_and_forensics()
    s = sc.add_scenario(a, "全部対象外")
    sc.set_scenario_role_status(a, s.id, "triage", "not_applicable")
    sc.set_scenario_role_status(a, s.id, "forensics", "not_applicable")
    d = difference(column(a, CURRENT, CAT), column(a, s.id, CAT))
    assert d.coverage is None and d.readiness is None


def test_model_label_follows_language_and_variant():
    a = demo_assessment("A")
    s, _ = sc.add_model_scenario(a, "D", "D", "D2", cat=CAT)
    col = column(a, s.id, CAT, "en")
    assert col.model_label == CAT.model_label("D", "D2", "en") and "Model D" in col.model_label


def test_columns_are_checked():
    a = demo_assessment("A")
    s = sc.add_scenario(a, "x")
    assert check_columns(a, [CURRENT, s.id, CURRENT]) == [CURRENT, s.id]
    with pytest.raises(ValueError):
        check_columns(a, [CURRENT])
    with pytest.raises(ValueError):
        check_columns(a, [CURRENT, "nope"])
    more = [sc.add_scenario(a, f"y{i}").id for i in range(4)]
    with pytest.raises(ValueError):
        check_columns(a, [CURRENT, *more])


def test_add_model_scenario_refuses_without_adding():
    a = demo_assessment("A")
    with pytest.raises(EditError):
        sc.add_model_scenario(a, "Z", "Z", cat=CAT)
    with pytest.raises(EditError):
        sc.add_model_scenario(a, "  ", "B", cat=CAT)
    assert a.scenarios == []


def test_free_names():
    a = demo_assessment("A")
    numbered = lambda n: f"シナリオ{n}"  # noqa: E731
    assert sc.free_name(a, numbered) == "シナリオ1"
    sc.add_scenario(a, "シナリオ1")
    sc.add_scenario(a, "シナリオ2")
    assert sc.free_name(a, numbered) == "シナリオ3"
    move = lambda n: f"モデルBへ移行 ({n})"  # noqa: E731
    assert sc.free_name(a, move, "モデルBへ移行") == "モデルBへ移行"
    sc.add_scenario(a, "モデルBへ移行")
    assert sc.free_name(a, move, "モデルBへ移行") == "モデルBへ移行 (2)"


def test_unique_labels():
    assert unique_labels(["現状", "現状", "B"]) == ["現状", "現状 (2)", "B"]
    assert unique_labels(["現状", "現状 (2)", "現状"]) == ["現状", "現状 (2)", "現状 (3)"]
