"""The Start page's saved assessments (open, rename, duplicate, delete) and file import."""
from __future__ import annotations

import streamlit as st

from assessment.access.rules import MANAGING
from assessment.exchange import files
from assessment.core.edit import new_assessment
from assessment.core.errors import ImportProblem, StoreError
from assessment.storage.store import new_id
from csirt_data import Catalogue

from components.account import rights
from components.session import persistence
from components.session.i18n import lang, tr
from components.session.labels import md
from components.session.state import assessment, replace_assessment
from components.session.safe_text import error_text
from components.team import gate


def _when(dt) -> str:
    return dt.astimezone().strftime("%Y-%m-%d %H:%M")  # the store gives UTC; show local time


def saved_list(cat: Catalogue) -> None:
    L, s = lang(), persistence.store()
    st.subheader(tr("library.heading"))
    if s is None:
        st.warning(st.session_state.get(persistence.SAVE_ERROR, tr("library.unavailable")))
        return
    try:
        rows = s.list()
        held = rights.listing([r.id for r in rows])  # with login: id -> the user's right
        # without login, shared mode lists only this session's own
        rows = [r for r in rows if (gate.listed(r.id) if held is None else r.id in held)]
    except StoreError as exc:
        st.warning(error_text(exc))
        return
    if not rows:
        st.caption(tr("library.empty"))
        return
    label = {r.id: _row_label(cat, r, L, held and held.get(r.id)) for r in rows}
    current = assessment().id
    ids = [r.id for r in rows]
    # Options are the labels themselves (each ends with a piece of the id, so they are unique).
    picked = st.selectbox(tr("library.pick"), [label[i] for i in ids], key="library_pick",
                          index=ids.index(current) if current in ids else 0, placeholder=tr("widget.choose_one"))
    chosen = ids[[label[i] for i in ids].index(picked)]
    row = next(r for r in rows if r.id == chosen)
    right = held.get(chosen) if held is not None else rights.LINK_RIGHT  # without login: as before
    edits, deletes = rights.editable(right), right in MANAGING or right == rights.LINK_RIGHT
    c1, c2, c3 = st.columns(3)
    if c1.button(tr("library.open"), key="library_open", type="primary", disabled=chosen == current):
        opened = []
        if _do(lambda: opened.append(rights.open_saved(chosen))) and opened[0]:
            st.switch_page("app_pages/results.py")
    if c2.button(tr("library.duplicate"), key="library_duplicate", disabled=not edits):
        if _do(lambda: _duplicate(s, chosen, tr("library.copy_of", name=row.name or row.organisation or chosen))):
            st.rerun()  # the list above shows the copy
    if c3.button(tr("library.delete"), key="library_delete", disabled=not deletes):
        st.session_state["_confirm_delete"] = chosen
    if st.session_state.get("_confirm_delete") == chosen:
        st.warning(tr("library.confirm_delete", name=md(label[chosen])), icon=":material/delete:")
        d1, d2 = st.columns(2)
        if d1.button(tr("library.confirm_yes"), key="library_delete_yes", type="primary"):
            st.session_state.pop("_confirm_delete", None)
            if _do(lambda: s.delete(chosen)) and chosen == current:
                replace_assessment(new_assessment())  # the work shown was deleted: start afresh
            st.rerun()
        if d2.button(tr("library.confirm_no"), key="library_delete_no"):
            st.session_state.pop("_confirm_delete", None)
            st.rerun()
    if not edits:
        return
    with st.form("library_rename", border=False):
        name = st.text_input(tr("library.rename_label"), value=row.name, max_chars=200)
        if st.form_submit_button(tr("library.rename")):
            _do(lambda: s.rename(chosen, name))
            st.rerun()


def _duplicate(s, chosen: str, name: str) -> None:
    copy = s.duplicate(chosen, name)
    gate.claim(copy)
    persistence.note_created(copy)  # with login, the copy is the user's own


def _row_label(cat: Catalogue, r, L: str, right: str | None = None) -> str:
    name = r.name or r.organisation or tr("library.untitled")
    model = cat.model(r.model).name.get(L) if r.model else tr("sidebar.no_model")
    shared = f" ({tr(f'login.listed_{right}')})" if right in ("editor", "viewer") else ""
    return f"{name}{shared} — {model} — {_when(r.updated_at)} · {r.id[:6]}"  # the id tells same names apart


def _do(action) -> bool:
    try:
        action()
        return True
    except StoreError as exc:
        st.error(error_text(exc))
        return False


def import_box(cat: Catalogue) -> None:
    """A whole assessment from a YAML or JSON file, opened as a new saved assessment. A bad file
    gets a message naming the problem; the current work is untouched."""
    st.subheader(tr("library.import_heading"))
    up = st.file_uploader(tr("library.import_label"), type=["yaml", "yml", "json"], key="library_import",
                          help=tr("library.import_help"))
    if up is None or st.session_state.get("_imported") == up.file_id:
        return
    st.session_state["_imported"] = up.file_id
    try:
        a = files.import_file(up.name, up.getvalue(), cat=cat)
    except ImportProblem as exc:
        st.error(f"{md(up.name)}: {error_text(exc)}", icon=":material/error:")
        return
    a.id = new_id()  # a file opened twice becomes two assessments, never an overwrite
    replace_assessment(a)
    st.success(tr("library.imported", name=md(up.name)), icon=":material/check_circle:")
