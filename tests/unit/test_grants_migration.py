"""The Alembic revision 0002 (login's owners and grants) makes exactly the tables that
assessment/access/grants.py defines, on SQLite and PostgreSQL, and its downgrade removes them.
Run here with Alembic's Operations on a database that has the assessments table (the part of
revision 0001 that 0002 refers to)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import create_engine, inspect

from assessment.access.grants import grants, owners
from assessment.storage.store import assessments

ROOT = Path(__file__).resolve().parents[2]
REVISION = ROOT / "assessment/storage/migrations/versions/0002_login_grants.py"


def _revision():
    spec = importlib.util.spec_from_file_location("rev_0002", REVISION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shape(engine, name: str) -> dict:
    """What a table is, as the database reports it (types by their generic name)."""
    ins = inspect(engine)
    cols = {c["name"]: (type(c["type"]).__name__.upper().replace("VARCHAR", "STRING"), c["nullable"],
                        getattr(c["type"], "length", None)) for c in ins.get_columns(name)}
    return {
        "columns": cols,
        "pk": ins.get_pk_constraint(name)["constrained_columns"],
        "fks": sorted((tuple(f["constrained_columns"]), f["referred_table"], f.get("options", {}).get("ondelete"))
                      for f in ins.get_foreign_keys(name)),
        "unique": sorted(tuple(u["column_names"]) for u in ins.get_unique_constraints(name)),
        "indexes": sorted((tuple(i["column_names"]), bool(i["unique"])) for i in ins.get_indexes(name)
                          if not i["name"].startswith("sqlite_autoindex")),
    }


@pytest.fixture(params=["sqlite", "postgresql"])
def urls(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    server = request.getfixturevalue("postgres_server")
    return server.new_database(), server.new_database()


def test_revision_0002_follows_0001_and_matches_the_table_definitions(urls):
    rev = _revision()
    assert (rev.revision, rev.down_revision) == ("0002", "0001")
    migrated, defined = (create_engine(u) for u in urls)
    try:
        with migrated.begin() as conn:
            assessments.create(conn)
            with Operations.context(MigrationContext.configure(conn)):
                rev.upgrade()
        with defined.begin() as conn:
            assessments.create(conn)
            owners.create(conn)
            grants.create(conn)
        for name in ("owners", "grants"):
            assert _shape(migrated, name) == _shape(defined, name), name
        with migrated.begin() as conn:
            with Operations.context(MigrationContext.configure(conn)):
                rev.downgrade()
        assert set(inspect(migrated).get_table_names()) == {"assessments"}
    finally:
        migrated.dispose()
        defined.dispose()
