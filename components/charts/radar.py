"""Radar charts of skill coverage (by function or group, a role's or a person's skills). Pure figure builders."""
from __future__ import annotations

from html import escape

import plotly.graph_objects as go

from assessment.core.model import Assessment
from assessment.scores.scoring import PersonScore, RoleScore
from csirt_data import Catalogue

from components.charts.chart_style import TRACE_COLOURS, axis_label, figure
from components.session.i18n import lang, tr


def _polar(max_r: float, ticks: list, ticktext: list | None = None) -> dict:
    return {
        "radialaxis": {"range": [0, max_r], "tickvals": ticks, "ticktext": ticktext or [str(t) for t in ticks],
                       "tickfont": {"size": 12}, "gridcolor": "#CCC"},
        "angularaxis": {"type": "category", "tickfont": {"size": 15}, "direction": "clockwise", "rotation": 90, "gridcolor": "#DDD"},
        "bgcolor": "white"}


PERCENT_AXIS = (100, [0, 25, 50, 75, 100], ["0", "25", "50", "75", "100%"])


def _closed(values: list) -> list:
    return values + values[:1]


def grouped_radar(names: list[str], values: list[float | None], title: str) -> go.Figure:
    return grouped_radar_overlay(names, {tr("chart.coverage"): values}, title)


def grouped_radar_overlay(names: list[str], series: dict[str, list[float | None]], title: str) -> go.Figure:
    """Coverage (0–1 values, shown as %) of one or more series on the same axes, with the target."""
    names = [axis_label(n, lang()) for n in names]
    # Up to four series (the scenario comparison) each in its own colour; the target is the fifth.
    colours = [TRACE_COLOURS["prerequisite"], TRACE_COLOURS["additional"], TRACE_COLOURS["other"], "#D99A1E"]
    data = []
    for n, (label, values) in enumerate(series.items()):
        pct = [None if v is None else round(v * 100) for v in values]
        data.append(go.Scatterpolar(
            r=_closed(pct), theta=_closed(names), name=label, mode="lines+markers", fill="toself" if n == 0 else None,
            line={"color": colours[n % len(colours)], "width": 3}, hovertemplate="%{theta}<br>%{r}%<extra></extra>"))
    data.append(go.Scatterpolar(r=_closed([100] * len(names)), theta=_closed(names), name=tr("chart.target"),
                                mode="lines", line={"color": TRACE_COLOURS["target"], "dash": "dash"},
                                hoverinfo="skip"))
    return figure(data, title, 520, polar=_polar(*PERCENT_AXIS), margin={"l": 110, "r": 110})


def levels_radar(labels: list[str], hover: list[str], series: dict[str, list[int | None]], targets: list[int],
                 title: str, height: int = 560, margin: dict | None = None) -> go.Figure:
    """Levels 0–4 per skill against the targets: one series (a role's best, a person's own) or two
    (the lead's rating and the self-rating, the second dotted). A level of None has no point."""
    styles = [(TRACE_COLOURS["prerequisite"], "toself", None), (TRACE_COLOURS["additional"], None, "dot")]
    data = []
    for (name, levels), (colour, fill, dash) in zip(series.items(), styles):
        extra = escape(name) if len(series) > 1 else ""
        data.append(go.Scatterpolar(
            r=_closed(levels), theta=_closed(labels), customdata=_closed(hover), name=name, mode="lines+markers",
            fill=fill, connectgaps=False, line={"color": colour, "width": 3, "dash": dash},
            hovertemplate="%{customdata}<br>%{r}<extra>" + extra + "</extra>"))
    # A radar needs three axes; with fewer, a bar-like polar still reads correctly.
    data.append(go.Scatterpolar(r=_closed(targets), theta=_closed(labels), name=tr("chart.target"), mode="lines",
                                line={"color": TRACE_COLOURS["target"], "dash": "dash", "width": 2},
                                hoverinfo="skip"))
    return figure(data, title, height, polar=_polar(4, [0, 1, 2, 3, 4]), margin=margin or {"l": 50, "r": 50})


def level_radar(labels: list[str], hover: list[str], levels: list[int | None], targets: list[int],
                title: str, level_name: str) -> go.Figure:
    """One series of levels per skill, for one role or one person. Not rated is not 0: an unrated
    skill has no point (the list beside the chart says 未評価)."""
    return levels_radar(labels, hover, {level_name: list(levels)}, targets, title)


def role_skill_radar(cat: Catalogue, score: RoleScore, L: str) -> go.Figure:
    skills = score.skills
    # Axis labels are numbers (a sentence would be cut); the view lists the sentences beside.
    labels = [str(i + 1) for i in range(len(skills))]
    hover = [f"{i + 1}. {escape(cat.skill(k.skill).get(L))} ({tr('kind.' + k.kind)})" for i, k in enumerate(skills)]
    title = tr("chart.role_skill_title", role=cat.role(score.role).name.get(L))
    return level_radar(labels, hover, [k.best for k in skills], [k.target for k in skills], title,
                       tr("chart.best_level"))


def person_radar(cat: Catalogue, a: Assessment, ps: PersonScore, L: str) -> go.Figure:
    labels = [str(i + 1) for i in range(len(ps.skills))]
    hover = [f"{i + 1}. {escape(cat.skill(s).get(L))}" for i, (s, _, _) in enumerate(ps.skills)]
    # The person's name is user text: escaped for the chart's HTML-like labels.
    title = tr("chart.person_title", name=escape(a.person(ps.person).name))
    return level_radar(labels, hover, [lv for _, lv, _ in ps.skills], [t for _, _, t in ps.skills], title,
                       tr("chart.own_level"))
