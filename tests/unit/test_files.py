"""Files in and out: every demo round-trips through YAML, JSON and the ratings CSV; the corpus of
bad files in bad_files/ is each refused with its key and the current work untouched; the Excel
workbook holds what a reader needs, with typed text kept as text."""
from __future__ import annotations

import copy
import csv
import io
from datetime import date
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from assessment.core.demos import DEMO_MODELS, demo_assessment
from assessment.core.edit import add_person, set_organisation, set_rating, set_role_note, set_role_status
from assessment.core.errors import ImportProblem
from assessment.exchange.files import (MAX_CSV_BYTES, MAX_IMPORT_BYTES, escape_cell, export_json, export_ratings_csv, export_xlsx,
                              export_yaml, file_name, import_file, import_json, import_ratings_csv, import_yaml,
                              unescape_cell)
from assessment.core.messages import message
from assessment.exchange.serialise import to_document

BAD = Path(__file__).with_name("bad_files")
EXPECTED = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def current():
    """The work in progress that a bad file must leave alone: the model A sample (the CSV files
    name its people)."""
    return demo_assessment("A")


# --- round trips --------------------------------------------------------------------------------

@pytest.mark.parametrize("model", DEMO_MODELS)
def test_yaml_round_trip(model):
    a = demo_assessment(model)
    data = export_yaml(a)
    assert import_yaml(data) == a
    assert import_file("x.yaml", data) == a and import_file("X.YML", data) == a
    text = data.decode("utf-8")
    assert text.startswith("# CSIRT Self-Check")
    assert "schema_version: 2\n" in text
    assert a.organisation in text  # Japanese as text, not \u escapes
    assert export_yaml(import_yaml(data)) == data  # canonical: the same bytes again


@pytest.mark.parametrize("model", DEMO_MODELS)
def test_json_round_trip(model):
    a = demo_assessment(model)
    data = export_json(a)
    assert import_json(data) == a
    assert import_file("x.json", data) == a
    assert a.organisation in data.decode("utf-8")


@pytest.mark.parametrize("model", DEMO_MODELS)
def test_ratings_csv_round_trip(model):
    a = demo_assessment(model)
    data = export_ratings_csv(a)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens UTF-8 as UTF-8
    again = import_ratings_csv(a, data)
    assert again == a and again is not a
    # ...also after Excel saved it as Shift_JIS (the Japanese Windows default) with CRLF
    sjis = data.decode("utf-8-sig").encode("cp932")
    assert import_ratings_csv(a, sjis) == a


def test_ratings_csv_applies_changes_to_a_copy():
    a = demo_assessment("B")
    before = copy.deepcopy(a)
    person = a.people[0]
    rows = list(csv.reader(io.StringIO(export_ratings_csv(a).decode("utf-8-sig"))))
    assert rows[0] == ["person", "skill_id", "skill", "level", "rater"]
    mine = [r for r in rows[1:] if r[0] == person.name and r[4] == "lead"]
    mine[0][3] = "0" if mine[0][3] != "0" else "1"
    mine[1][3] = ""  # clears the rating
    out = io.StringIO()
    csv.writer(out).writerows([rows[0]] + mine[:2])
    new = import_ratings_csv(a, out.getvalue().encode("utf-8"))
    assert a == before  # the current assessment is untouched
    assert new.level(person.id, mine[0][1]) == int(mine[0][3])
    assert new.level(person.id, mine[1][1]) is None
    assert new.version > a.version
    # everything else is as it was
    for p in a.people[1:]:
        assert new.ratings[p.id] == a.ratings[p.id]


def test_csv_lists_unrated_skills_and_dormant_ratings():
    a = demo_assessment("B")
    p = add_person(a, "新人", 1, ["triage"])
    set_rating(a, a.people[0].id, "communicate_accurately", 2)  # a skill outside the person's roles
    rows = list(csv.reader(io.StringIO(export_ratings_csv(a).decode("utf-8-sig"))))
    newcomer = [r for r in rows if r[0] == "新人"]
    assert newcomer and all(r[3] == "" for r in newcomer)
    assert {r[4] for r in newcomer} == {"lead", "self"}  # a blank row per rater to fill in
    assert [r for r in rows if r[0] == a.people[0].name and r[1] == "communicate_accurately"
            and r[4] == "lead"][0][3] == "2"
    assert import_ratings_csv(a, export_ratings_csv(a)) == a
    assert p.id in a.ratings


