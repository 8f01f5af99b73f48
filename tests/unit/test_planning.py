"""The action plan's proposals, the plan summary, the executive figures and the exports, on small
hand-built assessments whose answers are worked out in the comments."""
import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from assessment.exchange import action_export as ax
from assessment.core.demos import DEMO_MODELS, demo_assessment
from assessment.core.edit import add_person, new_assessment, set_action, set_ratings, set_role_status
from assessment.scores.executive import function_mix, headline_figures, light_at_least, light_at_most, risks
from assessment.plans.planning import RateFirst, plan_summary, propose_actions, rate_first
from assessment.scores.scoring import summarise
from assessment.exchange.serialise import from_document, to_document
from assessment.scores.staffing import staffing
from csirt_data import load_catalogue

CAT = load_catalogue()


def _at_target(a, role):
    return {l.skill: a.target(role, l.kind) for l in CAT.role_links(role)}


def _by_key(actions):
    return {x.key: x for x in actions}


def test_a_new_assessment_without_people_hires_every_in_house_role_and_outsources_nothing():
    # Model B outsources researcher, curator, vulnerability_assessor and forensics (付録1): those
    # four get no action; the other 15 roles are in-house with nobody holding them: 15 hires.
    a = new_assessment(model="B")
    actions = propose_actions(a, CAT)
    assert [x.key for x in actions] == [f"hire:{r}" for r in CAT.role_ids
                                        if r not in {"researcher", "curator", "vulnerability_assessor", "forensics"}]
    assert {x.reason for x in actions} == {"unheld"}
    hire = _by_key(actions)["hire:commander"]
    # A hire lists the role's prerequisite skills with their target, no level.
    assert [(s.skill, s.kind, s.level, s.target) for s in hire.skills] == \
        [(l.skill, "prerequisite", None, 3) for l in CAT.role_links("commander", "prerequisite")]
    assert hire.education == () and hire.person is None


def test_gap_becomes_hire_but_a_model_outsourced_gap_becomes_outsource():
    a = new_assessment(model="B")
    set_role_status(a, "investigator", "gap")  # model B keeps it in-house: hire
    set_role_status(a, "researcher", "gap")  # model B outsources it by default: outsource (RFP)
    got = _by_key(propose_actions(a, CAT))
    assert got["hire:investigator"].proposed == "hire" and got["hire:investigator"].reason == "gap"
    assert got["outsource:researcher"].proposed == "outsource" and got["outsource:researcher"].reason == "gap"
    assert got["outsource:researcher"].skills == ()
    assert "hire:researcher" not in got
    # Outsourced (curator) and not applicable roles get nothing.
    set_role_status(a, "educator", "not_applicable")
    keys = {x.key.split(":")[1] for x in propose_actions(a, CAT)}
    assert "curator" not in keys and "educator" not in keys


def test_holder_below_target_is_trained_on_exactly_the_skills_below_target_with_the_programme():
    a = new_assessment(model="B")
    p = add_person(a, "P", roles=["commander"])
    pre = CAT.role_links("commander", "prerequisite")
    add = CAT.role_links("commander", "additional")
    levels = _at_target(a, "commander")
    levels[pre[0].skill] = 1  # 1 of target 3
    levels[pre[1].skill] = 0  # rated 0: below target 3
    del levels[add[0].skill]  # not rated: to rate first, no training need yet
    if len(add) > 1:
        levels[add[1].skill] = 4  # above target: not listed
    set_ratings(a, p.id, levels, cat=CAT)
    got = _by_key(propose_actions(a, CAT))
    train = got[f"train:commander:{p.id}"]
    assert train.proposed == train.kind == "train" and train.person == p.id and train.reason == "below_target"
    assert [(s.skill, s.kind, s.level, s.target) for s in train.skills] == [
        (pre[0].skill, "prerequisite", 1, 3), (pre[1].skill, "prerequisite", 0, 3)]
    assert rate_first(a, CAT) == [RateFirst("commander", p.id, (add[0].skill,))]
    # Model B: 8 common items and 2 per-role items naming no role (they apply to every role).
    edu = CAT.model("B").education
    assert train.education == tuple(edu.common) + tuple(edu.per_role)
    assert len(train.education) == 10
    assert "hire:commander" not in got  # the role is held


def test_model_c_programme_items_are_those_naming_the_role():
    items = CAT.education_items("C", "forensics")
    assert [i.ja for i in items] == ["情報セキュリティに関する独自通信教育プログラム", "他社の通信教育プログラム",
                                     "フォレンジック担当向け独自教材"]
    assert [i.ja for i in CAT.education_items("C", "curator")][-1] == "リサーチャー・キュレーター向け独自教材"
    assert len(CAT.education_items("C", "commander")) == 2  # no item of its own
    assert CAT.education_items(None, "commander") == ()


