"""Two browser sessions (two AppTests) on one saved assessment: changes of different things merge
without a prompt; a change of the same thing shows both values and a choice; a snapshot taken
meanwhile records what the user sees; an assessment deleted while open can be saved as new."""
from assessment.core.edit import set_organisation
from assessment.storage.store import default_url
from components.session.persistence import _store
from tests.app.helpers import app, assessment, by_key, goto, no_errors, whole_page
from tests.app.role_board import TOKEN, board_data, send, set_status, status_shown


def store():
    return _store(default_url())


def two_sessions(demo: str, page: str = "roles", lang: str | None = None):
    first = app(demo=demo, page="roles", lang=lang)
    set_status(first, "educator", "gap")  # the sample is stored now
    a_id = assessment(first).id
    second = app(page="start", lang=lang)
    second.query_params["a"] = a_id
    second.run()
    goto(second, page)
    goto(first, page)
    return first, second, a_id


def texts(at) -> str:
    return " ".join(e.value for e in [*at.warning, *at.error])


def test_different_roles_in_two_sessions_are_both_kept_without_a_prompt():
    first, second, a_id = two_sessions("A")
    set_status(first, "commander", "gap")
    set_status(second, "triage", "not_applicable")  # based on an older version
    for at in (first, second):
        no_errors(at)
        assert not at.session_state["_held"] if "_held" in at.session_state else True
        assert "変更を保存していません" not in texts(at)
    stored = store().load(a_id)
    assert stored.roles["commander"].status == "gap" and stored.roles["triage"].status == "not_applicable"
    # The second browser shows the merged state: the first one's change too.
    assert assessment(second).roles["commander"].status == "gap"
    assert status_shown(second, "commander") == "gap"


def test_the_same_role_is_a_conflict_with_both_values_and_keep_mine_saves_mine():
    first, second, a_id = two_sessions("B")
    set_status(first, "commander", "gap")
    set_status(second, "commander", "not_applicable")
    no_errors(second)
    shown = texts(second)
    assert "「コマンダー」の状態" in shown and "未配置" in shown and "対象外" in shown, shown
    assert store().load(a_id).roles["commander"].status == "gap"
    assert assessment(second).roles["commander"].status == "gap"  # theirs shown until I choose
    second.button(key="merge_mine_0").click().run()
    no_errors(second)
    assert store().load(a_id).roles["commander"].status == "not_applicable"
    assert "変更を保存していません" not in texts(second)
    assert status_shown(second, "commander") == "not_applicable"


def test_take_theirs_drops_mine_and_says_who_in_english():
    first, second, a_id = two_sessions("C")
    set_status(first, "triage", "gap")
    set_status(second, "triage", "outsourced")
    # AppTest formats a selectbox outside the run, in Japanese: read English on a page without one.
    goto(second, "reference")
    second.query_params["lang"] = "en"
    second.run()
    shown = texts(second)
    assert "Status of “Triage”" in shown and "Not staffed" in shown and "Outsourced" in shown, shown
    second.button(key="merge_theirs_0").click().run()
    no_errors(second)
    assert "not saved" not in texts(second)
    assert store().load(a_id).roles["triage"].status == "gap"
    assert assessment(second).roles["triage"].status == "gap"


def test_a_snapshot_while_a_conflict_is_pending_records_what_the_user_sees():
    first, second, a_id = two_sessions("A")
    whole_page(set_status(first, "commander", "gap"))
    set_status(second, "commander", "outsourced")
    set_status(second, "educator", "not_applicable")
    # Meanwhile the first session saves another change the second has not seen yet.
    set_status(first, "triage", "gap")
    goto(second, "history")
    next(t for t in second.text_input if t.label == "スナップショットの名前").input("対立中")
    next(b for b in second.button if b.label == "スナップショットを保存").click().run()
    no_errors(second)
    snap = store().snapshots(a_id)[-1]
    got = store().load_snapshot(snap.id)
    seen = assessment(second)
    assert got.roles == seen.roles  # the screen's state, not the store's newer one
    assert got.roles["commander"].status == "gap" and got.roles["educator"].status == "not_applicable"
    assert got.roles["triage"].status != "gap"


