"""Issue 12 items 1 and 7, in the store: the SQLite file deleted or replaced under a running store,
and no memory-mapped WAL index that can kill the process (the real-server cases: tests/e2e/faults)."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from assessment.core.demos import demo_assessment
from assessment.core.edit import set_organisation
from assessment.core.errors import StoreUnavailable
from assessment.storage.store import Store


@pytest.fixture
def db(tmp_path):
    return tmp_path / "selfcheck.db"


def test_a_save_after_the_file_is_deleted_is_refused_not_lost(db):
    s = Store(f"sqlite:///{db}")
    a = demo_assessment("A")
    v = s.save(a, 0)
    db.unlink()  # the pooled connection still has the deleted file open
    set_organisation(a, "after the delete")
    with pytest.raises(StoreUnavailable) as err:
        s.save(a, v)
    assert err.value.key == "store.file_gone" and str(db) in err.value.args_["path"]
    assert not db.exists()  # not silently re-created empty
    with pytest.raises(StoreUnavailable):
        s.list()


def test_a_replaced_file_is_the_one_read_and_written_next(db, tmp_path):
    s = Store(f"sqlite:///{db}")
    a = demo_assessment("A")
    s.save(a, 0)
    backup = tmp_path / "backup.db"
    shutil.copy(db, backup)
    b = demo_assessment("B")
    s.save(b, 0)  # in the current file only
    shutil.copy(backup, tmp_path / "new.db")
    (tmp_path / "new.db").replace(db)  # a restore from backup: a new inode at the path
    assert [x.id for x in s.list()] == [a.id]  # no pooled connection reads the old file
    set_organisation(a, "saved into the restored file")
    s.save(a, 1)
    again = Store(f"sqlite:///{db}")  # what the app reads after a restart
    assert again.load(a.id).organisation == "saved into the restored file"


def test_the_database_has_no_memory_mapped_wal_index(db):
    s = Store(f"sqlite:///{db}")
    s.save(demo_assessment("A"), 0)
    assert not db.with_name(db.name + "-shm").exists()
    with s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        assert conn.exec_driver_sql("PRAGMA mmap_size").scalar() == 0


def test_a_database_left_in_wal_mode_is_converted(db):
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.close()
    s = Store(f"sqlite:///{db}")
    s.save(demo_assessment("A"), 0)
    s.close()
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "delete"
