"""With login on: what the logged-in user may list and open, checked on every run.

- The Start page lists what the user owns or was granted (an administrator: everything), and the
  assessments this session opened with an editor link.
- `?a=<id>` of an assessment the user has no right to shows a message and no data; a viewer
  grant opens the viewer's view (components/team/gate.py's viewer copy, held like a viewer link
  but without a secret: `via: "grant"`), with `?a=` kept in the URL so a reload shows it again.
- A right revoked while the assessment is open takes it away at the next click, before anything
  is saved.
- What this session stored first becomes the user's own (`claim_created`).
Links (`?k=`) work as without login; their sessions are decided by the gate."""
from __future__ import annotations

import streamlit as st

from assessment.access.grants import Grants
from assessment.access.rules import may_edit
from assessment.core.edit import new_assessment
from assessment.core.errors import StoreError, StoreUnavailable
from assessment.storage.store import default_url
from assessment.team.actor import Actor

from components.account import identity
from components.session import persistence
from components.session.actor import ACTOR_KEY, current_actor
from components.session.i18n import tr
from components.session.state import assessment, url_error
from components.team import gate

LINK_RIGHT = "link"  # opened in this session with an editor link: as an editor, like without login


@st.cache_resource(show_spinner=False)
def _grants(url: str) -> Grants:
    return Grants(persistence._store(url))


def grants() -> Grants | None:
    if persistence.store() is None:
        return None
    return _grants(default_url())


def _link_session() -> bool:
    """Opened with a link (any kind): the link decides, as without login."""
    return st.session_state.get(ACTOR_KEY) is not None and not gate.by_grant()


def needs_login() -> bool:
    """Login is on and this session has no user with a verified e-mail and no link."""
    return identity.configured() and identity.user() is None and not _link_session() and not gate.denied()


def right_of(assessment_id: str) -> str | None:
    """The user's right on one assessment: rules' rights, LINK_RIGHT, or None (also when the
    database cannot answer: nothing is listed or opened then)."""
    try:
        return _right(assessment_id)
    except StoreError:
        return None


def _right(assessment_id: str) -> str | None:
    """right_of, but a database failure raises StoreError (see enforce)."""
    if assessment_id in gate.mine():
        return LINK_RIGHT
    u = identity.user()
    if u is None:
        return None  # a link session without login reaches its links' assessments only
    G = grants()
    if G is None:
        raise StoreUnavailable("store.failed")  # the status line says why
    return G.right(assessment_id, u.email, identity.admins())


def editable(r: str | None) -> bool:
    return r == LINK_RIGHT or may_edit(r)


def listing(ids: list[str]) -> dict[str, str] | None:
    """Id -> right for the listed ones among `ids`; None when login is off (list as before)."""
    if not identity.configured():
        return None
    u, G = identity.user(), grants()
    if u is not None and u.email in identity.admins():
        return {i: "admin" for i in ids}
    reach = G.reach(u.email) if u is not None and G is not None else {}
    reach.update({i: LINK_RIGHT for i in gate.mine()})
    return {i: reach[i] for i in ids if i in reach}


# --- the viewer grant's view
def open_viewer(assessment_id: str) -> None:
    u, G = identity.user(), grants()
    found = G.find(assessment_id, u.email) if u and G else None
    st.session_state[gate.LINK] = {"id": None, "via": "grant", "kind": "viewer", "assessment_id": assessment_id,
                                   "secret": None, "names": bool(found and found.names)}
    st.session_state[ACTOR_KEY] = Actor("viewer")
    st.session_state.pop(gate.VIEW, None)
    gate.viewer_copy()
    st.query_params["a"] = assessment_id
    st.session_state["_url_a"] = assessment_id


def leave_view() -> None:
    """Back from a viewer grant's view to the user's own session: nothing of it is kept."""
    for key in (gate.LINK, ACTOR_KEY, gate.VIEW):
        st.session_state.pop(key, None)
    persistence.open_assessment(new_assessment(), 0)
    if "a" in st.query_params:
        del st.query_params["a"]
    st.session_state["_url_a"] = None


def open_saved(assessment_id: str) -> bool:
    """Opens a listed assessment as the user's right allows; False when it is not theirs."""
    r = right_of(assessment_id) if identity.configured() else LINK_RIGHT
    if r is None:
        url_error(tr("login.not_yours"))
        return False
    if r == "viewer":
        open_viewer(assessment_id)
        return True
    if gate.by_grant():
        leave_view()
    got = persistence.store().get(assessment_id)
    persistence.open_assessment(got.assessment, got.stored_version)
    return True


# --- every run
def enforce() -> None:
    """After the gate has read any link and before anything is opened or saved (see module doc).
    A link session without login is held to its links' assessments in the same way."""
    if not identity.configured():
        return
    claim_created()
    try:
        if gate.by_grant():
            _recheck_view()
        elif current_actor().kind == "editor" and persistence.is_stored(assessment()):
            if _right(assessment().id) is None:
                persistence.open_assessment(new_assessment(), 0)
                url_error(tr("login.revoked"))
    except StoreError:
        pass  # the database is away: what is shown stays (nothing new can be read); asked again next run
    _guard_url()


def _recheck_view() -> None:
    held = gate.link()
    r = _right(held["assessment_id"])
    if r == "viewer":
        found = grants().find(held["assessment_id"], identity.user().email)
        held["names"] = bool(found and found.names)
        gate.viewer_copy()
        st.query_params["a"] = held["assessment_id"]
        st.session_state["_url_a"] = held["assessment_id"]
        return
    aid = held["assessment_id"]
    leave_view()
    if editable(r):
        open_saved(aid)  # the owner made them an editor meanwhile
    else:
        url_error(tr("login.revoked"))


def _guard_url() -> None:
    params = st.query_params
    wanted = params.get("a")
    if not wanted or wanted == assessment().id or wanted == st.session_state.get("_url_a"):
        return
    if _link_session():
        held = gate.link()
        if held and held["assessment_id"] == wanted:
            return
    r = right_of(wanted)
    if r is None:
        url_error(tr("login.not_yours"))
        del params["a"]
        st.session_state["_url_a"] = None
    elif r == "viewer":
        open_viewer(wanted)
    elif gate.by_grant():
        leave_view()
        params["a"] = wanted  # persistence.open_from_url opens it as the user's own


def claim_created() -> None:
    """What this session stored first is the logged-in user's own (once; never a transfer)."""
    made = st.session_state.get(persistence.CREATED)
    u, G = identity.user(), grants()
    if made and u is None:  # a link session without login: its own for as long as it lasts
        for ident in made:
            gate.claim(ident)
        made.clear()
    if not made or G is None:
        return
    for ident in sorted(made):
        try:
            G.claim(ident, u.email)
        except StoreError:
            return  # the database is away: the next run claims it
        made.discard(ident)
