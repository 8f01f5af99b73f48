"""The executive summary: headline figures with traffic lights, the top three risks in plain words,
in-house vs outsourced by function, and the cost of closing the gaps in people.

Anonymised by default: nothing here names a person unless the session's 「氏名を表示」 toggle is
on (a widget, never saved in the assessment; off whenever the page is opened anew)."""
from __future__ import annotations

import html

import plotly.graph_objects as go
import streamlit as st

from assessment.scores.executive import (GAP_LIGHTS, HEADCOUNT_LIGHTS, MIX_STATUSES, PERCENT_LIGHTS, SINGLE_LIGHTS, Figure,
                                  Risk, function_mix, headline_figures, risks)
from assessment.plans.planning import plan_summary, rate_first
from assessment.scores.staffing import staffing
from csirt_data import Catalogue

from components.plan.actions_view import plan
from components.charts.chart_style import PLOT_CONFIG, axis_label, figure
from components.session.actor import current_actor
from components.session.i18n import join, lang, tr
from components.session.labels import STATUS_COLOURS, md, status_label
from components.session.basis import basis_text, figure_text
from components.session.state import assessment, catalogue, derived, scores, summary

NAMES_KEY = "exec_show_names"
MIX_LINE = 22  # characters a line of an English function name in the mix chart (two lines at most)


def show_names() -> bool:
    return st.toggle(tr("executive.show_names"), value=False, key=NAMES_KEY, help=tr("executive.show_names_help"))


def light_badge(light: str | None) -> str:
    """Colour, icon and word together: the light reads without colour too."""
    if light == "green":
        return f":green-badge[:material/check_circle: {tr('executive.light_green')}]"
    if light == "amber":
        return f":orange-badge[:material/warning: {tr('executive.light_amber')}]"
    if light == "red":
        return f":red-badge[:material/error: {tr('executive.light_red')}]"
    return f":gray-badge[:material/remove: {tr('executive.light_none')}]"


def _figure_text(f: Figure, s) -> tuple[str, str]:
    if f.id == "coverage":
        return tr("executive.fig_coverage"), figure_text(f.value, s.coverage_basis)
    if f.id == "readiness":
        return tr("executive.fig_readiness"), figure_text(f.value, s.readiness_basis)
    if f.id == "training":
        return tr("executive.fig_training"), figure_text(f.value, s.training_basis)
    if f.id == "headcount":
        return tr("executive.fig_headcount"), tr("executive.headcount_value", have=f.value, need=f.minimum)
    if f.id == "gaps":
        return tr("executive.fig_gaps"), f.value
    return tr("executive.fig_single"), f.value


def figures() -> None:
    s = summary()
    st_ = derived("staffing", staffing)
    figs = headline_figures(s, st_)
    cols = [c for row in (st.columns(3), st.columns(3)) for c in row]
    bases = {"coverage": s.coverage_basis, "readiness": s.readiness_basis, "training": s.training_basis}
    for col, f in zip(cols, figs):
        label, value = _figure_text(f, s)
        with col.container(border=True):
            st.metric(label, value, help=tr("trust.exec_coverage_help") if f.id == "coverage" else None)
            badge = light_badge(f.light)
            # Every percentage says how complete its basis is.
            if f.id in bases:
                badge += " " + basis_text(bases[f.id])
            st.markdown(badge)
    st.caption(tr("executive.thresholds", green=round(PERCENT_LIGHTS[0] * 100), amber=round(PERCENT_LIGHTS[1] * 100),
                  head_amber=round(HEADCOUNT_LIGHTS[1] * 100), gaps_amber=GAP_LIGHTS[1],
                  single_amber=SINGLE_LIGHTS[1]))


def risk_text(cat: Catalogue, r: Risk, names: bool) -> str:
    L = lang()
    roles = join(cat.role(x).name.get(L) for x in r.roles)
    if r.kind == "ir_gaps":
        return tr("executive.risk_ir_gaps", roles=roles)
    if r.kind == "below_minimum":
        return tr("executive.risk_below_minimum", have=r.have, need=r.need)
    if r.kind == "single_points":
        text = tr("executive.risk_single_points", n=len(r.roles), roles=roles)
        if names:
            a = assessment()
            text += " " + tr("executive.risk_people", names=join(md(a.person(p).name) for p in r.people))
        return text
    if r.kind == "low_readiness":
        return tr("executive.risk_low_readiness", roles=roles)
    if r.kind == "other_gaps":
        return tr("executive.risk_other_gaps", roles=roles)
    if r.kind == "not_rated":
        return tr("trust.risk_not_rated", n=len(r.roles), roles=roles)
    return tr("executive.risk_low_training", roles=roles)


