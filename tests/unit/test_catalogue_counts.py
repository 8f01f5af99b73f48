"""The catalogue against the document's own numbers and tables."""
import pytest

from csirt_data import KINDS, load_catalogue

cat = load_catalogue()


def test_document_counts():
    assert len(cat.functions) == 7
    assert len(cat.roles) == 19
    assert cat.section_link_count("prerequisite") == 53
    assert cat.section_link_count("additional") == 60
    assert len(cat.role("executive").responsibilities) == 5
    assert len(cat.groups) == 5
    assert [m.id for m in cat.models] == ["A", "B", "C", "D"]
    assert [m.id for m in cat.models_file.out_of_scope] == ["E"]


def test_function_order_and_role_order():
    assert [f.name.ja for f in cat.functions] == [
        "情報共有", "情報収集・分析", "インシデント対応", "自組織内教育", "経営者", "組織運営", "システム運用"]
    assert cat.role_ids == (
        "poc_external", "poc_internal", "legal_advisor", "notification",
        "researcher", "curator", "vulnerability_assessor", "self_assessment", "solution_analyst",
        "commander", "incident_manager", "incident_handler", "investigator", "triage", "forensics",
        "educator", "executive", "csirt_operations_manager", "system_operations")
    assert [len(cat.roles_of_function(f.id)) for f in cat.functions] == [4, 5, 6, 1, 1, 1, 1]


# 付録1, typed from the document row by row: ✓ = outsourced in that model.
APPENDIX_1 = {
    "poc_external":             "    ",
    "poc_internal":             "    ",
    "legal_advisor":            "    ",
    "notification":             "    ",
    "researcher":               "✓✓ ✓",
    "curator":                  "✓✓ ✓",
    "vulnerability_assessor":   "✓✓ ✓",
    "self_assessment":          "✓  ✓",
    "solution_analyst":         "✓  ✓",
    "commander":                "    ",
    "incident_manager":         "✓  ✓",
    "incident_handler":         "✓  ✓",
    "investigator":             "✓  ✓",
    "triage":                   "    ",
    "forensics":                "✓✓ ✓",
    "educator":                 "    ",
    "executive":                "    ",
    "csirt_operations_manager": "    ",
    "system_operations":        "✓  ✓",
}


@pytest.mark.parametrize("role", list(APPENDIX_1))
def test_appendix_1_row(role):
    row = "".join("✓" if role in cat.outsourced_by_default(m) else " " for m in "ABCD")
    assert row == APPENDIX_1[role]


def test_links_per_role_in_document_order():
    # (prerequisite, additional) per section, counted in the document.
    expected = {"poc_external": (3, 3), "poc_internal": (3, 3), "legal_advisor": (3, 3),
                "notification": (5, 5), "researcher": (3, 4), "curator": (3, 6),
                "vulnerability_assessor": (4, 4), "self_assessment": (2, 4), "solution_analyst": (4, 3),
                "commander": (4, 3), "incident_manager": (4, 5), "incident_handler": (4, 5),
                "investigator": (5, 4), "triage": (2, 1), "forensics": (2, 6), "educator": (3, 3),
                "executive": (0, 0), "csirt_operations_manager": (1, 1), "system_operations": (1, 0)}
    got = {r: tuple(len(cat.role_links(r, k)) for k in KINDS) for r in cat.role_ids}
    assert got == expected
    for r in cat.role_ids:
        for kind in KINDS:
            assert [l.order for l in cat.role_links(r, kind)] == list(range(1, len(cat.role_links(r, kind)) + 1))


def test_recurring_sentences_are_one_skill():
    assert set(cat.roles_with_skill("communicate_accurately")) == {
        "poc_external", "poc_internal", "legal_advisor", "notification", "educator"}
    assert set(cat.roles_with_skill("itss_level2_literacy")) == {
        "poc_external", "poc_internal", "notification", "self_assessment", "investigator"}
    written = {l.as_written for l in cat.links if l.skill == "itss_level2_literacy"}
    assert written == {"ITSSLレベル2程度の基礎的なITリテラシー", "ITSSレベル2程度の基礎的なITリテラシー",
                       "ITSSレベル 2 程度の基礎的なITリテラシー"}
    # The same sentence is never two skills.
    assert len({k.ja for k in cat.skills.values()}) == len(cat.skills)


def test_groups_as_read_from_4_20():
    members = {g.id: g.role_ids for g in cat.groups}
    assert members == {
        "group1": ("poc_external", "poc_internal", "legal_advisor", "notification",
                   "commander", "investigator", "triage"),
        "group2": ("researcher", "curator", "forensics"),
        "group3": ("vulnerability_assessor", "solution_analyst"),
        "group4": ("self_assessment", "educator"),
        "group5": ("incident_manager", "incident_handler"),
    }
    empty_cells = {m.role for g in cat.groups for m in g.members if m.cell == "empty"}
    assert empty_cells == {"poc_internal", "legal_advisor", "notification", "curator", "incident_handler"}
    for r in ("executive", "csirt_operations_manager", "system_operations"):
        assert cat.group_of(r) is None


def test_models_details():
    assert cat.model("D").legend.outsourced.ja == "アウトソーシング可"
    assert cat.model("A").legend.outsourced.ja == "アウトソーシング"
    assert [v.id for v in cat.model("D").variants] == ["D1", "D2"]
    assert [len(cat.model(m).education.common) for m in "ABCD"] == [6, 8, 2, 8]
    assert [len(cat.model(m).education.per_role) for m in "ABCD"] == [2, 2, 4, 2]


def test_flows_are_derived_and_sourced():
    assert cat.flows.derived is True
    assert "csirt_operations_manager" in cat.flows.not_drawn
    duties = {r.id: {d.ja for d in r.duties} for r in cat.roles}
    for a in cat.flows.arrows:
        for ev in a.evidence:
            assert ev.sentence in duties[ev.role], (a.source, a.target)
        # A conditional sentence gives a dotted line; an unconditional one a solid line.
        conditional = any(w in ev.sentence for ev in a.evidence for w in ("必要であれば", "場合には"))
        assert (a.line == "dotted") == conditional, (a.source, a.target)
    external = {p.name.ja for p in cat.flows.parties if p.side == "external"}
    assert {"NCA", "JPCERT/CC", "他CSIRT", "警察", "監督官庁"} <= external
    internal = {p.name.ja for p in cat.flows.parties if p.side == "internal"}
    assert {"法務", "渉外", "広報", "各事業部", "一般の役職員", "セキュリティ機器"} <= internal
    assert len(cat.arrows_at("normal")) > 10 and len(cat.arrows_at("incident")) > 10
