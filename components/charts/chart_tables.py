"""Every chart's numbers as a table (表で見る / As a table): for readers who can't read the
chart, and for screen readers. Built from the same values the figures are drawn from."""
from __future__ import annotations

import networkx as nx
import pandas as pd

from assessment.scores.scoring import Basis, RoleScore
from csirt_data import Catalogue

from components.charts.role_bars import role_rows, state_short
from components.session.basis import figure_text
from components.session.i18n import tr
from components.session.labels import percent


def _pct(v: float | None) -> str:
    return "" if v is None else f"{round(v * 100)}%"


def role_table(cat: Catalogue, scores: dict[str, RoleScore], gaps: set[str], L: str) -> pd.DataFrame:
    rows = []
    for f, r, st in role_rows(cat, scores, gaps):
        s = scores[r]
        shown = st in ("in_house", "gap")
        rows.append({tr("chart.col_function"): cat.function(f).name.get(L), tr("chart.col_role"): cat.role(r).name.get(L),
                     tr("chart.col_state"): state_short(st),
                     tr("kind.prerequisite"): _pct(s.prerequisite if st != "gap" else s.prerequisite or 0.0) if shown else "",
                     tr("kind.additional"): _pct(s.additional if st != "gap" else s.additional or 0.0) if shown else ""})
    return pd.DataFrame(rows)


def coverage_table(names: list[str], series: dict[str, list[float | None]],
                   bases: list[Basis] | None = None) -> pd.DataFrame:
    """One row per axis of a grouped radar, one column per series. With each axis' basis, a missing
    value reads as every figure does (未評価, or — with nothing to score): never an empty cell."""
    def cell(v: float | None, i: int) -> str:
        return figure_text(v, bases[i]) if bases else percent(v)
    return pd.DataFrame([{tr("chart.col_name"): n, **{k: cell(v[i], i) for k, v in series.items()}}
                         for i, n in enumerate(names)])


def skill_table(cat: Catalogue, skills: list[tuple[str, str | None, int | None, int]], level_name: str,
                L: str) -> pd.DataFrame:
    """(skill id, kind or None, level or None, target) per numbered axis of a skills radar."""
    rows = []
    for i, (k, kind, level, target) in enumerate(skills):
        row = {tr("chart.col_no"): i + 1, tr("chart.col_skill"): cat.skill(k).get(L)}
        if kind:
            row[tr("chart.col_kind")] = tr(f"kind.short.{kind}")
        row[level_name] = "" if level is None else str(level)
        row[tr("chart.col_target")] = str(target)
        rows.append(row)
    return pd.DataFrame(rows)


def flow_table(cat: Catalogue, graph: nx.DiGraph, L: str) -> pd.DataFrame:
    rows = []
    for x in cat.arrows_at(graph.graph["time"]):
        d = graph.edges[x.source, x.target]
        state = tr("flow.broken") if d.get("broken") else tr("flow.inactive_legend") if d.get("inactive") else ""
        rows.append({tr("chart.col_from"): cat.node_name(x.source, L), tr("chart.col_to"): cat.node_name(x.target, L),
                     tr("chart.col_line"): tr(f"flow.{d['line']}_short"),
                     tr("chart.col_both_ways"): tr("chart.yes") if d.get("both_ways") else "",
                     tr("chart.col_state"): state})
    return pd.DataFrame(rows)
