"""Who may do what with an assessment when login is on. Pure: the caller passes what the store
and the settings say; nothing here reads a session, a secret or the database.

The rights, strongest first:
- `admin`: an administrator (configured by e-mail) sees and edits every assessment and manages
  its grants, also one nobody owns (made before login was turned on);
- `owner`: the user who created it; edits it, grants and revokes, deletes it;
- `editor`: granted by the owner; edits everything the owner can except grants and deleting;
- `viewer`: granted by the owner; reads what a viewer link reads (results, executive summary,
  files; anonymised unless the owner allows names for that grant).
No right: the assessment is not listed and opening it by `?a=` shows a message and no data.
Links (`?k=`) are decided by assessment.team.access as without login: they serve the people who
have no account (participants on phones)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

GRANT_ROLES = ("editor", "viewer")
RIGHTS = ("admin", "owner", "editor", "viewer")  # strongest first
EDITING = frozenset({"admin", "owner", "editor"})
MANAGING = frozenset({"admin", "owner"})  # grant, revoke, delete
MAX_EMAIL = 254  # RFC 5321's limit for a path; longer is not an address
# One @, something before it, a dot in the domain, no spaces or angle brackets: enough to catch a
# typo in the grant form. Whether the address exists is the provider's business at login.
_EMAIL = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;.]+$")


class BadEmail(ValueError):
    """A typed address that is not one; `key` names the message."""

    def __init__(self, key: str):
        self.key = key
        super().__init__(key)


@dataclass(frozen=True)
class Identity:
    """The logged-in user as the app knows them: the verified e-mail is the key of everything."""

    email: str
    name: str = ""

    @property
    def label(self) -> str:
        """How the change log names them: "Name <e-mail>", or the e-mail alone."""
        return f"{self.name} <{self.email}>" if self.name else self.email


def normalise_email(text: str) -> str:
    """The form addresses are stored and compared in: trimmed, lower case (providers differ in
    the case they send; nobody has two mailboxes told apart by case)."""
    return " ".join(str(text).split()).lower()


def parse_email(text: str) -> str:
    """A typed address, normalised; BadEmail("login.email_empty" / "login.email_bad") otherwise."""
    email = normalise_email(text)
    if not email:
        raise BadEmail("login.email_empty")
    if len(email) > MAX_EMAIL or not _EMAIL.match(email):
        raise BadEmail("login.email_bad")
    return email


def identity(claims: Mapping, *, require_verified: bool = True) -> Identity | str:
    """The Identity in the claims of an OpenID Connect ID token (st.user), or the key of the
    message that says why it is refused: no e-mail, or an e-mail the provider did not mark
    verified (`email_verified`). `require_verified=False` is for providers that never send that
    claim (documented in docs/login.md): then an e-mail without the claim is taken as it is, but
    one marked unverified is still refused."""
    raw = claims.get("email")
    if not isinstance(raw, str) or not raw.strip():
        return "login.no_email"
    try:
        email = parse_email(raw)
    except BadEmail:
        return "login.no_email"
    verified = claims.get("email_verified")
    # Some providers send the flag as a string ("true"); None: the claim is absent.
    flag = verified if isinstance(verified, bool) or verified is None else str(verified).lower() == "true"
    if flag is False or (require_verified and flag is not True):
        return "login.unverified"
    name = claims.get("name")
    name = " ".join(name.split())[:100] if isinstance(name, str) else ""
    return Identity(email, name)


def admins_from(*sources: Iterable[str] | str | None) -> frozenset[str]:
    """The administrators' addresses from the settings: lists (secrets.toml) or comma-separated
    strings (an environment variable), merged; entries that are not addresses are dropped."""
    found = set()
    for source in sources:
        if not source:
            continue
        items = source.split(",") if isinstance(source, str) else source
        for item in items:
            try:
                found.add(parse_email(item))
            except BadEmail:
                continue
    return frozenset(found)


def right(email: str, *, owner: str | None, grants: Mapping[str, str], admins: frozenset[str]) -> str | None:
    """The right `email` has on one assessment (see the module doc), None for none."""
    if email in admins:
        return "admin"
    if owner is not None and email == owner:
        return "owner"
    role = grants.get(email)
    return role if role in GRANT_ROLES else None


def may_edit(r: str | None) -> bool:
    return r in EDITING


def may_manage(r: str | None) -> bool:
    return r in MANAGING


def grant_check(owner: str | None, email: str, role: str) -> str | None:
    """Why a grant cannot be made (a message key), or None: the role must be one of the two, and
    the owner needs none (they have every right already)."""
    if role not in GRANT_ROLES:
        return "login.bad_role"
    if owner is not None and email == owner:
        return "login.grant_owner"
    return None
