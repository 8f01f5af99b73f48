"""Who this browser session is, and what it may open: `?k=<secret>` links, shared mode's refusal of
bare `?a=` links, and the editor link a creator gets in shared mode.

Kept in the session (server side, per browser tab):
- `_actor` (components/session/actor.py): editor, participant (person id, name) or viewer;
- `_link`: the link this session came in by (id, kind, assessment, secret for the URL);
- `_mine`: in shared mode, the assessments this session created or opened with an editor link —
  the Start page lists these and nothing else. It lives as long as the session: a browser that
  comes back later uses its link (which is why a creator is shown one at once);
- `_denied`: the message key of a refused link; the session then shows that message only.
"""
from __future__ import annotations

import streamlit as st

from assessment.core.edit import new_assessment
from assessment.core.errors import StoreError
from assessment.core.messages import message
from assessment.storage.store import default_url
from assessment.team.access import AccessDenied, Issued, Links, check_person, shared_mode
from assessment.team.actor import Actor
from assessment.team.anonymous import anonymised

from components.account import identity
from components.session import persistence
from components.session.actor import current_actor
from components.session.i18n import lang, tr
from components.session.state import assessment, replace_assessment, url_error

ACTOR, LINK, MINE, DENIED, FRESH, NOTICE = "_actor", "_link", "_mine", "_denied", "_fresh_links", "_creator_notice"
VIEW = "_viewer_view"


@st.cache_resource(show_spinner=False)
def _links(url: str) -> Links:
    return Links(persistence._store(url))


def links() -> Links | None:
    if persistence.store() is None:
        return None
    return _links(default_url())


def link() -> dict | None:
    return st.session_state.get(LINK)


def can_edit() -> bool:
    return current_actor().kind == "editor" and not st.session_state.get(DENIED)


def may_save() -> bool:
    """Editors and participants save; a viewer's copy (anonymised) is never written back."""
    return current_actor().kind in ("editor", "participant") and not st.session_state.get(DENIED)


def viewer_sees_people() -> bool:
    """Editors do; a viewer only when the lead allows names for viewer links."""
    held = link()
    return current_actor().kind != "viewer" or bool(held and held.get("names"))


def mine() -> set[str]:
    return st.session_state.setdefault(MINE, set())


def listed(assessment_id: str) -> bool:
    """Whether the Start page lists a saved assessment: all in local mode, one's own in shared."""
    return not shared_mode() or assessment_id in mine()


def claim(assessment_id: str) -> None:
    """This session made it (a copy on the Start page): it is this session's own."""
    mine().add(assessment_id)


# --- opening links, once per run, before persistence.open_from_url
def open_link() -> None:
    params = st.query_params
    secret = params.get("k")
    if secret is not None and secret != st.session_state.get("_url_k"):
        st.session_state["_url_k"] = secret
        _open(secret, params.get("a"))
    elif link() is not None and not by_grant():
        _recheck()  # a viewer grant's view is checked by components/account instead
    held = link()
    if held and held["kind"] != "editor" and not by_grant() and params.get("k") != held["secret"]:
        # Participant and viewer links stay in the URL, so that a reload on a phone still works.
        params["k"] = held["secret"]
        st.session_state["_url_k"] = held["secret"]
    if can_edit() and shared_mode() and not identity.configured():  # with login, rights decide
        claim(assessment().id)  # whatever an editor session holds, it made or opened as editor
        _refuse_bare_a()


def by_grant() -> bool:
    """The session shows a viewer grant's view (login), held like a viewer link without a secret."""
    held = link()
    return bool(held and held.get("via") == "grant")


