"""Saved assessments and their snapshots, in SQLite (the default) or PostgreSQL, via SQLAlchemy 2.

Where the data is kept:

- `CSIRT_SELFCHECK_DATABASE_URL`: a full SQLAlchemy URL, e.g.
  `postgresql+psycopg://user:password@host/dbname` (`postgresql://…` is read as psycopg 3 too);
- else `CSIRT_SELFCHECK_DATA_DIR`: a folder; the database is `selfcheck.db` in it;
- else `~/.csirt-selfcheck/selfcheck.db`. The folder is created on first use.

Two versions, kept apart on purpose:

- `Assessment.version` counts edits in memory (caches key on it); it is saved inside the document
  and comes back with it, nothing more.
- The store's `stored_version` counts saves of one assessment: 1 after the first save, +1 per save.
  Every save writes one row of the change log (`changes`: who, when, the ops and the paths they
  changed) in the same transaction as the document, so versions and rows match one to one.

Saving edits (`save_changes`): the session passes the stored version it started from (its base)
and its pending ops (the Assessment's journal). If the store is still at the base, the document is
written. If someone saved meanwhile, the stored document is loaded, the pending ops are re-applied
onto it (assessment.team.merge: the ones in conflict with a change since the base are held back)
and the result is written; the caller gets the merged assessment to show. `UPDATE … WHERE version =
v` guards every write; a lost race is rebased again. `save(a, expected_version)` is the strict form
(Conflict when stale); `replace` overwrites on purpose and logs that it did.

Storage failures (locked or read-only database, full disk, unreachable server) raise
StoreUnavailable(key); the caller keeps the work in the session and tries again later.

The SQLite file can change under a running app (deleted, moved, replaced by a backup). Every
connection remembers the identity (device, inode) of the file it opened; each piece of work first
checks that this is still the file at the path (a pooled connection to a replaced file is thrown
away and a new one opened; a missing file is `store.file_gone`, never silently re-created), and a
write is only reported done when the file at the path is still the one written (else
`store.file_replaced`). So a save that returns reached the database the app reads next time.

SQLite runs with a rollback journal, not a write-ahead log: WAL keeps its index in a memory-mapped
`-shm` file, and when that file cannot be written or is cut short while the app runs, the next
access kills the whole server with SIGBUS (every session lost). `mmap_size=0` keeps the database
file itself unmapped for the same reason. A failing write is then an ordinary error.
"""
from __future__ import annotations

import copy
import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import (Boolean, Column, DateTime, ForeignKey, Integer, MetaData, String, Table, Text,
                        UniqueConstraint, create_engine, delete, event, func, insert, select, update)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError, SQLAlchemyError

from csirt_data import Catalogue, load_catalogue

from assessment.core.errors import Conflict, Deleted, ImportProblem, NotFound, StoreError, StoreUnavailable
from assessment.core.model import Assessment
from assessment.exchange.serialise import ID_PATTERN, from_document, to_document
from assessment.storage import change_log, migrate
from assessment.team.actor import LOCAL, Actor
from assessment.team.merge import Change, Held, rebase
from assessment.team.ops import allowed

DATA_DIR_ENV = "CSIRT_SELFCHECK_DATA_DIR"
DATABASE_URL_ENV = "CSIRT_SELFCHECK_DATABASE_URL"
DEFAULT_DIR = Path("~/.csirt-selfcheck")
DB_FILE = "selfcheck.db"

