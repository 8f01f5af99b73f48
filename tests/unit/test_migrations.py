"""The store's schema through Alembic (assessment/storage/migrate.py), on SQLite and a real
PostgreSQL server: a new database gets exactly the tables the code uses; a database made by the
code before migrations (tests/unit/schema_fixtures, with data) is recognised, upgraded and read
back; servers starting at once migrate once; a revision is a file; a newer schema is refused."""
from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, select, text

from assessment.access.grants import grants, owners
from assessment.core.errors import StoreError
from assessment.storage import migrate
from assessment.storage.store import Store, metadata
from assessment.team.access import AccessDenied, Links, links

FIXTURES = Path(__file__).with_name("schema_fixtures")
OLD_IDS = ("pre0alembic1", "pre0alembic2")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'selfcheck.db'}"
    return request.getfixturevalue("postgres_url")


def _revision(url: str) -> str | None:
    engine = create_engine(migrate.engine_url(url))
    try:
        with engine.connect() as conn:
            return migrate.current(conn)
    finally:
        engine.dispose()


def _load_old(url: str) -> None:
    """The pre-migration database of the fixture, as main's code left it."""
    if url.startswith("sqlite"):
        con = sqlite3.connect(url.removeprefix("sqlite:///"))
        con.executescript((FIXTURES / "pre_alembic.sqlite.sql").read_text(encoding="utf-8"))
        con.close()
        return
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute((FIXTURES / "pre_alembic.postgresql.sql").read_text(encoding="utf-8"))
        # the dump empties search_path for its session only; this connection ends here


def test_a_new_database_gets_the_tables_the_code_uses_and_is_at_head(url):
    s = Store(url)
    try:
        assert _revision(url) == migrate.head()
        with s.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), migrate.target_metadata())
        # Types compare loosely across dialects; a missing or extra table, column or index shows.
        assert diffs == [], diffs
    finally:
        s.close()


def test_a_database_made_before_migrations_is_upgraded_and_its_work_read_back(url):
    _load_old(url)
    assert _revision(url) is None
    s = Store(url)
    try:
        assert _revision(url) == migrate.head()
        listed = {x.id: x for x in s.list()}
        assert set(listed) == set(OLD_IDS)
        assert listed["pre0alembic1"].name == "移行前の評価 / before migrations"
        old = s.get("pre0alembic1")
        assert old.stored_version == 2 and old.assessment.roles["educator"].status == "gap"
        assert len(old.assessment.people) > 0 and old.assessment.ratings
        assert [x.name for x in s.snapshots("pre0alembic1")] == ["第1回 / first"]
        assert [c.version for c in s.changes("pre0alembic1")] == [2, 1]
        with s.engine.connect() as conn:
            assert conn.execute(select(links.c.kind)).scalars().all() == ["viewer"]
        # and the upgraded database takes new work: a save, a link (the old link's hash stays)
        a = old.assessment
        a.organisation = "after the upgrade"
        assert s.save(a, 2) == 3
        issued = Links(s).issue(a.id, "editor")
        assert Links(s).verify(issued.secret, a.id).kind == "editor"
        with pytest.raises(AccessDenied):
            Links(s).verify("x" * 32, a.id)
    finally:
        s.close()
    again = Store(url)  # the next start finds it at head and changes nothing
    try:
        assert again.get("pre0alembic1").assessment.organisation == "after the upgrade"
    finally:
        again.close()


def test_a_database_with_the_login_tables_but_no_revision_is_upgraded(url):
    """A build of issue 14 before its migrations made owners and grants with create_all: the next
    start must not stumble on them (it did: revision 0002 created them again, and the store failed)."""
    _load_old(url)
    engine = create_engine(migrate.engine_url(url))
    try:
        metadata.create_all(engine, tables=[owners, grants])
    finally:
        engine.dispose()
    s = Store(url)
    try:
        assert _revision(url) == migrate.head()
        assert {x.id for x in s.list()} == set(OLD_IDS)
        with s.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), migrate.target_metadata())
        assert diffs == [], diffs
    finally:
        s.close()


def test_servers_starting_at_once_on_a_new_database_migrate_it_once(url):
    errors, opened = [], []
    barrier = threading.Barrier(4)

    def start():
        try:
            barrier.wait()
            opened.append(Store(url))
        except Exception as exc:  # noqa: BLE001  (any failure is the finding)
            errors.append(exc)
    threads = [threading.Thread(target=start) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    try:
        assert not errors, errors
        assert len(opened) == 4
        engine = opened[0].engine
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
        assert {"assessments", "snapshots", "changes", "links"} <= set(inspect(engine).get_table_names())
    finally:
        for s in opened:
            s.close()


def test_a_schema_newer_than_the_code_is_refused_and_left_alone(url):
    Store(url).close()
    engine = create_engine(migrate.engine_url(url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError) as err:
        Store(url)
    assert err.value.key == "store.schema_newer" and err.value.args_["revision"] == "9999"
    assert _revision(url) == "9999"
    engine.dispose()


# After whatever the newest revision is (login's "0002" and later ones too), under an id no real
# revision takes.
NEXT = '''"""A test revision: a column added after the newest one."""
from alembic import op
import sqlalchemy as sa

revision = "test_note"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("assessments", sa.Column("note", sa.Text, nullable=True))


def downgrade():
    op.drop_column("assessments", "note")
'''


def test_a_new_revision_is_one_file_and_runs_at_the_next_start(url, tmp_path, monkeypatch):
    Store(url).close()  # at the newest revision
    before = migrate.head()
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "test_note.py").write_text(NEXT.replace("{head}", before), encoding="utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS", scripts)
    migrate.head.cache_clear()
    migrate._known.cache_clear()
    try:
        assert migrate.head() == "test_note"
        Store(url).close()
        assert _revision(url) == "test_note"
        engine = create_engine(migrate.engine_url(url))
        assert "note" in {c["name"] for c in inspect(engine).get_columns("assessments")}
        engine.dispose()
    finally:
        migrate.head.cache_clear()
        migrate._known.cache_clear()

