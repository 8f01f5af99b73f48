"""Live: a browser showing an assessment shows the others' saved changes within seconds. A small
fragment reruns every LIVE_SECONDS on the pages that show results; each time it asks the store for
the stored version only (one indexed SELECT). When it moved and this session has nothing pending,
the newer version is loaded and the whole page reruns; when nothing moved, nothing is redrawn."""
from __future__ import annotations

import streamlit as st

from assessment.core.errors import StoreError

from components.session import persistence
from components.session.actor import current_actor
from components.session.state import assessment, bound_widget_stale, in_fragment_run

LIVE_SECONDS = 1.0  # a poll is one indexed SELECT; the promise is 3 s
LIVE_PAGES = frozenset({"results", "executive", "roles", "people", "skills"})


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
        return None  # the next poll tries again; saving reports store failures


@st.fragment(run_every=LIVE_SECONDS)
def _poll() -> None:
    if in_fragment_run() and (assessment().journal or bound_widget_stale()):
        st.rerun(scope="app")  # a full run saves what is pending and redraws a refused echo
    got = newer()
    if got is not None:
        if current_actor().kind == "editor":
            persistence.follow(got)
        # A viewer's copy is anonymised and a participant's view limited: the gate (components/team)
        # builds those from the store on the full run, so the stored one is never swapped in here.
        st.rerun(scope="app")


def follow_others(url_path: str) -> None:
    """Polls on the pages that show the work's results; elsewhere nothing runs."""
    if url_path in LIVE_PAGES:
        _poll()
