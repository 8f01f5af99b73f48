"""The rating widget's server side under streamlit.testing (AppTest cannot run its JavaScript, so
each test plays the browser: it sets the widget's outbox as rating.js does). What the page sends the
widget, and what it does with the ratings the widget queues: one recorded, saved edit each, applied
once, and untrusted shapes refused without harm."""
import pytest

from assessment.core import edit
from assessment.scores.scoring import skills_to_rate
from assessment.storage.store import default_url
from components.rating.widget import KEY
from components.session.persistence import _store
from csirt_data import load_catalogue
from csirt_data.i18n import translate
from tests.app.helpers import app, assessment, goto, no_errors
from tests.app.rating_widget import TOKEN, rate, widget_data

CAT = load_catalogue()


def _first(at):
    a = assessment(at)
    person = a.person(at.session_state["skills_person"])
    return a, person, [k for k, _, _ in skills_to_rate(a, person.id, CAT)]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_widget_gets_every_row_and_text_in_the_language(lang):
    at = app(demo="B", lang=lang, page="skills")
    no_errors(at)
    a, person, skills = _first(at)
    data = widget_data(at)
    assert [r["skill"] for r in data["rows"]] == skills
    assert [r["number"] for r in data["rows"]] == list(range(1, len(skills) + 1))
    assert [r["text"] for r in data["rows"]] == [CAT.skill(k).get(lang) for k in skills]  # whole, never cut
    assert [r["mine"] for r in data["rows"]] == [a.ratings[person.id].get(k) for k in skills]
    assert [lv["label"] for lv in data["levels"]] == [f"{n} {translate(f'level.{n}', lang)}" for n in range(5)]
    row = data["rows"][0]
    kind, roles = next((kd, rs) for k, kd, rs in skills_to_rate(a, person.id, CAT) if k == row["skill"])
    assert row["target"] == max(a.target(r, kind) for r in roles)
    for role in roles:
        assert CAT.role(role).name.get(lang) in row["meta"]  # role names whole
    for key in ("legend", "hint", "clear"):
        assert data["text"][key] == translate(f"rating.{key}", lang)
    assert data["acked"] == {}  # nothing sent yet


def test_a_rating_is_one_recorded_edit_saved_at_once_and_acknowledged():
    at = app(demo="B", page="skills")
    a, person, skills = _first(at)
    before = a.ratings[person.id][skills[0]]
    new = (before + 1) % 5
    rate(at, {0: new})
    no_errors(at)
    a = assessment(at)
    assert a.ratings[person.id][skills[0]] == new
    assert widget_data(at)["acked"] == {"token": TOKEN, "seq": 1}
    assert widget_data(at)["rows"][0]["mine"] == new
    # Saved with this run (the sample became a stored assessment)...
    store = _store(default_url())
    assert store.load(a.id).ratings[person.id][skills[0]] == new
    assert not a.journal  # nothing left to save
    # ... and the next rating is an op of the change log (what team mode merges).
    rate(at, {1: None})
    assert skills[1] not in store.load(a.id).ratings[person.id]
    latest = store.changes(a.id, limit=1)[0]
    assert [(op.name, op.args["skill_id"], op.args["level"], op.args["rater"]) for op in latest.ops] == [
        ("set_rating", skills[1], None, "lead")]


def test_a_queue_of_ratings_applies_in_order_and_each_only_once():
    at = app(demo="B", page="skills")
    a, person, skills = _first(at)
    # Three ratings queued while the server was busy arrive in one outbox: 1, then 2 on the same
    # skill (the later wins), and a clear of the second skill.
    at.session_state[KEY] = {"outbox": {"token": TOKEN, "items": [
        {"seq": 1, "person": person.id, "rater": "lead", "skill": skills[0], "level": 1},
        {"seq": 3, "person": person.id, "rater": "lead", "skill": skills[1], "level": None},
        {"seq": 2, "person": person.id, "rater": "lead", "skill": skills[0], "level": 2}]}}
    at.run()
    no_errors(at)
    mine = assessment(at).ratings[person.id]
    assert mine[skills[0]] == 2 and skills[1] not in mine
    assert widget_data(at)["acked"]["seq"] == 3
    # Someone else sets the first skill to 4; the same outbox arriving again (the browser sends its
    # state with every rerun until it has the acknowledgement) does not undo that.
    edit.set_rating(assessment(at), person.id, skills[0], 4, cat=CAT)
    at.run()
    assert assessment(at).ratings[person.id][skills[0]] == 4


