"""The store of saved assessments, on SQLite and on a real PostgreSQL server (conftest.py starts
one): round trips, optimistic concurrency, rename/duplicate/delete, snapshots, and failures that
must become StoreUnavailable with the work left intact."""
from __future__ import annotations

import copy
import sqlite3
import threading
from datetime import timezone

import pytest
from sqlalchemy import event, update

from assessment.core.demos import DEMO_MODELS, demo_assessment
from assessment.core.edit import add_person, rename_person, set_organisation, set_rating, set_role_status
from assessment.core.errors import Conflict, Deleted, NotFound, StoreError, StoreUnavailable
from assessment.storage.store import DATA_DIR_ENV, DATABASE_URL_ENV, Store, assessments, default_url


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'selfcheck.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(url):
    s = Store(url)
    yield s
    s.close()


@pytest.mark.parametrize("model", DEMO_MODELS)
def test_every_demo_round_trips(store, model):
    a = demo_assessment(model)
    assert store.save(a, 0) == 1
    stored = store.get(a.id)
    assert stored.assessment == a
    assert stored.stored_version == 1
    assert stored.assessment is not a


def test_text_is_kept_exactly(store):
    a = demo_assessment("A")
    set_organisation(a, "<script>alert('x')</script> & 株式会社😀")
    add_person(a, "=HYPERLINK(\"http://x\") 'quote' \"dq\" \\ 𠮷野家", 3, ["commander"])
    store.save(a, 0)
    assert store.load(a.id) == a


def test_saves_count_and_keep_the_edit_counter(store):
    a = demo_assessment("B")
    v = store.save(a, 0)
    set_role_status(a, "forensics", "in_house")
    v = store.save(a, v)
    set_organisation(a, "改名した組織")
    v = store.save(a, v)
    assert v == 3 == store.stored_version(a.id)
    loaded = store.load(a.id)
    assert loaded.version == a.version  # the in-memory edit counter travels in the document
    assert loaded.organisation == "改名した組織"


def test_list_rename_and_order(store):
    a, b = demo_assessment("A"), demo_assessment("C")
    store.save(a, 0)
    store.save(b, 0)
    rows = store.list()
    assert [r.id for r in rows] == [b.id, a.id]  # most recently changed first
    assert rows[0].name == b.organisation and rows[0].model == "C" and rows[0].sample
    assert rows[0].updated_at.tzinfo == timezone.utc
    store.rename(a.id, "  ワークショップ   2024  ")
    assert {r.id: r.name for r in store.list()}[a.id] == "ワークショップ 2024"
    assert store.stored_version(a.id) == 1  # a rename is not an edit: no conflict with editors
    assert store.get(a.id).name == "ワークショップ 2024"
    store.rename(a.id, "")
    assert {r.id: r.name for r in store.list()}[a.id] == a.organisation
    with pytest.raises(NotFound) as err:
        store.rename("nosuchid", "x")
    assert err.value.key == "store.not_found"


def test_a_new_assessment_without_a_name_is_listed(store):
    from assessment.core.edit import new_assessment

    a = new_assessment()
    store.save(a, 0)
    (row,) = store.list()
    assert row.name == "" and row.model is None


def test_two_writers_same_expected_version_second_gets_conflict_and_nothing_is_lost(url):
    first, second = Store(url), Store(url)  # two tabs, or two people, with their own connections
    try:
        original = demo_assessment("B")
        first.save(original, 0)
        tab1, tab2 = first.get(original.id), second.get(original.id)
        a1, a2 = tab1.assessment, tab2.assessment
        set_role_status(a1, "forensics", "in_house")
        rename_person(a2, a2.people[0].id, "二人目が改名")
        assert first.save(a1, tab1.stored_version) == 2
        before = copy.deepcopy(a2)
        with pytest.raises(Conflict) as err:
            second.save(a2, tab2.stored_version)
        assert err.value.stored_version == 2 and err.value.key == "store.conflict"
        assert a2 == before  # the loser's work is untouched in memory...
        assert first.load(original.id) == a1  # ...and the winner's is what is stored
        copy_ = second.save_copy(a2, name="コピー")
        assert copy_.id != original.id
        assert second.load(copy_.id) == copy_
        assert second.load(copy_.id).people[0].name == "二人目が改名"
        assert {r.name for r in second.list()} >= {"コピー"}
        assert first.load(original.id) == a1
    finally:
        first.close()
        second.close()


