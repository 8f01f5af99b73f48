"""Issue 12 items 6 and 9: hostile Unicode at every boundary.

Lone surrogates and control characters are refused with a message naming the field; invisible and
bidi characters are removed; names are compared after NFKC and look-alike folding. Property tests
give every importer and every typed field arbitrary Unicode and ask: refused with a message, or
accepted and then kept exactly through YAML, JSON, Excel and the store (SQLite and PostgreSQL)."""
from __future__ import annotations

import io
import json

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.core.edit import (EditError, add_person, new_assessment, rename_person, set_action,
                                  set_organisation, set_role_note)
from assessment.core.errors import ImportProblem
from assessment.core.messages import message
from assessment.core.text import bad_character, clean, name_key, printable
from assessment.exchange.files import (export_json, export_ratings_csv, export_xlsx, export_yaml, import_json,
                                       import_ratings_csv, import_yaml)
from assessment.exchange.serialise import to_document
from assessment.plans.scenarios import add_scenario
from assessment.storage.store import Store
from csirt_data import load_catalogue

CAT = load_catalogue()
ROLE = CAT.role_ids[0]
SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Everything a hostile or careless source can hand us: any code point (surrogates included),
# with the awkward ones made likely.
HOSTILE = ["\ud800", "\udfff", "\x00", "\x1b", "\x7f", "\x85", "\u202e", "\u2066", "\u200b", "\u200f", "\ufeff",
           "\u00ad", "\u0301", "\u0392", "\u0430", "Ａ", "ｶ", "\ufdd0", "\uffff", "\U0001f600", "<b>", "[x](y)"]
any_char = st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF) | st.sampled_from(HOSTILE)
hostile_text = st.lists(any_char, min_size=1, max_size=12).map("".join)


def _doc(**fields):
    a = new_assessment(cat=CAT, assessment_id="h1")
    add_person(a, "Alice")
    doc = to_document(a, CAT)
    doc.update(fields)
    return doc


def _json_bytes(doc) -> bytes:
    # ensure_ascii writes a lone surrogate as the \ud800 escape, as an attacker's file would.
    return json.dumps(doc, ensure_ascii=True).encode()


# --- refused at the boundary, with the field named ----------------------------------------------

@pytest.mark.parametrize("bad", ["\ud800", "a\u0000b", "x\x1by", "\ufffe"])
def test_an_imported_organisation_with_a_bad_character_is_refused_naming_the_field(bad):
    with pytest.raises(ImportProblem) as err:
        import_json(_json_bytes(_doc(organisation=bad)), CAT)
    assert err.value.key == "import.bad_text" and err.value.args_["field"] == "organisation"
    text = message(err.value, "en")
    assert "organisation" in text and bad_character(text) is None  # the message itself can be drawn


def test_a_person_name_and_a_note_with_a_bad_character_are_refused_naming_the_field():
    doc = _doc()
    doc["people"][0]["name"] = "Al\x00ice"
    with pytest.raises(ImportProblem) as err:
        import_json(_json_bytes(doc), CAT)
    assert err.value.args_["field"] == "people[0].name"
    doc = _doc()
    doc["roles"][ROLE]["note"] = "\udc00"
    with pytest.raises(ImportProblem) as err:
        import_json(_json_bytes(doc), CAT)
    assert err.value.args_["field"] == f"roles.{ROLE}.note"


def test_an_unknown_key_with_a_surrogate_is_quoted_drawably():
    doc = _doc()
    doc["roles"]["\ud800x"] = {"status": "gap"}
    with pytest.raises(ImportProblem) as err:
        import_json(_json_bytes(doc), CAT)
    assert bad_character(message(err.value, "ja")) is None
    assert "\\ud800" in message(err.value, "ja")


@pytest.mark.parametrize("edit", [
    lambda a: set_organisation(a, "a\x00b"),
    lambda a: add_person(a, "\ud800"),
    lambda a: rename_person(a, a.people[0].id, "Bo\x07b"),
    lambda a: set_role_note(a, ROLE, "n\x1bote"),
    lambda a: set_action(a, "hire:" + ROLE, owner="\x00"),
    lambda a: add_scenario(a, "s\ud800"),
])
def test_typed_text_with_a_bad_character_is_refused_and_changes_nothing(edit):
    a = new_assessment(cat=CAT)
    add_person(a, "Alice")
    before = to_document(a, CAT)
    with pytest.raises(EditError) as err:
        edit(a)
    assert err.value.key.startswith("error.bad_character.")
    assert to_document(a, CAT) == before


def test_a_csv_person_cell_with_a_control_character_is_refused_drawably():
    a = new_assessment(cat=CAT)
    add_person(a, "Alice")
    data = f"person,skill_id,level\r\nAl\x00ice,{next(iter(CAT.skills))},3\r\n".encode()
    with pytest.raises(ImportProblem) as err:
        import_ratings_csv(a, data, CAT)
    assert bad_character(message(err.value, "en")) is None


# --- item 9: names that disguise themselves -----------------------------------------------------

