"""Saved work: every change is saved at once, the assessment is in the URL as ?a=<id>, and the
edits of several people on one assessment merge.

The session remembers what it last saved or loaded (`_stored`: id, stored version = its base, edit
version); its pending edits are the Assessment's journal of ops. A run that has pending edits saves
them with `Store.save_changes`: written as they are when nobody saved since the base, else
re-applied onto the newer stored version, and the session then shows that merged state. Ops in
conflict with someone else's change of the same thing are held back and shown with both values
(conflicts_view.py) for the user to choose. When the database cannot be written, the work stays in
the session (the journal grows) and the next run tries again. A sample opened from ?demo= is stored
only once the user changes it."""
from __future__ import annotations

import streamlit as st

from assessment.core.errors import Conflict, Deleted, NotFound, StoreError, StoreUnavailable
from assessment.core.model import Assessment
from assessment.storage.store import Store, default_url, new_id

from components.live import registry, session_token
from components.session import echoes
from components.session.actor import current_actor
from components.session.i18n import tr
from components.session.safe_text import error_text
from components.session.state import FRESH, KEY, assessment, in_fragment_run, replace_assessment, url_error

MARK, HELD, DELETED, SAVE_ERROR = "_stored", "_held", "_deleted", "_save_error"
CREATED = "_created"  # ids this session stored first (with login, it becomes their owner)


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
    if stored_version:
        _mark(a, stored_version)
    else:
        st.session_state.pop(MARK, None)


def _mark(a: Assessment, stored_version: int) -> None:
    st.session_state[MARK] = {"id": a.id, "stored_version": stored_version, "edit_version": a.version}
    session_token.saw(a.id, stored_version)  # its browser is not told of a change it shows


def is_stored(a: Assessment) -> bool:
    mark = st.session_state.get(MARK)
    return bool(mark) and mark["id"] == a.id


def pending(a: Assessment) -> bool:
    """Edits not saved yet (or waiting for the user's choice)."""
    mark = st.session_state.get(MARK)
    return bool(a.journal) or bool(st.session_state.get(HELD)) or not mark or mark["edit_version"] != a.version


def newer_version() -> int | None:
    """The stored version of the open assessment when someone else saved since this session's and
    this session has nothing of its own pending (0: it was deleted meanwhile); None otherwise, or
    when the store cannot answer (the next run asks again). One indexed SELECT."""
    a = assessment()
    if not newer_version_possible(a):
        return None
    s = quick_store()  # a poll that finds the database locked gives up at once (the next one asks again)
    if s is None:
        return None
    try:
        version = s.stored_version(a.id)
    except StoreError:
        return None
    return version if registry.is_newer(version, stored_version_shown()) else None


def newer_version_possible(a: Assessment) -> bool:
    """Whether newer_version can say anything now: `a` is stored, nothing of this session's own is
    pending, and it was not deleted meanwhile."""
    return is_stored(a) and not pending(a) and not st.session_state.get(DELETED)


def stored_version_shown() -> int:
    """The stored version the session's work is based on (0: not stored)."""
    mark = st.session_state.get(MARK)
    return mark["stored_version"] if mark else 0


def follow(stored) -> None:
    """Shows a newer stored version (someone else's saved change) in place of the work, keeping the
    widgets: they follow through `state.bound` / `wkey` (the edit version moves on)."""
    a = stored.assessment
    _theirs_since(assessment(), stored.stored_version)
    a.version = max(a.version, assessment().version) + 1
    _show(a, stored.stored_version)


def _theirs_since(before: Assessment, upto: int, mine=frozenset()) -> None:
    """Remembers what others changed after this session's base up to stored version `upto`
    (echoes.py), with `before` the work as it was shown until now; `mine`: paths my own pending
    edits changed (their values in `before` are mine, not what the browser showed before)."""
    mark, s = st.session_state.get(MARK), store()
    if not mark or s is None:
        return
    try:
        rows = s.changes(before.id, since=mark["stored_version"])
    except StoreError:
        return
    echoes.remember(before, [p for ch in rows if ch.version <= upto for p in ch.paths if p not in mine])


def _show(a: Assessment, stored_version: int) -> None:
    a.journal = []
    st.session_state[KEY] = a
    _mark(a, stored_version)


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