def _open(secret: str, wanted: str | None) -> None:
    L, s = links(), persistence.store()
    if L is None or s is None:
        return
    try:
        found = L.verify(secret, wanted or None)
        got = s.get(found.assessment_id)
        check_person(found, got.assessment)
    except AccessDenied as exc:
        _deny(exc.key)
        return
    except StoreError as exc:
        url_error(message(exc, lang()))
        return
    st.session_state.pop(DENIED, None)
    st.session_state.pop(VIEW, None)
    persistence.open_assessment(got.assessment, got.stored_version)
    if found.kind == "participant":
        st.session_state[ACTOR] = Actor("participant", found.person_id, got.assessment.person(found.person_id).name)
    else:
        st.session_state[ACTOR] = Actor(found.kind)
    st.session_state[LINK] = {"id": found.id, "kind": found.kind, "assessment_id": found.assessment_id,
                              "secret": secret, "names": found.names}
    if found.kind == "editor":
        claim(found.assessment_id)
        # Not kept in the URL: the lead's screen is often on a projector or in a screenshot.
        del st.query_params["k"]
        st.session_state.pop("_url_k", None)
        st.session_state.pop(LINK, None)
    if found.kind == "viewer":
        viewer_copy()


def _recheck() -> None:
    """A link revoked (or a person removed) while the session is open stops working at once."""
    L, held = links(), link()
    if L is None:
        return
    try:
        now = L.get(held["id"])
    except StoreError:
        return  # the store is down: the status line says so; nothing new is read either
    if now is None or not now.active:
        _deny("access.revoked")
        return
    if held["kind"] == "participant":
        _participant_refresh(held["assessment_id"])
        try:
            check_person(now, assessment())
        except AccessDenied as exc:
            _deny(exc.key)
            return
    if held["kind"] == "viewer":
        held["names"] = now.names
        viewer_copy()


def _participant_refresh(assessment_id: str) -> None:
    """A participant with nothing unsaved reads the stored assessment again when it moved: so that
    a person removed (or roles changed) by the lead shows here on the next click. (A deleted one is
    refused by the link check.)"""
    if persistence.newer_version() in (None, 0):
        return
    try:
        got = persistence.store().get(assessment_id)
    except StoreError:
        return
    persistence.open_assessment(got.assessment, got.stored_version)


def _deny(key: str) -> None:
    """A refused link: the session forgets what it held and shows the reason only."""
    replace_assessment(new_assessment())
    for k in (LINK, VIEW):
        st.session_state.pop(k, None)
    st.session_state[ACTOR] = Actor("viewer")  # nothing to edit, nothing to see
    st.session_state[DENIED] = key


def denied() -> str | None:
    return st.session_state.get(DENIED)


def _refuse_bare_a() -> None:
    params = st.query_params
    wanted = params.get("a")
    if wanted and wanted not in mine():
        url_error(tr("access.bare_a"))
        del params["a"]
        st.session_state["_url_a"] = None


# --- the viewer's copy: anonymised unless the lead allows names, refreshed when the store moves
def viewer_copy() -> None:
    """The held viewer link's (or viewer grant's) copy of its assessment, as stored now."""
    s, held = persistence.store(), link()
    if s is None or held is None:
        return
    try:
        version = s.stored_version(held["assessment_id"])
        state = (version, held["names"], lang())
        if st.session_state.get(VIEW) == state:
            return
        got = s.get(held["assessment_id"])
    except StoreError as exc:
        url_error(message(exc, lang()))
        return
    a = got.assessment if held["names"] else anonymised(got.assessment, tr("access.member"))
    persistence.open_assessment(a, got.stored_version)
    st.session_state[VIEW] = state


# --- links made in this session (their secrets are known only now)
def remember(issued: Issued) -> None:
    st.session_state.setdefault(FRESH, {})[issued.link.id] = issued.secret


def fresh(link_id: int) -> str | None:
    return st.session_state.get(FRESH, {}).get(link_id)


def ensure_creator_link() -> None:
    """Shared mode: the creator of a stored assessment gets its editor link, once, to come back.
    (With login they come back by logging in: no link is made.)"""
    if not shared_mode() or not can_edit() or identity.configured():
        return
    a, mark = assessment(), st.session_state.get(persistence.MARK)
    done = st.session_state.setdefault("_creator_checked", set())
    if not mark or mark["id"] != a.id or a.id in done:
        return
    L = links()
    if L is None:
        return
    done.add(a.id)
    claim(a.id)
    try:
        if any(x.kind == "editor" for x in L.active(a.id)):
            return
        issued = L.issue(a.id, "editor")
    except StoreError:
        done.discard(a.id)  # try again on the next run
        return
    remember(issued)
    st.session_state[NOTICE] = issued.link.id
