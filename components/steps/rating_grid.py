"""The Skills step: one person's rating grid over the skills of the in-house roles they hold.

Workshop ratings: the grid shows and edits one rater's ratings (the lead's or the person's own),
with the other rater's value beside it, read-only, so that a workshop sees both."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.core import edit
from assessment.core.model import Assessment
from assessment.scores.scoring import skills_to_rate
from csirt_data import Catalogue

from components.session.editors import editor
from components.session.i18n import join, lang, tr
from components.session.labels import level_label, level_labels, rater_name


def _other(rater: str) -> str:
    return "lead" if rater == "self" else "self"


def rating_progress(cat: Catalogue, a: Assessment, person_id: str, rater: str) -> None:
    """How far each rater has got with this person: the chosen rater's first, the other's beside it."""
    needed = [s for s, _, _ in skills_to_rate(a, person_id, cat)]
    if not needed:
        return
    left, right = st.columns(2)
    for col, who in ((left, rater), (right, _other(rater))):
        mine = a.rater_ratings(who).get(person_id, {})
        done = sum(s in mine for s in needed)
        text = (tr("workshop.progress", rater=rater_name(who), progress=tr("skills.progress", done=done, total=len(needed)))
                if who == rater else tr("workshop.progress_other", rater=rater_name(who), done=done, total=len(needed)))
        col.progress(done / len(needed), text=text)


def first_to_rate(cat: Catalogue, a: Assessment) -> str:
    """The person the page opens on: the first with skills to rate (a 経営者 holder has
    responsibilities, not skills), else the first person."""
    return next((p.id for p in a.people if skills_to_rate(a, p.id, cat)), a.people[0].id)


def _no_skills(cat: Catalogue, a: Assessment, person_id: str) -> None:
    """Why this person has nothing to rate, truthfully: 経営者 has responsibilities instead of skills."""
    L = lang()
    held = [r for r in a.person(person_id).roles if a.status(r) == "in_house"]
    if held and not any(cat.role_links(r) for r in held):
        st.info(tr("trust.no_skills_roles", roles=join(cat.role(r).name.get(L) for r in held)))
    else:
        st.info(tr("skills.no_roles"))


def rating_grid(cat: Catalogue, a: Assessment, person_id: str, rater: str = "lead") -> None:
    L = lang()
    rows = skills_to_rate(a, person_id, cat)
    if not rows:
        _no_skills(cat, a, person_id)
        return
    mine = a.rater_ratings(rater).get(person_id, {})
    theirs = a.rater_ratings(_other(rater)).get(person_id, {})
    df = pd.DataFrame({
        "skill": [cat.skill(s).get(L) for s, _, _ in rows],
        "kind": [tr(f"kind.short.{k}") for _, k, _ in rows],
        "roles": [join(cat.role(r).name.get(L) for r in roles) for _, _, roles in rows],
        "target": [max(a.target(r, k) for r in roles) for _, k, roles in rows],
        # Not rated is a state of its own, shown in words: 未評価 / Not rated, never "None".
        "level": [level_label(mine.get(s)) for s, _, _ in rows],
        "other": [level_label(theirs.get(s)) for s, _, _ in rows],
    })
    other_header = {"lead": tr("workshop.col_other.lead"), "self": tr("workshop.col_other.self")}[_other(rater)]
    config = {
        # Widths in pixels so that both raters' columns fit beside the skill on a 1400 px wide window.
        "skill": st.column_config.TextColumn(tr("skills.col_skill"), disabled=True, width=300),
        "kind": st.column_config.TextColumn(tr("skills.col_kind"), disabled=True, width=72),
        "roles": st.column_config.TextColumn(tr("skills.col_roles"), disabled=True, width=130),
        "target": st.column_config.NumberColumn(tr("skills.col_target"), disabled=True, width=52),
        "level": st.column_config.SelectboxColumn(rater_name(rater), options=[level_label(None), *level_labels()],
                                                  width=165, required=True,
                                                  help=f"{tr('skills.col_level')}: {tr('skills.scale_short')}"),
        "other": st.column_config.TextColumn(other_header, disabled=True, width=155),
    }
    # One editor per rater: switching the rater shows a fresh grid, never the other's pending edits.
    editor(f"grid_{rater}_{person_id}", df, [s for s, _, _ in rows], _apply_ratings(person_id, rater),
           column_config=config, hide_index=True, width="stretch", height=min(36 * (len(rows) + 1) + 3, 900))


def _apply_ratings(person_id: str, rater: str):
    labels = {label: level for level, label in enumerate(level_labels())}

    def apply(a: Assessment, delta: dict) -> None:
        levels = {}
        for skill_id, changes in delta["edited"].items():
            if "level" in changes:
                value = changes["level"]
                levels[skill_id] = labels.get(value)  # 未評価 (or an emptied cell): not rated
        edit.set_ratings(a, person_id, levels, rater=rater)

    return apply
