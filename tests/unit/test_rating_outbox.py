"""The rating widget's outbox (components/rating/outbox.py) without Streamlit: what the browser may
send is checked item by item, applied in seq order once each, one recorded set_rating op per rating."""
from assessment.core import edit
from assessment.scores.scoring import skills_to_rate
from components.rating import outbox
from csirt_data import load_catalogue

CAT = load_catalogue()
TOKEN = "ab" * 16


def _team():
    a = edit.new_assessment("t", "B", cat=CAT)
    edit.add_person(a, "A", roles=["commander"])
    a.journal = []
    person = a.people[0].id
    return a, person, [k for k, _, _ in skills_to_rate(a, person, CAT)]


def _item(seq, person, skill, level, rater="lead"):
    return {"seq": seq, "person": person, "rater": rater, "skill": skill, "level": level}


def test_parse_keeps_good_items_in_seq_order_and_drops_bad_ones():
    state = {"token": TOKEN, "items": [
        _item(2, "p", "s", 1), _item(1, "p", "s", None), "junk", _item(0, "p", "s", 1), _item(3, "p", "s", 5),
        _item(4, "p", "s", False), _item(5, "p", 7, 1), _item(6, "p", "s", 1, rater="boss"), {"seq": 7}]}
    token, got = outbox.parse(state)
    assert token == TOKEN
    assert [(r.seq, r.level) for r in got] == [(1, None), (2, 1)]


def test_parse_refuses_what_is_no_outbox():
    for state in (None, [], {"items": []}, {"token": "x" * 32, "items": []}, {"token": TOKEN, "items": {}}):
        assert outbox.parse(state) is None
    assert outbox.parse({"token": TOKEN, "items": [_item(i, "p", "s", 1) for i in range(1, 2000)]})[1][-1].seq == outbox.MAX_ITEMS


def test_apply_records_one_op_per_rating_and_skips_what_was_acknowledged():
    a, person, skills = _team()
    _, ratings = outbox.parse({"token": TOKEN, "items": [
        _item(1, person, skills[0], 3), _item(2, person, skills[1], 2), _item(3, person, skills[0], None)]})
    acked, refused = outbox.apply(a, CAT, ratings, acked=1)  # the first was applied before
    assert (acked, refused) == (3, [])
    assert a.ratings[person] == {skills[1]: 2}
    assert [(op.name, op.args["skill_id"], op.args["level"]) for op in a.journal] == [
        ("set_rating", skills[1], 2)]  # clearing a skill that had no rating changes nothing: no op
    assert outbox.apply(a, CAT, ratings, acked=3) == (3, [])
    assert len(a.journal) == 1


def test_apply_refuses_a_removed_person_or_a_skill_not_theirs_and_applies_the_rest():
    a, person, skills = _team()
    other = next(k for k in CAT.skills if k not in skills)
    _, ratings = outbox.parse({"token": TOKEN, "items": [
        _item(1, "gone", skills[0], 1), _item(2, person, other, 1), _item(3, person, skills[0], 4, rater="self")]})
    acked, refused = outbox.apply(a, CAT, ratings, acked=0)
    assert acked == 3 and [e.key for e in refused] == ["rating.person_gone", "rating.not_theirs"]
    assert a.self_ratings[person] == {skills[0]: 4} and not a.ratings.get(person)