def test_formula_like_names_are_escaped_in_csv_and_come_back_exact():
    a = demo_assessment("A")
    names = ["=HYPERLINK(\"http://evil\",\"x\")", "+1", "-2", "@SUM(A1)", "'quoted", "普通の名前"]
    for n in names:
        add_person(a, n, 2, ["commander"])
    text = export_ratings_csv(a).decode("utf-8-sig")
    cells = {r[0] for r in csv.reader(io.StringIO(text))}
    for n in names[:5]:
        assert n not in cells and "'" + n in cells
    assert "普通の名前" in cells
    assert import_ratings_csv(a, export_ratings_csv(a)) == a
    assert [unescape_cell(escape_cell(n)) for n in names] == names


def test_html_and_odd_text_round_trip():
    a = demo_assessment("C")
    set_organisation(a, "<script>alert(1)</script> & \"Co\" 'x' #not-a-comment: yes")
    set_role_note(a, "triage", "- not a list\n  second line: x\n!!python/object: no\n*alias &anchor")
    add_person(a, "null", 2, ["commander"])
    add_person(a, "2024-01-01", 2, ["commander"])
    add_person(a, "yes", 2, ["commander"])
    add_person(a, "𠮷野 家😀 \u200b", 2, ["commander"])
    assert import_yaml(export_yaml(a)) == a
    assert import_json(export_json(a)) == a
    assert import_ratings_csv(a, export_ratings_csv(a)) == a


def test_dormant_roles_survive_a_round_trip():
    a = demo_assessment("B")
    holder = next(p for p in a.people if "incident_handler" in p.roles)
    set_role_status(a, "incident_handler", "outsourced")  # the holders keep it, dormant
    assert "incident_handler" in holder.roles
    assert import_yaml(export_yaml(a)) == a


def test_document_is_readable_and_ordered():
    a = demo_assessment("D")
    doc = to_document(a)
    assert list(doc)[:3] == ["schema_version", "id", "organisation"]
    assert doc["variant"] == "D1"
    assert list(doc["roles"])[:2] == ["poc_external", "poc_internal"]
    assert doc["roles"]["csirt_operations_manager"]["status"] == "not_applicable"
    assert "note" not in doc["roles"]["commander"]  # defaults are left out


def test_file_name():
    a = demo_assessment("A")
    assert file_name(a, "yaml", date(2024, 5, 6)) == f"csirt-selfcheck-{a.id}-20240506.yaml"


# --- the corpus of bad files --------------------------------------------------------------------

def test_corpus_is_complete():
    on_disk = {p.name for p in BAD.iterdir()} - {"expected.yaml"}
    assert on_disk == set(EXPECTED)
    assert sum(1 for e in EXPECTED.values() if e["key"] != "ok") >= 80


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file(name, current):
    expected = EXPECTED[name]
    data = (BAD / name).read_bytes()
    before = copy.deepcopy(current)
    if expected["key"] == "ok":
        result = import_file(name, data, current)
        assert result is not current
        if name.endswith(".csv"):
            assert {p.id for p in result.people} == {p.id for p in current.people}
    else:
        with pytest.raises(ImportProblem) as err:
            import_file(name, data, current)
        assert err.value.key == expected["key"], err.value
        for arg, value in expected.get("args", {}).items():
            assert str(err.value.args_[arg]) == str(value), (arg, err.value.args_)
        for lang in ("ja", "en"):  # a sentence in each language, every placeholder filled
            text = message(err.value, lang)
            assert "⟨" not in text and "{" not in text, text
    assert current == before  # the current work is exactly as it was


def test_over_the_size_limit(current):
    good = (BAD / "good.yaml").read_bytes()
    big = good + b"#" * (MAX_IMPORT_BYTES - len(good) + 1)
    for name in ("big.yaml", "big.json"):
        with pytest.raises(ImportProblem) as err:
            import_file(name, big, current)
        assert err.value.key == "import.too_large"
        assert err.value.args_ == {"size": "4.0", "limit": "4"}
    with pytest.raises(ImportProblem) as err:
        import_file("big.csv", b"#" * (MAX_CSV_BYTES + 1), current)
    assert err.value.args_ == {"size": "16.0", "limit": "16"}
    padded = good + b"#" * (MAX_IMPORT_BYTES - len(good))  # exactly at the limit is fine
    assert import_yaml(padded).id == "corpus0001"


