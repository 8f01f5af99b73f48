"""The Skills step: one person's rating grid over the skills of the in-house roles they hold."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment import edit
from assessment.model import Assessment
from assessment.scoring import skills_to_rate
from csirt_data import Catalogue

from .editors import editor
from .i18n import join, lang, tr
from .labels import level_label, level_labels


def rating_grid(cat: Catalogue, a: Assessment, person_id: str) -> None:
    L = lang()
    rows = skills_to_rate(a, person_id, cat)
    if not rows:
        st.info(tr("skills.no_roles"))
        return
    mine = a.ratings.get(person_id, {})
    df = pd.DataFrame({
        "skill": [cat.skill(s).get(L) for s, _, _ in rows],
        "kind": [tr(f"kind.short.{k}") for _, k, _ in rows],
        "roles": [join(cat.role(r).name.get(L) for r in roles) for _, _, roles in rows],
        "target": [max(a.target(r, k) for r in roles) for _, k, roles in rows],
        "level": [level_label(mine.get(s)) if s in mine else None for s, _, _ in rows],
    })
    done = sum(s in mine for s, _, _ in rows)
    st.progress(done / len(rows), text=tr("skills.progress", done=done, total=len(rows)))
    config = {
        "skill": st.column_config.TextColumn(tr("skills.col_skill"), disabled=True, width="large"),
        "kind": st.column_config.TextColumn(tr("skills.col_kind"), disabled=True, width="small"),
        "roles": st.column_config.TextColumn(tr("skills.col_roles"), disabled=True, width="medium"),
        "target": st.column_config.NumberColumn(tr("skills.col_target"), disabled=True, width="small"),
        "level": st.column_config.SelectboxColumn(tr("skills.col_level"), options=level_labels(),
                                                  width="medium", help=tr("skills.scale_short")),
    }
    editor(f"grid_{person_id}", df, [s for s, _, _ in rows], _apply_ratings(person_id), column_config=config,
           hide_index=True, width="stretch", height=min(36 * (len(rows) + 1) + 3, 900))


def _apply_ratings(person_id: str):
    labels = {label: level for level, label in enumerate(level_labels())}

    def apply(a: Assessment, delta: dict) -> None:
        levels = {}
        for skill_id, changes in delta["edited"].items():
            if "level" in changes:
                value = changes["level"]
                levels[skill_id] = labels.get(value) if value else None
        edit.set_ratings(a, person_id, levels)

    return apply