def test_without_a_model_training_has_no_programme_and_nothing_is_outsourced():
    a = new_assessment()
    p = add_person(a, "P", roles=["triage"])
    set_ratings(a, p.id, {l.skill: 1 for l in CAT.role_links("triage")}, cat=CAT)
    set_role_status(a, "forensics", "gap")
    got = _by_key(propose_actions(a, CAT))
    assert got[f"train:triage:{p.id}"].education == ()
    assert got["hire:forensics"].proposed == "hire"  # no model: nothing is outsourced by default


def test_one_action_per_holder_below_target_in_role_then_person_order():
    a = new_assessment(model="C")
    p1 = add_person(a, "P1", roles=["incident_handler"])
    p2 = add_person(a, "P2", roles=["incident_handler"])
    p3 = add_person(a, "P3", roles=["commander", "incident_handler"])
    set_ratings(a, p1.id, _at_target(a, "incident_handler"), cat=CAT)  # at target: no action
    # Not rated yet: nothing to train, everything to rate first.
    assert [x.key for x in propose_actions(a, CAT) if x.proposed == "train"] == []
    assert [(x.role, x.person) for x in rate_first(a, CAT)] == [
        ("commander", p3.id), ("incident_handler", p2.id), ("incident_handler", p3.id)]
    for p in (p2, p3):
        set_ratings(a, p.id, {l.skill: 0 for l in CAT.role_links("incident_handler")}, cat=CAT)
    set_ratings(a, p3.id, {l.skill: 1 for l in CAT.role_links("commander")}, cat=CAT)
    assert rate_first(a, CAT) == []
    trains = [x.key for x in propose_actions(a, CAT) if x.proposed == "train"]
    # commander (p3) comes before incident_handler in the catalogue; within it p2 before p3.
    assert trains == [f"train:commander:{p3.id}", f"train:incident_handler:{p2.id}",
                      f"train:incident_handler:{p3.id}"]


def test_the_users_decisions_are_merged_and_survive_a_save():
    a = new_assessment(model="B")
    set_role_status(a, "investigator", "gap")
    set_action(a, "hire:investigator", kind="outsource", owner="山田", due="2027-03-31", status="planned",
               note="=SUM(A1)")
    x = _by_key(propose_actions(a, CAT))["hire:investigator"]
    assert (x.proposed, x.kind, x.overridden) == ("hire", "outsource", True)
    assert (x.owner, x.due, x.status, x.note) == ("山田", "2027-03-31", "planned", "=SUM(A1)")
    back = from_document(to_document(a, CAT), CAT)
    y = _by_key(propose_actions(back, CAT))["hire:investigator"]
    assert (y.kind, y.owner, y.due, y.status, y.note) == ("outsource", "山田", "2027-03-31", "planned", "=SUM(A1)")
    # Back to the proposed kind.
    set_action(a, "hire:investigator", kind=None)
    assert _by_key(propose_actions(a, CAT))["hire:investigator"].kind == "hire"


def test_plan_summary_counts_people_and_roles_and_leaves_dropped_out():
    a = new_assessment(model="C")
    for r in CAT.role_ids:
        set_role_status(a, r, "not_applicable")
    for r in ("commander", "triage", "forensics", "researcher"):
        set_role_status(a, r, "in_house")
    p = add_person(a, "P", roles=["commander", "triage"])  # below target in both: 2 actions, 1 person
    set_ratings(a, p.id, {l.skill: 1 for r in ("commander", "triage") for l in CAT.role_links(r)}, cat=CAT)
    actions = propose_actions(a, CAT)
    # Catalogue order: researcher (情報収集・分析) comes before the incident-response roles.
    assert [x.key for x in actions] == ["hire:researcher", f"train:commander:{p.id}", f"train:triage:{p.id}",
                                        "hire:forensics"]
    s = plan_summary(actions)
    assert (s.hires, s.trains, s.outsource, s.actions) == (2, 1, 0, 4)
    set_action(a, "hire:forensics", kind="outsource")
    set_action(a, "hire:researcher", status="dropped")
    s = plan_summary(propose_actions(a, CAT))
    assert (s.hires, s.trains, s.outsource, s.actions) == (0, 1, 1, 4)
    assert s.by_status["dropped"] == 1 and s.by_status["proposed"] == 3


def test_traffic_lights_and_thresholds():
    assert light_at_least(0.8, 0.8, 0.5) == "green" and light_at_least(0.79, 0.8, 0.5) == "amber"
    assert light_at_least(0.49, 0.8, 0.5) == "red" and light_at_least(None, 0.8, 0.5) is None
    assert [light_at_most(n, 0, 2) for n in (0, 1, 2, 3)] == ["green", "amber", "amber", "red"]


