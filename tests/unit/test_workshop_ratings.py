"""Workshop ratings outside the UI: the ratings CSV with its rater column (round trip, old files
without the column, a bad rater named by line), the workbook's self-ratings sheet and rule, the
history of each rater's changes, and the rater gap list on a hand-computed case."""
from __future__ import annotations

import copy
import csv
import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assessment.core.demos import demo_assessment
from assessment.core.edit import add_person, new_assessment, set_rating, set_rating_rule, set_ratings
from assessment.core.errors import ImportProblem
from assessment.exchange.files import export_ratings_csv, export_xlsx, import_ratings_csv
from assessment.scores.history import RatingChange, compare
from assessment.core.messages import message
from components.steps.rater_compare import Gap, compare_raters
from csirt_data import load_catalogue

CAT = load_catalogue()
BAD = Path(__file__).with_name("bad_files")


def _demo_with_self_ratings(a=None):
    """Model B sample; its first person has rated themselves on three skills."""
    a = a or demo_assessment("B")
    p = a.people[0]
    skills = list(a.ratings[p.id])
    set_ratings(a, p.id, {skills[0]: 1, skills[1]: 4, skills[2]: 0}, rater="self")
    return a, p, skills


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8")


# --- the ratings CSV ----------------------------------------------------------------------------

def test_csv_round_trip_with_both_raters():
    bare = demo_assessment("B")
    a, p, skills = _demo_with_self_ratings(copy.deepcopy(bare))
    data = export_ratings_csv(a)
    rows = _rows(data)
    assert rows[0] == ["person", "skill_id", "skill", "level", "rater"]
    own = {r[1]: r[3] for r in rows[1:] if r[0] == p.name and r[4] == "self"}
    lead = {r[1]: r[3] for r in rows[1:] if r[0] == p.name and r[4] == "lead"}
    assert own[skills[0]] == "1" and own[skills[1]] == "4" and own[skills[2]] == "0"
    assert lead[skills[0]] == str(a.ratings[p.id][skills[0]])
    assert set(own) == set(lead)  # a row per skill for each rater, empty where not rated
    again = import_ratings_csv(a, data)
    assert again == a and again is not a
    # Into a copy without the self-ratings: the CSV brings them, and leaves the lead's alone.
    brought = import_ratings_csv(bare, data)
    assert brought.self_ratings[p.id] == a.self_ratings[p.id]
    assert brought.ratings == bare.ratings
    assert bare.self_ratings == {}  # the current work is never changed


def test_csv_self_rows_change_only_self_ratings():
    a = demo_assessment("B")
    p = a.people[0]
    skill, lead_level = next(iter(a.ratings[p.id].items()))
    other = (lead_level + 2) % 5
    new = import_ratings_csv(a, _csv([["person", "skill_id", "level", "rater"],
                                      [p.name, skill, str(other), "self"]]))
    assert new.self_ratings[p.id] == {skill: other}
    assert new.ratings[p.id][skill] == lead_level
    assert new.version > a.version


def test_old_csv_without_rater_column_is_the_leads():
    a = demo_assessment("B")
    p = a.people[0]
    skill = next(iter(a.ratings[p.id]))
    level = (a.ratings[p.id][skill] + 1) % 5
    new = import_ratings_csv(a, _csv([["person", "skill_id", "skill", "level"], [p.name, skill, "", str(level)]]))
    assert new.ratings[p.id][skill] == level
    assert new.self_ratings == a.self_ratings == {}
    # the stored old-format files of the corpus (written before the rater column) still import
    current = demo_assessment("A")
    for name in ("good_ratings.csv", "good_ratings_shift_jis.csv"):
        assert import_ratings_csv(current, (BAD / name).read_bytes()) == current, name
    sato = current.people[0].id
    new = import_ratings_csv(current, (BAD / "good_ratings_columns_reordered.csv").read_bytes())
    assert new.ratings[sato]["communicate_accurately"] == 2 and new.self_ratings == {}