def test_bidi_and_invisible_characters_are_removed_from_kept_text():
    a = new_assessment(cat=CAT)
    p = add_person(a, "Eve\u202e)%52(\u202c")
    assert p.name == "Eve)%52("
    set_organisation(a, "\u2067CSIRT\u2069\u200b")
    assert a.organisation == "CSIRT"
    doc = _doc(organisation="（株）Ｏｒｇ\u200f")  # full-width kept as typed: only compared folded
    assert import_json(_json_bytes(doc), CAT).organisation == "（株）Ｏｒｇ"


@pytest.mark.parametrize("twin", ["Bo\u200bb", "\u0392ob", "B\u043eb", "Ｂｏｂ", "Bob\u00ad"])
def test_names_that_look_the_same_are_one_name(twin):
    a = new_assessment(cat=CAT)
    add_person(a, "Bob")
    with pytest.raises(EditError) as err:
        add_person(a, twin)
    assert err.value.key == "error.duplicate_name"
    doc = _doc()
    doc["people"].append({"id": "p2", "name": "Bob", "roles": []})
    doc["people"].append({"id": "p3", "name": twin, "roles": []})
    with pytest.raises(ImportProblem) as problem:
        import_json(_json_bytes(doc), CAT)
    assert problem.value.key == "import.duplicate_person_name"


def test_a_csv_finds_a_person_by_the_compared_name():
    a = new_assessment(cat=CAT)
    p = add_person(a, "Bob")
    skill = next(iter(CAT.skills))
    got = import_ratings_csv(a, f"person,skill_id,level\r\nBo\u200bb,{skill},2\r\n".encode(), CAT)
    assert got.ratings[p.id][skill] == 2


def test_printable_cuts_and_shows_invisible_characters():
    assert printable("x" * 20000, 80) == "x" * 79 + "…"
    assert printable("a\u202eb") == "a\\u202eb"
    assert clean(clean("e\u0301\u200bＡ")) == clean("e\u0301\u200bＡ") == "éＡ"
    assert name_key("Βob") == name_key("Bob")


# --- properties: refused with a message, or kept exactly everywhere -----------------------------

def _kept_everywhere(a, stores):
    assert import_yaml(export_yaml(a, CAT), CAT) == a
    assert import_json(export_json(a, CAT), CAT) == a
    csv_data = export_ratings_csv(a, CAT)
    if csv_data.count(b"\n") > 1:  # someone with a skill to rate
        assert import_ratings_csv(a, csv_data, CAT) == a
    book = openpyxl.load_workbook(io.BytesIO(export_xlsx(a, "en", CAT)), read_only=True)
    cells = {c for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)}
    for person in a.people:
        assert person.name in cells or "'" + person.name in cells
    for s in stores:
        s.delete(a.id)
        s.save(a, 0)
        assert s.load(a.id) == a


@pytest.fixture(scope="module")
def stores(tmp_path_factory, request):
    made = [Store(f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'h.db'}", cat=CAT)]
    try:
        made.append(Store(request.getfixturevalue("postgres_server").new_database(), cat=CAT))
    except pytest.skip.Exception:
        pass  # no PostgreSQL binaries here: SQLite alone (make test installs them)
    yield made
    for s in made:
        s.close()


@SETTINGS
@given(org=hostile_text, name=hostile_text, note=hostile_text, owner=hostile_text, scenario=hostile_text)
def test_any_typed_text_is_refused_or_kept_exactly(stores, org, name, note, owner, scenario):
    a = new_assessment(cat=CAT, assessment_id="typed1")
    for edit in (lambda: set_organisation(a, org), lambda: add_person(a, name), lambda: set_role_note(a, ROLE, note),
                 lambda: set_action(a, "hire:" + ROLE, owner=owner), lambda: add_scenario(a, scenario)):
        try:
            edit()
        except EditError as exc:
            assert exc.key.startswith("error.")
    for text in (a.organisation, a.roles[ROLE].note, *(p.name for p in a.people), *(s.name for s in a.scenarios)):
        assert bad_character(text) is None and clean(text) == text
    _kept_everywhere(a, stores)


@SETTINGS
@given(org=hostile_text, name=hostile_text, note=hostile_text)
def test_any_imported_text_is_refused_or_kept_exactly(stores, org, name, note):
    doc = _doc(organisation=org)
    doc["people"][0]["name"] = name
    doc["roles"][ROLE]["note"] = note
    for data, load in ((_json_bytes(doc), import_json), (json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass"), import_json)):
        try:
            a = load(data, CAT)
        except ImportProblem as exc:
            assert bad_character(message(exc, "en")) is None
            continue
        _kept_everywhere(a, stores)


@SETTINGS
@given(person=hostile_text)
def test_any_csv_person_cell_is_refused_or_applied(person):
    a = new_assessment(cat=CAT)
    p = add_person(a, "Bob")
    skill = next(iter(CAT.skills))
    data = f"person,skill_id,level\r\n{person},{skill},1\r\n".encode("utf-8", "surrogatepass")
    try:
        got = import_ratings_csv(a, data, CAT)
    except ImportProblem as exc:
        assert bad_character(message(exc, "ja")) is None
        return
    assert got.ratings[p.id][skill] == 1
