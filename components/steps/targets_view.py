"""Target levels: one per kind of skill for every role, and a role's own where the user sets one."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.core import edit
from assessment.core.model import LEVELS, Assessment
from csirt_data import KINDS, Catalogue

from components.session.editors import editor
from components.session.i18n import lang, tr
from components.session.state import bound, run_edit


def targets(cat: Catalogue, a: Assessment) -> None:
    L = lang()
    st.caption(tr("targets.intro"))
    cols = st.columns(2)
    for col, kind in zip(cols, KINDS):
        w = bound(f"target_{kind}", a.targets[kind], LEVELS[1:])
        col.selectbox(tr(f"kind.{kind}"), LEVELS[1:], **w,
                      on_change=lambda kind_, key: run_edit(edit.set_target, kind_, st.session_state[key]),
                      args=(kind, w["key"]), placeholder=tr("widget.choose_one"))
    roles = [r for r in cat.role_ids if a.roles[r].status == "in_house" and cat.role_links(r)]
    if not roles:
        return
    st.markdown(f"**{tr('targets.per_role')}**")
    df = pd.DataFrame({
        "role": [cat.role(r).name.get(L) for r in roles],
        **{kind: [a.role_targets.get(r, {}).get(kind) for r in roles] for kind in KINDS},
    })
    config = {"role": st.column_config.TextColumn(tr("table.role"), disabled=True, width="medium")}
    for kind in KINDS:
        config[kind] = st.column_config.SelectboxColumn(
            tr(f"kind.{kind}"), options=list(LEVELS[1:]), help=tr("targets.blank_means_global"))
    editor("role_targets", df, roles, _apply, column_config=config, hide_index=True, width="stretch")


def _apply(a: Assessment, delta: dict) -> None:
    for role_id, changes in delta["edited"].items():
        for kind in KINDS:
            if kind in changes:
                value = changes[kind]
                edit.set_target(a, kind, None if value is None or pd.isna(value) else int(value), role_id)