@pytest.mark.parametrize("cell, rater", [("", "lead"), ("lead", "lead"), (" SELF ", "self"), ("ｓｅｌｆ", "self")])
def test_rater_cell_forms(cell, rater):
    a = demo_assessment("B")
    p = a.people[0]
    skill = next(iter(a.ratings[p.id]))
    level = (a.ratings[p.id][skill] + 1) % 5
    new = import_ratings_csv(a, _csv([["person", "skill_id", "level", "rater"], [p.name, skill, str(level), cell]]))
    assert new.rater_ratings(rater)[p.id][skill] == level


def test_unknown_rater_is_named_with_its_line():
    a, p, skills = _demo_with_self_ratings()
    before = copy.deepcopy(a)
    rows = [["person", "skill_id", "level", "rater"], [p.name, skills[0], "2", "self"],
            [p.name, skills[1], "3", "manager"]]
    with pytest.raises(ImportProblem) as err:
        import_ratings_csv(a, _csv(rows))
    assert err.value.key == "import.csv_unknown_rater"
    assert err.value.args_["line"] == 3
    assert message(err.value, "ja").startswith("CSV の 3 行目：評価者「manager」は lead")
    assert message(err.value, "en").startswith('Line 3 of the CSV: the rater "manager" must be lead')
    assert a == before  # nothing imported, not even the good row before it


def test_same_skill_per_rater_is_not_a_duplicate_but_twice_for_one_rater_is():
    a = demo_assessment("B")
    p = a.people[0]
    skill = next(iter(a.ratings[p.id]))
    head = ["person", "skill_id", "level", "rater"]
    new = import_ratings_csv(a, _csv([head, [p.name, skill, "1", "lead"], [p.name, skill, "4", "self"]]))
    assert (new.ratings[p.id][skill], new.self_ratings[p.id][skill]) == (1, 4)
    with pytest.raises(ImportProblem) as err:
        import_ratings_csv(a, _csv([head, [p.name, skill, "1", "self"], [p.name, skill, "2", "self"]]))
    assert err.value.key == "import.csv_duplicate_row"
    assert (err.value.args_["line"], err.value.args_["first_line"]) == (3, 2)
    # a row without a rater and a `lead` row are the same rater
    with pytest.raises(ImportProblem) as err:
        import_ratings_csv(a, _csv([head, [p.name, skill, "1", ""], [p.name, skill, "2", "lead"]]))
    assert err.value.key == "import.csv_duplicate_row"


# --- the workbook -------------------------------------------------------------------------------

def test_workbook_self_ratings_sheet_and_rule():
    a, p, skills = _demo_with_self_ratings()
    set_rating_rule(a, "lower")
    wb = load_workbook(io.BytesIO(export_xlsx(a, "ja", when=date(2024, 5, 6))))
    sheet = wb["自己評価"]
    assert wb.sheetnames.index("自己評価") == wb.sheetnames.index("スキル評価") + 1
    assert [sheet.cell(1, c).value for c in range(4, 4 + len(a.people))] == [q.name for q in a.people]
    by_skill = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    col = 4 + a.people.index(p)
    assert [sheet.cell(by_skill[k], col).value for k in skills[:3]] == [1, 4, 0]
    assert sheet.cell(by_skill[skills[3]], col).value is None  # not self-rated
    assert all(sheet.cell(r, 5).value is None for r in range(2, sheet.max_row + 1))  # nobody else has
    lead = wb["スキル評価"]
    assert lead.cell({lead.cell(r, 1).value: r for r in range(2, lead.max_row + 1)}[skills[0]], col).value \
        == a.ratings[p.id][skills[0]]
    summary = wb["概要"]
    facts = {summary.cell(r, 1).value: summary.cell(r, 2).value for r in range(4, 25)}
    assert facts["スコアに使う評価"].startswith("低い方：両方が評価したスキルは低い方を使います。")
    en = load_workbook(io.BytesIO(export_xlsx(a, "en", when=date(2024, 5, 6))))
    facts = {en["Summary"].cell(r, 1).value: en["Summary"].cell(r, 2).value for r in range(4, 25)}
    assert facts["Rating used for scores"].startswith("The lower: Where both have rated a skill")
    assert "Self-ratings" in en.sheetnames


# --- history ------------------------------------------------------------------------------------

