"""Saved work under streamlit.testing: autosave, ?a= in a new session, conflicts, the Start page
list, file import, snapshots and the Files page (two sessions merging: test_team_merge.py). Each AppTest is a separate browser session."""
from assessment.exchange import files
from assessment.core.demos import demo_assessment
from components.session.persistence import _store
from assessment.storage.store import default_url
from tests.app.helpers import app, assessment, by_key, goto, no_errors, static_table
from tests.app.role_board import set_status, set_note


def store():
    return _store(default_url())


def reopen(a_id: str, page: str = "results"):
    """A fresh browser session opening the link ?a=<id>."""
    at = app(page="start")
    at.query_params["a"] = a_id
    at.run()
    if page != "start":
        goto(at, page)
    return at


def test_every_change_is_saved_and_a_link_brings_it_back():
    before = store().count()
    at = app(demo="B", page="roles")
    a = assessment(at)
    # A sample is stored only once the user changes something.
    assert "a" not in at.query_params and not store().exists(a.id) and store().count() == before
    goto(at, "results")
    assert not store().exists(a.id)
    goto(at, "roles")
    set_status(at, "triage", "gap")
    assert at.query_params["a"] == [a.id] or at.query_params["a"] == a.id
    assert "demo" not in at.query_params  # the sample became the user's own saved copy
    assert store().count() == before + 1
    set_note(at, "triage", "後任を募集中")
    assert store().load(a.id).roles["triage"].note == "後任を募集中"

    other = reopen(a.id)
    no_errors(other)
    b = assessment(other)
    assert b.id == a.id and b.roles["triage"].status == "gap"
    assert [p.name for p in b.people] == [p.name for p in a.people] and b.ratings == a.ratings


def test_an_untouched_new_assessment_is_not_saved():
    before = store().count()
    at = app()
    at.button(key="start_new").click().run()
    no_errors(at)
    assert store().count() == before and "a" not in at.query_params
    at.button(key="choose_C").click().run()
    assert store().count() == before + 1


def test_a_missing_link_says_so():
    at = app(page="start")
    at.query_params["a"] = "nosuchid0000"
    at.run()
    no_errors(at)
    assert any("nosuchid0000" in w.value for w in at.warning)


def test_start_page_list_open_duplicate_rename_delete():
    at = app(demo="D", page="roles")
    a_id = assessment(at).id
    set_status(at, "educator", "gap")  # stored from its first change
    goto(at, "start")
    at.button(key="library_duplicate").click().run()
    no_errors(at)
    copies = [r for r in store().list() if r.name == "サンプル大学（モデルD） のコピー" and r.id != a_id]
    dup = max(copies, key=lambda r: r.updated_at).id
    _pick(at, dup[:6])
    next(t for t in at.text_input if t.label.startswith("一覧での名前")).input("練習用")
    next(b for b in at.button if b.label == "名前を変更").click().run()
    assert next(r for r in store().list() if r.id == dup).name == "練習用"
    _pick(at, dup[:6])
    at.button(key="library_open").click().run()
    no_errors(at)
    assert assessment(at).id == dup and at.title[0].value == "結果"
    goto(at, "start")
    _pick(at, a_id[:6])
    at.button(key="library_delete").click().run()
    assert store().exists(a_id)  # not before the confirmation
    at.button(key="library_delete_yes").click().run()
    no_errors(at)
    assert not store().exists(a_id) and assessment(at).id == dup


def _pick(at, text: str):
    """Chooses the saved assessment whose list label contains `text`."""
    box = at.selectbox(key="library_pick")
    hits = [i for i, label in enumerate(box.options) if text in label]
    assert len(hits) == 1, (text, box.options)
    return box.select_index(hits[0]).run()


def test_a_sample_opened_twice_without_a_change_stores_nothing():
    before = store().count()
    for _ in range(2):
        at = app(demo="C", page="results")
        no_errors(at)
    assert store().count() == before


def test_history_snapshots_trend_and_comparison():
    at = app(demo="B", page="roles")
    set_status(at, "educator", "gap")
    goto(at, "history")
    no_errors(at)
    next(t for t in at.text_input if t.label == "スナップショットの名前").input("初回")
    next(b for b in at.button if b.label == "スナップショットを保存").click().run()
    goto(at, "roles")
    set_status(at, "commander", "gap")
    goto(at, "history")
    no_errors(at)
    import json
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert "主な数値の推移" in titles and "役割別の充足度（比較）" in titles
    table = static_table(at, "history_roles")
    assert list(table.iloc[0]) == ["コマンダー", "自組織保有", "未配置"]


def test_files_page_offers_every_download():
    at = app(demo="A", page="files")
    no_errors(at)
    labels = {b.proto.label for b in at.get("download_button")}
    assert {"YAML（標準形式）", "JSON", "Excel ブック", "スキル評価 CSV", "報告書（HTML）"} <= labels


def test_exported_yaml_opens_as_the_same_assessment():
    a = demo_assessment("C")
    back = files.import_yaml(files.export_yaml(a))
    assert back == a
