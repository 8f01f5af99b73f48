from __future__ import annotations

import streamlit as st

from assessment.team.actor import LOCAL, Actor


def current_actor() -> Actor:
    return st.session_state.get("_actor", LOCAL)