def test_alias_bomb_is_refused_quickly():
    import time

    start = time.perf_counter()
    with pytest.raises(ImportProblem):
        import_yaml((BAD / "alias_bomb.yaml").read_bytes())
    assert time.perf_counter() - start < 1


def test_csv_needs_the_current_assessment():
    with pytest.raises(ImportProblem) as err:
        import_file("ratings.csv", (BAD / "good_ratings.csv").read_bytes(), None)
    assert err.value.key == "import.unknown_format"


def test_importers_only_take_bytes():
    with pytest.raises(TypeError):
        import_yaml("schema_version: 1")  # type: ignore[arg-type]


# --- Excel --------------------------------------------------------------------------------------

def _workbook(a, lang="ja"):
    return load_workbook(io.BytesIO(export_xlsx(a, lang, when=date(2024, 5, 6))))


@pytest.mark.parametrize("model", DEMO_MODELS)
def test_workbook_sheets_and_content(model):
    a = demo_assessment(model)
    wb = _workbook(a)
    assert wb.sheetnames == ["概要", "役割", "要員", "スキル評価", "自己評価", "充足度", "ギャップ"]
    summary = wb["概要"]
    values = {summary.cell(r, 1).value: summary.cell(r, 2) for r in range(4, 20)}
    assert values["組織"].value == a.organisation
    assert values["全体の充足度"].number_format == "0%" and 0 <= values["全体の充足度"].value <= 1
    assert values["作成日"].value == "2024-05-06"
    roles = wb["役割"]
    assert roles.freeze_panes == "A2"
    assert roles["A1"].font.bold and roles["A1"].fill.fgColor.rgb.endswith("1F4E79")
    assert roles.max_row == 1 + 19
    assert roles.column_dimensions["B"].width >= 20
    people = wb["要員"]
    assert [people.cell(r, 1).value for r in range(2, people.max_row + 1)] == [p.name for p in a.people]
    grid = wb["スキル評価"]
    assert [grid.cell(1, c).value for c in range(4, 4 + len(a.people))] == [p.name for p in a.people]
    assert grid.freeze_panes == "D2"
    by_skill = {grid.cell(r, 1).value: r for r in range(2, grid.max_row + 1)}
    for col, p in enumerate(a.people, start=4):
        for skill, level in a.ratings[p.id].items():
            assert grid.cell(by_skill[skill], col).value == level
    coverage = wb["充足度"]
    assert coverage["B2"].number_format == "0%"
    gaps = wb["ギャップ"]
    assert gaps.max_row >= 2


def test_workbook_in_english():
    wb = _workbook(demo_assessment("B"), "en")
    assert wb.sheetnames == ["Summary", "Roles", "People", "Ratings", "Self-ratings", "Coverage", "Gaps"]
    assert wb["Roles"]["C1"].value == "Carried by"
    assert "Investigator" in [c.value for c in wb["Gaps"]["B"]]


def test_workbook_keeps_formulas_and_html_as_text():
    a = demo_assessment("A")
    set_organisation(a, "=1+1")
    add_person(a, "=HYPERLINK(\"http://evil\")", 2, ["commander"])
    add_person(a, "@SUM(1)", 2, ["commander"])
    # edit.py now refuses control characters; work saved before that may still hold one
    add_person(a, "<b>bold</b>bell", 2, ["commander"]).name = "<b>bold</b>\x07bell"
    set_role_note(a, "researcher", "+danger")
    wb = _workbook(a)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"]  # no formula anywhere
    by_value = {c.value: c for c in cells if isinstance(c.value, str)}
    for text in ("=1+1", "=HYPERLINK(\"http://evil\")", "@SUM(1)", "+danger"):
        assert text in by_value and by_value[text].data_type == "s" and by_value[text].quotePrefix
    assert "<b>bold</b>\ufffdbell" in by_value  # a control character XML cannot hold is replaced


def test_workbook_of_an_empty_assessment():
    from assessment.core.edit import new_assessment

    wb = _workbook(new_assessment())
    assert wb["ギャップ"].max_row == 1 + 19  # every role in-house and nobody holds it
    assert wb["スキル評価"].max_row == 1


def test_yaml_keeps_unicode_line_separators_in_text():
    # Found by hypothesis: YAML reads a raw U+0085 / U+2028 / U+2029 as a line break.
    a = demo_assessment("A")
    set_organisation(a, "0\x850")
    set_role_note(a, "triage", "a\u2028b\u2029c\x85")
    add_person(a, "x\x85y", 2, ["commander"])
    assert import_yaml(export_yaml(a)) == a
