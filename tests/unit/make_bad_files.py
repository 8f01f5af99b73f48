"""Writes the corpus of bad (and a few good) import files in tests/unit/bad_files/, and its
expected.yaml: file name -> the i18n key the import must raise (or `ok`), with the args to check.

The files are committed; run this again only to add kinds:  .venv/bin/python -m tests.unit.make_bad_files
Every YAML/JSON file is a small edit of one good document (the model A sample, fixed ids), so each
holds exactly one problem."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import yaml

from assessment.core.demos import demo_assessment
from assessment.exchange.files import export_ratings_csv
from assessment.exchange.serialise import V2_FIELDS, to_document

OUT = Path(__file__).with_name("bad_files")


def _base() -> dict:
    a = demo_assessment("A")
    a.id = "corpus0001"
    for n, p in enumerate(a.people, start=1):
        old = p.id
        p.id = f"p{n}"
        a.ratings[p.id] = a.ratings.pop(old)
    doc = to_document(a)
    # schema_version 2 parts, so that the corpus can break each of them
    doc["self_ratings"] = {"p1": dict(list(doc["ratings"]["p1"].items())[:3])}
    doc["scenarios"] = [{"id": "s1", "name": "SOCを外部委託", "model": "B", "variant": None,
                         "roles": copy.deepcopy(doc["roles"]),
                         "hires": [{"id": "h1", "name": "採用予定1", "roles": ["triage"]}]}]
    doc["actions"] = {"hire:forensics": {"kind": "outsource", "owner": "佐藤", "due": "2027-03-31",
                                         "status": "planned", "note": ""}}
    return doc


def _yaml(doc) -> bytes:
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")


def _json(doc) -> bytes:
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    base = _base()
    files: dict[str, bytes] = {}
    expected: dict[str, dict] = {}

    def edit(file: str, expect: str, change, fmt=_yaml, **args):
        doc = copy.deepcopy(base)
        change(doc)
        files[file] = fmt(doc)
        expected[file] = {"key": expect, **({"args": args} if args else {})}

    def raw(file: str, expect: str, data: bytes, **args):
        files[file] = data
        expected[file] = {"key": expect, **({"args": args} if args else {})}

    good = _yaml(base)
    raw("good.yaml", "ok", good)
    raw("good_with_bom.yaml", "ok", b"\xef\xbb\xbf" + good)
    raw("good.json", "ok", _json(base))
    raw("good_crlf.yml", "ok", good.replace(b"\n", b"\r\n"))

    # --- schema
    edit("wrong_schema_version.yaml", "import.unsupported_schema_version",
         lambda d: d.update(schema_version=3), version="3", supported="1, 2")
    edit("schema_version_text.yaml", "import.unsupported_schema_version",
         lambda d: d.update(schema_version="1"), version="1", supported="1, 2")
    edit("good_version_1.yaml", "ok", lambda d: [d.update(schema_version=1)] + [d.pop(k) for k in V2_FIELDS])
    edit("version_1_with_scenarios.yaml", "import.unknown_field", lambda d: d.update(schema_version=1),
         field="self_ratings")
    edit("no_schema_version.yaml", "import.missing_schema_version", lambda d: d.pop("schema_version"))
    edit("extra_field.json", "import.unknown_field", lambda d: d.update(colour="blue"), fmt=_json,
         field="colour")
    edit("extra_person_field.yaml", "import.unknown_field", lambda d: d["people"][1].update(email="a@b"),
         field="people[1].email")
    edit("missing_id.yaml", "import.missing_field", lambda d: d.pop("id"), field="id")
    edit("roles_as_list.yaml", "import.not_mapping", lambda d: d.update(roles=["commander"]), field="roles")
    edit("people_as_mapping.json", "import.not_list", lambda d: d.update(people={"a": 1}), fmt=_json,
         field="people")
    edit("name_is_number.yaml", "import.not_text", lambda d: d["people"][0].update(name=123),
         field="people[0].name")
    edit("sample_is_text.yaml", "import.not_boolean", lambda d: d.update(sample="yes please"), field="sample")
    edit("bad_id.yaml", "import.bad_id", lambda d: d.update(id="../../etc/passwd"), field="id")
    edit("bad_person_id.yaml", "import.bad_id", lambda d: d["people"][2].update(id="a b"),
         field="people[2].id")
    edit("negative_version.yaml", "import.bad_version", lambda d: d.update(version=-1), field="version")
    edit("organisation_too_long.yaml", "import.too_long", lambda d: d.update(organisation="長" * 201),
         field="organisation", limit=200)

    # --- ids against the catalogue
    edit("unknown_role.yaml", "import.unknown_role", lambda d: d["roles"].update(hacker={"status": "in_house"}),
         field="roles.hacker", role="hacker")
    edit("missing_role.yaml", "import.missing_roles", lambda d: d["roles"].pop("triage"), roles="triage")
    edit("unknown_status.yaml", "import.unknown_status", lambda d: d["roles"]["triage"].update(status="maybe"),
         field="roles.triage.status", status="maybe")
    edit("unknown_model.yaml", "import.unknown_model", lambda d: d.update(model="E"), model="E")
    edit("variant_without_model_d.yaml", "import.bad_variant", lambda d: d.update(variant="D1"),
         variant="D1", model="A")
    edit("model_d_without_variant.yaml", "import.bad_variant", lambda d: d.update(model="D"),
         variant="None", model="D")
    edit("unknown_skill.yaml", "import.unknown_skill", lambda d: d["ratings"]["p1"].update(hacking=4),
         field="ratings.p1.hacking", skill="hacking")
    edit("person_unknown_role.yaml", "import.unknown_role", lambda d: d["people"][0]["roles"].append("ceo"),
         field="people[0].roles[2]", role="ceo")
    edit("person_role_twice.yaml", "import.duplicate_person_role",
         lambda d: d["people"][0]["roles"].append(d["people"][0]["roles"][0]), field="people[0].roles[2]")
    edit("unknown_target_kind.yaml", "import.unknown_kind", lambda d: d["targets"].update(stretch=4),
         field="targets.stretch")
    edit("missing_target_kind.yaml", "import.missing_field", lambda d: d["targets"].pop("additional"),
         field="targets.additional")
    edit("role_target_unknown_role.yaml", "import.unknown_role",
         lambda d: d["role_targets"].update(wizard={"prerequisite": 3}), field="role_targets.wizard")

    # --- values
    edit("level_7.yaml", "import.bad_level", lambda d: d["ratings"]["p1"].update(
        {next(iter(d["ratings"]["p1"])): 7}), level="7")
    edit("level_negative.json", "import.bad_level", lambda d: d["ratings"]["p2"].update(
        {next(iter(d["ratings"]["p2"])): -1}), fmt=_json, level="-1")
    edit("level_text.yaml", "import.not_integer", lambda d: d["ratings"]["p1"].update(
        {next(iter(d["ratings"]["p1"])): "3"}))
    edit("level_true.yaml", "import.not_integer", lambda d: d["ratings"]["p1"].update(
        {next(iter(d["ratings"]["p1"])): True}))
    edit("level_float.json", "import.not_integer", lambda d: d["ratings"]["p1"].update(
        {next(iter(d["ratings"]["p1"])): 2.5}), fmt=_json)
    edit("itss_9.yaml", "import.bad_itss", lambda d: d["people"][1].update(itss_level=9),
         field="people[1].itss_level", level="9")
    edit("target_5.yaml", "import.bad_target", lambda d: d["targets"].update(prerequisite=5),
         field="targets.prerequisite", value="5")
    edit("target_0_for_role.yaml", "import.bad_target",
         lambda d: d["role_targets"].update(commander={"additional": 0}), field="role_targets.commander.additional")
    edit("note_too_long.yaml", "import.too_long", lambda d: d["roles"]["triage"].update(note="x" * 501),
         field="roles.triage.note", limit=500)

    # --- schema_version 2: workshop ratings, scenarios, actions
    edit("bad_rating_rule.yaml", "import.bad_choice", lambda d: d.update(rating_rule="average"),
         field="rating_rule", value="average")
    edit("self_rating_unknown_person.yaml", "import.ratings_unknown_person",
         lambda d: d["self_ratings"].update(nobody={}), field="self_ratings.nobody")
    edit("self_rating_level_5.yaml", "import.bad_level",
         lambda d: d["self_ratings"]["p1"].update({next(iter(d["self_ratings"]["p1"])): 5}), level="5")
    edit("scenario_unknown_model.yaml", "import.unknown_model", lambda d: d["scenarios"][0].update(model="Z"),
         field="scenarios[0].model", model="Z")
    edit("scenario_missing_role.yaml", "import.missing_roles", lambda d: d["scenarios"][0]["roles"].pop("triage"),
         field="scenarios[0].roles", roles="triage")
    edit("scenario_empty_name.yaml", "import.empty_name", lambda d: d["scenarios"][0].update(name=" "),
         field="scenarios[0].name")
    edit("scenario_twice.yaml", "import.bad_id", lambda d: d["scenarios"].append(copy.deepcopy(d["scenarios"][0])),
         field="scenarios[1].id")
    edit("scenario_same_name.yaml", "import.duplicate_name",
         lambda d: d["scenarios"].append({**copy.deepcopy(d["scenarios"][0]), "id": "s2"}), field="scenarios[1].name")
    edit("hire_unknown_role.yaml", "import.unknown_role",
         lambda d: d["scenarios"][0]["hires"][0]["roles"].append("ninja"), field="scenarios[0].hires[0].roles[1]")
    edit("hire_without_name.yaml", "import.missing_field", lambda d: d["scenarios"][0]["hires"][0].pop("name"),
         field="scenarios[0].hires[0].name")
    edit("action_bad_date.yaml", "import.bad_date", lambda d: d["actions"]["hire:forensics"].update(due="2027-02-30"),
         field="actions.hire:forensics.due")
    edit("action_bad_status.yaml", "import.bad_choice",
         lambda d: d["actions"]["hire:forensics"].update(status="someday"), field="actions.hire:forensics.status")
    edit("action_bad_kind.yaml", "import.bad_choice",
         lambda d: d["actions"]["hire:forensics"].update(kind="pray"), field="actions.hire:forensics.kind")
    edit("action_bad_key.yaml", "import.bad_id",
         lambda d: d["actions"].update({"<script>": {}}), field="actions.<script> (key)")

    # --- people
    edit("duplicate_person_name.yaml", "import.duplicate_person_name",
         lambda d: d["people"][1].update(name=d["people"][0]["name"]), field="people[1].name")
    edit("duplicate_person_name_spaces.yaml", "import.duplicate_person_name",
         lambda d: d["people"][1].update(name="  " + d["people"][0]["name"] + " \t"), field="people[1].name")
    edit("duplicate_person_id.yaml", "import.duplicate_person_id",
         lambda d: d["people"][1].update(id="p1"), field="people[1].id", id="p1")
    edit("empty_name.yaml", "import.empty_name", lambda d: d["people"][3].update(name="   "),
         field="people[3].name")
    edit("name_too_long.yaml", "import.too_long", lambda d: d["people"][0].update(name="名" * 81),
         field="people[0].name", limit=80)
    edit("ratings_unknown_person.yaml", "import.ratings_unknown_person",
         lambda d: d["ratings"].update(ghost={"communicate_accurately": 2}), field="ratings.ghost", person="ghost")

    # --- unsafe or broken YAML / JSON
    good_text = good.decode("utf-8")
    raw("python_object.yaml", "import.yaml_tag",
        b"schema_version: 1\nid: !!python/object/apply:os.system [\"echo pwned\"]\n",
        tag="!!python/object/apply:os.system", line=2)
    raw("python_name.yaml", "import.yaml_tag", b"schema_version: 1\nroles: !!python/name:os.system\n", line=2)
    raw("python_object_new.yaml", "import.yaml_tag",
        b"!!python/object/new:subprocess.Popen [[\"/bin/echo\", \"pwned\"]]\n", line=1)
    raw("binary_tag.yaml", "import.yaml_tag", b"schema_version: 1\nid: !!binary aGVsbG8=\n")
    raw("timestamp_tag.yaml", "import.yaml_tag", b"schema_version: 1\nid: !!timestamp 2024-01-01\n")
    raw("custom_tag.yaml", "import.yaml_tag", b"schema_version: 1\nid: !mytag x\n")
    raw("alias_bomb.yaml", "import.yaml_alias", (
        b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        b"b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        b"f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
        b"h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"), line=1)
    raw("anchor_and_alias.yaml", "import.yaml_alias",
        good.replace(b"targets:\n", b"targets: &t\n", 1) + b"copy: *t\n")
    raw("merge_key_alias.yaml", "import.yaml_alias", b"base: &b {x: 1}\nschema_version: 1\n<<: *b\n", line=1)
    raw("truncated.yaml", "import.yaml_syntax", good_text[: good_text.index("ratings:") + 30].encode()
        + b"\n  p2: {communicate_accurately: [3,")
    raw("bad_indent.yaml", "import.yaml_syntax", b"schema_version: 1\n  id: x\n id2: y\n")
    raw("tab_indent.yaml", "import.yaml_syntax", b"schema_version: 1\nroles:\n\tcommander: x\n")
    raw("two_documents.yaml", "import.yaml_syntax", good + b"---\n" + good)
    raw("duplicate_key.yaml", "import.duplicate_key", good.replace(b"model: A\n", b"model: A\nmodel: B\n", 1),
        key="model")
    raw("control_character.yaml", "import.bad_character", b"schema_version: 1\nid: ab\x07cd\n", line=2)
    raw("nul_byte.yaml", "import.bad_character", b"schema_version: 1\x00\n")
    raw("huge_integer.yaml", "import.yaml_unreadable", b"schema_version: 1\nversion: " + b"9" * 5000 + b"\n")
    raw("deep_nesting.yaml", "import.too_deep", b"a: " + b"[" * 200 + b"]" * 200 + b"\n")
    raw("top_level_list.yaml", "import.not_a_document", b"- schema_version: 1\n")
    raw("top_level_text.yaml", "import.not_a_document", b"just some words\n")
    raw("invalid_utf8.yaml", "import.bad_encoding", b"schema_version: 1\norganisation: caf\xe9\n",
        encoding="UTF-8", line=2, position=36)
    raw("shift_jis.yaml", "import.bad_encoding", good.decode("utf-8").encode("cp932", errors="replace"),
        encoding="UTF-8")
    raw("utf16.yaml", "import.bad_encoding", good.decode("utf-8").encode("utf-16"))
    raw("empty.yaml", "import.empty_file", b"")
    raw("whitespace_only.yaml", "import.empty_file", b"  \n\n\t\n")
    raw("comment_only.yaml", "import.empty_file", b"# nothing here\n")
    raw("truncated.json", "import.json_syntax", _json(base)[:300])
    raw("trailing_comma.json", "import.json_syntax", b'{"schema_version": 1, "id": "x",}', line=1)
    raw("nan.json", "import.json_unreadable", b'{"schema_version": 1, "version": NaN}')
    raw("duplicate_key.json", "import.json_duplicate_key", b'{"schema_version": 1, "id": "a", "id": "b"}', key="id")
    raw("deep_nesting.json", "import.too_deep", b"[" * 5000 + b"]" * 5000)
    raw("deep_nesting_shallow_parse.json", "import.too_deep", b'{"a":' * 30 + b"1" + b"}" * 30)
    raw("huge_integer.json", "import.json_unreadable", b'{"schema_version": ' + b"9" * 5000 + b"}")
    raw("top_level_number.json", "import.not_a_document", b"42")
    raw("null.json", "import.not_a_document", b"null")
    raw("invalid_utf8.json", "import.bad_encoding", b'{"schema_version": 1, "id": "\xff"}')
    raw("empty.json", "import.empty_file", b"")
    raw("html_page.json", "import.json_syntax", b"<!DOCTYPE html><html><script>alert(1)</script></html>")
    raw("notes.txt", "import.unknown_format", b"hello")
    raw("no_extension", "import.unknown_format", good)
    raw("workbook.xlsx", "import.unknown_format", b"PK\x03\x04 not really a workbook")

    # --- ratings CSV (against the model A sample: people are named 佐藤（サンプル） etc.)
    csv_text = export_ratings_csv(demo_assessment("A")).decode("utf-8-sig")
    lines = csv_text.split("\r\n")
    raw("good_ratings.csv", "ok", csv_text.encode("utf-8-sig"))
    raw("good_ratings_no_bom.csv", "ok", csv_text.encode("utf-8"))
    raw("good_ratings_shift_jis.csv", "ok", csv_text.encode("cp932"))
    raw("good_ratings_lf.csv", "ok", csv_text.replace("\r\n", "\n").encode("utf-8"))
    raw("good_ratings_fullwidth_digits.csv", "ok",
        "person,skill_id,level\r\n佐藤（サンプル）,communicate_accurately,３\r\n".encode("utf-8"))
    raw("good_ratings_columns_reordered.csv", "ok",
        "level,Person,SKILL_ID\r\n2,佐藤（サンプル）,communicate_accurately\r\n,,\r\n".encode("utf-8"))
    raw("ratings_unknown_person.csv", "import.csv_unknown_person",
        "\r\n".join(lines[:3] + ["幽霊（サンプル）,communicate_accurately,,3"]).encode("utf-8-sig"),
        line=4, name="幽霊（サンプル）")
    raw("ratings_unknown_skill.csv", "import.csv_unknown_skill",
        "\r\n".join(lines[:2] + ["佐藤（サンプル）,no_such_skill,,3"]).encode("utf-8-sig"),
        line=3, skill="no_such_skill")
    raw("ratings_level_5.csv", "import.csv_bad_level",
        "\r\n".join(lines[:2] + ["佐藤（サンプル）,communicate_accurately,,5"]).encode("utf-8-sig"), line=3, value="5")
    raw("ratings_level_word.csv", "import.csv_bad_level",
        "person,skill_id,level\n佐藤（サンプル）,communicate_accurately,high\n".encode("utf-8"), line=2)
    raw("ratings_level_decimal.csv", "import.csv_bad_level",
        "person,skill_id,level\n佐藤（サンプル）,communicate_accurately,2.5\n".encode("utf-8"), line=2)
    raw("ratings_duplicate_row.csv", "import.csv_duplicate_row",
        "person,skill_id,level\n佐藤（サンプル）,communicate_accurately,2\n佐藤（サンプル）,communicate_accurately,3\n"
        .encode("utf-8"), line=3, first_line=2)
    raw("ratings_bad_header.csv", "import.csv_bad_header", "name,skill,score\nx,y,1\n".encode("utf-8"))
    raw("ratings_no_header.csv", "import.csv_bad_header",
        "佐藤（サンプル）,communicate_accurately,,3\n".encode("utf-8"))
    raw("ratings_extra_column.csv", "import.csv_bad_header", "person,skill_id,level,memo\n".encode("utf-8"))
    raw("ratings_header_only.csv", "import.csv_no_rows", (lines[0] + "\r\n").encode("utf-8-sig"))
    raw("ratings_empty.csv", "import.empty_file", b"")
    raw("ratings_bom_only.csv", "import.csv_no_rows", b"\xef\xbb\xbf")
    raw("ratings_invalid_encoding.csv", "import.bad_encoding",
        b"person,skill_id,level\n\x81 ,communicate_accurately,3\n", encoding="UTF-8 / Shift_JIS", line=2)
    raw("ratings_unclosed_quote.csv", "import.csv_syntax",
        'person,skill_id,level\n"佐藤（サンプル）,communicate_accurately,3\n'.encode("utf-8"), line=2)
    raw("ratings_formula_person.csv", "import.csv_unknown_person",
        "person,skill_id,level\n=cmd|' /C calc'!A0,communicate_accurately,3\n".encode("utf-8"), line=2)
    raw("ratings.yaml_not_csv.csv", "import.csv_bad_header", good)
    raw("ratings_nul_in_name.csv", "import.csv_unknown_person",
        "person,skill_id,level\n佐藤（サンプル）\x00,communicate_accurately,3\n".encode("utf-8"), line=2)
    raw("ratings_multiline_name.csv", "import.csv_unknown_person",
        'person,skill_id,level\n"佐藤\n（サンプル）",communicate_accurately,3\n'.encode("utf-8"), line=2)
    raw("ratings_bad_row_after_multiline.csv", "import.csv_unknown_skill",
        'person,skill_id,level\n佐藤（サンプル）,"communicate_\naccurately",3\n'.encode("utf-8"), line=2)
    raw("set_tag.yaml", "import.yaml_tag", b"schema_version: 1\nid: !!set {a, b}\n", tag="!!set")
    raw("complex_key.yaml", "import.yaml_syntax", b"schema_version: 1\n? [a, b]\n: 1\n", line=2)
    raw("schema_version_float.yaml", "import.unsupported_schema_version", b"schema_version: 1.0\n", version="1.0")
    raw("good_with_bom.json", "ok", b"\xef\xbb\xbf" + _json(base))

    for old in OUT.iterdir():
        if old.name != "expected.yaml":
            old.unlink()
    for name, data in files.items():
        (OUT / name).write_bytes(data)
    header = "# What importing each file must give: an ImportProblem key (and args), or ok.\n" \
             "# Written by tests/unit/make_bad_files.py.\n"
    (OUT / "expected.yaml").write_text(header + yaml.safe_dump(expected, allow_unicode=True, sort_keys=True),
                                       encoding="utf-8")
    print(f"{len(files)} files in {OUT}")


if __name__ == "__main__":
    main()
