"""People: the add form, the editable table of people, and the staffing warnings."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.core import edit
from assessment.core.model import ITSS_LEVELS, Assessment
from assessment.scores.staffing import staffing
from csirt_data import Catalogue

from components.session.editors import editor
from components.session.i18n import join, lang, tr
from components.session.labels import md
from components.session.state import derived, run_edit, show_edit_error


def in_house_roles(cat: Catalogue, a: Assessment) -> list[str]:
    return [r for r in cat.role_ids if a.roles[r].status == "in_house"]


def add_form(cat: Catalogue, a: Assessment) -> None:
    L = lang()
    roles = in_house_roles(cat, a)
    with st.form("add_person", clear_on_submit=True, border=True):
        st.markdown(f"**{tr('people.add_heading')}**")
        c1, c2 = st.columns([3, 1])
        name = c1.text_input(tr("people.name"), max_chars=80, placeholder=tr("people.name_placeholder"))
        itss = c2.selectbox(tr("people.itss"), [None, *ITSS_LEVELS],
                            format_func=lambda v: tr("people.itss_unknown") if v is None else str(v),
                            placeholder=tr("widget.choose_one"))
        held = st.multiselect(tr("people.roles"), roles, format_func=lambda r: cat.role(r).name.get(L),
                              placeholder=tr("people.roles_placeholder"))
        if st.form_submit_button(tr("people.add_button"), type="primary"):
            if run_edit(edit.add_person, name, itss, held):
                st.session_state["_people_added"] = " ".join(name.split())
                st.rerun()  # the table and warnings below show the new person at once
            show_edit_error()  # the form is handled in the page body: say it here, now


def people_table(cat: Catalogue, a: Assessment) -> None:
    L = lang()
    roles = in_house_roles(cat, a)
    df = pd.DataFrame({
        "name": [p.name for p in a.people],
        "itss": [p.itss_level for p in a.people],
        "roles": [[r for r in p.roles if r in roles] for p in a.people],
    })
    names = {r: cat.role(r).name.get(L) for r in roles}
    config = {
        "name": st.column_config.TextColumn(tr("people.name"), required=True, max_chars=80, width="medium"),
        "itss": st.column_config.SelectboxColumn(tr("people.itss"), options=list(ITSS_LEVELS), width="small"),
        "roles": st.column_config.MultiselectColumn(tr("people.roles"), options=roles, format_func=names.get,
                                                    width="large"),
    }
    editor("people", df, [p.id for p in a.people], _apply_people, column_config=config, hide_index=True,
           num_rows="delete", width="stretch")
    st.caption(tr("people.table_help"))


def _apply_people(a: Assessment, delta: dict) -> None:
    for pid, changes in delta["edited"].items():
        if "name" in changes:
            edit.rename_person(a, pid, changes["name"] or "")
        if "itss" in changes:
            level = changes["itss"]
            edit.set_person_itss(a, pid, None if level is None or pd.isna(level) else int(level))
        if "roles" in changes:
            edit.set_person_roles(a, pid, changes["roles"] or [])
    for pid in delta["deleted"]:
        edit.remove_person(a, pid)


def staffing_warnings(cat: Catalogue, a: Assessment) -> None:
    L = lang()
    s = derived("staffing", staffing)
    c1, c2, c3 = st.columns(3)
    c1.metric(tr("people.headcount"), len(a.people))
    c2.metric(tr("people.minimum"), s.minimum, help=tr("people.minimum_help"))
    c3.metric(tr("people.unheld_count"), len(s.unheld))
    if len(a.people) < s.minimum:
        st.warning(tr("people.below_minimum", n=len(a.people), minimum=s.minimum), icon=":material/warning:")
    if s.across_groups:  # one message, however many people: a team of 100 stays readable
        lines = [tr("people.across_line", name=md(a.person(pid).name), groups=join(_group_name(cat, g, L) for g in groups))
                 for pid, groups in s.across_groups.items()]
        st.warning(tr("people.across_groups", n=len(lines)) + "\n" + "\n".join(f"- {x}" for x in lines),
                   icon=":material/call_split:")
    if s.unheld:
        st.error(tr("people.unheld", roles=join(cat.role(r).name.get(L) for r in s.unheld)), icon=":material/person_off:")
    if s.single_holder:
        st.info(tr("people.single_holder", roles=join(
            tr("people.role_holder", role=cat.role(r).name.get(L), name=md(a.person(p).name)) for r, p in s.single_holder.items())), icon=":material/looks_one:")


def _group_name(cat: Catalogue, group_id: str, L: str) -> str:
    if group_id.startswith("role:"):
        return cat.role(group_id[5:]).name.get(L)
    return cat.group(group_id).short.get(L)
