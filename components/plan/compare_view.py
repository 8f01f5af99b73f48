"""Comparing 2–4 columns (the current state and scenarios) side by side: headline figures with
their differences, role statuses, a radar overlay and the flow diagrams next to each other.

Everything is computed per assessment version, column and language through `derived`, and only
what is shown: a rerun that changed nothing builds nothing, and no figure is built twice."""
from __future__ import annotations

from html import escape

import pandas as pd
import streamlit as st

from assessment.scores.compare import CURRENT, MAX_COLUMNS, MIN_COLUMNS, Column, column, column_assessment, difference
from assessment.scores.compare import unique_labels
from assessment.scores.flows import flow_graph
from assessment.scores.scoring import score_roles
from csirt_data import Catalogue

from components.charts.chart_style import PLOT_CONFIG
from components.charts.static_table import static_table
from components.charts.table_cells import Parts
from components.charts.flow_diagram import flow_figure
from components.session.i18n import join, lang, tr
from components.session.basis import basis_text
from components.session.labels import md, percent, status_badge
from components.charts.radar import grouped_radar_overlay
from components.plan.scenarios_view import COMPARED, compared_ids
from components.session.state import assessment, derived, scores as current_scores, wkey



def _shown(cat: Catalogue, cid: str):
    return derived("sc_shown", lambda a: column_assessment(a, cid, cat), cid)


def _scores(cat: Catalogue, cid: str):
    if cid == CURRENT:
        return current_scores()  # shared with the sidebar and Results
    shown = _shown(cat, cid)
    return derived("sc_scores", lambda a: score_roles(shown, cat), cid)


def columns_of(cat: Catalogue, ids: list[str]) -> list[Column]:
    L = lang()
    return [derived("sc_column", lambda a, c=cid: column(a, c, cat, L, shown=_shown(cat, c), scores=_scores(cat, c)),
                    cid, L) for cid in ids]


def labels_of(cols: list[Column]) -> list[str]:
    """Column headings (user text, raw): 「現状」 or the scenario's name, made distinct."""
    return unique_labels([tr("scenarios.current") if c.id == CURRENT else c.name for c in cols])


def _pick(key: str) -> None:
    st.session_state[COMPARED] = list(st.session_state.get(key) or [])


def chooser(a) -> list[str]:
    """The multiselect of columns; returns the chosen ids (possibly fewer than two)."""
    options = [CURRENT, *(s.id for s in a.scenarios)]
    key = wkey("sc_compare")
    names = dict(zip(options, unique_labels([tr("scenarios.current"), *(s.name for s in a.scenarios)])))
    return st.multiselect(tr("scenarios.compare_which"), options, default=compared_ids(a), key=key,
                          format_func=names.get, max_selections=MAX_COLUMNS, on_change=_pick, args=(key,),
                          help=tr("scenarios.compare_help", n=MAX_COLUMNS), placeholder=tr("widget.choose_many"))


def _pt(delta: float | None) -> str:
    if delta is None:
        return ""
    n = round(delta * 100)
    return f" ({'+' if n > 0 else '±' if n == 0 else '−'}{abs(n)})"


def _n(delta: int) -> str:
    return f" ({'+' if delta > 0 else '±' if delta == 0 else '−'}{abs(delta)})"


def headline_table(cols: list[Column], labels: list[str]) -> None:
    base = cols[0]
    diffs = [None] + [difference(base, c) for c in cols[1:]]
    rows: dict[str, list[str]] = {}
    for c, d in zip(cols, diffs):
        rows.setdefault(tr("scenarios.row_model"), []).append(c.model_label or tr("scenarios.no_model_short"))
        for field, key in (("coverage", "results.coverage"), ("readiness", "results.readiness"),
                           ("training", "results.training")):
            rows.setdefault(tr(key), []).append(percent(getattr(c, field)) + (_pt(getattr(d, field)) if d else ""))
            if field == "coverage":  # how complete its basis is: not rated is left out, not 0
                rows.setdefault(tr("trust.rated_column"), []).append(basis_text(c.coverage_basis))
        people = str(c.headcount) + (tr("scenarios.of_which_hires", n=c.planned_hires) if c.planned_hires else "")
        rows.setdefault(tr("scenarios.row_headcount"), []).append(people + (_n(d.headcount) if d else ""))
        rows.setdefault(tr("scenarios.row_minimum"), []).append(
            str(c.minimum_headcount) + (_n(d.minimum_headcount) if d else ""))
        rows.setdefault(tr("results.gaps"), []).append(str(len(c.gaps)) + (_n(d.gaps) if d else ""))
        rows.setdefault(tr("results.outsourced"), []).append(
            str(len(c.outsourced)) + (_n(len(c.outsourced) - len(base.outsourced)) if d else ""))
        rows.setdefault(tr("scenarios.row_single"), []).append(
            tr("scenarios.single_value", roles=c.single_holder_roles, skills=c.single_skill_holders))
    static_table(pd.DataFrame(rows, index=labels).T, "scenario_figures", index=True)
    st.caption(tr("scenarios.table_note"))


