"""The login screen, the refusal of a user without a verified e-mail, and the sidebar's account
box (who is logged in; log out; back from a viewer's view to one's own list).

Logging out leaves nothing of the work in the browser: the session state is emptied and the URL's
parameters (`?a=` among them) dropped before Streamlit's st.logout sends the browser to
/auth/logout (which deletes the identity cookie and ends the session at the provider). A page
reached again with the back button is a new session: it shows this login screen, and the screen
itself drops any `?a=` it was opened with. The app keeps nothing in localStorage or
sessionStorage."""
from __future__ import annotations

import streamlit as st

from components.account import identity, rights
from components.session.i18n import LANG_KEY, lang, tr
from components.session.labels import md
from components.session.sidebar import language_switch
from components.session.state import show_url_error
from components.team import gate

GO_START = "_login_go_start"
_KEEP = (LANG_KEY, "_url_lang")


def _forget_everything() -> None:
    """Every key of the session but the language goes, and the URL keeps only ?lang=."""
    for key in [k for k in st.session_state.keys() if k not in _KEEP]:
        del st.session_state[key]
    keep = lang()
    st.query_params.clear()
    st.query_params["lang"] = keep


def _logout() -> None:
    _forget_everything()
    st.logout()


def login_page() -> None:
    """Nobody logged in (or a user refused): this screen and nothing else."""
    _forget_everything()
    refused = identity.current()
    language_switch()
    st.title(tr("start.title"))
    st.subheader(tr("login.title"))
    st.markdown(tr("login.intro"))
    if isinstance(refused, str):
        st.error(tr(refused), icon=":material/no_accounts:")
        st.button(tr("login.logout"), key="login_logout", on_click=_logout, icon=":material/logout:")
        return
    show_url_error()
    st.button(tr("login.button"), key="login_button", type="primary", on_click=st.login, icon=":material/login:")
    st.caption(tr("login.links_note"))


def _back_to_list() -> None:
    rights.leave_view()
    st.session_state[GO_START] = True


def go_start_if_asked(start_page) -> None:
    """After "back to my list": the Start page of the user's own navigation."""
    if st.session_state.pop(GO_START, False):
        st.switch_page(start_page)


def account_box() -> None:
    """The sidebar's last part when someone is logged in."""
    u = identity.user()
    if u is None:
        return
    with st.sidebar:
        st.divider()
        st.caption(tr("login.signed_in_as", who=md(u.label)))
        if u.email in identity.admins():
            st.caption(tr("login.admin_note"))
        if gate.by_grant():
            st.button(tr("login.back_to_list"), key="login_back", on_click=_back_to_list,
                      icon=":material/arrow_back:")
        st.button(tr("login.logout"), key="login_logout_sidebar", on_click=_logout, icon=":material/logout:")
