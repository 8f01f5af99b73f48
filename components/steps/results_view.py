"""The Results step: headline figures, radar charts, the flow diagram and the list of gaps."""
from __future__ import annotations

import streamlit as st

from assessment.scores.flows import flow_graph
from assessment.scores.scoring import group_bases, score_functions, score_groups, score_person
from csirt_data import Catalogue

from components.charts.chart_style import PLOT_CONFIG
from components.charts.flow_diagram import flow_figure
from components.session.i18n import join, lang, tr
from components.session.basis import basis_text, figure_text
from components.steps.gap_lists import gap_lists
from components.session.labels import level_label, md, percent
from components.session.lazy import lazy_expander
from components.charts.chart_tables import coverage_table, flow_table, role_table, skill_table
from components.charts.static_table import static_table
from components.charts.radar import grouped_radar, person_radar, role_skill_radar
from components.charts.role_bars import role_coverage_bars
from components.charts.table_view import as_table
from components.session.state import assessment, derived, scores as role_scores, summary


def headline(cat: Catalogue) -> None:
    s = summary()
    cols = [c for row in (st.columns(3), st.columns(3)) for c in row]  # wide enough for English labels
    for col, label, value, basis, help_ in (
            (cols[0], tr("results.coverage"), s.coverage, s.coverage_basis, tr("results.coverage_help")),
            (cols[1], tr("results.readiness"), s.readiness, s.readiness_basis, tr("results.readiness_help")),
            (cols[2], tr("results.training"), s.training, s.training_basis, tr("results.training_help"))):
        col.metric(label, figure_text(value, basis), help=help_)
        col.caption(basis_text(basis))
    cols[3].metric(tr("results.gaps"), len(s.gaps), help=tr("results.gaps_help"))
    cols[4].metric(tr("results.outsourced"), len(s.outsourced))
    cols[5].metric(tr("results.headcount"), f"{s.headcount} / {s.minimum_headcount}",
                   help=tr("results.headcount_help"))
    if s.to_rate and s.rated < s.to_rate:
        st.caption(tr("results.incomplete", rated=s.rated, total=s.to_rate))


def role_radar_figure(cat: Catalogue):
    """Coverage by role (bars: see role_bars.py for why not a radar)."""
    L, scores, gaps = lang(), role_scores(), set(summary().gaps)
    return derived("fig_roles", lambda a_: role_coverage_bars(cat, scores, gaps, L), L)


def _function_values(cat: Catalogue) -> tuple[list[str], list]:
    L, values = lang(), derived("functions", lambda a_: score_functions(a_, scores=role_scores()))
    fs = [f for f in cat.functions if values.get(f.id) is not None]
    return [f.name.get(L) for f in fs], [values[f.id] for f in fs]


def _group_values(cat: Catalogue) -> tuple[list[str], list]:
    L, values = lang(), derived("groups", lambda a_: score_groups(a_, scores=role_scores()))
    return [g.short.get(L) for g in cat.groups], [values[g.id] for g in cat.groups]


def _group_bases(cat: Catalogue) -> list:
    bases = derived("group_bases", lambda a_: group_bases(role_scores(), cat))
    return [bases[g.id] for g in cat.groups]


def function_radar_figure(cat: Catalogue):
    names, values = _function_values(cat)
    return derived("fig_functions", lambda a_: grouped_radar(names, values, tr("chart.function_title")), lang())


def group_radar_figure(cat: Catalogue):
    names, values = _group_values(cat)
    return derived("fig_groups", lambda a_: grouped_radar(names, values, tr("chart.group_title")), lang())


def _skill_list(cat: Catalogue, skills: list[str], levels: list[int | None], L: str) -> None:
    """The full sentence of each numbered axis, beside its radar; an unrated one says so (it has no
    point on the radar)."""
    st.markdown(f"**{tr('chart.skill_list')}**")
    st.markdown("\n".join(f"{i + 1}. {md(cat.skill(k).get(L))}" + ("" if lv is not None else f" — *{level_label(None)}*")
                          for i, (k, lv) in enumerate(zip(skills, levels))))


def flow_diagram_figure(cat: Catalogue, time: str):
    L, scores = lang(), role_scores()
    graph = derived(f"graph_{time}", lambda a_: flow_graph(a_, time, cat))
    return derived(f"fig_flow_{time}", lambda a_: flow_figure(cat, a_, graph, time, scores, L), L)


