"""The Share page's part for people with an account (login on): who owns the assessment, who
was granted editor or viewer rights by e-mail, and, for the owner and administrators, the form
to grant, change and revoke. Links (below it) keep serving people without an account."""
from __future__ import annotations

import streamlit as st

from assessment.access.grants import GrantRefused
from assessment.access.rules import GRANT_ROLES, BadEmail, may_manage, parse_email
from assessment.core.errors import StoreError
from assessment.core.messages import message

from components.account import identity, rights
from components.session import persistence
from components.session.i18n import lang, tr
from components.session.labels import md
from components.session.state import assessment

ERROR, DONE = "_grants_error", "_grants_done"


def _do(action, done: str | None = None) -> None:
    try:
        action()
    except (BadEmail, GrantRefused) as exc:
        st.session_state[ERROR] = tr(exc.key)
    except StoreError as exc:
        st.session_state[ERROR] = message(exc, lang())
    else:
        if done:
            st.session_state[DONE] = done


def _grant(aid: str, key: str, role_key: str) -> None:
    G, u = rights.grants(), identity.user()
    try:
        email = parse_email(st.session_state.get(key, ""))
    except BadEmail as exc:
        st.session_state[ERROR] = tr(exc.key)  # what was typed stays, to be corrected
        return
    _do(lambda: G.grant(aid, email, st.session_state[role_key], by=u.email), tr("login.granted", who=md(email)))
    if ERROR not in st.session_state:
        st.session_state[key] = ""  # empty again for the next one


def _role_label(role: str) -> str:
    return tr(f"login.role_{role}")


def render() -> None:
    if not identity.configured() or identity.user() is None:
        return
    a, G = assessment(), rights.grants()
    if G is None or not persistence.is_stored(a):
        return  # the links part below says why (database away, or not saved yet)
    manage = may_manage(rights.right_of(a.id))
    st.subheader(tr("login.grants_heading"))
    st.caption(tr("login.grants_help"))
    for key, show in ((ERROR, st.error), (DONE, st.success)):
        text = st.session_state.pop(key, None)
        if text:
            show(text)
    try:
        owner, given = G.owner(a.id), G.of(a.id)
    except StoreError as exc:
        st.warning(message(exc, lang()))
        return
    st.markdown(tr("login.owner_is", who=md(owner)) if owner else tr("login.no_owner"))
    if not given:
        st.caption(tr("login.no_grants"))
    for g in given:
        with st.container(border=True, key=f"grant_{g.id}"):
            row = st.container(horizontal=True, vertical_alignment="center")
            row.markdown(f"**{md(g.email)}** — {_role_label(g.role)}")
            if not manage:
                continue
            other = "viewer" if g.role == "editor" else "editor"
            row.button(tr(f"login.make_{other}"), key=f"grant_role_{g.id}",
                       on_click=lambda g=g, other=other: _do(lambda: G.grant(a.id, g.email, other, by=identity.user().email)))
            row.button(tr("login.revoke"), key=f"grant_revoke_{g.id}", icon=":material/person_remove:",
                       on_click=lambda g=g: _do(lambda: G.revoke(a.id, g.email), tr("login.revoked_done", who=md(g.email))))
            if g.role == "viewer":
                key = f"grant_names_{g.id}"
                st.session_state[key] = g.names
                st.toggle(tr("share.viewer_names"), key=key, help=tr("share.viewer_names_help"),
                          on_change=lambda g=g, key=key: _do(lambda: G.set_names(a.id, g.email, st.session_state[key])))
    if not manage:
        st.caption(tr("login.only_owner"))
        return
    with st.container(border=True, key="grant_form"):
        # The role's key names the language: its labels change with it, and Streamlit 1.67 then
        # shows a keyed radio with nothing chosen.
        email_key, role_key = "grant_email", f"grant_role_{lang()}"
        st.text_input(tr("login.email_label"), key=email_key, max_chars=254, placeholder=tr("login.email_placeholder"))
        st.radio(tr("login.role_label"), list(GRANT_ROLES), key=role_key, format_func=_role_label, horizontal=True,
                 index=GRANT_ROLES.index("viewer"), captions=[tr(f"login.role_{r}_help") for r in GRANT_ROLES])
        st.button(tr("login.grant"), key="grant_submit", type="primary", icon=":material/person_add:",
                  on_click=_grant, args=(a.id, email_key, role_key))