def test_an_assessment_deleted_while_open_says_so_and_saves_as_new():
    first, second, a_id = two_sessions("D")
    store().delete(a_id)
    set_status(second, "triage", "gap")
    no_errors(second)
    assert "削除されました" in texts(second)
    assert not store().exists(a_id)
    second.button(key="merge_save_as_new").click().run()
    no_errors(second)
    new = assessment(second)
    assert new.id != a_id and store().exists(new.id)
    assert store().load(new.id).roles["triage"].status == "gap"
    assert "削除されました" not in texts(second)


def test_another_sessions_change_is_shown_on_the_next_run_when_nothing_is_pending():
    first, second, a_id = two_sessions("B", page="results")
    got = store().get(a_id)
    set_organisation(got.assessment, "別の人が変更")
    store().save_changes(got.assessment, got.stored_version, got.assessment.journal)
    second.run()  # the polling fragment runs within every full run too
    no_errors(second)
    assert assessment(second).organisation == "別の人が変更"
    assert store().stored_version(a_id) == got.stored_version + 1  # following saved nothing


def test_history_shows_the_change_feed_with_who_and_what():
    first, second, a_id = two_sessions("A")
    set_status(first, "commander", "gap")
    store().save_changes(*_participant_rates(a_id))
    goto(first, "history")
    no_errors(first)
    feed = " ".join(m.value for m in first.markdown)
    assert "最近の変更" in " ".join(s.value for s in first.subheader)
    name = assessment(first).people[0].name
    assert f"{name}さんが自己評価を 3 件更新" in feed.replace("\\", ""), feed
    assert "編集者が役割の状態を 1 件変更" in feed and "編集者がこの評価を保存" in feed


def _participant_rates(a_id):
    from assessment.core.edit import set_ratings
    from assessment.team.actor import Actor
    got = store().get(a_id)
    a = got.assessment
    pid = a.people[0].id
    skills = sorted(store().cat.skills)[:3]
    set_ratings(a, pid, {s: 4 for s in skills}, rater="self")
    return a, got.stored_version, a.journal, Actor("participant", pid)


def test_a_browser_showing_results_is_told_when_the_assessment_is_deleted():
    first, second, a_id = two_sessions("C", page="results")
    store().delete(a_id)
    second.run()  # the poll runs within every full run too
    no_errors(second)
    assert "削除されました" in texts(second)
    second.button(key="merge_save_as_new").click().run()
    new = assessment(second)
    assert new.id != a_id and store().exists(new.id)


def test_an_outbox_sent_again_after_their_change_does_not_undo_it():
    """The role board sends its whole outbox until the server acknowledges it, so a change can arrive
    again after others' later change of the same role (the acknowledgement was not drawn yet): it is
    applied once, and their change stays. (A select used to re-send the value it showed before
    others' change arrived: the board sends only what the user did.)"""
    first, second, a_id = two_sessions("B")
    set_status(second, "commander", "outsourced")
    sent = board_data(second)["acked"]
    assert sent == {"token": TOKEN, "seq": 1}
    first.run()  # the poll brings it in
    set_status(first, "commander", "gap")
    second.run()  # and the first browser's change back
    assert status_shown(second, "commander") == "gap"
    send(second, [{"seq": 1, "role": "commander", "field": "status", "value": "outsourced"}])
    no_errors(second)
    assert store().load(a_id).roles["commander"].status == "gap"
    assert assessment(second).roles["commander"].status == "gap"
    # Anything new is applied as usual in that moment.
    set_status(second, "triage", "gap")
    assert store().load(a_id).roles["triage"].status == "gap"
