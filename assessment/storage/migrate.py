"""The store's schema is brought to the newest Alembic revision when a Store opens a database.

The revisions are files in migrations/versions/ ("0001" is the schema from before Alembic); adding
one is adding a file there, with `down_revision` naming the one before. What happens at start:

- the database is at the newest revision (the usual case): one small read, nothing written;
- an empty database: every revision runs;
- a database made before Alembic (the store's tables, no `alembic_version`): it is recognised,
  its missing baseline tables are made and it is recorded as "0001", then the later revisions run;
- a database at a revision this code does not know (made by a newer version of the app):
  StoreError `store.schema_newer`, nothing is changed.

Several app servers starting at once on one database: exactly one migrates, the others wait and
then find it done. PostgreSQL: a session-level advisory lock (pg_advisory_lock) around the check
and the upgrade. SQLite: an exclusive lock (flock) on a lock file beside the database, since
SQLite's DDL is not transactional through the driver and two processes would both see "empty".

`python -m assessment.storage.migrate` upgrades the configured database and prints its revision
(what docs/deployment.md tells an operator to run before starting new app servers)."""
from __future__ import annotations

import contextlib
import fcntl
import functools
import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine, make_url

from assessment.core.errors import StoreError

MIGRATIONS = Path(__file__).with_name("migrations")
BASELINE = "0001"
# Any fixed 64-bit number, the same in every app server: the lock that says "a migration runs".
PG_LOCK_KEY = 0x5E1FC4EC
_log = logging.getLogger(__name__)


def config(connection: Connection | None = None) -> Config:
    """Alembic's configuration without an ini file: the scripts beside this module."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@functools.lru_cache(maxsize=1)
def head() -> str:
    """The newest revision of the scripts (one head: revisions form a single line)."""
    return ScriptDirectory.from_config(config()).get_current_head()


@functools.lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(s.revision for s in ScriptDirectory.from_config(config()).walk_revisions())


def target_metadata():
    """Every table the code reads and writes, for `alembic revision --autogenerate`."""
    from assessment.storage.store import metadata
    import assessment.team.access  # noqa: F401  (its links table joins the same metadata)
    import assessment.access.grants  # noqa: F401  (owners and grants, issue 14's login)
    return metadata


def engine_url(url: str | None = None) -> str:
    from assessment.storage.store import default_url
    parsed = make_url(url or default_url())
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def current(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def to_head(engine: Engine) -> None:
    """Brings the database behind `engine` to the newest revision (see the module doc)."""
    with engine.connect() as conn:
        if _at_head(conn):
            return
    with _lock(engine) as conn:
        if _at_head(conn):  # another server migrated while this one waited
            return
        _upgrade(conn)


def _at_head(conn: Connection) -> bool:
    revision = current(conn)
    conn.rollback()
    if revision is not None and revision not in _known():
        raise StoreError("store.schema_newer", revision=revision)
    return revision == head()


def _upgrade(conn: Connection) -> None:
    tables = set(inspect(conn).get_table_names())
    if current(conn) is None and "assessments" in tables:
        _log.warning("database made before migrations (tables %s): recorded as revision %s, then upgraded",
                     sorted(tables), BASELINE)
        command.upgrade(config(conn), BASELINE)  # makes only the baseline tables it lacks
    command.upgrade(config(conn), "head")
    conn.commit()


@contextlib.contextmanager
def _lock(engine: Engine):
    """A connection held while no other process migrates the same database."""
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": PG_LOCK_KEY})
            conn.commit()
            try:
                yield conn
            finally:
                conn.rollback()
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PG_LOCK_KEY})
                conn.commit()
            return
        path = _sqlite_file(engine)
        if path is None:  # a memory database, or a file: URI that names its own options
            yield conn
            return
        with open(f"{path}.migrate-lock", "a") as held:
            fcntl.flock(held, fcntl.LOCK_EX)
            try:
                yield conn
            finally:
                fcntl.flock(held, fcntl.LOCK_UN)


def _sqlite_file(engine: Engine) -> Path | None:
    database = engine.url.database or ""
    if engine.dialect.name != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser().absolute()


def main() -> None:
    """Upgrades the database the app is configured for (CSIRT_SELFCHECK_DATABASE_URL, else the
    SQLite file) and prints the revision it is at."""
    from sqlalchemy import create_engine

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    engine = create_engine(engine_url())
    try:
        to_head(engine)
        with engine.connect() as conn:
            print(f"{make_url(engine_url()).render_as_string(hide_password=True)}: revision {current(conn)} "
                  f"(head {head()})")
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
