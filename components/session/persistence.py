"""Saved work: every change is saved at once, the assessment is in the URL as ?a=<id>, and two
writers never silently overwrite each other.

The session remembers what it last saved (`_stored`: id, stored version, edit version). A run saves
when the Assessment has moved on since; the store refuses a save based on an old stored version
(Conflict), and then nothing more is saved until the user reloads or keeps a copy. When the
database cannot be written, the work stays in the session and the next run tries again."""
from __future__ import annotations

import streamlit as st

from assessment.core.errors import Conflict, NotFound, StoreError, StoreUnavailable
from assessment.core.model import Assessment
from assessment.storage.store import Store, default_url

from components.session.i18n import tr
from components.session.state import assessment, replace_assessment, url_error
from components.session.safe_text import error_text

MARK, CONFLICT, SAVE_ERROR = "_stored", "_conflict", "_save_error"


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    return Store(url)


def store() -> Store | None:
    """The store, or None (with the reason remembered for the status line) when it cannot open."""
    try:
        return _store(default_url())
    except StoreUnavailable as exc:
        st.session_state[SAVE_ERROR] = error_text(exc)
        return None


def open_assessment(a: Assessment, stored_version: int) -> None:
    """Makes `a` (as stored at `stored_version`; 0 = not stored yet) the session's work."""
    replace_assessment(a)
    st.session_state.pop(CONFLICT, None)
    if stored_version:
        st.session_state[MARK] = {"id": a.id, "stored_version": stored_version, "edit_version": a.version}
    else:
        st.session_state.pop(MARK, None)


def open_from_url() -> None:
    """?a=<id> opens that saved assessment, once per value (the app writes it back on every run)."""
    wanted = st.query_params.get("a")
    if not wanted or wanted == st.session_state.get("_url_a") or wanted == assessment().id:
        return
    st.session_state["_url_a"] = wanted
    s = store()
    if s is None:
        return
    try:
        got = s.get(wanted)
    except (NotFound, StoreError) as exc:
        url_error(error_text(exc))
        return
    open_assessment(got.assessment, got.stored_version)


def autosave() -> None:
    a = assessment()
    mark = st.session_state.get(MARK)
    same = bool(mark) and mark["id"] == a.id
    if same and mark["edit_version"] == a.version:
        _keep_in_url(a)
        return
    if st.session_state.get(CONFLICT) is not None:
        return  # paused until the user chooses
    if not same and a.version == 0:
        _keep_in_url(None)  # an untouched new assessment is not saved
        return
    s = store()
    if s is None:
        return
    try:
        version = s.save(a, mark["stored_version"] if same else 0)
    except Conflict as exc:
        st.session_state[CONFLICT] = exc.stored_version
        return
    except StoreUnavailable as exc:
        st.session_state[SAVE_ERROR] = error_text(exc)
        return
    st.session_state[MARK] = {"id": a.id, "stored_version": version, "edit_version": a.version}
    st.session_state.pop(SAVE_ERROR, None)
    _keep_in_url(a)


def _keep_in_url(a: Assessment | None) -> None:
    params = st.query_params
    if a is None:
        if "a" in params:
            del params["a"]
        return
    if params.get("a") != a.id:
        params["a"] = a.id
        st.session_state["_url_a"] = a.id  # written by the app, not asked for by the user


def status() -> None:
    """The save state: a conflict to resolve, a failure, or when it was last saved."""
    if st.session_state.get(CONFLICT) is not None:
        st.error(tr("save.conflict"), icon=":material/sync_problem:")
        c1, c2 = st.columns(2)
        c1.button(tr("save.reload"), key="conflict_reload", on_click=_reload)
        c2.button(tr("save.keep_copy"), key="conflict_copy", on_click=_keep_copy, type="primary")
    elif st.session_state.get(SAVE_ERROR):
        st.warning(st.session_state[SAVE_ERROR], icon=":material/cloud_off:")


def sidebar_status() -> None:
    a, mark = assessment(), st.session_state.get(MARK)
    if st.session_state.get(CONFLICT) is not None or st.session_state.get(SAVE_ERROR):
        st.caption(tr("save.not_saved"))
    elif mark and mark["id"] == a.id:
        st.caption(tr("save.saved"))
    else:
        st.caption(tr("save.unsaved_new"))


def _reload() -> None:
    s = store()
    if s is None:
        return
    try:
        got = s.get(assessment().id)
    except StoreError as exc:
        st.session_state[SAVE_ERROR] = error_text(exc)
        return
    open_assessment(got.assessment, got.stored_version)


def _keep_copy() -> None:
    s = store()
    if s is None:
        return
    try:
        copy = s.save_copy(assessment())
    except StoreError as exc:
        st.session_state[SAVE_ERROR] = error_text(exc)
        return
    open_assessment(copy, s.stored_version(copy.id))
    st.session_state["_copied"] = True
