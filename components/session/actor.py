"""The session's actor: set by the access code when a link is opened, read here (else LOCAL).
With login, an editor is named in the change log by the logged-in user (components/account)."""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from assessment.team.actor import LOCAL, Actor

ACTOR_KEY = "_actor"
LOGIN_LABEL_KEY = "_login_label"  # "Name <e-mail>" of the logged-in user, set by components/account


def current_actor() -> Actor:
    got = st.session_state.get(ACTOR_KEY)
    actor = got if isinstance(got, Actor) else LOCAL
    label = st.session_state.get(LOGIN_LABEL_KEY)
    if label and actor.kind == "editor" and not actor.label:
        return replace(actor, label=label)
    return actor
