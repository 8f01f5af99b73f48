"""The Roles page's rows. A role's status click reruns only what shows it (redraw.py): the labels
(badge and the ✎ "differs from the model" mark), the count of changed roles, and the sidebar's
figures (minimum headcount and rating progress depend on which roles are carried in-house)."""
from __future__ import annotations

import streamlit as st

from assessment.core.edit import differs_from_model, model_defaults, set_role_note, set_role_status

from components.session.i18n import lang, tr
from components.session.labels import status_badge, status_label
from components.session.redraw import edit_and_redraw
from components.session.state import assessment, catalogue

LABEL, CHANGED = "role_label", "roles_changed"


@st.fragment(key=CHANGED)
def changed_count() -> None:
    cat, a = catalogue(), assessment()
    st.caption(tr("roles.changed_count", n=sum(differs_from_model(a, r, cat) for r in cat.role_ids)))


@st.fragment(key=LABEL)
def label(role_id: str) -> None:
    """A role's badge and name; every call site shares the key, so one status click reruns all 19
    (a markdown each) and nothing else of the page."""
    cat, a = catalogue(), assessment()
    r = cat.role(role_id)
    mark = ""
    if differs_from_model(a, role_id, cat):
        mark = f" ✎ *{tr('roles.differs', default=status_label(model_defaults(cat, a.model)[role_id]))}*"
    st.markdown(f"{status_badge(a.roles[role_id].status)} **{r.label(lang())}**{mark}")


def on_status(role_id: str, key: str) -> None:
    edit_and_redraw([LABEL, CHANGED], set_role_status, role_id, st.session_state[key])


def on_note(role_id: str, key: str) -> None:
    # A note shows only in its own box; the sidebar's save status is all that may change with it.
    edit_and_redraw([], set_role_note, role_id, st.session_state[key])
