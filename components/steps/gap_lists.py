"""The Results step's lists, each under its own name (issue #11: "gap" means one thing):

- ギャップ: roles the organisation must carry itself with nobody to carry them (未配置, or in-house
  with nobody holding it), one line per role with its reason;
- スキルの目標未達: rated skills below target, grouped by role and person (the train proposals
  of the action plan, so both pages list the same);
- まず評価を: skills not rated yet, by role and person (not rated is not "can't do it");
- 担当者が1名: roles and skills resting on one person (経営者, single by nature, excepted)."""
from __future__ import annotations

import streamlit as st

from assessment.plans.planning import rate_first
from assessment.scores.staffing import staffing
from csirt_data import Catalogue

from components.plan.actions_view import plan
from components.session.i18n import join, lang, tr
from components.session.labels import level_label, md
from components.session.state import assessment, derived, summary


def gaps(cat: Catalogue) -> None:
    a, L, s = assessment(), lang(), summary()
    st.subheader(tr("trust.gaps_heading", n=len(s.gaps)))
    st.caption(tr("trust.gaps_caption"))
    if not s.gaps:
        st.success(tr("results.no_gaps"))
        return
    rows = []
    for r in s.gaps:
        reason = tr("results.reason_gap") if a.roles[r].status == "gap" else tr("results.reason_unheld")
        note = f" — {md(a.roles[r].note)}" if a.roles[r].note else ""
        rows.append(f"- **{md(cat.role(r).label(L))}**: {reason}{note}")
    st.markdown("\n".join(rows))


def below_target(cat: Catalogue) -> None:
    a, L = assessment(), lang()
    trains = [x for x in plan() if x.proposed == "train"]
    st.subheader(tr("trust.below_heading", n=sum(len(x.skills) for x in trains)))
    st.caption(tr("trust.below_caption"))
    if not trains:
        st.info(tr("trust.below_none"))
        return
    rows, role = [], None
    for x in trains:
        if x.role != role:
            role = x.role
            rows.append(f"- **{md(cat.role(role).label(L))}**")
        skills = join(f"{md(cat.skill(k.skill).get(L))} ({level_label(k.level)} → {k.target})" for k in x.skills)
        rows.append(f"    - {md(a.person(x.person).name)}: {skills}")
    st.markdown("\n".join(rows))


def to_rate(cat: Catalogue) -> None:
    a, L = assessment(), lang()
    todo = derived("rate_first", lambda a_: rate_first(a_, cat))
    if not todo:
        return
    st.subheader(tr("trust.rate_heading", n=len({x.person for x in todo})))
    st.caption(tr("trust.rate_caption"))
    rows, role = [], None
    for x in todo:
        if x.role != role:
            role = x.role
            rows.append(f"- **{md(cat.role(role).label(L))}**")
        rows.append(f"    - {md(a.person(x.person).name)}: {tr('trust.rate_count', n=len(x.skills))}")
    st.markdown("\n".join(rows))
    st.page_link("app_pages/skills.py", label=tr("trust.to_skills"), icon=":material/star_rate:")


def single_points(cat: Catalogue) -> None:
    a, L = assessment(), lang()
    st_ = derived("staffing", staffing)
    if not st_.single_holder and not st_.single_skill_holders:
        return
    st.subheader(tr("trust.single_heading"))
    rows = [f"- **{md(cat.role(r).label(L))}**: {tr('results.reason_single', name=md(a.person(p).name))}"
            for r, p in st_.single_holder.items()]
    rows += [f"- {md(cat.skill(k).get(L))}: {tr('results.reason_single_skill', name=md(a.person(p).name))}"
             for k, p in st_.single_skill_holders.items()]
    st.markdown("\n".join(rows))
    st.caption(tr("trust.single_caption"))


def gap_lists(cat: Catalogue) -> None:
    gaps(cat)
    below_target(cat)
    to_rate(cat)
    single_points(cat)
