"""The Share page (editors only): make, revoke and re-issue the editor link, the viewer link and one
participant link per person (laid out by components/team/participant_links.py), each as a URL and a
QR code. A secret is shown only in the session that made it (only its hash is stored); afterwards
the page says when it was issued."""
from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from assessment.core.errors import StoreError
from assessment.core.messages import message
from assessment.team.access import Link

from components.session import persistence
from components.session.i18n import lang, tr
from components.session.labels import md
from components.session.state import assessment
from components.team import gate, participant_links
from components.team.access_view import base_url, link_state, show_link

ERROR = "_share_error"


def _do(action) -> None:
    try:
        action()
    except StoreError as exc:
        st.session_state[ERROR] = message(exc, lang())


def _issue(assessment_id: str, kind: str, person_id: str | None) -> None:
    _do(lambda: gate.remember(gate.links().issue(assessment_id, kind, person_id)))


def _issue_missing(assessment_id: str, person_ids: list[str]) -> None:
    for pid in person_ids:
        _issue(assessment_id, "participant", pid)


def _card(title: str, kind: str, person_id: str | None, active: Link | None, aid: str) -> None:
    slot = f"{kind}_{person_id or ''}"
    with st.container(border=True):
        # The name and the link's state in one element: a hundred cards at scale (issue 13).
        st.markdown(f"**{title}**  \n:small[:gray[{md(link_state(active))}]]")
        if active is None:
            st.button(tr("share.make"), key=f"share_make_{slot}", on_click=_issue, args=(aid, kind, person_id),
                      type="primary", icon=":material/add_link:")
            return
        secret = gate.fresh(active.id)
        if secret:
            show_link(kind, secret, slot)
        else:
            st.caption(tr("share.secret_gone"))
        row = st.container(horizontal=True)  # wraps in a narrow card instead of cutting the words
        row.button(tr("share.revoke"), key=f"share_revoke_{slot}", icon=":material/link_off:",
                  on_click=lambda: _do(lambda: gate.links().revoke(active.id)))
        row.button(tr("share.reissue"), key=f"share_reissue_{slot}", icon=":material/autorenew:",
                  on_click=_issue, args=(aid, kind, person_id))


def render() -> None:
    a = assessment()
    mark = st.session_state.get(persistence.MARK)
    L = gate.links()
    if L is None:
        st.warning(st.session_state.get(persistence.SAVE_ERROR, tr("library.unavailable")))
        return
    if not mark or mark["id"] != a.id:
        st.info(tr("share.not_saved"), icon=":material/save:")
        return
    if urlsplit(base_url()).hostname in ("127.0.0.1", "localhost", "::1"):
        st.info(tr("share.local_only"), icon=":material/lan:")
    error = st.session_state.pop(ERROR, None)
    if error:
        st.error(error, icon=":material/error:")
    try:
        active = L.active(a.id)
    except StoreError as exc:
        st.warning(message(exc, lang()))
        return
    by = {(x.kind, x.person_id): x for x in active}  # one active link per kind and person
    find = lambda kind, pid=None: by.get((kind, pid))  # noqa: E731

    left, right = st.columns(2)
    with left:
        st.subheader(tr("share.editor_heading"))
        st.caption(tr("share.editor_help"))
        _card(tr("share.editor_card"), "editor", None, find("editor"), a.id)
    with right:
        st.subheader(tr("share.viewer_heading"))
        st.caption(tr("share.viewer_help"))
        viewer = find("viewer")
        _card(tr("share.viewer_card"), "viewer", None, viewer, a.id)
        if viewer is not None:
            key = f"share_viewer_names_{viewer.id}"
            st.session_state[key] = viewer.names
            st.toggle(tr("share.viewer_names"), key=key, help=tr("share.viewer_names_help"),
                      on_change=lambda: _do(lambda: L.set_names(viewer.id, st.session_state[key])))

    st.subheader(tr("share.participants_heading"))
    st.caption(tr("share.participants_help"))
    if not a.people:
        st.info(tr("share.no_people"))
    missing = [p.id for p in a.people if find("participant", p.id) is None]
    if missing:
        st.button(tr("share.make_all", n=len(missing)), key="share_make_all", type="primary",
                  on_click=_issue_missing, args=(a.id, missing), icon=":material/qr_code_2:")
    participant_links.render(a, lambda pid: find("participant", pid),
                             lambda title, pid, link: _card(title, "participant", pid, link, a.id))
    # Links of people since removed open nothing (the gate checks), but can still be revoked here.
    people = {p.id for p in a.people}
    stale = [x for x in active if x.kind == "participant" and x.person_id not in people]
    if stale:
        st.caption(tr("share.stale", n=len(stale)))
        st.button(tr("share.revoke_stale"), key="share_revoke_stale",
                  on_click=lambda: _do(lambda: [L.revoke(x.id) for x in stale]))
