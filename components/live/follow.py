"""A browser showing an assessment shows the others' saved changes within seconds.

On the pages that show results a fragment holds the watcher (watch.js). The watcher asks the
server every LIVE_SECONDS, over plain HTTP (route.py), whether the stored version moved; only when
it did does the fragment run: the newer version is loaded and the whole page reruns. While nothing
moves no script runs at all. For the few seconds after others' change (echoes.py) and while an edit
is not saved, the watcher reruns the fragment every LIVE_SECONDS instead, as before: a browser may
then re-send a value it showed earlier, which only a run can see and redraw."""
from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit import config
from streamlit.components.v2 import component

from assessment.core.errors import StoreError

from components.live import route, session_token
from components.session import echoes, persistence
from components.session.actor import current_actor
from components.session.state import assessment, bound_widget_stale, in_fragment_run

LIVE_SECONDS = 1.0  # a question is one indexed SELECT; the promise is 3 s
LIVE_PAGES = frozenset({"results", "executive", "roles", "people", "skills"})
KEY = "live_watch"

_mount = component("csirt_self_check.live", js=(Path(__file__).with_name("watch.js")).read_text(encoding="utf-8"),
                   css=f".st-key-{KEY} {{ display: none; }}", isolate_styles=False)


def newer():
    """The stored assessment when it is newer than what this session shows and this session has
    nothing of its own to save or decide, else None."""
    version = persistence.newer_version()
    if version is None:
        return None
    if version == 0:  # deleted meanwhile (issue 12, item 10): say so now, not at the next edit
        st.session_state[persistence.DELETED] = assessment().id
        st.rerun(scope="app")
    try:
        return persistence.store().get(assessment().id)
    except StoreError:
        return None  # the next question tries again; saving reports store failures


def _mode() -> str:
    """tick: rerun every LIVE_SECONDS; ask: ask the endpoint; off: nothing can follow now (not
    stored, deleted, or a choice or failure pending: newer_version would say nothing)."""
    a = assessment()
    if echoes.watching() or (a.journal and not st.session_state.get(persistence.SAVE_ERROR)):
        return "tick"
    if persistence.newer_version_possible(a):
        return "ask"
    return "off"


def _watcher() -> None:
    mode, data = _mode(), {"every_ms": int(LIVE_SECONDS * 1000)}
    quick = persistence.quick_store() if mode == "ask" else None
    if mode == "ask" and quick is None:
        mode = "tick"  # no store to ask through: the fragment's runs look (and report) themselves
    if mode == "ask":
        data["token"] = session_token.watch(quick.stored_version, assessment().id, persistence.stored_version_shown())
        data["url"] = route.url_path(config.get_option("server.baseUrlPath") or "")
    else:
        session_token.unwatch()
    _mount(key=KEY, data=data | {"mode": mode}, on_tick_change=lambda: None, width="content", height="content")


@st.fragment
def _follow() -> None:
    if in_fragment_run() and (assessment().journal or bound_widget_stale()):
        st.rerun(scope="app")  # a full run saves what is pending and redraws a refused echo
    got = newer()
    if got is not None:
        if current_actor().kind == "editor":
            persistence.follow(got)
        # A viewer's copy is anonymised and a participant's view limited: the gate (components/team)
        # builds those from the store on the full run, so the stored one is never swapped in here.
        st.rerun(scope="app")
    _watcher()


def follow_others(url_path: str) -> None:
    """Follows on the pages that show the work's results; elsewhere nothing runs."""
    if url_path in LIVE_PAGES:
        _follow()
    else:
        session_token.unwatch()
