"""The Roles page's rows: a role's label (badge and the ✎ "differs from the model" mark), the count
of changed roles, and the callbacks of a role's status and note. A click reruns the whole page: a
partial rerun of the labels, the count and the sidebar (issue 13) showed no gain at scale and, with
the live poll beside it, left other browsers' changes unshown (tests/e2e/test_team_live.py)."""
from __future__ import annotations

import streamlit as st

from assessment.core.edit import differs_from_model, model_defaults, set_role_note, set_role_status

from components.session.i18n import lang, tr
from components.session.labels import status_badge, status_label
from components.session.state import assessment, catalogue, run_edit

def changed_count() -> None:
    cat, a = catalogue(), assessment()
    st.caption(tr("roles.changed_count", n=sum(differs_from_model(a, r, cat) for r in cat.role_ids)))


def label(role_id: str) -> None:
    """A role's badge and name."""
    cat, a = catalogue(), assessment()
    r = cat.role(role_id)
    mark = ""
    if differs_from_model(a, role_id, cat):
        mark = f" ✎ *{tr('roles.differs', default=status_label(model_defaults(cat, a.model)[role_id]))}*"
    st.markdown(f"{status_badge(a.roles[role_id].status)} **{r.label(lang())}**{mark}")


def on_status(role_id: str, key: str) -> None:
    run_edit(set_role_status, role_id, st.session_state[key])


def on_note(role_id: str, key: str) -> None:
    run_edit(set_role_note, role_id, st.session_state[key])
