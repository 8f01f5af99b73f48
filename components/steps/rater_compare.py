"""Workshop ratings: how the lead's rating and the person's own rating of one person differ.

`compare_raters` is plain arithmetic (no Streamlit), tested on hand-computed cases; `rater_radar`
draws both raters against the targets; `rater_differences` shows both on the Skills page."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from assessment.core.model import Assessment
from assessment.scores.scoring import skills_to_rate
from csirt_data import Catalogue

from components.charts.chart_style import PLOT_CONFIG, axis_label
from components.session.i18n import join, lang, tr
from components.session.labels import EMPTY_CELL, level_label, rule_name
from components.charts.radar import levels_radar


@dataclass(frozen=True)
class SkillRatings:
    number: int  # 1-based: the skill's place in the person's grid and its radar axis
    skill: str
    target: int
    lead: int | None
    own: int | None  # the self-rating
    used: int | None  # the value scoring uses, by the assessment's rule


@dataclass(frozen=True)
class Gap:
    number: int
    skill: str
    lead: int
    own: int
    diff: int  # own - lead: positive when the person rates themselves higher
    used: int


@dataclass(frozen=True)
class RaterComparison:
    skills: tuple[SkillRatings, ...]  # the person's skills to rate, in the grid's order
    gaps: tuple[Gap, ...]  # rated by both and different: largest |diff| first, then catalogue order
    both: int  # skills rated by both raters
    same: int  # ... of which both gave the same level
    lead_only: tuple[str, ...]  # skill ids rated by the lead only (grid order)
    self_only: tuple[str, ...]
    neither: int


def compare_raters(a: Assessment, person_id: str, cat: Catalogue) -> RaterComparison:
    """The two raters over the person's skills. Only skills both have rated can differ; the
    skills only one has rated are counted, never treated as a difference against nothing."""
    lead = a.ratings.get(person_id, {})
    own = a.self_ratings.get(person_id, {})
    used = a.used_ratings().get(person_id, {})
    rows = skills_to_rate(a, person_id, cat)
    skills = tuple(SkillRatings(n, k, max(a.target(r, kind) for r in roles), lead.get(k), own.get(k), used.get(k))
                   for n, (k, kind, roles) in enumerate(rows, start=1))
    order = {k: i for i, k in enumerate(cat.skills)}
    both = [s for s in skills if s.lead is not None and s.own is not None]
    gaps = sorted((Gap(s.number, s.skill, s.lead, s.own, s.own - s.lead, s.used) for s in both if s.own != s.lead),
                  key=lambda g: (-abs(g.diff), order.get(g.skill, len(order))))
    return RaterComparison(
        skills=skills,
        gaps=tuple(gaps),
        both=len(both),
        same=sum(s.own == s.lead for s in both),
        lead_only=tuple(s.skill for s in skills if s.lead is not None and s.own is None),
        self_only=tuple(s.skill for s in skills if s.own is not None and s.lead is None),
        neither=sum(s.lead is None and s.own is None for s in skills),
    )


def rater_radar(cat: Catalogue, comparison: RaterComparison, title: str, L: str) -> go.Figure:
    """Both raters' levels (0–4) per skill, against the target. An unrated skill has no point
    (drawn as 0 it would read as a rating of none)."""
    skills = comparison.skills
    labels = [axis_label(f"{s.number}. {cat.skill(s.skill).get(L)}", L, 10 if L == "ja" else 18) for s in skills]
    hover = [escape(cat.skill(s.skill).get(L)) for s in skills]
    series = {tr("workshop.rater.lead"): [s.lead for s in skills], tr("workshop.rater.self"): [s.own for s in skills]}
    # The title stands clear of the top axis label.
    return levels_radar(labels, hover, series, [s.target for s in skills], title, 600,
                        {"l": 130, "r": 130, "t": 120})


def rater_differences(cat: Catalogue, a: Assessment, person_id: str) -> None:
    """The radar of both raters and the list of the largest gaps, for the person chosen on Skills."""
    L = lang()
    c = compare_raters(a, person_id, cat)
    if not c.skills:
        return
    # The person's name is user text: escaped for the chart's HTML-like title.
    title = tr("workshop.compare_title", name=escape(a.person(person_id).name))
    st.plotly_chart(rater_radar(cat, c, title, L), config=PLOT_CONFIG, key="rater_radar")
    st.caption(tr("workshop.radar_axis_note"))
    st.markdown(f"**{tr('workshop.gaps_heading')}**")
    st.write(tr("workshop.counts", total=len(c.skills), both=c.both, same=c.same, lead_only=len(c.lead_only),
                self_only=len(c.self_only), neither=c.neither))
    # Which skills only one rater has rated, once both have begun (before that the count says it all).
    started = c.both or (c.lead_only and c.self_only)
    if started and c.lead_only:
        st.caption(tr("workshop.only_lead", skills=join(f"{_number(c, k)}. {cat.skill(k).get(L)}" for k in c.lead_only)))
    if started and c.self_only:
        st.caption(tr("workshop.only_self", skills=join(f"{_number(c, k)}. {cat.skill(k).get(L)}" for k in c.self_only)))
    if not c.both:
        st.info(tr("workshop.none_both"))
        return
    if not c.gaps:
        st.success(tr("workshop.no_gaps"))
        return
    df = pd.DataFrame({
        "no": [g.number for g in c.gaps],
        "skill": [cat.skill(g.skill).get(L) for g in c.gaps],
        "lead": [level_label(g.lead) for g in c.gaps],
        "self": [level_label(g.own) for g in c.gaps],
        "diff": [f"{g.diff:+d}" for g in c.gaps],
        "used": [level_label(g.used) for g in c.gaps],
    })
    st.container(key="rater_gaps").dataframe(df, hide_index=True, width="stretch", placeholder=EMPTY_CELL, column_config={
        # Widths in pixels: every column fits inside the expander on a 1400 px wide window.
        "no": st.column_config.NumberColumn(tr("workshop.col_no"), width=48),
        "skill": st.column_config.TextColumn(tr("skills.col_skill"), width=300),
        "lead": st.column_config.TextColumn(tr("workshop.col_lead"), width=150),
        "self": st.column_config.TextColumn(tr("workshop.col_self"), width=150),
        "diff": st.column_config.TextColumn(tr("workshop.col_diff"), width=60, help=tr("workshop.col_diff_help")),
        "used": st.column_config.TextColumn(tr("workshop.col_used", rule=rule_name(a.rating_rule)), width=160),
    })


def _number(c: RaterComparison, skill: str) -> int:
    return next(s.number for s in c.skills if s.skill == skill)
