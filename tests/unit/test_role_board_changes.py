"""The role board's outbox (components/role_board/changes.py) without Streamlit: what the browser may
send is checked item by item, applied in seq order once each, one recorded op per change, and a
change the edit refuses is reported while the rest applies."""
from assessment.core import edit
from components.role_board import changes
from csirt_data import load_catalogue

CAT = load_catalogue()
TOKEN = "cd" * 16


def _item(seq, role, field, value):
    return {"seq": seq, "role": role, "field": field, "value": value}


def test_parse_keeps_good_items_in_seq_order_and_drops_bad_ones():
    state = {"token": TOKEN, "items": [
        _item(3, "triage", "note", "x"), _item(1, "triage", "status", "gap"), "junk", _item(0, "triage", "status", "gap"),
        _item(True, "triage", "status", "gap"), _item(4, "triage", "owner", "x"), _item(5, 7, "status", "gap"),
        _item(6, "triage", "status", None), _item(7, "triage", "note", ["x"]), {"seq": 8}]}
    token, got = changes.parse(state)
    assert token == TOKEN
    assert [(c.seq, c.field, c.value) for c in got] == [(1, "status", "gap"), (3, "note", "x")]


def test_parse_refuses_what_is_no_outbox():
    for state in (None, "x", {"items": []}, {"token": "Z" * 32, "items": []}, {"token": TOKEN, "items": {}}):
        assert changes.parse(state) is None


def test_apply_records_one_op_per_change_skips_what_was_acknowledged_and_reports_refusals():
    a = edit.new_assessment("t", "B", cat=CAT)
    a.journal = []
    _, got = changes.parse({"token": TOKEN, "items": [
        _item(1, "triage", "status", "gap"), _item(2, "commander", "status", "gap"),
        _item(3, "nobody", "status", "gap"), _item(4, "commander", "status", "retired"),
        _item(5, "commander", "note", "委託先\x07X"), _item(6, "commander", "note", "後任を募集中")]})
    acked, refused = changes.apply(a, got, acked=1)  # the first was applied before
    assert acked == 6
    assert [e.key for e in refused] == ["error.unknown_role", "error.unknown_status", "error.bad_character.note"]
    assert a.roles["triage"].status != "gap"  # acknowledged before: not applied again
    assert a.roles["commander"].status == "gap" and a.roles["commander"].note == "後任を募集中"
    assert [op.name for op in a.journal] == ["set_role_status", "set_role_note"]
    assert changes.apply(a, got, acked=6) == (6, [])
