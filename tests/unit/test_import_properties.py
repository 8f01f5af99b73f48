"""Property-based tests (hypothesis) of the files in and out:

- any assessment built through edit.py round-trips exactly through the document, YAML, JSON, the
  ratings CSV and the store;
- random bytes, random documents and mutated good files never crash an importer: each either gives
  a valid Assessment or raises ImportProblem, and never changes the current assessment."""
from __future__ import annotations

import copy
import json
import os

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.core.demos import DEMO_MODELS, demo_assessment
from assessment.core.edit import (EditError, add_person, apply_model, new_assessment, set_organisation,
                             set_person_itss, set_ratings, set_role_note, set_role_status, set_target)
from assessment.core.errors import ImportProblem
from assessment.exchange.files import (export_json, export_ratings_csv, export_yaml, import_file, import_json,
                              import_ratings_csv, import_yaml)
from assessment.core.model import STATUSES
from assessment.exchange.serialise import from_document, to_document
from assessment.storage.store import Store
from csirt_data import load_catalogue

CAT = load_catalogue()
ROLES = list(CAT.role_ids)
SKILLS = list(CAT.skills)
# CSIRT_HYPOTHESIS_SCALE=50 runs fifty times more examples (for a long hunt; CI uses 1).
SCALE = int(os.environ.get("CSIRT_HYPOTHESIS_SCALE", "1"))
SETTINGS = settings(max_examples=40 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    derandomize=False)

DEMOS = {m: demo_assessment(m) for m in DEMO_MODELS}
CURRENT = DEMOS["A"]  # the work a failed import must leave alone
GOOD_FILES = {
    **{f"demo_{m}.yaml": export_yaml(a) for m, a in DEMOS.items()},
    **{f"demo_{m}.json": export_json(a) for m, a in DEMOS.items()},
    "demo_A.csv": export_ratings_csv(CURRENT),
}

# Text people type, with the awkward cases in it: HTML, formulas, YAML syntax, quotes, emoji,
# control characters and odd whitespace.
awkward = st.sampled_from(["<script>alert(1)</script>", "=1+1", "@x", "-", "'", '"', "&a", "*a", "!!python/object",
                           "null", "yes", "2024-01-01", "1e3", "# c", ": x", "\t", "\x00", "\x07", "\u2028",
                           "\ufeff", "😀", "𠮷", "ｶﾀｶﾅ"])
typed = st.lists(st.one_of(st.text(max_size=12), awkward), max_size=4).map("".join)


@st.composite
def assessments(draw):
    """An assessment built the way the app builds one: only through edit.py."""
    a = new_assessment("", cat=CAT, assessment_id=draw(st.from_regex(r"[A-Za-z0-9_-]{1,20}", fullmatch=True)))
    model = draw(st.sampled_from([None, "A", "B", "C", "D"]))
    if model:
        apply_model(a, model, draw(st.sampled_from([None, "D1", "D2"])), cat=CAT)
    for role, status in draw(st.dictionaries(st.sampled_from(ROLES), st.sampled_from(STATUSES), max_size=5)).items():
        set_role_status(a, role, status)
    for role, note in draw(st.dictionaries(st.sampled_from(ROLES), typed, max_size=3)).items():
        try:
            set_role_note(a, role, note)
        except EditError:  # a character that cannot be kept: refused, as in the app
            pass
    in_house = [r for r in ROLES if a.roles[r].status == "in_house"]
    for name in draw(st.lists(typed, max_size=5)):
        roles = draw(st.lists(st.sampled_from(in_house), max_size=3)) if in_house else []
        try:
            person = add_person(a, name, draw(st.none() | st.integers(1, 7)), roles)
        except EditError:  # empty or duplicate name: the app refuses it too
            continue
        levels = draw(st.dictionaries(st.sampled_from(SKILLS), st.none() | st.integers(0, 4), max_size=6))
        set_ratings(a, person.id, levels, cat=CAT)
        if draw(st.booleans()):
            set_person_itss(a, person.id, None)
    # flip some roles afterwards, so people keep dormant roles
    for role, status in draw(st.dictionaries(st.sampled_from(ROLES), st.sampled_from(STATUSES), max_size=3)).items():
        set_role_status(a, role, status)
    for kind, value in draw(st.dictionaries(st.sampled_from(["prerequisite", "additional"]), st.integers(1, 4))).items():
        set_target(a, kind, value, draw(st.none() | st.sampled_from(ROLES)))
    if draw(st.booleans()):
        try:
            set_organisation(a, draw(typed))
        except EditError:  # a character that cannot be kept: refused, as in the app
            pass
    a.sample = draw(st.booleans())
    return a


# --- round trips --------------------------------------------------------------------------------

@SETTINGS
@given(assessments())
def test_any_assessment_round_trips_through_every_format(a):
    assert from_document(to_document(a, CAT), CAT) == a
    assert import_yaml(export_yaml(a, CAT), CAT) == a
    assert import_json(export_json(a, CAT), CAT) == a
    csv_data = export_ratings_csv(a, CAT)
    if csv_data.count(b"\n") > 1:
        assert import_ratings_csv(a, csv_data, CAT) == a
    else:  # nobody with a skill to rate: a header alone, which an import refuses as empty
        with pytest.raises(ImportProblem) as err:
            import_ratings_csv(a, csv_data, CAT)
        assert err.value.key == "import.csv_no_rows"