def role_table(cat: Catalogue, cols: list[Column], labels: list[str]) -> None:
    """Each role's status per column, as coloured badges; by default only roles that differ."""
    L = lang()
    base = cols[0]
    differing = [r for r in cat.role_ids if any(c.statuses[r] != base.statuses[r] for c in cols[1:])]
    show_all = st.toggle(tr("scenarios.all_roles"), key="sc_all_roles")
    roles = list(cat.role_ids) if show_all else differing
    if not roles:
        st.info(tr("scenarios.same_roles"))
        return
    data = {label: [Parts((status_badge(c.statuses[r]), " ✎")) if i and c.statuses[r] != base.statuses[r]
                    else status_badge(c.statuses[r]) for r in roles] for i, (c, label) in enumerate(zip(cols, labels))}
    static_table(pd.DataFrame(data, index=[cat.role(r).name.get(L) for r in roles]), "scenario_roles", index=True)
    for c, label in zip(cols[1:], labels[1:]):
        d = difference(base, c)
        parts = []
        if d.outsourced_added:
            parts.append(tr("scenarios.out_added", roles=join(cat.role(r).name.get(L) for r in d.outsourced_added)))
        if d.outsourced_removed:
            parts.append(tr("scenarios.out_removed",
                            roles=join(cat.role(r).name.get(L) for r in d.outsourced_removed)))
        if parts:
            st.markdown(f"- **{md(label)}**：" + " ".join(parts) if L == "ja" else
                        f"- **{md(label)}**: " + " ".join(parts))


def radar(cat: Catalogue, cols: list[Column], labels: list[str]) -> None:
    L = lang()
    by = st.segmented_control(tr("scenarios.radar_by"), ["function", "role"], default="function", required=True,
                              key="sc_radar_by", format_func={"role": tr("scenarios.radar_by_role"),
                                           "function": tr("scenarios.radar_by_function")}.get)

    def build(_a):
        if by == "function":
            keys = [f.id for f in cat.functions if any(c.functions[f.id] is not None for c in cols)]
            names = [cat.function(k).name.get(L) for k in keys]
            values = lambda c: [c.functions[k] for k in keys]  # noqa: E731
            title = tr("scenarios.radar_function_title")
        else:
            keys = [r for r in cat.role_ids if cat.role_links(r) and any(c.roles[r] is not None for c in cols)]
            names = [cat.role(r).name.get(L) for r in keys]
            values = lambda c: [c.roles[k] for k in keys]  # noqa: E731
            title = tr("scenarios.radar_role_title")
        # Series names are user text: plotly renders them as HTML-like labels.
        fig = grouped_radar_overlay(names, {escape(lb): values(c) for c, lb in zip(cols, labels)}, title)
        return fig.update_layout(height=620 if by == "role" else 560)

    fig = derived("sc_radar", build, by, tuple(c.id for c in cols), tuple(labels), L)
    st.plotly_chart(fig, config=PLOT_CONFIG, key="sc_radar")
    st.caption(tr("scenarios.radar_note"))


def _flow_figure(cat: Catalogue, cid: str, time: str):
    """The column's diagram, compact: half a page wide, full-width labels would run into each other."""
    L = lang()
    if cid == CURRENT:
        scores = current_scores()
        graph = derived(f"graph_{time}", lambda a: flow_graph(a, time, cat))  # shared with Results
        return derived(f"sc_fig_flow_{time}", lambda a: flow_figure(cat, a, graph, time, scores, L, compact=True),
                       cid, L)
    shown, scores = _shown(cat, cid), _scores(cat, cid)
    graph = derived(f"sc_graph_{time}", lambda a: flow_graph(shown, time, cat), cid)
    return derived(f"sc_fig_flow_{time}", lambda a: flow_figure(cat, shown, graph, time, scores, L, compact=True),
                   cid, L)


def flows(cat: Catalogue, cols: list[Column], labels: list[str]) -> None:
    L = lang()
    time = st.segmented_control(tr("results.flow_time"), [t.id for t in cat.flows.times], default="normal",
                                required=True, key="sc_flow_time",
                                format_func={x.id: x.name.get(L) for x in cat.flows.times}.get)
    per_row = 2  # 3–4 columns: two rows of two
    for start in range(0, len(cols), per_row):
        row = st.columns(per_row, gap="small")
        for i, (place, c, label) in enumerate(zip(row, cols[start:], labels[start:]), start=start):
            with place:
                model = f" — {md(c.model_label)}" if c.model_label else ""
                st.markdown(f"#### {md(label)}{model}")
                st.plotly_chart(_flow_figure(cat, c.id, time), config=PLOT_CONFIG, key=f"sc_flow_{i}")
    st.caption(tr("results.flow_derived"))
    legend = cat.flows.legend
    st.caption("  \n".join([legend["solid"].get(L), legend["dotted"].get(L)] + [n.get(L) for n in cat.flows.notes]))


def comparison_tables(cat: Catalogue) -> tuple[list[Column], list[str]] | None:
    """The columns chosen, the headline figures and the role statuses; None when fewer than two."""
    a = assessment()
    ids = chooser(a)
    if len(ids) < MIN_COLUMNS:
        st.info(tr("scenarios.pick_two", n=MAX_COLUMNS))
        return None
    cols = columns_of(cat, ids)
    labels = labels_of(cols)
    headline_table(cols, labels)
    st.markdown(f"**{tr('scenarios.roles_heading')}**")
    role_table(cat, cols, labels)
    return cols, labels


def comparison_charts(cat: Catalogue, cols: list[Column], labels: list[str]) -> None:
    st.subheader(tr("scenarios.radar_heading"))
    radar(cat, cols, labels)
    st.subheader(tr("scenarios.flow_heading"))
    flows(cat, cols, labels)
