"""Bad input gets a message naming what is wrong; the user's work is untouched."""
from tests.app.helpers import app, assessment, by_key, goto, no_errors
from tests.app.role_board import set_note


def test_bad_url_parameters_are_reported_and_change_nothing():
    at = app(demo="B")
    version = assessment(at).version
    at.query_params["demo"] = "Z"
    at.query_params["lang"] = "xx"
    at.run()
    no_errors(at)
    texts = [w.value for w in at.warning]
    assert any("demo=「Z」" in t for t in texts)
    assert any("lang=「xx」" in t for t in texts)
    a = assessment(at)
    assert a.model == "B" and a.version == version
    assert at.title[0].value == "CSIRT セルフチェック"  # still Japanese


def test_lang_parameter_sets_english():
    at = app(lang="en", page="reference")
    assert at.title[0].value == "Reference: Defining and Securing CSIRT Personnel"


def test_duplicate_or_empty_name_is_refused_with_a_message():
    at = app(demo="A", page="people")
    before = [p.name for p in assessment(at).people]
    next(t for t in at.text_input if t.label == "氏名（呼び名）").input(before[0])
    next(b for b in at.button if b.label == "追加").click().run()
    no_errors(at)
    assert any("既に登録されています" in e.value for e in at.error)
    assert [p.name for p in assessment(at).people] == before
    next(b for b in at.button if b.label == "追加").click().run()  # empty name
    assert any("氏名（呼び名）を入力してください" in e.value for e in at.error)
    assert [p.name for p in assessment(at).people] == before


def test_a_refused_table_edit_changes_nothing():
    at = app(demo="A", page="people")
    a = assessment(at)
    names = [p.name for p in a.people]
    key = at.data_editor[0].key
    # Two renames in one edit; the second duplicates another person's name and is refused, so the
    # first, already valid on its own, is not applied either.
    at.session_state[key] = {"edited_rows": {0: {"name": "新しい名前"}, 2: {"name": names[1]}},
                             "added_rows": [], "deleted_rows": []}
    at.run()
    no_errors(at)
    assert any("既に登録されています" in e.value for e in at.error)
    assert [p.name for p in assessment(at).people] == names


def test_user_text_is_shown_as_text():
    at = app(demo="B", page="people")
    evil = "<img src=x onerror=alert(1)>[link](javascript:alert(1))**bold**"
    next(t for t in at.text_input if t.label == "氏名（呼び名）").input(evil)
    next(b for b in at.button if b.label == "追加").click().run()
    no_errors(at)
    shown = [s.value for s in at.success]
    assert shown and "\\<img" in shown[0] and "\\[link\\]\\(javascript" in shown[0] and "\\*\\*bold" in shown[0]
    goto(at, "roles")
    set_note(at, "commander", "<script>alert(1)</script>")
    assert assessment(at).roles["commander"].note == "<script>alert(1)</script>"