def test_the_self_rater_edits_the_self_rating_only():
    at = app(demo="B", page="skills")
    a, person, skills = _first(at)
    lead = dict(a.ratings[person.id])
    at.button_group(key="skills_rater_pick").set_value("self").run()
    rate(at, {0: 1, 1: 0})
    no_errors(at)
    a = assessment(at)
    assert a.self_ratings[person.id] == {skills[0]: 1, skills[1]: 0}
    assert a.ratings[person.id] == lead
    data = widget_data(at)
    assert [r["mine"] for r in data["rows"][:2]] == [1, 0]
    assert [r["other"] for r in data["rows"]] == [lead.get(k) for k in skills]


@pytest.mark.parametrize("outbox", [
    "not a dict",
    {"token": "short", "items": []},
    {"token": TOKEN, "items": "nope"},
    {"token": TOKEN, "items": [{"seq": 1, "person": "?", "rater": "lead", "skill": "?", "level": 1}]},
    {"token": TOKEN, "items": [{"seq": True, "person": "P", "rater": "lead", "skill": "S", "level": 1}]},
    {"token": TOKEN, "items": [{"seq": 1, "person": "P", "rater": "boss", "skill": "S", "level": 1}]},
    {"token": TOKEN, "items": [{"seq": 1, "person": "P", "rater": "lead", "skill": "S", "level": 7}]},
    {"token": TOKEN, "items": [{"seq": 1, "person": "P", "rater": "lead", "skill": "S", "level": True}]},
    {"token": TOKEN, "items": [{"seq": 1, "person": "P", "rater": "lead", "skill": "S", "level": "3"}]},
])
def test_a_bad_outbox_changes_nothing_and_breaks_nothing(outbox):
    at = app(demo="B", page="skills")
    a, person, skills = _first(at)
    if isinstance(outbox, dict) and isinstance(outbox.get("items"), list):
        for it in outbox["items"]:
            it["person"] = person.id if it["person"] == "P" else it["person"]
            it["skill"] = skills[0] if it["skill"] == "S" else it["skill"]
    before = {k: dict(v) for k, v in a.ratings.items()}
    at.session_state[KEY] = {"outbox": outbox}
    at.run()
    no_errors(at)
    assert assessment(at).ratings == before


def test_a_rating_that_no_longer_fits_is_refused_with_a_message_and_the_rest_applies():
    at = app(demo="B", lang="en", page="skills")
    a, person, skills = _first(at)
    other = next(k for k in CAT.skills if k not in skills)
    at.session_state[KEY] = {"outbox": {"token": TOKEN, "items": [
        {"seq": 1, "person": person.id, "rater": "lead", "skill": other, "level": 1},
        {"seq": 2, "person": person.id, "rater": "lead", "skill": skills[0], "level": 0}]}}
    at.run()
    no_errors(at)
    a = assessment(at)
    assert other not in a.ratings[person.id] and a.ratings[person.id][skills[0]] == 0
    assert [w.value for w in at.warning] == [translate("rating.not_theirs", "en")]
    goto(at, "skills")  # said once
    assert translate("rating.not_theirs", "en") not in [w.value for w in at.warning]


def test_names_reach_the_widget_as_plain_data():
    """The widget sets them with textContent (the browser test sees the text); here: not mangled
    into HTML or Markdown on the way."""
    at = app(lang="en", page="people")
    a = assessment(at)
    edit.add_person(a, "<script>alert(1)</script> *x*", roles=["commander"])
    goto(at, "skills")
    at.selectbox(key="skills_person_pick").set_value(a.people[-1].id).run()
    data = widget_data(at)
    assert data["text"]["widget"] == translate("rating.widget", "en", name="<script>alert(1)</script> *x*",
                                               rater=translate("workshop.rater.lead", "en"))
