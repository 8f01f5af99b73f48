"""The session's actor: set by the access code when a link is opened, read here (else LOCAL)."""
from __future__ import annotations

import streamlit as st

from assessment.team.actor import LOCAL, Actor

ACTOR_KEY = "_actor"


def current_actor() -> Actor:
    got = st.session_state.get(ACTOR_KEY)
    return got if isinstance(got, Actor) else LOCAL
