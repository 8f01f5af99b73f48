"""This session's watch token: random, 256 bits, made once per browser session and kept in its own
session state; the process-wide registry keeps only its hash (registry.py)."""
from __future__ import annotations

import secrets
from typing import Callable

import streamlit as st

from components.live import registry

TOKEN = "_live_token"


def token() -> str:
    if TOKEN not in st.session_state:
        st.session_state[TOKEN] = secrets.token_urlsafe(32)
    return st.session_state[TOKEN]


def watch(stored_version: Callable[[str], int], assessment_id: str, known: int) -> str:
    """Lets this session's browser ask whether `assessment_id` moved past `known`; its token."""
    registry.put(token(), stored_version, assessment_id, known)
    return token()


def saw(assessment_id: str, known: int) -> None:
    """The session shows stored version `known` now (persistence marks every save and load)."""
    if TOKEN in st.session_state:
        registry.saw(st.session_state[TOKEN], assessment_id, known)


def unwatch() -> None:
    if TOKEN in st.session_state:
        registry.drop(st.session_state[TOKEN])
