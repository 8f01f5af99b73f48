"""Content built only when the user opens it: a rerun that does not show it builds nothing."""
from __future__ import annotations

import streamlit as st

from components.session.i18n import lang


def open_key(key: str) -> str:
    """Where a lazy expander's open state is kept in session state (tests set it to open one)."""
    return f"_open_{key}"


def lazy_expander(label: str, key: str, **kwargs):
    """An expander whose `.open` says whether to build its content (a click on it reruns). It stays
    open or closed when the language changes: Streamlit counts the label in a widget's identity, so
    the state is kept here and handed to the new widget as its starting state."""
    memo = open_key(key)
    box = st.expander(label, expanded=st.session_state.get(memo, False), key=f"{key}.{lang()}",
                      on_change="rerun", **kwargs)
    st.session_state[memo] = box.open
    return box

