"""Staffing: the 兼任グループ that need a person, the suggested assignment (assessment.plans.assignment),
minimum headcount, roles held across groups and single points of failure."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.plans.assignment import Suggestion, apply_suggestion, group_label, role_changes, suggest
from assessment.core.model import Assessment
from assessment.scores.staffing import staffing
from csirt_data import Catalogue

from components.charts.static_table import static_table
from components.charts.table_cells import Badge, Strong
from components.session.i18n import join, lang, tr
from components.session.labels import md, percent
from components.session.lazy import lazy_expander
from components.session.state import assessment, catalogue, derived, run_edits, wkey

_CONFIRM = "_staffing_confirm"  # the assessment version the user asked to apply the suggestion to
_APPLIED = "_staffing_applied"


def suggestion() -> Suggestion:
    # The staffing facts are the ones Results and the executive summary use, from the same cache.
    return derived("assignment", lambda a: suggest(a, catalogue(), derived("staffing", staffing)))


def _roles_text(cat: Catalogue, roles, L: str, text=md) -> str:
    """The roles' names joined, each through `text` (md for Markdown, str for a static table's cell)."""
    return join(text(cat.role(r).name.get(L)) for r in roles) if roles else tr("staffing.no_roles")


def _group_with_roles(cat: Catalogue, s: Suggestion, key: str, L: str) -> str:
    return tr("staffing.group_with_roles", group=group_label(cat, key, L, short=True),
              roles=_roles_text(cat, s.group(key).roles, L))


def notices(cat: Catalogue, a: Assessment, s: Suggestion) -> None:
    """What is missing before a suggestion means much: a model, people, in-house roles."""
    if a.model is None:
        st.info(tr("staffing.no_model"), icon=":material/apartment:")
        st.page_link("app_pages/model.py", label=tr("staffing.to_model"), icon=":material/arrow_forward:")
    if not s.groups:
        st.info(tr("staffing.no_in_house"), icon=":material/info:")
        st.page_link("app_pages/roles.py", label=tr("staffing.to_roles"), icon=":material/arrow_forward:")
    elif not a.people:
        st.info(tr("staffing.no_people"), icon=":material/group_add:")
        st.page_link("app_pages/people.py", label=tr("staffing.to_people"), icon=":material/arrow_forward:")


def headline(s: Suggestion) -> None:
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(tr("staffing.minimum"), s.minimum, help=tr("staffing.minimum_help"), border=True)
    c2.metric(tr("staffing.headcount"), s.headcount, border=True)
    c3.metric(tr("staffing.unfilled_count"), len(s.unfilled), border=True)
    c4.metric(tr("staffing.single_count"), len(s.single_holder), border=True)
    if s.headcount < s.minimum:
        st.warning(tr("staffing.below_minimum", n=s.headcount, minimum=s.minimum, short=s.minimum - s.headcount),
                   icon=":material/warning:")


def needs(cat: Catalogue, s: Suggestion) -> None:
    """Which groups need a person: none even after assigning everyone (hire), none holding it now."""
    L = lang()
    st.subheader(tr("staffing.needs_heading"))
    if s.unfilled:
        st.error(tr("staffing.unfilled", groups=join(_group_with_roles(cat, s, k, L) for k in s.unfilled)),
                 icon=":material/person_add:")
    empty_now = [g.key for g in s.groups if not g.holders and g.key not in s.unfilled]
    if empty_now:
        st.warning(tr("staffing.no_holder_now", groups=join(_group_with_roles(cat, s, k, L) for k in empty_now)),
                   icon=":material/person_off:")
    if not s.unfilled and not empty_now:
        st.success(tr("staffing.all_filled"), icon=":material/check_circle:")


def _fit_badge(fit: float | None, rated: bool = True) -> Badge | None:
    """A fit as a coloured badge that also shows the number (reads without colour); 未評価 when
    the person has rated none of the group's skills (not rated is not 0); None (an empty cell)
    for a group without skills."""
    if not rated:
        return Badge(tr("trust.not_rated"), "gray")
    if fit is None:
        return None
    return Badge(percent(fit), "green" if fit >= 0.8 else "orange" if fit >= 0.5 else "red")


def _backup(s: Suggestion, key: str, p, names: dict[str, str]) -> str:
    if not s.is_rated(p.person, key):
        return tr("staffing.backup_fit", name=names[p.person], fit=tr("trust.not_rated"))
    return tr("staffing.backup_fit", name=names[p.person], fit=percent(p.fit)) if p.fit is not None else names[p.person]


def suggestion_table(cat: Catalogue, a: Assessment, s: Suggestion) -> None:
    """One row per needed group: the suggested holder and fit, backups, who holds it now, its roles.
    One HTML table (every name escaped) that wraps on a projector."""
    L = lang()
    names = {p.id: p.name for p in a.people}
    rows = []
    for plan in s.groups:
        main = plan.main
        rows.append({
            tr("staffing.col_group"): Strong(group_label(cat, plan.key, L, short=True)),
            tr("staffing.col_person"): names[main.person] if main else Badge(tr("staffing.part_hire"), "red"),
            tr("staffing.col_fit"): _fit_badge(main.fit if main else None,
                                               not main or s.is_rated(main.person, plan.key)),
            tr("staffing.col_backups"): join(_backup(s, plan.key, p, names) for p in plan.picks[1:]) or None,
            tr("staffing.col_holders"): join(names[h] for h in plan.holders) or None,
            tr("staffing.col_roles"): _roles_text(cat, plan.roles, L, text=str),
        })
    static_table(pd.DataFrame(rows), "staffing_plan")
    holders = sum(1 for g in s.groups if g.picks)
    st.caption(tr("staffing.table_caption", total=f"{s.total_fit:.2f}", n=holders) + " " + tr("staffing.fit_help")
               + " " + tr("staffing.backups_help"))


def apply_controls(cat: Catalogue, a: Assessment, s: Suggestion) -> None:
    """Apply the suggestion to everyone at once, after a confirmation that says what it replaces."""
    if not a.people or not s.groups:
        return
    L = lang()
    changes = role_changes(a, s)
    if not changes:
        st.success(tr("staffing.already_applied"), icon=":material/check_circle:")
        return
    if st.session_state.get(_CONFIRM) != (a.id, a.version):
        st.caption(tr("staffing.changes", n=len(changes)))
        st.button(tr("staffing.apply"), key=wkey("staffing_apply"), icon=":material/published_with_changes:",
                  on_click=_ask, args=(a.id, a.version))
        return
    lines = [tr("staffing.change_line", name=md(a.person(pid).name), old=_roles_text(cat, old, L),
                new=_roles_text(cat, new, L)) for pid, (old, new) in changes.items()]
    with st.container(border=True):
        st.warning(tr("staffing.confirm", n=len(changes)) + "\n" + "\n".join(f"- {x}" for x in lines),
                   icon=":material/swap_horiz:")
        c1, c2, _ = st.columns([1, 1, 3])
        c1.button(tr("staffing.confirm_yes"), key=wkey("staffing_confirm"), type="primary", on_click=_apply,
                  args=(a.version,), width="stretch")
        c2.button(tr("staffing.confirm_no"), key=wkey("staffing_cancel"), on_click=_cancel, width="stretch")


def _ask(assessment_id: str, version: int) -> None:
    st.session_state[_CONFIRM] = (assessment_id, version)


def _cancel() -> None:
    st.session_state.pop(_CONFIRM, None)


def _apply(version: int) -> None:
    st.session_state.pop(_CONFIRM, None)
    if assessment().version != version:  # the work changed since the confirmation was shown
        return
    cat = catalogue()
    # Computed again on the copy run_edits changes: the same version gives the same suggestion.
    if run_edits(lambda t: apply_suggestion(t, suggest(t, cat))):
        st.session_state[_APPLIED] = True


def applied_message() -> None:
    if st.session_state.pop(_APPLIED, False):
        st.success(tr("staffing.applied"), icon=":material/check_circle:")


def rule_note(cat: Catalogue) -> None:
    """The rule the suggestion follows, with the groups as the catalogue names them."""
    L = lang()
    box = lazy_expander(tr("staffing.rule_heading"), "staffing_rule", icon=":material/rule:")  # built when opened
    if not box.open:
        return
    with box:
        ungrouped = join(cat.role(r).name.get(L) for r in cat.groups_file.ungrouped)
        st.markdown(tr("staffing.rule", ungrouped=ungrouped))
        lines = [tr("staffing.rule_group_line", group=g.name.get(L), roles=_roles_text(cat, g.role_ids, L))
                 for g in cat.groups]
        st.markdown(tr("staffing.rule_groups") + "\n" + "\n".join(f"- {x}" for x in lines))
        st.caption(tr("staffing.caveat", caveat=cat.groups_file.caveat.get(L)))


def across_groups(cat: Catalogue, a: Assessment, s: Suggestion) -> None:
    L = lang()
    st.subheader(tr("staffing.across_heading"))
    if not s.across_groups:
        st.success(tr("staffing.across_none"), icon=":material/check_circle:")
        return
    lines = [tr("staffing.across_line", name=md(a.person(pid).name),
                groups=join(group_label(cat, g, L, short=True) for g in groups))
             for pid, groups in s.across_groups.items()]
    st.warning(tr("staffing.across", n=len(lines)) + "\n" + "\n".join(f"- {x}" for x in lines),
               icon=":material/call_split:")


def single_points(cat: Catalogue, a: Assessment, s: Suggestion) -> None:
    L = lang()
    st.subheader(tr("staffing.spof_heading"))
    if s.single_holder:
        lines = [tr("staffing.spof_role_line", role=cat.role(r).name.get(L), name=md(a.person(p).name))
                 for r, p in s.single_holder.items()]
        st.warning(tr("staffing.spof_roles") + "\n" + "\n".join(f"- {x}" for x in lines), icon=":material/looks_one:")
    else:
        st.success(tr("staffing.spof_roles_none"), icon=":material/check_circle:")
    if not s.single_skill_holders:
        st.success(tr("staffing.spof_skills_none"), icon=":material/check_circle:")
        return
    by_person: dict[str, list[str]] = {}
    for skill, pid in s.single_skill_holders.items():
        by_person.setdefault(pid, []).append(md(cat.skill(skill).get(L)))
    lines = [tr("staffing.spof_skill_line", name=md(a.person(pid).name), n=len(skills), skills=join(skills))
             for pid, skills in sorted(by_person.items(), key=lambda x: -len(x[1]))]
    st.warning(tr("staffing.spof_skills", n=len(s.single_skill_holders)) + "\n" + "\n".join(f"- {x}" for x in lines),
               icon=":material/person_alert:")