@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory):
    s = Store(f"sqlite:///{tmp_path_factory.mktemp('prop') / 'prop.db'}")
    yield s
    s.close()


@settings(max_examples=20 * SCALE, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(assessments())
def test_any_assessment_round_trips_through_the_store(sqlite_store, a):
    sqlite_store.delete(a.id)
    sqlite_store.save(a, 0)
    assert sqlite_store.load(a.id) == a


# --- nothing crashes an importer, nothing changes the current work ------------------------------

def _import_any(name: str, data: bytes):
    before = copy.deepcopy(CURRENT)
    try:
        result = import_file(name, data, CURRENT, CAT)
    except ImportProblem as exc:
        assert exc.key.startswith("import."), exc
        result = None
    assert CURRENT == before, "an import changed the current assessment"
    if result is not None:  # whatever was accepted is valid work: it exports and comes back
        assert result is not CURRENT
        assert import_yaml(export_yaml(result, CAT), CAT) == result
    return result


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from(["f.yaml", "f.json", "f.csv"]))
def test_random_bytes(data, name):
    _import_any(name, data)


@SETTINGS
@given(st.text(max_size=300), st.sampled_from(["f.yaml", "f.json", "f.csv"]))
def test_random_text(text, name):
    _import_any(name, text.encode("utf-8"))


SNIPPETS = [b"&a ", b"*a", b"!!python/object/apply:os.system ", b"!!binary ", b"\x00", b"\xff", b"\x81",
            b"{", b"}", b"[", b"]", b"- ", b": ", b"\n  ", b"\n", b'"', b"'", b"9" * 30, b"~", b"null", b"true",
            b".nan", b"<<: ", b"---\n", b",", b"\r\n", b"\t", b"-1", b"7", b"99", b"in_house", b"outsourced",
            b"people", b"ratings", b"roles", b"schema_version", "佐藤（サンプル）".encode(), b"=", b"#"]


@st.composite
def mutated(draw):
    name = draw(st.sampled_from(sorted(GOOD_FILES)))
    data = bytearray(GOOD_FILES[name])
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "delete", "insert", "truncate", "duplicate", "swap"]))
        i = draw(st.integers(0, len(data)))
        if op == "flip" and i < len(data):
            data[i] = draw(st.integers(0, 255))
        elif op == "delete":
            del data[i:i + draw(st.integers(1, 40))]
        elif op == "insert":
            data[i:i] = draw(st.sampled_from(SNIPPETS) | st.binary(min_size=1, max_size=8))
        elif op == "truncate":
            del data[i:]
        elif op == "duplicate":
            j = draw(st.integers(0, len(data)))
            data[j:j] = data[i:i + draw(st.integers(1, 80))]
        elif op == "swap":
            j = draw(st.integers(0, len(data)))
            a, b = sorted((i, j))
            data[a:b] = data[a:b][::-1] if b - a < 64 else data[a:b]
    return name, bytes(data)


@settings(max_examples=150 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_good_files(case):
    name, data = case
    _import_any(name, data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10) | st.integers() | st.floats(allow_nan=True)
    | st.text(max_size=10) | st.sampled_from(ROLES[:3] + SKILLS[:3] + list(STATUSES) + ["A", "D", "D1"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, prefix + (i,))


@st.composite
def mutated_documents(draw):
    doc = copy.deepcopy(to_document(DEMOS[draw(st.sampled_from(DEMO_MODELS))], CAT))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        path = draw(st.sampled_from(paths))
        parent = doc
        for part in path[:-1]:
            parent = parent[part]
        op = draw(st.sampled_from(["replace", "delete", "add"]))
        if op == "replace":
            parent[path[-1]] = draw(json_values)
        elif op == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=8) | st.sampled_from(ROLES + SKILLS))] = draw(json_values)
        else:
            parent.append(draw(json_values))
    return doc


@settings(max_examples=150 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_documents(), st.sampled_from(["yaml", "json", "document"]))
def test_mutated_documents(doc, how):
    if how == "document":
        try:
            a = from_document(doc, CAT)
        except ImportProblem:
            return
        assert from_document(to_document(a, CAT), CAT) == a
        return
    if how == "yaml":
        data = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")
    else:
        try:
            data = json.dumps(doc, ensure_ascii=False).encode("utf-8")
        except ValueError:
            return
    _import_any(f"f.{how}", data)


@SETTINGS
@given(json_values)
def test_random_documents(value):
    try:
        from_document(value, CAT)
    except ImportProblem:
        pass
    _import_any("f.yaml", yaml.safe_dump(value, allow_unicode=True).encode("utf-8"))
    _import_any("f.json", json.dumps(value).encode("utf-8"))


@SETTINGS
@given(st.lists(st.lists(st.one_of(st.text(max_size=10), st.sampled_from(
    ["person", "skill_id", "skill", "level", "佐藤（サンプル）", "communicate_accurately", "3", "", "５", "'=x"])),
    max_size=5), max_size=6), st.sampled_from(["utf-8", "utf-8-sig", "cp932"]))
def test_random_csv(rows, encoding):
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows(rows)
    try:
        data = out.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return
    _import_any("f.csv", data)
