"""Personal links to one assessment: editor, participant (one per person) and viewer.

A link is a URL carrying a random secret (`?k=<secret>`). Only the secret's SHA-256 is stored, in
the `links` table beside the assessments (same SQLAlchemy metadata and engine, so SQLite and
PostgreSQL alike). A plain hash and not a slow password hash: the secret is 192 random bits from
`secrets`, so there is nothing to guess from a leaked hash, and a slow hash only protects secrets
people choose. Each link can be revoked; re-issuing revokes the active one and makes a new one,
since the old secret cannot be shown again.

Who may see which page is decided here too (`PAGES`), so that the UI and its tests read one list.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import (Boolean, Column, DateTime, ForeignKey, Integer, String, Table, insert, select,
                        update)

from assessment.core.errors import KeyedError
from assessment.core.model import Assessment
from assessment.storage.store import Store, assessments, metadata

KINDS = ("editor", "participant", "viewer")
SHARED_ENV = "CSIRT_SELFCHECK_SHARED"
SECRET_BYTES = 24  # 192 bits; token_urlsafe gives 32 characters
_SECRET_FORM = re.compile(r"^[A-Za-z0-9_-]{32}$")
# The pages each kind reaches (url paths of app.py); the editor reaches every page.
PAGES = {"participant": ("me",), "viewer": ("results", "executive", "files")}

links = Table(
    "links", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("assessment_id", String(64), ForeignKey("assessments.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("person_id", String(64), nullable=True),  # participant links only
    Column("secret_hash", String(64), nullable=False, unique=True),  # hex SHA-256 of the secret
    # Viewer links: whether people's names are shown (default off). An access setting, kept with
    # the link rather than in the assessment: it is not part of the work, and an exported file
    # must not carry who may read it.
    Column("names", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)


class AccessDenied(KeyedError):
    """A link that does not open anything: malformed, unknown, revoked, for another assessment,
    or for a person no longer in it. The key names the message; no data goes with it."""


@dataclass(frozen=True)
class Link:
    id: int
    assessment_id: str
    kind: str
    person_id: str | None
    names: bool
    created_at: datetime
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True)
class Issued:
    """A link just made: the only moment its secret is known."""
    link: Link
    secret: str


def shared_mode() -> bool:
    """CSIRT_SELFCHECK_SHARED=1 (or true/yes/on): a server other people reach (see README)."""
    return os.environ.get(SHARED_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def pages_for(kind: str) -> tuple[str, ...] | None:
    """The url paths a kind of link reaches; None for the editor (every page)."""
    return PAGES.get(kind)


def new_secret() -> str:
    return secrets.token_urlsafe(SECRET_BYTES)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def _link(row) -> Link:
    return Link(row.id, row.assessment_id, row.kind, row.person_id, bool(row.names), _utc(row.created_at),
                _utc(row.revoked_at))


class Links:
    """The links of every assessment in one store."""

    def __init__(self, store: Store):
        self.store = store  # its table is made by the store's migrations (revision 0001)

    def issue(self, assessment_id: str, kind: str, person_id: str | None = None) -> Issued:
        """A new link; the active one of the same kind (and person) is revoked in the same step."""
        if kind not in KINDS:
            raise ValueError(kind)
        if (kind == "participant") != (person_id is not None):
            raise ValueError("a participant link needs a person, the others none")
        secret, now = new_secret(), datetime.now(timezone.utc)

        def work(conn):
            names = False
            old = conn.execute(self._active_query(assessment_id, kind, person_id)).first()
            if old is not None:
                names = bool(old.names)  # re-issuing keeps the viewer's setting
                conn.execute(update(links).where(links.c.id == old.id).values(revoked_at=now))
            done = conn.execute(insert(links).values(assessment_id=assessment_id, kind=kind, person_id=person_id,
                                                     secret_hash=digest(secret), names=names, created_at=now))
            row = conn.execute(select(links).where(links.c.id == done.inserted_primary_key[0])).one()
            return _link(row)
        return Issued(self.store._run(work), secret)

    @staticmethod
    def _active_query(assessment_id: str, kind: str, person_id: str | None):
        q = select(links).where(links.c.assessment_id == assessment_id, links.c.kind == kind,
                                links.c.revoked_at.is_(None))
        return q.where(links.c.person_id == person_id) if person_id else q

    def active(self, assessment_id: str) -> list[Link]:
        """The assessment's active links, oldest first."""
        rows = self.store._run(lambda c: c.execute(
            select(links).where(links.c.assessment_id == assessment_id, links.c.revoked_at.is_(None))
            .order_by(links.c.created_at, links.c.id)).all())
        return [_link(r) for r in rows]

    def revoke(self, link_id: int) -> None:
        self.store._run(lambda c: c.execute(update(links).where(links.c.id == link_id, links.c.revoked_at.is_(None))
                                            .values(revoked_at=datetime.now(timezone.utc))))

    def set_names(self, link_id: int, names: bool) -> None:
        self.store._run(lambda c: c.execute(update(links).where(links.c.id == link_id).values(names=bool(names))))

    def get(self, link_id: int) -> Link | None:
        row = self.store._run(lambda c: c.execute(select(links).where(links.c.id == link_id)).first())
        return _link(row) if row else None

    def verify(self, secret: str, assessment_id: str | None = None) -> Link:
        """The active link `secret` opens, or AccessDenied with the reason. With `assessment_id`,
        a link of another assessment is refused too."""
        if not isinstance(secret, str) or not _SECRET_FORM.match(secret):
            raise AccessDenied("access.malformed")
        wanted = digest(secret)
        row = self.store._run(lambda c: c.execute(
            select(links, assessments.c.id.label("stored")).outerjoin(assessments, assessments.c.id == links.c.assessment_id)
            .where(links.c.secret_hash == wanted)).first())
        # The lookup is by hash; the comparison after it is constant-time all the same.
        if row is None or not hmac.compare_digest(row.secret_hash, wanted):
            raise AccessDenied("access.unknown")
        if row.revoked_at is not None:
            raise AccessDenied("access.revoked")
        if row.stored is None:
            raise AccessDenied("access.gone")
        if assessment_id is not None and not hmac.compare_digest(row.assessment_id, assessment_id):
            raise AccessDenied("access.other_assessment")
        return _link(row)


def check_person(link: Link, a: Assessment) -> None:
    """A participant link whose person was removed opens nothing."""
    if link.kind == "participant" and all(p.id != link.person_id for p in a.people):
        raise AccessDenied("access.person_removed")
