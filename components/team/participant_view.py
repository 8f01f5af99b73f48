"""The participant's page (a participant link reaches nothing else): one person rates themselves,
sees their own self-ratings and radar, and what their roles ask of them — and nobody else's.

Made for a phone 390 px wide: one skill after another, the five levels as a horizontal radio
with their words, no grid."""
from __future__ import annotations

from html import escape

import streamlit as st

from assessment.core.edit import set_ratings
from assessment.scores.scoring import skills_to_rate
from csirt_data import Catalogue

from components.charts.chart_style import PLOT_CONFIG
from components.charts.radar import levels_radar
from components.session.actor import current_actor
from components.session.i18n import join, lang, tr
from components.session.labels import level_label, md
from components.session.state import assessment, bound, run_edit, show_edit_error

LEVEL_OPTIONS = [0, 1, 2, 3, 4]


def _targets(cat: Catalogue, a, skill: str, roles: tuple[str, ...]) -> int:
    """The highest target the skill has among the person's roles: the level that meets them all."""
    return max(a.target(r, link.kind) for r in roles for link in cat.role_links(r) if link.skill == skill)


def _rate(pid: str, skill: str, key: str, labels: list[str]) -> None:
    picked = st.session_state[key]
    run_edit(set_ratings, pid, {skill: None if picked is None else labels.index(picked)}, rater="self")


def render(cat: Catalogue) -> None:
    a, L = assessment(), lang()
    pid = current_actor().person_id
    person = next((p for p in a.people if p.id == pid), None)
    if person is None:  # removed since the link was opened (the gate refuses it on the next run)
        st.error(tr("access.person_removed"), icon=":material/person_off:")
        return
    st.title(tr("page.me"))  # short for a phone; the name on the line below
    st.markdown(tr("me.who", name=md(person.name)))
    st.caption(tr("me.intro"))
    show_edit_error()
    items = skills_to_rate(a, pid, cat)
    if not items:
        st.info(tr("me.no_roles"), icon=":material/info:")
        return
    mine = a.self_ratings.get(pid, {})
    done = sum(1 for k, _kind, _roles in items if k in mine)
    st.progress(done / len(items), text=tr("me.progress", done=done, total=len(items)))
    # The options are the level words themselves ("0 なし" …): what the phone shows is what is stored.
    labels = [level_label(n) for n in LEVEL_OPTIONS]
    st.caption(" · ".join(labels))

    st.subheader(tr("me.rate_heading"))
    for n, (skill, kind, roles) in enumerate(items, start=1):
        with st.container(border=True):
            st.markdown(f"**{n}.** {md(cat.skill(skill).get(L))}")
            st.caption(tr("me.skill_meta", kind=tr(f"kind.short.{kind}"), target=_targets(cat, a, skill, roles),
                          roles=join(cat.role(r).name.get(L) for r in roles)))
            level = mine.get(skill)
            w = bound(f"me_{skill}", None if level is None else labels[level], labels)
            st.radio(tr("me.level_label", n=n), labels, **w, horizontal=True,
                     label_visibility="collapsed", on_change=_rate, args=(pid, skill, w["key"], labels))

    st.subheader(tr("me.radar_heading"))
    if done:
        # Axes by number only (the list above numbers the skills): skill texts do not fit a phone.
        # "1" or "#1" plotly would read as a number (degrees): "No.1" stays a category.
        labels = [f"No.{i}" for i in range(1, len(items) + 1)]
        hover = [f"{i}. {escape(cat.skill(k).get(L))}" for i, (k, _kind, _roles) in enumerate(items, start=1)]
        fig = levels_radar(labels, hover, {tr("me.own_level"): [mine.get(k) for k, _kind, _roles in items]},
                           [_targets(cat, a, k, roles) for k, _kind, roles in items],
                           tr("chart.person_title", name=escape(person.name)), height=460,
                           margin={"l": 48, "r": 48})
        st.caption(tr("me.radar_caption"))
        st.plotly_chart(fig, config=PLOT_CONFIG, key="me_radar")
    else:
        st.caption(tr("me.radar_empty"))

    st.subheader(tr("me.roles_heading"))
    held = [r for r in cat.role_ids if r in person.roles and a.roles[r].status == "in_house"]
    for r in held:
        with st.expander(cat.role(r).name.get(L)):
            st.markdown("\n".join(
                f"- {tr(f'kind.short.{link.kind}')} · {tr('me.target', target=a.target(r, link.kind))}: "
                f"{md(cat.skill(link.skill).get(L))}" for link in cat.role_links(r)))