def test_concurrent_saves_exactly_one_wins(url):
    a = demo_assessment("A")
    setup = Store(url)
    setup.save(a, 0)
    results, stores = [], [Store(url) for _ in range(4)]

    def writer(n, s):
        mine = s.load(a.id)
        set_organisation(mine, f"writer {n}")
        try:
            results.append(("ok", s.save(mine, 1), n))
        except Conflict as exc:
            results.append(("conflict", exc.stored_version, n))
        except StoreUnavailable as exc:  # SQLite may report the race as a busy database instead
            results.append(("busy", exc.key, n))

    threads = [threading.Thread(target=writer, args=(n, s)) for n, s in enumerate(stores)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [r for r in results if r[0] == "ok"]
    assert len(winners) == 1, results
    assert all(r[0] in ("conflict", "busy") for r in results if r[0] != "ok")
    assert setup.load(a.id).organisation == f"writer {winners[0][2]}"
    assert setup.stored_version(a.id) == 2
    for s in stores + [setup]:
        s.close()


def test_first_save_twice_is_a_conflict(store):
    a = demo_assessment("A")
    store.save(a, 0)
    with pytest.raises(Conflict) as err:
        store.save(a, 0)
    assert err.value.stored_version == 1


def test_saving_a_deleted_assessment_says_it_was_deleted(store):
    a = demo_assessment("A")
    store.save(a, 0)
    store.delete(a.id)
    with pytest.raises(Deleted) as err:
        store.save(a, 1)
    assert err.value.key == "store.deleted"
    with pytest.raises(Deleted):
        store.save_changes(a, 1, [])
    assert not store.exists(a.id)


def test_load_unknown(store):
    with pytest.raises(NotFound) as err:
        store.load("nosuchid")
    assert (err.value.key, err.value.args_) == ("store.not_found", {"id": "nosuchid"})
    with pytest.raises(NotFound) as err:
        store.load_snapshot(999999)
    assert err.value.key == "store.snapshot_not_found"
    with pytest.raises(NotFound):
        store.snapshot("nosuchid", "x")


def test_duplicate_and_delete(store):
    a = demo_assessment("D")
    store.save(a, 0)
    store.snapshot(a.id, "s1")
    dup_id = store.duplicate(a.id)
    assert dup_id != a.id
    dup = store.load(dup_id)
    assert dup.id == dup_id
    dup.id = a.id
    assert dup == a
    assert store.snapshots(dup_id) == []  # snapshots stay with the original
    assert store.stored_version(dup_id) == 1
    named = store.duplicate(a.id, name="名前付きコピー")
    assert store.get(named).name == "名前付きコピー"
    store.delete(a.id)
    assert not store.exists(a.id)
    assert store.snapshots(a.id) == []
    assert store.exists(dup_id) and store.exists(named)
    store.delete(a.id)  # deleting twice is harmless


def test_snapshots(store):
    a = demo_assessment("B")
    v = store.save(a, 0)
    first = copy.deepcopy(a)
    s1 = store.snapshot(a.id, "  ワークショップ前 ")
    set_rating(a, a.people[0].id, "communicate_accurately", 4)
    set_role_status(a, "investigator", "in_house")
    v = store.save(a, v)
    s2 = store.snapshot(a.id, "ワークショップ後")
    set_organisation(a, "later")
    store.save(a, v)
    infos = store.snapshots(a.id)
    assert [i.id for i in infos] == [s1, s2]
    assert [i.name for i in infos] == ["ワークショップ前", "ワークショップ後"]
    assert infos[0].created_at <= infos[1].created_at
    assert store.load_snapshot(s1) == first
    assert store.load_snapshot(s2).status("investigator") == "in_house"
    assert store.load_snapshot(s2).organisation != "later"
    pairs = store.snapshot_assessments(a.id)
    assert [p[0] for p in pairs] == infos and pairs[0][1] == first
    store.delete_snapshot(s1)
    assert [i.id for i in store.snapshots(a.id)] == [s2]


def test_data_survives_a_restart(url):
    a = demo_assessment("C")
    s = Store(url)
    s.save(a, 0)
    s.close()
    again = Store(url)
    assert again.load(a.id) == a
    assert again.list()[0].id == a.id
    again.close()


def test_a_corrupt_stored_document_is_reported(store):
    a = demo_assessment("A")
    store.save(a, 0)
    with store.engine.begin() as conn:
        conn.execute(update(assessments).where(assessments.c.id == a.id).values(document='{"schema_version": 9}'))
    with pytest.raises(StoreError) as err:
        store.load(a.id)
    assert (err.value.key, err.value.args_) == ("store.corrupt", {"id": a.id})


# --- where the data lives ----------------------------------------------------------------------

def test_default_location_is_in_home_and_created_on_first_use(tmp_path, monkeypatch):
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_url() == f"sqlite:///{tmp_path}/.csirt-selfcheck/selfcheck.db"
    s = Store()
    s.save(demo_assessment("A"), 0)
    assert (tmp_path / ".csirt-selfcheck" / "selfcheck.db").is_file()
    s.close()


def test_data_dir_and_url_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "elsewhere"))
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    assert default_url() == f"sqlite:///{tmp_path}/elsewhere/selfcheck.db"
    monkeypatch.setenv(DATABASE_URL_ENV, f"sqlite:///{tmp_path}/x.db")
    assert default_url() == f"sqlite:///{tmp_path}/x.db"  # the URL wins over the folder
    Store().close()
    assert (tmp_path / "x.db").is_file()


