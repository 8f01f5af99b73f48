"""The Roles page's role board (components/role_board) through AppTest: what the page sends the
board, and what it does with the board's outbox (each test plays the browser, as board.js does)."""
import pytest

from components.role_board.widget import KEY
from components.session.safe_text import quote
from csirt_data import load_catalogue
from csirt_data.i18n import translate
from tests.app.helpers import app, assessment, goto, no_errors
from tests.app.role_board import TOKEN, board_data, board_roles, change, send, set_note, set_status
from tests.app.test_team_merge import store

CAT = load_catalogue()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_board_holds_every_role_by_function_with_its_texts_in_the_language(lang):
    at = app(demo="C", lang=lang, page="roles")
    no_errors(at)
    data = board_data(at)
    assert [f["id"] for f in data["functions"]] == [f.id for f in CAT.functions]
    roles = board_roles(at)
    assert list(roles) == [r.id for f in CAT.functions for r in CAT.roles_of_function(f.id)]
    assert len(roles) == 19
    a = assessment(at)
    for r in CAT.roles:
        shown = roles[r.id]
        assert shown["label"] == r.label(lang) and shown["status"] == a.roles[r.id].status
        assert shown["duties"] == [d.get(lang) for d in r.duties]
    assert [s["label"] for s in data["statuses"]] == [translate(f"status.{s}", lang) for s in
                                                       ("in_house", "outsourced", "gap", "not_applicable")]
    assert data["text"]["changed_count"] == translate("roles.changed_count", lang, n="{n}")
    assert all("⟨" not in v for v in data["text"].values())


def test_several_changes_in_one_outbox_apply_in_order_once_and_are_acknowledged():
    at = app(demo="B", page="roles")
    change(at, [("triage", "status", "gap"), ("triage", "status", "outsourced"), ("triage", "note", "委託中")])
    no_errors(at)
    a = assessment(at)
    assert a.roles["triage"].status == "outsourced" and a.roles["triage"].note == "委託中"
    assert board_data(at)["acked"] == {"token": TOKEN, "seq": 3}
    assert store().load(a.id).roles["triage"].status == "outsourced"  # saved by the same run
    # Someone else's value since; the same outbox arriving again (not yet acknowledged in the
    # browser) changes nothing.
    set_status(at, "triage", "gap")
    send(at, [{"seq": 2, "role": "triage", "field": "status", "value": "outsourced"}])
    assert assessment(at).roles["triage"].status == "gap"


def test_a_change_that_reaches_a_new_session_without_its_callback_is_applied_and_drawn():
    """A tab reconnected to a restarted server sends the board's queue to a new session, which runs no
    callback for it: the page takes it and runs again, so every figure shows it."""
    at = app(demo="B", page="roles")
    set_status(at, "commander", "gap", callback=False)
    no_errors(at)
    assert assessment(at).roles["commander"].status == "gap"
    assert board_roles(at)["commander"]["status"] == "gap"
    assert board_data(at)["acked"] == {"token": TOKEN, "seq": 1}


@pytest.mark.parametrize("outbox", [
    "not a dict",
    {"token": "short", "items": []},
    {"token": TOKEN, "items": "nope"},
    {"token": TOKEN, "items": [{"seq": 1, "role": "triage", "field": "owner", "value": "x"}]},
    {"token": TOKEN, "items": [{"seq": True, "role": "triage", "field": "status", "value": "gap"}]},
    {"token": TOKEN, "items": [{"seq": 1, "role": ["triage"], "field": "status", "value": "gap"}]},
    {"token": TOKEN, "items": [{"seq": 1, "role": "triage", "field": "status", "value": None}]},
])
def test_a_bad_outbox_changes_nothing_and_breaks_nothing(outbox):
    at = app(demo="B", page="roles")
    before = {r: (s.status, s.note) for r, s in assessment(at).roles.items()}
    at.session_state[KEY] = {"outbox": outbox}
    at.run()
    no_errors(at)
    assert {r: (s.status, s.note) for r, s in assessment(at).roles.items()} == before
    assert board_data(at)["functions"]


def test_a_refused_change_says_why_in_the_language_and_the_rest_applies():
    at = app(demo="B", lang="en", page="roles")
    change(at, [("nobody", "status", "gap"), ("triage", "status", "retired"), ("triage", "note", "bell\x07"),
                ("commander", "status", "gap")])
    no_errors(at)
    assert assessment(at).roles["commander"].status == "gap"
    assert assessment(at).roles["triage"].status != "retired"
    shown = " ".join(e.value for e in at.error)
    assert translate("error.unknown_status", "en", status="retired") in shown
    assert translate("error.bad_character.note", "en", char=quote("U+0007")) in shown  # inert Markdown
    assert "nobody" in shown
    goto(at, "roles")  # said once
    assert not at.error


def test_a_hostile_note_reaches_the_board_as_plain_data():
    """The board sets it with textContent and as an input's value (the browser test sees the text);
    here: stored as typed, and not mangled into HTML or Markdown on the way."""
    evil = "<img src=x onerror=alert(1)>**bold** [x](javascript:alert(1))"
    at = app(demo="B", page="roles")
    set_note(at, "commander", evil)
    no_errors(at)
    assert assessment(at).roles["commander"].note == evil
    assert board_roles(at)["commander"]["note"] == evil
