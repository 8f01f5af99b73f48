"""Owners and grants of assessments when login is on, in two tables beside the assessments (the
store's SQLAlchemy metadata and engine: SQLite and PostgreSQL alike; create_all makes them, and
assessment/storage/migrations/versions/0002_login_grants.py adds them to an existing database).

- `owners`: one row per assessment that a logged-in user created: their verified e-mail.
  Assessments made before login was turned on have none; only administrators see those.
- `grants`: (assessment, e-mail) -> editor | viewer, one row per pair; `names` is the viewer's
  setting of a viewer link (people's names shown or not), kept with the grant for the same reason
  (an access setting, not part of the work).
Both go with their assessment (ON DELETE CASCADE; the store's SQLite connections enforce keys)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import (Boolean, Column, DateTime, ForeignKey, Integer, String, Table, UniqueConstraint,
                        delete, insert, select, update)
from sqlalchemy.exc import IntegrityError

from assessment.access.rules import GRANT_ROLES, MAX_EMAIL, grant_check, normalise_email, right
from assessment.core.errors import KeyedError
from assessment.storage.store import Store, assessments, metadata

owners = Table(
    "owners", metadata,
    Column("assessment_id", String(64), ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True),
    Column("email", String(MAX_EMAIL), nullable=False, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
grants = Table(
    "grants", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("assessment_id", String(64), ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False),
    Column("email", String(MAX_EMAIL), nullable=False, index=True),
    Column("role", String(16), nullable=False),  # editor | viewer
    Column("names", Boolean, nullable=False, default=False),
    Column("granted_by", String(MAX_EMAIL), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("assessment_id", "email", name="grants_one_per_user"),
)


class GrantRefused(KeyedError):
    """A grant that cannot be made (a role that is none, the owner themselves)."""


@dataclass(frozen=True)
class Grant:
    id: int
    assessment_id: str
    email: str
    role: str
    names: bool
    granted_by: str
    created_at: datetime


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def _grant(row) -> Grant:
    return Grant(row.id, row.assessment_id, row.email, row.role, bool(row.names), row.granted_by,
                 _utc(row.created_at))


class Grants:
    """The owners and grants of every assessment in one store."""

    def __init__(self, store: Store):
        self.store = store
        # create_all in Store made them if this module was imported first; else here.
        store._run(lambda conn: (owners.create(conn, checkfirst=True), grants.create(conn, checkfirst=True)))

    # --- owners
    def claim(self, assessment_id: str, email: str) -> bool:
        """Makes `email` the owner of an assessment that has none; True when it did. An existing
        owner is never replaced (the first save of a session is not a transfer)."""
        email = normalise_email(email)

        def work(conn):
            if conn.execute(select(owners.c.email).where(owners.c.assessment_id == assessment_id)).first():
                return False
            if not conn.execute(select(assessments.c.id).where(assessments.c.id == assessment_id)).first():
                return False
            conn.execute(insert(owners).values(assessment_id=assessment_id, email=email,
                                               created_at=datetime.now(timezone.utc)))
            return True
        try:
            return self.store._run(work)
        except IntegrityError:  # another server claimed it in between: theirs
            return False

    def owner(self, assessment_id: str) -> str | None:
        row = self.store._run(lambda c: c.execute(
            select(owners.c.email).where(owners.c.assessment_id == assessment_id)).first())
        return row.email if row else None

    # --- grants
    def grant(self, assessment_id: str, email: str, role: str, by: str) -> Grant:
        """Gives `email` the role (editor or viewer) on the assessment; a second grant to the same
        person changes their role. GrantRefused for a role that is none or the owner."""
        email = normalise_email(email)
        refused = grant_check(self.owner(assessment_id), email, role)
        if refused:
            raise GrantRefused(refused)
        now = datetime.now(timezone.utc)

        def work(conn):
            where = (grants.c.assessment_id == assessment_id, grants.c.email == email)
            if conn.execute(update(grants).where(*where).values(role=role, granted_by=normalise_email(by))).rowcount:
                return conn.execute(select(grants).where(*where)).one()
            done = conn.execute(insert(grants).values(assessment_id=assessment_id, email=email, role=role,
                                                      names=False, granted_by=normalise_email(by), created_at=now))
            return conn.execute(select(grants).where(grants.c.id == done.inserted_primary_key[0])).one()
        try:
            return _grant(self.store._run(work))
        except IntegrityError:  # the same grant made at once elsewhere: set the role on that one
            return _grant(self.store._run(work))

    def revoke(self, assessment_id: str, email: str) -> None:
        email = normalise_email(email)
        self.store._run(lambda c: c.execute(delete(grants).where(grants.c.assessment_id == assessment_id,
                                                                 grants.c.email == email)))

    def set_names(self, assessment_id: str, email: str, names: bool) -> None:
        self.store._run(lambda c: c.execute(update(grants).where(
            grants.c.assessment_id == assessment_id, grants.c.email == normalise_email(email)).values(names=bool(names))))

    def of(self, assessment_id: str) -> list[Grant]:
        """The grants of one assessment, in the order they were made."""
        rows = self.store._run(lambda c: c.execute(
            select(grants).where(grants.c.assessment_id == assessment_id).order_by(grants.c.id)).all())
        return [_grant(r) for r in rows]

    def find(self, assessment_id: str, email: str) -> Grant | None:
        row = self.store._run(lambda c: c.execute(select(grants).where(
            grants.c.assessment_id == assessment_id, grants.c.email == normalise_email(email))).first())
        return _grant(row) if row else None

    # --- what a user may reach
    def right(self, assessment_id: str, email: str, admins: frozenset[str]) -> str | None:
        """`email`'s right on one assessment (rules.right), from one query each for owner and grant."""
        email = normalise_email(email)
        if email in admins:
            return "admin"
        found = self.find(assessment_id, email)
        return right(email, owner=self.owner(assessment_id), grants={email: found.role} if found else {},
                     admins=admins)

    def reach(self, email: str) -> dict[str, str]:
        """Assessment id -> the right `email` has there, for every assessment they own or were
        granted (an administrator's reach is everything: the caller asks `right` for those)."""
        email = normalise_email(email)

        def work(conn):
            got = {r.assessment_id: r.role for r in conn.execute(
                select(grants.c.assessment_id, grants.c.role).where(grants.c.email == email)) if r.role in GRANT_ROLES}
            got.update({r.assessment_id: "owner" for r in conn.execute(
                select(owners.c.assessment_id).where(owners.c.email == email))})
            return got
        return self.store._run(work)