def autosave(using: Store | None = None) -> None:
    """Saves what changed since the last save (`using`: another Store on the same database)."""
    a = assessment()
    mark = st.session_state.get(MARK)
    same = is_stored(a)
    if same and not a.journal and mark["edit_version"] == a.version:
        _keep_in_url(a)
        return
    if st.session_state.get(DELETED) == a.id:
        return  # paused until the user saves it as new
    if not same and (a.version == 0 or st.session_state.get(FRESH) == (a.id, a.version)):
        _keep_in_url(None)  # an untouched new assessment or sample is not stored
        return
    s = using or store()
    if s is None:
        return
    try:
        if same:
            res = s.save_changes(a, mark["stored_version"], a.journal, current_actor())
        else:
            res = None
            version = s.save(a, 0, actor=current_actor())
    except Deleted:
        st.session_state[DELETED] = a.id
        return
    except Conflict:  # a first save under an id already taken: keep the work under a new one
        a.id = new_id()
        return autosave(using)
    except StoreUnavailable as exc:
        st.session_state[SAVE_ERROR] = error_text(exc)
        return
    if res is None:
        a.journal = []
        _mark(a, version)
        note_created(a.id)
    elif res.stored_version == 0:  # a link's session never creates an assessment
        a.journal = []
        return
    else:
        if res.held:
            st.session_state[HELD] = [*st.session_state.get(HELD, []), *res.held]
        if res.merged is not None:
            _theirs_since(a, res.stored_version, {tuple(p) for op in a.journal for p in op.paths})
            _show(res.merged, res.stored_version)
        else:
            a.journal = []
            _mark(a, res.stored_version)
    st.session_state.pop(SAVE_ERROR, None)
    st.session_state.pop(FRESH, None)
    _keep_in_url(assessment())


def note_created(ident: str) -> None:
    st.session_state.setdefault(CREATED, set()).add(ident)


def _keep_in_url(a: Assessment | None) -> None:
    params = st.query_params
    if a is None:
        if "a" in params:
            del params["a"]
        return
    if "demo" in params:
        del params["demo"]  # the sample is stored now: the link names the stored copy
    if params.get("a") != a.id:
        params["a"] = a.id
        st.session_state["_url_a"] = a.id  # written by the app, not asked for by the user


def status() -> None:
    """Above the page: held-back changes to choose on, a deleted assessment, or a failure."""
    from components.session import conflicts_view  # it imports this module's keys
    conflicts_view.show()
    if st.session_state.get(SAVE_ERROR):
        st.warning(st.session_state[SAVE_ERROR], icon=":material/cloud_off:")
        if pending(assessment()) and current_actor().kind != "viewer":
            _retry()


RETRY_SECONDS, QUICK_TIMEOUT = 3.0, 0.2


@st.cache_resource(show_spinner=False)
def _quick_store(url: str) -> Store:
    """The same database with a short busy timeout: a retry that finds it still locked gives up at
    once instead of holding the page for the full timeout."""
    return Store(url, busy_timeout=QUICK_TIMEOUT)


def quick_store() -> Store | None:
    """The store with the short busy timeout, or None when it cannot open (the caller tries again)."""
    try:
        return _quick_store(default_url())
    except StoreUnavailable:
        return None


@st.fragment(run_every=RETRY_SECONDS)
def _retry() -> None:
    """A save that failed (database locked, unreachable, read-only) is tried again every few
    seconds, not only at the user's next click: a phone's last rating has no next click to save it.
    Runs only while a save has failed and something is pending; a viewer never saves."""
    if not in_fragment_run():
        return
    if not st.session_state.get(SAVE_ERROR) or not pending(assessment()):
        # Saved meanwhile by another fragment (the rating panel, on its next rating): the warning and
        # the sidebar's status drawn with it are stale, so the page redraws (without this fragment).
        st.rerun(scope="app")
    quick = quick_store()
    if quick is None:
        return  # still cannot open: the warning stays, the next retry tries again
    autosave(quick)
    if not st.session_state.get(SAVE_ERROR):
        st.rerun(scope="app")  # saved: the page redraws without the warning


def sidebar_status() -> None:
    a = assessment()
    if st.session_state.get(HELD) or st.session_state.get(SAVE_ERROR) or st.session_state.get(DELETED) == a.id:
        st.caption(tr("save.not_saved"))
    elif is_stored(a):
        st.caption(tr("save.saved"))
    else:
        st.caption(tr("save.unsaved_new"))


def save_as_new() -> None:
    """The assessment this session had open was deleted: its work becomes a new assessment."""
    a = assessment()
    a.id, a.journal = new_id(), []
    st.session_state.pop(DELETED, None)
    st.session_state.pop(MARK, None)
    st.session_state.pop(HELD, None)
    a.version += 1  # saved by the next autosave, as new
