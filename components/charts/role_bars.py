"""Coverage by role as horizontal bars, grouped by function, weakest first within a function.

Why bars and not a radar: a radar joins its points into one shape, so a role that has no value
(outsourced, not applicable, not rated) either breaks the shape or is bridged by it, and an
executive reads the break or the bridge as "not covered". A row per role can say what each role
is: a bar for a covered role (100 % reaches the target line), a red ✕ and "0 %" for a gap, and the
words 委託 / 対象外 / 未評価 instead of a bar for the others, so none of them looks like a zero."""
from __future__ import annotations

import plotly.graph_objects as go

from assessment.scores.scoring import RoleScore
from csirt_data import Catalogue

from components.charts.chart_style import TRACE_COLOURS, figure
from components.session.i18n import tr
from components.session.labels import status_short_label

ROW_PX = 38


def role_rows(cat: Catalogue, scores: dict[str, RoleScore], gaps: set[str]) -> list[tuple[str, str, str]]:
    """(function id, role id, state) in drawing order; state is gap, in_house, not_rated,
    outsourced or not_applicable. Roles without skills to score are left out."""
    def state(r: str) -> str:
        s = scores[r]
        if r in gaps:
            return "gap"
        if s.status != "in_house":
            return s.status
        return "in_house" if s.total is not None else "not_rated"

    rank = {"gap": 0, "in_house": 1, "not_rated": 2, "outsourced": 3, "not_applicable": 4}
    rows = []
    for f in cat.functions:
        mine = [r for r in cat.role_ids if cat.role(r).function == f.id and cat.role_links(r)]
        mine.sort(key=lambda r: (rank[state(r)], scores[r].total or 0))
        rows += [(f.id, r, state(r)) for r in mine]
    return rows


def state_short(state: str) -> str:
    return tr("chart.not_rated_short") if state == "not_rated" else status_short_label(state)


def state_note(state: str) -> str:
    """The words a row without a bar carries instead of one."""
    return {"outsourced": tr("chart.note_outsourced"), "not_applicable": tr("chart.note_not_applicable"),
            "not_rated": tr("chart.note_not_rated")}[state]


def _pct(v: float | None) -> int | None:
    return None if v is None else round(v * 100)


def role_coverage_bars(cat: Catalogue, scores: dict[str, RoleScore], gaps: set[str], L: str) -> go.Figure:
    rows = role_rows(cat, scores, gaps)
    labels, seen = [], set()
    for f, r, st in rows:
        if f not in seen:  # a header row per function, in bold, with nothing drawn in it
            seen.add(f)
            labels.append((None, f"<b>{cat.function(f).name.get(L)}</b>"))
        name = cat.role(r).name.get(L)
        labels.append((r, name if st == "in_house" else f"{name} ({state_short(st)})"))
    y = [text for _, text in labels]
    by_role = {r: st for _, r, st in rows}
    data = []
    for kind in ("prerequisite", "additional"):
        values = []
        for r, _ in labels:
            st = by_role.get(r)
            v = getattr(scores[r], kind) if r else None
            values.append(0 if st == "gap" else _pct(v) if st == "in_house" else None)
        data.append(go.Bar(
            x=values, y=y, orientation="h", name=tr(f"kind.{kind}"), marker={
                "color": TRACE_COLOURS[kind], "pattern": {"shape": "" if kind == "prerequisite" else "/"}},
            text=[None if v is None else f"{v}%" for v in values], textposition="outside", cliponaxis=False,
            textfont={"size": 13}, constraintext="none",
            hovertemplate="%{y}<br>%{x}%<extra>" + tr(f"kind.{kind}") + "</extra>"))
    gap_rows = [text for r, text in labels if by_role.get(r) == "gap"]
    if gap_rows:
        data.append(go.Scatter(x=[0] * len(gap_rows), y=gap_rows, mode="markers+text", name=tr("chart.gap_legend"),
                               marker={"symbol": "x", "size": 16, "color": "#D62728", "line": {"width": 1.5, "color": "#7F0000"}},
                               text=[tr("chart.gap_zero")] * len(gap_rows), textposition="middle right",
                               textfont={"color": "#B00020", "size": 14}, hoverinfo="skip"))
    words = [(text, by_role[r]) for r, text in labels if by_role.get(r) in ("outsourced", "not_applicable", "not_rated")]
    if words:
        data.append(go.Scatter(x=[2] * len(words), y=[t for t, _ in words], mode="text", showlegend=False,
                               text=[state_note(st) for _, st in words], textposition="middle right",
                               textfont={"color": "#555", "size": 13}, hoverinfo="skip", name="states"))
    # The target as a dashed line down the 100 % mark, named in the legend like the bars.
    data.append(go.Scatter(x=[100, 100], y=[y[0], y[-1]], mode="lines", name=tr("chart.target"), hoverinfo="skip",
                           line={"color": TRACE_COLOURS["target"], "width": 2, "dash": "dash"}))
    height = 130 + ROW_PX * len(labels)
    return figure(
        data, tr("chart.role_radar_title"), height, barmode="group", bargap=0.25, bargroupgap=0.05,
        xaxis={"range": [0, 112], "tickvals": [0, 25, 50, 75, 100], "ticktext": ["0", "25", "50", "75", "100%"],
               "gridcolor": "#DDD", "fixedrange": True, "side": "top"},
        yaxis={"autorange": "reversed", "tickfont": {"size": 14, "color": "#111"}, "fixedrange": True, "automargin": True},
        margin={"l": 10, "r": 40, "t": 100}, legend={"orientation": "h", "x": 0.5, "xanchor": "center", "y": -0.02,
                                                        "yanchor": "top"})