def test_headline_figures_risks_and_mix_of_a_small_case():
    a = new_assessment(model="B")
    set_role_status(a, "investigator", "gap")
    p = add_person(a, "P", roles=["commander"])
    set_ratings(a, p.id, _at_target(a, "commander"), cat=CAT)
    s, st_ = summarise(a, CAT), staffing(a, CAT)
    figs = {f.id: f for f in headline_figures(s, st_)}
    # 15 roles not outsourced; 経営者 has responsibilities, not skills, so it has no score: of the
    # 14 scored, commander's links at 1 and the links of 13 others (investigator a gap, 12 unheld)
    # at 0, pooled. Gaps: 14 roles (経営者 unheld too).
    scored = [r for r in CAT.role_ids if a.status(r) != "outsourced"]
    links = sum(len(CAT.role_links(r)) for r in scored)
    assert figs["coverage"].value == pytest.approx(len(CAT.role_links("commander")) / links)
    assert figs["coverage"].light == "red"
    assert figs["gaps"].value == 14 and figs["gaps"].light == "red"
    assert figs["single_points"].value == 1 and figs["single_points"].light == "amber"
    assert figs["headcount"].value == 1 and figs["headcount"].minimum == s.minimum_headcount
    found = risks(a, CAT)
    # Ranked: incident-response gaps first, then headcount, then single holders.
    assert [r.kind for r in found[:3]] == ["ir_gaps", "below_minimum", "single_points"]
    # forensics is outsourced by model B, so it is no gap.
    assert found[0].roles == ("incident_manager", "incident_handler", "investigator", "triage")
    assert found[2].roles == ("commander",) and found[2].people == (p.id,)
    mix = function_mix(a, CAT)
    # Incident response: commander held; forensics outsourced (model B); 4 gaps.
    assert mix["incident_response"] == {"in_house": 1, "outsourced": 1, "gap": 4, "not_applicable": 0}
    assert sum(sum(m.values()) for m in mix.values()) == 19


# --- exports ----------------------------------------------------------------------------------

def _plan(lang="ja"):
    a = demo_assessment("B")
    first = propose_actions(a, CAT)[0]
    set_action(a, first.key, owner="=HYPERLINK(\"x\")", due="2027-03-31", status="in_progress", note="-1, \"quoted\"\nline")
    set_action(a, "hire:investigator", owner="@lead", kind="outsource")
    return a, ax.plan_table(propose_actions(a, CAT), a, lang, CAT)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_csv_reads_back_with_bom_and_guarded_formulas(lang):
    a, table = _plan(lang)
    data = ax.to_csv(table)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ax.headers(lang) and len(rows) == len(table[1]) + 1
    owners = [r[5] for r in rows[1:]]
    assert "'=HYPERLINK(\"x\")" in owners and "'@lead" in owners  # a spreadsheet shows them as text
    assert any(r[8] == "'-1, \"quoted\"\nline" for r in rows[1:])
    assert ax.read_csv(data) == table
    # The kind of the overridden row is written in the chosen language.
    row = next(r for r in rows[1:] if r[-1] == "hire:investigator")
    assert row[0] == ax.kind_label("outsource", lang)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_xlsx_reads_back_with_a_date_column_and_text_formulas(lang):
    a, table = _plan(lang)
    data = ax.to_xlsx(table, "plan")
    ws = load_workbook(io.BytesIO(data)).active
    assert ws.freeze_panes == "A2" and ws["A1"].font.bold
    assert ws.column_dimensions["D"].width == ax.WIDTHS[3]
    due = [ws.cell(row=r, column=ax.DUE_COLUMN + 1) for r in range(2, ws.max_row + 1)]
    dated = [c for c in due if c.value is not None]
    assert len(dated) == 1 and isinstance(dated[0].value, datetime.datetime) and dated[0].is_date
    assert dated[0].value.date() == datetime.date(2027, 3, 31)
    formula = next(c for c in ws["F"] if c.value == "=HYPERLINK(\"x\")")
    assert formula.data_type == "s" and formula.quotePrefix
    assert ax.read_xlsx(data) == table


@pytest.mark.parametrize("model", DEMO_MODELS)
def test_every_demo_plan_round_trips(model):
    a = demo_assessment(model)
    table = ax.plan_table(propose_actions(a, CAT), a, "ja", CAT)
    assert table[1], "every demo has something to improve"
    assert ax.read_csv(ax.to_csv(table)) == table
    assert ax.read_xlsx(ax.to_xlsx(table, "x")) == table
