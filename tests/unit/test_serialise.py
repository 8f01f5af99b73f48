"""The canonical document (schema_version 1): plain data, exact round trips, and validation that
names the field."""
from __future__ import annotations

import copy
import json

import pytest

from assessment.core.demos import DEMO_MODELS, demo_assessment
from assessment.core.edit import new_assessment, set_role_status
from assessment.core.errors import ImportProblem
from assessment.exchange.serialise import SCHEMA_VERSION, field_path, from_document, to_document


def _plain(value) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or isinstance(value, (str, int, bool))


@pytest.mark.parametrize("model", DEMO_MODELS)
def test_demo_round_trip_keeps_id_version_and_sample(model):
    a = demo_assessment(model)
    doc = to_document(a)
    assert _plain(doc)
    assert json.loads(json.dumps(doc)) == doc
    b = from_document(doc)
    assert b == a
    assert (b.id, b.version, b.sample) == (a.id, a.version, True)


def test_from_document_does_not_change_its_input():
    doc = to_document(demo_assessment("B"))
    before = copy.deepcopy(doc)
    from_document(doc)
    assert doc == before


def test_an_empty_assessment_round_trips():
    a = new_assessment()
    assert from_document(to_document(a)) == a
    assert to_document(a)["schema_version"] == SCHEMA_VERSION == 2


def test_minimal_document_gets_defaults():
    full = to_document(new_assessment(assessment_id="min1"))
    doc = {"schema_version": 1, "id": "min1", "roles": full["roles"]}
    assert from_document(doc) == new_assessment(assessment_id="min1")


def test_names_are_normalised_like_the_edit_functions_do():
    doc = to_document(demo_assessment("A"))
    doc["people"][0]["name"] = "  佐藤   太郎 \t"
    doc["organisation"] = "  組織  "
    a = from_document(doc)
    assert a.people[0].name == "佐藤 太郎" and a.organisation == "組織"


def test_dormant_roles_are_accepted():
    a = demo_assessment("A")
    holder = next(p for p in a.people if "commander" in p.roles)
    set_role_status(a, "commander", "outsourced")
    doc = to_document(a)
    assert "commander" in next(p for p in doc["people"] if p["id"] == holder.id)["roles"]
    assert from_document(doc) == a


@pytest.mark.parametrize("data, key", [
    (None, "import.not_a_document"),
    ([], "import.not_a_document"),
    ("schema_version: 1", "import.not_a_document"),
    ({}, "import.missing_schema_version"),
    ({"schema_version": True}, "import.unsupported_schema_version"),
    ({"schema_version": 0}, "import.unsupported_schema_version"),
    ({"schema_version": 1}, "import.missing_field"),
])
def test_refusals(data, key):
    with pytest.raises(ImportProblem) as err:
        from_document(data)
    assert err.value.key == key


def test_field_paths():
    assert field_path(("people", 3, "name")) == "people[3].name"
    assert field_path(("ratings", "p1", "skill")) == "ratings.p1.skill"
    assert field_path(()) == "(document)"
    assert field_path(("ratings", 7, "[key]")) == "ratings[7] (key)"
