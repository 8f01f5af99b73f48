"""What each kind of link sees around the page: its navigation, a refused link's message, and the
link URLs with their QR codes (drawn here, by segno, as PNG: nothing is fetched from elsewhere)."""
from __future__ import annotations

import io
from typing import Callable
from urllib.parse import urlsplit

import segno
import streamlit as st

from assessment.team.access import pages_for, shared_mode

from components.account import identity
from components.session.actor import current_actor
from components.session.i18n import tr
from components.team import gate

# The page a link of each kind opens on.
LANDING = {"editor": "start", "participant": "me", "viewer": "results"}


def _landing(target) -> st.Page:
    """The default page ("/", whose own path a default page loses) leads on to `target`, so that
    `target` keeps its address (/me, /results) like every other page."""
    def landing():
        st.switch_page(target, query_params=dict(st.query_params))
    return st.Page(landing, url_path="home", title=target.title, default=True, visibility="hidden")


def navigation(pages: dict, editor_nav: Callable):
    """The editor's full navigation, or only the pages a participant or viewer link reaches."""
    kind = current_actor().kind
    if kind == "participant":
        me = st.Page("app_pages/me.py", url_path="me", title=tr("page.me"), icon=":material/person:")
        return st.navigation([me, _landing(me)], position="hidden")
    if kind == "viewer":
        reach = [pages[u] for u in pages_for("viewer")]
        return st.navigation({"": reach + [_landing(reach[0])]}, expanded=True)
    return editor_nav()


def denied_page() -> None:
    st.title(tr("access.denied_title"))
    st.error(tr(gate.denied()), icon=":material/lock:")
    st.write(tr("access.denied_body"))


def base_url() -> str:
    """The app's address as this browser reached it (scheme, host, port, any path prefix)."""
    url = st.context.url or "http://localhost:8501"
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    last = path.rsplit("/", 1)[-1]
    if last and not last.startswith("_"):
        path = path[: -len(last) - 1]  # the current page's own path
    return f"{parts.scheme}://{parts.netloc}{path}"


def link_url(kind: str, secret: str) -> str:
    return f"{base_url()}/{LANDING[kind]}?k={secret}"


def qr_png(text: str) -> bytes:
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=5, border=2)
    return out.getvalue()


def issued_when(link) -> str:
    return link.created_at.astimezone().strftime("%Y-%m-%d %H:%M")


def link_state(link) -> str:
    """A link's state in a card: not issued, or when it was."""
    return tr("share.none") if link is None else tr("share.issued_at", when=issued_when(link))


def show_link(kind: str, secret: str, key: str) -> None:
    """A new link: its URL to copy and its QR code to scan from a phone."""
    url = link_url(kind, secret)
    st.code(url, language=None, wrap_lines=True)
    st.image(qr_png(url), caption=tr("access.qr_caption"), width=180)


def creator_notice() -> None:
    """Shared mode: the editor link of the assessment this session just created, prominently."""
    link_id = st.session_state.get(gate.NOTICE)
    secret = gate.fresh(link_id) if link_id else None
    if not secret:
        return
    with st.container(border=True):
        st.success(tr("access.creator_notice"), icon=":material/key:")
        show_link("editor", secret, f"creator_{link_id}")
        if st.button(tr("access.creator_done"), key="creator_done"):
            st.session_state.pop(gate.NOTICE, None)
            st.rerun()


def start_note() -> None:
    """The Start page says how links work, and in shared mode that only one's own work is listed."""
    if identity.configured():
        st.caption(tr("login.start_note"))
        return
    st.caption(tr("access.start_shared") if shared_mode() else tr("access.start_local"))