# --- failures: a clear key, and the work stays in memory ---------------------------------------

def test_locked_database(tmp_path):
    path = tmp_path / "locked.db"
    s = Store(f"sqlite:///{path}", busy_timeout=0.2)
    a = demo_assessment("A")
    v = s.save(a, 0)
    set_organisation(a, "unsaved change")
    before = copy.deepcopy(a)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreUnavailable) as err:
            s.save(a, v)
        assert err.value.key == "store.locked"
        assert a == before
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert s.save(a, v) == 2  # once the lock is gone, the same save goes through
    assert s.load(a.id) == a
    s.close()


def test_read_only_database(tmp_path):
    path = tmp_path / "ro.db"
    Store(f"sqlite:///{path}").close()
    s = Store(f"sqlite:///file:{path}?mode=ro&uri=true")
    a = demo_assessment("A")
    with pytest.raises(StoreUnavailable) as err:
        s.save(a, 0)
    assert err.value.key == "store.read_only"
    assert s.list() == []  # reading still works
    s.close()


def test_full_disk(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'full.db'}")
    s.save(demo_assessment("A"), 0)
    # SQLite reports "database or disk is full" when the file may not grow past max_page_count.
    event.listen(s.engine, "connect", lambda conn, _r: conn.execute("PRAGMA max_page_count = 1"))
    s.engine.dispose()
    a = demo_assessment("C")
    before = copy.deepcopy(a)
    with pytest.raises(StoreUnavailable) as err:
        s.save(a, 0)
    assert err.value.key == "store.disk_full"
    assert a == before
    s.close()


def test_data_dir_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreUnavailable) as err:
        Store(f"sqlite:///{blocker / 'sub' / 'selfcheck.db'}")
    assert err.value.key == "store.cannot_create_dir"
    assert err.value.args_ == {"path": str(blocker / "sub")}


def test_unreachable_postgresql_server():
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(StoreUnavailable) as err:
        Store(f"postgresql://nobody@127.0.0.1:{port}/nothing", busy_timeout=1)
    assert err.value.key == "store.unreachable"


def test_bad_url():
    with pytest.raises(StoreUnavailable) as err:
        Store("not a url")
    assert err.value.key == "store.failed"
    with pytest.raises(StoreUnavailable):
        Store("nosuchdialect://x/y")


def test_server_gone_after_start(postgres_server):
    url = postgres_server.new_database()
    s = Store(url, busy_timeout=1)
    a = demo_assessment("A")
    s.save(a, 0)
    # Kill this store's connections from the server side: the next use must reconnect or report.
    import psycopg

    with psycopg.connect(f"host=127.0.0.1 port={postgres_server.port} user=selfcheck dbname=postgres",
                         autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                     (url.rsplit("/", 1)[1],))
    assert s.load(a.id) == a  # pool_pre_ping reconnects
    s.close()