metadata = MetaData()
assessments = Table(
    "assessments", metadata,
    Column("id", String(64), primary_key=True),
    # A label the user gave on the Start page (rename); when empty, lists show the organisation.
    Column("name", String(200), nullable=False, default=""),
    Column("organisation", String(200), nullable=False, default=""),
    Column("model", String(4), nullable=True),
    Column("sample", Boolean, nullable=False, default=False),
    Column("document", Text, nullable=False),  # the canonical document (serialise.py) as JSON
    Column("version", Integer, nullable=False),  # the stored version: saves so far
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
snapshots = Table(
    "snapshots", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("assessment_id", String(64), ForeignKey("assessments.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("document", Text, nullable=False),
)

changes = Table(
    "changes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("assessment_id", String(64), ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),  # the stored version this change made
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor_kind", String(12), nullable=False),  # editor | participant | viewer
    Column("actor_person", String(64), nullable=True),
    Column("actor_label", String(200), nullable=False, default=""),
    Column("ops", Text, nullable=False),  # JSON list of journal.Op
    Column("paths", Text, nullable=False),  # JSON list of the paths they changed
    UniqueConstraint("assessment_id", "version", name="changes_one_per_version"),
)
REBASE_ATTEMPTS = 50  # a save that keeps losing the race to other writers rebases again, this often


@dataclass(frozen=True)
class SaveResult:
    """What save_changes did: the new stored version; the merged assessment when it rebased (None
    when my document was written as it is); my ops held back in conflict."""

    stored_version: int
    merged: Assessment | None = None
    held: tuple[Held, ...] = ()


@dataclass(frozen=True)
class Summary:
    """One row of the Start page's list."""

    id: str
    name: str  # the user's label, else the organisation (may be "" for a new, unnamed assessment)
    organisation: str
    model: str | None
    sample: bool
    updated_at: datetime
    stored_version: int


@dataclass(frozen=True)
class Stored:
    """A saved assessment with its stored version (to pass back to `save`)."""

    assessment: Assessment
    stored_version: int
    name: str
    updated_at: datetime


@dataclass(frozen=True)
class SnapshotInfo:
    id: int
    assessment_id: str
    name: str
    created_at: datetime


def default_url() -> str:
    """The database URL from the environment, or the default SQLite file (see the module doc)."""
    url = os.environ.get(DATABASE_URL_ENV, "").strip()
    if url:
        return url
    folder = Path(os.environ.get(DATA_DIR_ENV, "").strip() or DEFAULT_DIR).expanduser()
    return f"sqlite:///{folder / DB_FILE}"


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _utc(value: datetime) -> datetime:
    # SQLite gives back naive datetimes; everything stored is UTC.
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def _unavailable(exc: Exception) -> StoreUnavailable:
    """The StoreUnavailable that says what went wrong with the database, in the user's terms."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).lower()
    state = getattr(orig, "sqlstate", None) or ""
    if "locked" in text or "busy" in text or state in ("55P03", "40P01"):
        return StoreUnavailable("store.locked")
    if "readonly" in text or "read-only" in text or "read only" in text or state == "25006":
        return StoreUnavailable("store.read_only")
    if "disk is full" in text or "disk full" in text or "no space" in text or state.startswith("53"):
        return StoreUnavailable("store.disk_full")
    if "unable to open database" in text:
        return StoreUnavailable("store.cannot_open")
    if state.startswith("08") or "connection" in text or "could not connect" in text or "server closed" in text:
        return StoreUnavailable("store.unreachable")
    return StoreUnavailable("store.failed")


class Store:
    """The saved assessments. One instance per process is enough (the engine pools connections);
    the methods are safe to call from Streamlit's threads."""

    def __init__(self, url: str | None = None, *, busy_timeout: float = 5.0,
                 cat: Catalogue | None = None):
        self.url = url or default_url()
        self.cat = cat or load_catalogue()
        try:
            parsed = make_url(self.url)
        except ArgumentError:
            raise StoreUnavailable("store.failed") from None
        if parsed.drivername in ("postgresql", "postgres"):
            parsed = parsed.set(drivername="postgresql+psycopg")
        kwargs: dict = {"future": True}
        if parsed.get_backend_name() == "sqlite":
            # A "file:" URI (uri=true) names its own path and options: nothing to create for it.
            if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
                folder = Path(parsed.database).expanduser().parent
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                except OSError:
                    raise StoreUnavailable("store.cannot_create_dir", path=str(folder)) from None
            kwargs["connect_args"] = {"timeout": busy_timeout, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
            if parsed.get_backend_name() == "postgresql":
                kwargs["connect_args"] = {"connect_timeout": max(1, round(busy_timeout))}
        try:
            self.engine: Engine = create_engine(parsed, **kwargs)
        except (NoSuchModuleError, ArgumentError, ImportError):
            raise StoreUnavailable("store.failed") from None
        # The SQLite file whose identity is checked (None: PostgreSQL, memory, a file: URI).
        self._path: Path | None = None
        if self.engine.dialect.name == "sqlite":
            database = parsed.database or ""
            if database and database != ":memory:" and not database.startswith("file:"):
                self._path = Path(database).expanduser().absolute()
            event.listen(self.engine, "connect", self._on_connect)
        try:
            # The schema comes from the Alembic revisions (migrate.py), never from create_all: a
            # table made here would not be recorded, and the next revision would stumble on it.
            migrate.to_head(self.engine)
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise _unavailable(exc) from None
        except OSError as exc:
            self.engine.dispose()
            raise _unavailable(exc) from None

    def close(self) -> None:
        self.engine.dispose()

    # --- helpers
    def _document(self, a: Assessment) -> str:
        return json.dumps(to_document(a, self.cat), ensure_ascii=False, separators=(",", ":"))

    def _assessment(self, text: str, ident) -> Assessment:
        try:
            return from_document(json.loads(text), self.cat)
        except (ImportProblem, ValueError):
            raise StoreError("store.corrupt", id=str(ident)) from None

    def _on_connect(self, dbapi_connection, record) -> None:
        _sqlite_pragmas(dbapi_connection, record)
        # Taken right after the open, so it names the file this connection has open.
        record.info["file_id"] = _file_id(self._path) if self._path else None

    def _file_unchanged(self, conn) -> object:
        """The identity of the file `conn` has open, after checking it is still the file at the
        path; a stale connection is invalidated (the pool opens a new one) and _Stale raised."""
        held = conn.connection.info.get("file_id")
        if held != _file_id(self._path):
            conn.invalidate()
            raise _Stale
        return held

    def _run(self, work):
        """Runs `work(connection)` in one transaction; database failures become StoreUnavailable."""
        try:
            if self._path is None:
                with self.engine.begin() as conn:
                    return work(conn)
            return self._run_on_file(work)
        except StoreError:
            raise
        except (DBAPIError, SQLAlchemyError) as exc:
            if isinstance(exc, IntegrityError):
                raise
            raise _unavailable(exc) from None
        except OSError as exc:
            raise _unavailable(exc) from None

    def _run_on_file(self, work):
        for _attempt in range(3):
            if _file_id(self._path) is None:
                # sqlite would create an empty database here, and the saves would go into it
                raise StoreUnavailable("store.file_gone", path=str(self._path))
            try:
                with self.engine.begin() as conn:
                    held = self._file_unchanged(conn)
                    result = work(conn)
            except _Stale:
                self.engine.dispose()  # every pooled connection may hold the old file
                continue
            if _file_id(self._path) != held:
                # committed, but into a file that is no longer the one at the path
                self.engine.dispose()
                raise StoreUnavailable("store.file_replaced", path=str(self._path))
            return result
        raise StoreUnavailable("store.file_replaced", path=str(self._path))

    # --- assessments
    def save(self, a: Assessment, expected_version: int, *, ops=None, actor: Actor = LOCAL) -> int:
        """Saves `a` if the stored version is still `expected_version` (0: not saved yet), with a
        change row listing `ops`; returns the new stored version. Raises Conflict (nothing
        written) otherwise, or Deleted when the assessment it had was deleted meanwhile."""
        document, now = self._document(a), _now()
        ops = list(ops or ())

        def work(conn):
            if expected_version == 0:
                exists = conn.execute(select(assessments.c.version).where(assessments.c.id == a.id)).first()
                if exists:
                    raise Conflict(exists.version)
                conn.execute(insert(assessments).values(id=a.id, name="", version=1, created_at=now,
                                                        **self._values(a, document, now)))
                self._log(conn, a.id, 1, now, actor, [change_log.mark(change_log.CREATE)], [])
                return 1
            if self._write(conn, a, document, now, expected_version, actor, ops):
                return expected_version + 1
            current = conn.execute(select(assessments.c.version).where(assessments.c.id == a.id)).first()
            if current is None:
                raise Deleted(a.id)
            raise Conflict(current.version)

        try:
            return self._run(work)
        except IntegrityError:
            # Two first saves of one id at once: the other insert won.
            raise Conflict(self._version(a.id)) from None

    def save_changes(self, a: Assessment, base_version: int, ops, actor: Actor = LOCAL) -> SaveResult:
        """Saves my pending `ops` (made on `a`, which started from stored version `base_version`):
        as `a` when nobody saved since the base, else re-applied onto the stored version (see the
        module doc). Raises Deleted when the assessment is gone."""
        ops = list(ops)
        if actor.kind != "editor":
            # Defence in depth: only what the link may change, re-applied onto the stored version;
            # the session's document itself is never written for a participant or a viewer.
            ops = [o for o in ops if allowed(actor, o)]
            if base_version == 0:
                return SaveResult(0)  # a link never creates an assessment
            if not ops:
                got = self.get(a.id)
                return SaveResult(got.stored_version, got.assessment)
        else:
            if base_version == 0:
                return SaveResult(self.save(a, 0, actor=actor))
            try:
                return SaveResult(self.save(a, base_version, ops=ops, actor=actor))
            except Conflict:
                pass
        for _attempt in range(REBASE_ATTEMPTS):
            result = self._run(lambda conn: self._rebase(conn, a, base_version, ops, actor))
            if result is not None:
                return result
        raise StoreUnavailable("store.locked")

    def _rebase(self, conn, a: Assessment, base: int, ops, actor: Actor) -> SaveResult | None:
        """One transaction: the row locked first (so that writers racing on one assessment take
        turns instead of rebasing in vain), the stored document and the changes after `base` read,
        my ops re-applied, the result written. None if the guard still lost (then try again)."""
        locked = conn.execute(update(assessments).where(assessments.c.id == a.id)
                              .values(version=assessments.c.version))
        if locked.rowcount != 1:
            raise Deleted(a.id)
        row = conn.execute(select(assessments.c.version, assessments.c.document)
                           .where(assessments.c.id == a.id)).first()
        rows = conn.execute(select(changes).where(changes.c.assessment_id == a.id, changes.c.version > base,
                                                  changes.c.version <= row.version)).all()
        stored = self._assessment(row.document, a.id)
        merged, applied, held = rebase(stored, ops, [change_log.change_of(r) for r in rows])
        merged.version = max(merged.version, a.version) + 1  # caches keyed on it see a change
        if not applied:
            return SaveResult(row.version, merged, tuple(held))
        if not self._write(conn, merged, self._document(merged), _now(), row.version, actor, applied):
            return None
        return SaveResult(row.version + 1, merged, tuple(held))

    def replace(self, a: Assessment, actor: Actor = LOCAL) -> int:
        """Puts `a` over whatever is stored under its id (a file imported over the work, after the
        user confirmed it): no merge, and a change row that says so. Returns the stored version."""
        document, now = self._document(a), _now()
        for _attempt in range(REBASE_ATTEMPTS):
            current = self._version(a.id)
            if current == 0:
                try:
                    return self.save(a, 0, actor=actor)
                except Conflict:
                    continue
            if self._run(lambda conn: self._write(conn, a, document, now, current, actor,
                                                  [change_log.mark(change_log.REPLACE)], [("*",)])):
                return current + 1
        raise StoreUnavailable("store.locked")

    def changes(self, ident: str, since: int = 0, limit: int | None = None) -> list[Change]:
        """The change log of an assessment after stored version `since`, the latest first."""
        query = (select(changes).where(changes.c.assessment_id == ident, changes.c.version > since)
                 .order_by(changes.c.version.desc()))
        if limit:
            query = query.limit(limit)
        return [change_log.change_of(r) for r in self._run(lambda c: c.execute(query).all())]

    def _values(self, a: Assessment, document: str, now) -> dict:
        return {"organisation": a.organisation[:200], "model": a.model, "sample": a.sample,
                "document": document, "updated_at": now}

    def _write(self, conn, a: Assessment, document: str, now, expected: int, actor: Actor, ops,
               paths=None) -> bool:
        """The document over stored version `expected` and its change row, if it is still that."""
        done = conn.execute(update(assessments)
                            .where(assessments.c.id == a.id, assessments.c.version == expected)
                            .values(version=expected + 1, **self._values(a, document, now)))
        if done.rowcount != 1:
            return False
        self._log(conn, a.id, expected + 1, now, actor, ops,
                  change_log.paths_of(ops) if paths is None else paths)
        return True

    def _log(self, conn, ident, version, now, actor, ops, paths) -> None:
        conn.execute(insert(changes).values(**change_log.row_values(ident, version, now, actor, ops, paths)))

    def save_copy(self, a: Assessment, name: str = "") -> Assessment:
        """Saves a copy of `a` under a new id (stored version 1) and returns the copy, e.g. for the
        losing writer of a Conflict who wants to keep their work."""
        dup = copy.deepcopy(a)
        dup.id = new_id()
        self.save(dup, 0)
        if name:
            self.rename(dup.id, name)
        return dup

    def _version(self, ident: str) -> int:
        if not _valid_id(ident):
            return 0
        row = self._run(lambda c: c.execute(select(assessments.c.version).where(assessments.c.id == ident)).first())
        return row.version if row else 0

    def stored_version(self, ident: str) -> int:
        """The stored version of an assessment, 0 if it is not stored."""
        return self._version(ident)

    def get(self, ident: str) -> Stored:
        if not _valid_id(ident):  # e.g. ?a=%00: not a database error, just not there
            raise NotFound("store.not_found", id=str(ident))
        row = self._run(lambda c: c.execute(select(assessments).where(assessments.c.id == ident)).first())
        if row is None:
            raise NotFound("store.not_found", id=str(ident))
        return Stored(self._assessment(row.document, ident), row.version, row.name or row.organisation,
                      _utc(row.updated_at))

    def load(self, ident: str) -> Assessment:
        return self.get(ident).assessment

    def exists(self, ident: str) -> bool:
        return self._version(ident) > 0

    def list(self) -> list[Summary]:
        """Every saved assessment, the most recently changed first."""
        cols = [assessments.c[k] for k in ("id", "name", "organisation", "model", "sample", "updated_at", "version")]
        rows = self._run(lambda c: c.execute(select(*cols).order_by(assessments.c.updated_at.desc(),
                                                                    assessments.c.id)).all())
        return [Summary(r.id, r.name or r.organisation, r.organisation, r.model, bool(r.sample),
                        _utc(r.updated_at), r.version) for r in rows]

    def rename(self, ident: str, name: str) -> None:
        """Sets the label shown in the list ("" shows the organisation again). The document and
        its stored version are untouched, so a rename never conflicts with an edit."""
        name = " ".join(name.split())[:200]
        done = self._run(lambda c: c.execute(update(assessments).where(assessments.c.id == ident)
                                             .values(name=name)).rowcount)
        if not done:
            raise NotFound("store.not_found", id=str(ident))

    def duplicate(self, ident: str, name: str | None = None) -> str:
        """A new saved assessment with the same document (snapshots are not copied); returns its id."""
        stored = self.get(ident)
        dup = self.save_copy(stored.assessment, stored.name if name is None else name)
        return dup.id

    def delete(self, ident: str) -> None:
        """Deletes an assessment and its snapshots. Deleting one that is not stored does nothing."""
        def work(conn):
            conn.execute(delete(snapshots).where(snapshots.c.assessment_id == ident))
            conn.execute(delete(changes).where(changes.c.assessment_id == ident))
            conn.execute(delete(assessments).where(assessments.c.id == ident))
        self._run(work)

    # --- snapshots
    def snapshot(self, ident: str, name: str, shown: Assessment | None = None) -> int:
        """A named copy of the assessment: of `shown` (what the user sees) when given, else as
        stored now; returns the snapshot's id."""
        name = " ".join(name.split())[:200]
        own = self._document(shown) if shown is not None else None

        def work(conn):
            row = conn.execute(select(assessments.c.document).where(assessments.c.id == ident)).first()
            if row is None:
                raise NotFound("store.not_found", id=str(ident))
            done = conn.execute(insert(snapshots).values(assessment_id=ident, name=name, created_at=_now(),
                                                         document=own or row.document))
            return int(done.inserted_primary_key[0])
        return self._run(work)

    def snapshots(self, ident: str) -> list[SnapshotInfo]:
        """The assessment's snapshots, oldest first."""
        rows = self._run(lambda c: c.execute(
            select(snapshots.c.id, snapshots.c.assessment_id, snapshots.c.name, snapshots.c.created_at)
            .where(snapshots.c.assessment_id == ident).order_by(snapshots.c.created_at, snapshots.c.id)).all())
        return [SnapshotInfo(r.id, r.assessment_id, r.name, _utc(r.created_at)) for r in rows]

    def load_snapshot(self, snapshot_id: int) -> Assessment:
        row = self._run(lambda c: c.execute(select(snapshots.c.document).where(snapshots.c.id == snapshot_id)).first())
        if row is None:
            raise NotFound("store.snapshot_not_found", id=str(snapshot_id))
        return self._assessment(row.document, snapshot_id)

    def snapshot_assessments(self, ident: str) -> list[tuple[SnapshotInfo, Assessment]]:
        """Every snapshot with its assessment, oldest first (for history.trend)."""
        rows = self._run(lambda c: c.execute(
            select(snapshots).where(snapshots.c.assessment_id == ident)
            .order_by(snapshots.c.created_at, snapshots.c.id)).all())
        return [(SnapshotInfo(r.id, r.assessment_id, r.name, _utc(r.created_at)), self._assessment(r.document, r.id))
                for r in rows]

    def delete_snapshot(self, snapshot_id: int) -> None:
        self._run(lambda c: c.execute(delete(snapshots).where(snapshots.c.id == snapshot_id)))

    def count(self) -> int:
        return self._run(lambda c: c.execute(select(func.count()).select_from(assessments)).scalar_one())


def _valid_id(ident) -> bool:
    return isinstance(ident, str) and ID_PATTERN.fullmatch(ident) is not None


class _Stale(Exception):
    """A pooled connection holds a file that is no longer the one at the path."""


def _file_id(path: Path | None) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`, None when there is none."""
    try:
        st = os.stat(path)
    except (OSError, TypeError):
        return None
    return (st.st_dev, st.st_ino)


def _sqlite_pragmas(dbapi_connection, _record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # A rollback journal, not WAL, and no memory map (see the module doc: SIGBUS). A database
    # left in WAL mode by an older version is converted back when it is opened.
    cursor.execute("PRAGMA mmap_size=0")
    cursor.execute("PRAGMA journal_mode=DELETE")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
