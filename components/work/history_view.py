"""History: named snapshots, the trend of the headline figures, and a comparison of two states."""
from __future__ import annotations

from html import escape

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from assessment.core.edit import EditError, one_line, typed
from assessment.core.errors import StoreError
from assessment.scores.history import compare, trend
from csirt_data import Catalogue

from components.session import persistence
from components.charts.chart_style import PLOT_CONFIG, TRACE_COLOURS, base_layout
from components.charts.static_table import static_table
from components.session.i18n import join, lang, tr
from components.session.labels import EMPTY_CELL, level_label, md, percent, rater_name, rule_name, status_label
from components.charts.radar import grouped_radar_overlay
from components.session.state import assessment
from components.session.safe_text import error_text

CURRENT = "current"


def snapshot_form() -> bool:
    """Returns False when there is nothing saved to take a snapshot of."""
    a, mark = assessment(), st.session_state.get(persistence.MARK)
    if not mark or mark["id"] != a.id:
        st.info(tr("history.not_saved"))
        return False
    with st.form("snapshot", clear_on_submit=True, border=True):
        name = st.text_input(tr("history.snapshot_name"), max_chars=200, placeholder=tr("history.snapshot_placeholder"))
        if st.form_submit_button(tr("history.snapshot_button"), type="primary", icon=":material/photo_camera:"):
            s = persistence.store()
            try:
                if s is None:
                    raise StoreError("store.failed")
                # What this screen shows (issue 12, item 3), even while a change of mine is held
                # back or someone else saved since: the user names the state they see.
                name = one_line(typed(name, "name"))  # no control or bidi characters in a snapshot's name
                s.snapshot(a.id, name or tr("history.snapshot_default"), shown=a)
                st.success(tr("history.snapshot_saved"), icon=":material/check_circle:")
                if st.session_state.get(persistence.HELD):
                    st.caption(tr("merge.snapshot_as_shown"))
            except StoreError as exc:
                st.error(error_text(exc))
            except EditError as exc:
                st.error(tr(exc.key, **exc.args_))
    return True


def _points():
    """(label, assessment) for every snapshot, oldest first, and the current work last."""
    s, a = persistence.store(), assessment()
    snaps = s.snapshot_assessments(a.id) if s else []
    return [(f"{info.name} ({info.created_at.astimezone():%Y-%m-%d %H:%M})", info, snap) for info, snap in snaps]


def trend_chart(cat: Catalogue) -> bool:
    """Draws the trend; False when there are no snapshots yet (nothing to compare either)."""
    try:
        points = _points()
    except StoreError as exc:
        st.warning(error_text(exc))
        return False
    if not points:
        st.caption(tr("history.no_snapshots"))
        return False
    a = assessment()
    data = trend([(info, snap) for _, info, snap in points] + [(None, a)], cat)
    # Snapshot names are user text, and plotly reads tags in axis labels: escaped.
    labels = [escape(label, quote=False) for label, _, _ in points] + [tr("history.current")]
    fig = go.Figure()
    for key, colour in (("coverage", TRACE_COLOURS["prerequisite"]), ("readiness", TRACE_COLOURS["other"]),
                        ("training", TRACE_COLOURS["additional"])):
        fig.add_trace(go.Scatter(x=labels, y=[None if getattr(p, key) is None else round(getattr(p, key) * 100)
                                              for p in data],
                                 mode="lines+markers", name=tr(f"results.{key}"), line={"color": colour, "width": 3},
                                 marker={"size": 10}))
    base_layout(fig, tr("history.trend_title"), 440)
    fig.update_layout(yaxis={"range": [0, 105], "ticksuffix": "%", "gridcolor": "#DDD"}, xaxis={"type": "category"})
    st.plotly_chart(fig, config=PLOT_CONFIG, key="history_trend")
    return True


def comparison(cat: Catalogue) -> None:
    L = lang()
    try:
        points = _points()
    except StoreError as exc:
        st.warning(error_text(exc))
        return
    if not points:
        return
    options = {str(info.id): (label, snap) for label, info, snap in points}
    options[CURRENT] = (tr("history.current"), assessment())
    keys = list(options)
    c1, c2 = st.columns(2)
    before = c1.selectbox(tr("history.before"), keys, index=max(len(keys) - 2, 0),
                          format_func=lambda k: options[k][0], key="compare_before",
                          placeholder=tr("widget.choose_one"))
    after = c2.selectbox(tr("history.after"), keys, index=len(keys) - 1,
                         format_func=lambda k: options[k][0], key="compare_after", placeholder=tr("widget.choose_one"))
    c = compare(options[before][1], options[after][1], cat)
    if c.unchanged:
        st.info(tr("history.unchanged"))
    roles = [r for r in cat.role_ids if any(v is not None for v in c.role_coverage[r])]
    fig = grouped_radar_overlay(
        [cat.role(r).name.get(L) for r in roles],
        {escape(options[before][0], quote=False): [c.role_coverage[r][0] for r in roles],  # legend: user text, escaped
         escape(options[after][0], quote=False): [c.role_coverage[r][1] for r in roles]},
        tr("history.radar_title"))
    st.plotly_chart(fig, config=PLOT_CONFIG, key="history_radar")
    if c.role_changes:
        st.markdown(f"**{tr('history.role_changes')}**")
        static_table(pd.DataFrame({tr("table.role"): [cat.role(x.role).name.get(L) for x in c.role_changes],
                                   tr("history.before"): [status_label(x.before) for x in c.role_changes],
                                   tr("history.after"): [status_label(x.after) for x in c.role_changes]}),
                     "history_roles")
    people = ([tr("history.added", name=md(p.name)) for p in c.people_added]
              + [tr("history.removed", name=md(p.name)) for p in c.people_removed]
              + [tr("history.renamed", before=md(p.before), after=md(p.after)) for p in c.people_renamed]
              + [tr("history.roles_changed", name=md(p.name),
                    added=join(cat.role(r).name.get(L) for r in p.added) or "—",
                    removed=join(cat.role(r).name.get(L) for r in p.removed) or "—") for p in c.people_roles])
    if people:
        st.markdown(f"**{tr('history.people_changes')}**")
        st.markdown("\n".join(f"- {x}" for x in people))
    if c.rating_changes:
        st.markdown(f"**{tr('history.rating_changes', n=len(c.rating_changes))}**")
        st.dataframe({tr("history.person"): [x.name for x in c.rating_changes],
                      tr("history.rater"): [rater_name(x.rater) for x in c.rating_changes],
                      tr("skills.col_skill"): [cat.skill(x.skill).get(L) for x in c.rating_changes],
                      tr("history.before"): [level_label(x.before) for x in c.rating_changes],
                      tr("history.after"): [level_label(x.after) for x in c.rating_changes]},
                     hide_index=True, width="stretch", placeholder=EMPTY_CELL)
    if c.rule[0] != c.rule[1]:
        st.markdown(tr("history.rule_changed", before=rule_name(c.rule[0]), after=rule_name(c.rule[1])))
    s0, s1 = c.summary
    st.caption(tr("history.summary", before=percent(s0.coverage), after=percent(s1.coverage)))