def test_history_names_the_rater_of_each_change():
    a, p, skills = _demo_with_self_ratings()
    after = copy.deepcopy(a)
    set_rating(after, p.id, skills[0], 3, rater="self")
    set_rating(after, p.id, skills[1], None, rater="self")
    lead_before = a.ratings[p.id][skills[2]]
    set_rating(after, p.id, skills[2], (lead_before + 1) % 5)  # the lead's
    set_rating_rule(after, "higher")
    c = compare(a, after, CAT)
    by = {(r.rater, r.skill): r for r in c.rating_changes}
    assert by["self", skills[0]] == RatingChange(p.id, p.name, skills[0], 1, 3, "self")
    assert by["self", skills[1]] == RatingChange(p.id, p.name, skills[1], 4, None, "self")
    assert by["lead", skills[2]] == RatingChange(p.id, p.name, skills[2], lead_before, (lead_before + 1) % 5, "lead")
    assert len(c.rating_changes) == 3
    assert [r.rater for r in c.rating_changes] == ["lead", "self", "self"]  # per person: lead first
    assert c.rule == ("lead", "higher") and not c.unchanged
    only_rule = copy.deepcopy(a)
    set_rating_rule(only_rule, "self")
    assert not compare(a, only_rule, CAT).unchanged
    assert compare(a, copy.deepcopy(a), CAT).unchanged


# --- the gap list ---------------------------------------------------------------------------

def _gap_case(rule: str):
    """One person holding commander and triage: 7 skills (grid order below, catalogue index in
    brackets): 1 outage_command [46], 2 own_architecture_business [24], 3 business_impact_outage [47],
    4 executive_communication [48], 5 prioritise_risk_continuity [49], 6 attack_ttp [23],
    7 security_incident_command [50]."""
    a = new_assessment(model="B")
    p = add_person(a, "X", 3, ["commander", "triage"])
    set_ratings(a, p.id, {"outage_command": 3, "own_architecture_business": 1, "business_impact_outage": 2,
                          "attack_ttp": 0, "security_incident_command": 2})
    set_ratings(a, p.id, {"outage_command": 1, "own_architecture_business": 2, "attack_ttp": 1,
                          "executive_communication": 4, "security_incident_command": 2}, rater="self")
    set_rating_rule(a, rule)
    return a, p


def test_gap_list_by_hand():
    a, p = _gap_case("lower")
    c = compare_raters(a, p.id, CAT)
    assert [s.skill for s in c.skills] == ["outage_command", "own_architecture_business", "business_impact_outage",
                                           "executive_communication", "prioritise_risk_continuity", "attack_ttp",
                                           "security_incident_command"]
    assert [s.target for s in c.skills] == [3, 3, 3, 3, 2, 2, 2]
    # Both rated: outage 3/1 (−2), own_architecture 1/2 (+1), attack_ttp 0/1 (+1), security 2/2 (same).
    # Largest |difference| first; the two +1 in catalogue order: attack_ttp [23] before own_architecture [24],
    # although the grid lists own_architecture (2) before attack_ttp (6). "lower" uses 1, 1, 0.
    assert c.gaps == (Gap(1, "outage_command", 3, 1, -2, 1), Gap(6, "attack_ttp", 0, 1, 1, 0),
                      Gap(2, "own_architecture_business", 1, 2, 1, 1))
    assert (c.both, c.same, c.neither) == (4, 1, 1)
    assert c.lead_only == ("business_impact_outage",) and c.self_only == ("executive_communication",)
    # The used value follows the rule, falling back to the only rater where one has not rated.
    used = {s.skill: s.used for s in c.skills}
    assert used["business_impact_outage"] == 2 and used["executive_communication"] == 4
    assert used["prioritise_risk_continuity"] is None


def test_gap_list_used_value_follows_the_rule():
    for rule, expected in (("higher", [3, 1, 2]), ("lead", [3, 0, 1]), ("self", [1, 1, 2])):
        a, p = _gap_case(rule)
        assert [g.used for g in compare_raters(a, p.id, CAT).gaps] == expected, rule


def test_gap_list_without_self_ratings():
    a = demo_assessment("B")
    p = a.people[0]
    c = compare_raters(a, p.id, CAT)
    assert c.gaps == () and c.both == 0 and c.self_only == ()
    assert len(c.lead_only) == len(c.skills) == sum(s.lead is not None for s in c.skills)