def top_risks(cat: Catalogue, names: bool) -> None:
    st.subheader(tr("executive.risks_heading"))
    found = derived("risks", lambda a_: risks(a_, cat, scores(), summary(), derived("staffing", staffing)))
    if not found:
        st.success(tr("executive.no_risks"), icon=":material/check_circle:")
    else:
        st.markdown("\n".join(f"{n}. {risk_text(cat, r, names)}" for n, r in enumerate(found[:3], start=1)))
    st.caption(tr("executive.risk_rule"))


def mix_figure(cat: Catalogue, mix: dict[str, dict[str, int]], L: str) -> go.Figure:
    # In half the page an English name on one line takes the whole margin and is still cut; two
    # short lines leave the bars their width. The Japanese names are short enough as they are.
    names = [axis_label(n, L, MIX_LINE) if L == "en" else n
             for n in (html.escape(cat.function(f).name.get(L)) for f in mix)]
    data = []
    for status in MIX_STATUSES:
        values = [mix[f][status] for f in mix]
        # The gap bar counts gaps in their one meaning (未配置, or in-house with nobody holding it).
        label = html.escape(tr("trust.gap_legend") if status == "gap" else status_label(status))
        data.append(go.Bar(y=names, x=values, name=label, orientation="h", marker_color=STATUS_COLOURS[status],
                           text=[str(v) if v else "" for v in values], textposition="inside",
                           insidetextanchor="middle", textangle=0,
                           textfont={"size": 16, "color": "#111" if status == "outsourced" else "white"},
                           hovertemplate=f"%{{y}}<br>{label}: %{{x}}<extra></extra>", meta={"status": status}))
    # Axis labels dark and large for a projector (the app's theme would draw them light grey); the
    # legend under the axis title, with room for two rows in English.
    ticks = {"size": 15, "color": "#111"}
    return figure(data, tr("executive.mix_title"), 500, barmode="stack",
                  margin={"l": 20, "r": 20, "t": 70, "b": 130},
                  legend={"orientation": "h", "y": -0.2, "yanchor": "top", "x": 0.5, "xanchor": "center",
                          "traceorder": "normal"},
                  yaxis={"autorange": "reversed", "automargin": True, "tickfont": ticks},
                  xaxis={"title": {"text": tr("executive.mix_axis")}, "dtick": 1, "gridcolor": "#DDD",
                         "tickfont": ticks})


def in_house_vs_outsourced(cat: Catalogue) -> None:
    st.subheader(tr("executive.mix_heading"))
    L = lang()
    mix = derived("function_mix", lambda a_: function_mix(a_, cat, summary()))
    fig = derived("fig_mix", lambda a_: mix_figure(cat, mix, L), L)
    st.plotly_chart(fig, config=PLOT_CONFIG, key="exec_mix")
    s = summary()
    st.caption(tr("executive.mix_caption", in_house=sum(m["in_house"] for m in mix.values()),
                  outsourced=len(s.outsourced), gaps=len(s.gaps), na=len(s.not_applicable)))


def cost() -> None:
    st.subheader(tr("executive.cost_heading"))
    p = plan_summary(plan())
    waiting = {x.person for x in derived("rate_first", lambda a_: rate_first(a_, catalogue()))}
    c = st.columns(4)
    c[0].metric(tr("executive.cost_hire"), p.hires)
    c[1].metric(tr("executive.cost_train"), p.trains)
    c[2].metric(tr("executive.cost_outsource"), p.outsource)
    c[3].metric(tr("trust.cost_rate_first"), len(waiting), help=tr("trust.cost_rate_first_help"))
    st.caption(tr("executive.cost_caption"))
    if current_actor().kind == "editor":  # a viewer link reaches no planning page
        st.page_link("app_pages/actions.py", label=tr("executive.to_actions"), icon=":material/checklist:")


def render(cat: Catalogue) -> None:
    a = assessment()
    top = st.columns([3, 1])
    model = cat.model_label(a.model, a.variant, lang()) or tr("executive.no_model")
    top[0].markdown(tr("executive.subtitle", organisation=md(a.organisation) or tr("executive.no_organisation"),
                       model=model))
    with top[1]:
        names = show_names()
    if not a.people and not a.model:
        st.info(tr("executive.empty"), icon=":material/info:")
    figures()
    left, right = st.columns([1, 1])
    with left:
        top_risks(cat, names)
    with right:
        in_house_vs_outsourced(cat)
    cost()