def radars(cat: Catalogue) -> None:
    L = lang()
    scores = role_scores()
    fig = role_radar_figure(cat)
    st.plotly_chart(fig, config=PLOT_CONFIG, key="radar_roles")
    as_table("roles", lambda: role_table(cat, scores, set(summary().gaps), L))
    out = [cat.role(r).name.get(L) for r in cat.role_ids if scores[r].status == "outsourced"]
    if out:
        st.caption(tr("results.outsourced_note", roles=join(out)))

    by = st.segmented_control(tr("results.by"), ["function", "group"], default="function", required=True,
                              format_func=lambda v: tr(f"results.by_{v}"), key="radar_by")
    fig = group_radar_figure(cat) if by == "group" else function_radar_figure(cat)
    names, values = _group_values(cat) if by == "group" else _function_values(cat)
    # A function without a value is not on the radar at all; a group is, and says why it has none.
    bases = _group_bases(cat) if by == "group" else None
    left, right = st.columns(2)
    with left:
        st.plotly_chart(fig, config=PLOT_CONFIG, key="radar_grouped")
    with right:
        # A static table: a few rows to read beside the radar; a data grid cost the load about 0.18×.
        static_table(coverage_table(names, {tr("chart.coverage"): values}, bases), "results_grouped")

    rated_roles = [r for r in cat.role_ids if scores[r].skills]
    if rated_roles:
        # A role's skills in an expander built only while open: the tab opens (and a language switch
        # redraws) with two charts, not three; the browser's drawing is most of a load and a switch.
        box = lazy_expander(tr("results.role_skills"), "role_skills")
        if box.open:
            with box:
                _role_skills(cat, rated_roles, scores, L)


def _role_skills(cat: Catalogue, rated_roles: list[str], scores, L: str) -> None:
    role = st.selectbox(tr("results.pick_role"), rated_roles, format_func=lambda r: cat.role(r).name.get(L),
                        key="radar_role", placeholder=tr("widget.choose_one"))
    skills = scores[role].skills
    left, right = st.columns(2)
    with left:
        fig = derived("fig_role_skills", lambda a_: role_skill_radar(cat, scores[role], L), L, role)
        st.plotly_chart(fig, config=PLOT_CONFIG, key="radar_role_chart")
    with right:
        _skill_list(cat, [k.skill for k in skills], [k.best for k in skills], L)
    as_table("role_skills", lambda: skill_table(
        cat, [(k.skill, k.kind, k.best, k.target) for k in skills], tr("chart.best_level"), L))


def person_radars(cat: Catalogue) -> None:
    """One person's skills against their targets: a tab of its own, so that a person's ratings
    (personal data) are not on the projector unless someone opens it."""
    a, L = assessment(), lang()
    if not a.people:
        st.info(tr("results.no_people"))
        return
    ids = [p.id for p in a.people]
    pid = st.selectbox(tr("results.pick_person"), ids, format_func=lambda p: a.person(p).name, key="radar_person",
                       placeholder=tr("widget.choose_one"))
    ps = derived("person_score", lambda a_: score_person(a_, pid, cat), pid)
    if ps.skills:
        left, right = st.columns(2)
        with left:
            fig = derived("fig_person", lambda a_: person_radar(cat, a_, ps, L), L, pid)
            st.plotly_chart(fig, config=PLOT_CONFIG, key="radar_person_chart")
        with right:
            _skill_list(cat, [k for k, _, _ in ps.skills], [lv for _, lv, _ in ps.skills], L)
        as_table("person", lambda: skill_table(cat, [(k, None, lv, t) for k, lv, t in ps.skills],
                                               tr("chart.own_level"), L))
    else:
        st.info(tr("results.person_no_skills"))


def flows(cat: Catalogue) -> None:
    """平常時 / インシデント対応時 as two tabs, each with its diagram and table, both drawn when the
    tab 関連図 opens: switching is then the browser's alone, with no server run (issue 13: a rerun
    of the diagram on each switch was 2.4× bare Streamlit's)."""
    L = lang()
    times = cat.flows.times
    for tab, t in zip(st.tabs([t.name.get(L) for t in times], key="flow_time"), times):
        with tab:
            _flow(cat, t.id, L)
    st.caption(tr("results.flow_derived"))
    legend = cat.flows.legend
    notes = [legend["solid"].get(L), legend["dotted"].get(L)] + [n.get(L) for n in cat.flows.notes]
    st.caption("  \n".join(notes))


def _flow(cat: Catalogue, time: str, L: str) -> None:
    graph = derived(f"graph_{time}", lambda a_: flow_graph(a_, time, cat))
    st.plotly_chart(flow_diagram_figure(cat, time), config=PLOT_CONFIG, key=f"flow_chart_{time}")
    as_table(f"flow_{time}", lambda: flow_table(cat, graph, L))
    broken = [(u, v) for u, v, d in graph.edges(data=True) if d.get("broken")]
    if broken:
        st.warning(tr("results.broken", n=len(broken), arrows=join(
            f"{cat.node_name(u, L)} → {cat.node_name(v, L)}" for u, v in broken)), icon=":material/link_off:")


def gap_list(cat: Catalogue) -> None:
    gap_lists(cat)
