"""The information-flow diagram (関連図) for 平常時 or インシデント対応時, coloured by the assessment.

Statuses read without colour too: each has its own marker shape, and the legend names them."""
from __future__ import annotations

import textwrap
from dataclasses import dataclass
from html import escape

import networkx as nx
import plotly.graph_objects as go

from assessment.core.model import Assessment
from assessment.scores.scoring import RoleScore
from csirt_data import Catalogue

from components.charts.chart_style import figure, layout, text_width
from components.charts.flow_layout import LANES, WIDTH, node_positions, route
from components.session.i18n import tr
from components.session.labels import STATUS_COLOURS, percent

MARKERS = {  # status -> (symbol, fill, outline)
    "in_house": ("circle", STATUS_COLOURS["in_house"], "#0B2545"),
    "outsourced": ("square", STATUS_COLOURS["outsourced"], "#7A6200"),
    "gap": ("x", STATUS_COLOURS["gap"], "#7F0000"),
    "not_applicable": ("circle-open", STATUS_COLOURS["not_applicable"], "#6B6B6B"),
    "party": ("hexagon", "#E3E6EA", "#4A4F57"),
}
EDGE_STYLE = {"ok": ("#4A4F57", 2), "broken": ("#D62728", 4), "inactive": ("#BBBBBB", 1.5)}
# A broken arrow differs in line style too (long dashes, so it reads "cut" without colour) and
# carries a ✕ halfway along; the document's solid / dotted distinction survives in the dash.
DASH = {("solid", "broken"): "longdash", ("dotted", "broken"): "longdashdot", ("solid", "ok"): "solid",
        ("dotted", "ok"): "dot", ("solid", "inactive"): "solid", ("dotted", "inactive"): "dot"}


BREAK_BEFORE = set("アマハベゲ担")  # first characters of the words that end the roles' names


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width)) if text else ""


def _label(text: str, L: str) -> str:
    """Node labels on two lines at most, so that neighbours in a lane don't overlap."""
    if L == "ja":
        # Japanese has no spaces: break after a 、 if there is one.
        if "、" in text:
            head, _, tail = text.partition("、")
            return f"{head}、<br>{tail}"
        if len(text) <= 9:
            return text
        # Else before the katakana word or the 担当 that starts the second half, as near the middle
        # as lines of at most 9 characters allow (インシデント／マネージャー); else after 8.
        cuts = [i for i in range(2, len(text) - 1) if text[i] in BREAK_BEFORE and max(i, len(text) - i) <= 9]
        i = min(cuts, key=lambda i: max(i, len(text) - i)) if cuts else 8
        return f"{text[:i]}<br>{text[i:]}"
    return _wrap(text, 16)


def _short_lines(text: str, width: int, lines: int) -> str:
    """`text` on at most `lines` lines of about `width` characters: English broken at spaces,
    Japanese after a 、 and then every `width` characters; the rest joins the last line."""
    if " " in text:
        out = textwrap.wrap(text, width)
    else:
        head, sep, tail = text.partition("、")
        parts = [head + sep, tail] if sep and tail else [text]
        out = [p[i:i + width] for p in parts for i in range(0, len(p), width)]
    if len(out) > lines:
        out = out[:lines - 1] + [(" " if " " in text else "").join(out[lines - 1:])]
    return "<br>".join(out)


@dataclass(frozen=True)
class Size:
    """The diagram full width (Results) or compact, for half a page (scenarios side by side):
    smaller type and narrower labels. Either way a label sits below its node, or above it where
    that keeps it clear of its neighbours' (_labels_above)."""
    height: int
    left: float  # the x where lanes begin; lane titles sit just right of it
    lane_title: tuple[int, int, int]  # ja width, en width, lines
    lane_font: int
    label_font: int
    title_font: int
    margin_r: int
    compact: bool
    narrowest: int  # the plot's narrowest width in px (Results in a 1280-px window; a half page)
    legend_room: int  # px below the plot for the legend, so that it never squeezes the lanes

    def per_x(self) -> float:
        """Pixels per x unit at the narrowest width."""
        return self.narrowest / (WIDTH + 0.25 - self.left)

    def per_y(self) -> float:
        """Pixels per lane."""
        return (self.height - 60 - self.legend_room) / (len(LANES) + 0.3)


FULL = Size(1100, -1.9, (16, 16, 3), 14, 12, 20, 10, False, 770, 130)
COMPACT = Size(1160, -2.6, (6, 11, 3), 12, 10, 16, 40, True, 390, 190)


def _label_text(name: str, L: str, size: Size) -> str:
    if size.compact and L != "ja":  # narrow lines, words kept whole
        return "<br>".join(textwrap.wrap(name, 11, break_long_words=False))
    return _label(name, L)


def _labels_above(cat: Catalogue, pos: dict, graph: nx.DiGraph, L: str, size: Size) -> set[str]:
    """The nodes whose label goes above them. Lane by lane, of every choice of sides for its nodes:
    the one where the fewest labels overlap (each other or other lanes' labels), then where the
    fewest face another lane's label too closely to leave room for an arrowhead between them,
    then where the fewest arrows go up past a lifted label. First from the top down (each lane
    against the lanes decided before it), then twice more against all the others."""
    up = {n: 0 for n in pos}
    for u, v in graph.edges:
        up[u] += pos[v][1] > pos[u][1]
        up[v] += pos[u][1] > pos[v][1]
    lanes: dict[float, list[str]] = {}
    for n, (_, y) in pos.items():
        lanes.setdefault(y, []).append(n)
    box = {(n, side): _label_box(cat, pos, L, size, n, side) for n in pos for side in (False, True)}
    # Grown on the side away from the node by a head's length (the room an arrowhead needs).
    grown = {(n, side): _label_box(cat, pos, L, size, n, side, room=16) for n in pos for side in (False, True)}
    overlap = lambda p, q: p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]  # noqa: E731
    side: dict[str, bool] = {}
    for _ in range(3):
        for y in sorted(lanes, reverse=True):
            nodes = lanes[y]
            others = [n for n in side if pos[n][1] != y]

            def cost(lifted: frozenset) -> tuple:
                mine = [box[n, n in lifted] for n in nodes]
                clashes = sum(overlap(p, q) for i, p in enumerate(mine) for q in mine[i + 1:])
                clashes += sum(overlap(p, box[m, side[m]]) for p in mine for m in others)
                tight = sum(overlap(grown[n, n in lifted], grown[m, side[m]]) for n in nodes for m in others)
                return clashes, tight, sum(up[n] for n in lifted), len(lifted)

            choices = [frozenset(n for k, n in enumerate(nodes) if bits >> k & 1) for bits in range(2 ** len(nodes))]
            best = min(choices, key=cost)
            side.update({n: n in best for n in nodes})
    return {n for n, lifted in side.items() if lifted}


def _label_box(cat: Catalogue, pos: dict, L: str, size: Size, n: str, above: bool, room: int = 0) -> tuple:
    """The label's box (x0, y0, x1, y1) in axis units, at the narrowest width (`room` px more on
    the side away from the node)."""
    x, y = pos[n]
    text = _label_text(cat.node_name(n, L), L, size)
    half = (text_width(text, size.label_font) / 2 + 3) / size.per_x()
    near, far = 14 / size.per_y(), (14 + (text.count("<br>") + 1) * size.label_font * 1.25 + 4 + room) / size.per_y()
    return (x - half, y + near, x + half, y + far) if above else (x - half, y - far, x + half, y - near)


def _node_label(name: str, L: str, size: Size, above: bool) -> dict:
    return {"text": _label_text(name, L, size), "font": {"size": size.label_font},
            "yanchor": "bottom" if above else "top", "yshift": 14 if above else -14}


def _edge_state(data: dict) -> str:
    return "broken" if data.get("broken") else "inactive" if data.get("inactive") else "ok"


def flow_figure(cat: Catalogue, a: Assessment, graph: nx.DiGraph, time: str,
                scores: dict[str, RoleScore], L: str, compact: bool = False) -> go.Figure:
    size = COMPACT if compact else FULL
    pos = node_positions()
    above = _labels_above(cat, pos, graph, L, size)
    boxes = _label_boxes(cat, pos, L, size, above)
    wrap_at = 28 if L == "ja" else 60
    data = []
    # Annotations and shapes are collected and set once: Plotly re-validates the whole list on
    # every add_annotation, which made 80 of them cost half a second.
    annotations, shapes = _lanes(cat, L, size)
    heads: dict[str, tuple[list, list, list]] = {}

    # Edges: one trace per (line, state), segments separated by None.
    groups: dict[tuple[str, str], tuple[list, list]] = {}
    mids_x, mids_y, mids_text = [], [], []
    cuts: tuple[list, list] = ([], [])  # where a broken arrow gets its ✕
    for u, v, d in graph.edges(data=True):
        points = route(u, v)
        xs, ys = groups.setdefault((d["line"], _edge_state(d)), ([], []))
        xs += [p[0] for p in points] + [None]
        ys += [p[1] for p in points] + [None]
        hx, hy, hs = heads.setdefault(_edge_state(d), ([], [], []))
        _arrowhead(points[-2], points[-1], boxes, hx, hy, hs)
        if d.get("both_ways"):
            _arrowhead(points[1], points[0], boxes, hx, hy, hs)
        mid = _midpoint(points)
        mids_x.append(mid[0])
        mids_y.append(mid[1])
        if d.get("broken"):
            cuts[0].append(mid[0])
            cuts[1].append(mid[1])
        arrow = "↔" if d.get("both_ways") else "→"
        head = f"<b>{escape(cat.node_name(u, L))} {arrow} {escape(cat.node_name(v, L))}</b>"
        if d.get("broken"):
            head += f"<br><b>{tr('flow.broken')}</b>"
        sentences = [cat.duty_sentence(r, s, L) for r, s in d["evidence"]]
        evidence = "<br>".join(_wrap(escape(s), wrap_at) for s in dict.fromkeys(sentences))
        mids_text.append(f"{head}<br>{tr('flow.' + d['line'])}<br>{evidence}")
    for (line, state), (xs, ys) in sorted(groups.items()):
        colour, width = EDGE_STYLE[state]
        data.append(go.Scatter(
            x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=True,
            name=f"{tr('flow.' + line + '_short')}" + ("" if state == "ok" else f" ({tr('flow.' + state + '_legend')})"),
            line={"color": colour, "width": width, "dash": DASH[line, state]},
            meta={"line": line, "state": state}))
    for state, (hx, hy, hs) in sorted(heads.items()):
        # Each head is a pair (a point behind it, its tip): angleref "previous" turns the arrow
        # marker along that pair on screen, whatever the axes' scales.
        data.append(go.Scatter(x=hx, y=hy, mode="markers", hoverinfo="skip", showlegend=False,
                                 marker={"symbol": "arrow", "angleref": "previous", "size": hs,
                                         "color": EDGE_STYLE[state][0]},
                                 meta={"arrowheads": state}, name="arrowheads"))
    if cuts[0]:
        data.append(go.Scatter(x=cuts[0], y=cuts[1], mode="markers", hoverinfo="skip", showlegend=False,
                                 name="cuts", meta={"cuts": True},
                                 marker={"symbol": "x-thin", "size": 16, "color": EDGE_STYLE["broken"][0],
                                         "line": {"width": 4, "color": EDGE_STYLE["broken"][0]}}))
    data.append(go.Scatter(x=mids_x, y=mids_y, mode="markers", hovertext=mids_text, hoverinfo="text",
                             marker={"size": 12, "color": "rgba(0,0,0,0)"}, showlegend=False, name="arrows"))

    # Nodes: one trace per status, so that the legend explains shape and colour together.
    by_status: dict[str, list[str]] = {}
    for n, d in graph.nodes(data=True):
        # A role's state is its status, but "gap" for every gap (an in-house role nobody holds too).
        by_status.setdefault(d.get("state", d["status"]) if d["kind"] == "role" else "party", []).append(n)
    for status in ("in_house", "outsourced", "gap", "not_applicable", "party"):
        nodes = by_status.get(status, [])
        symbol, fill, outline = MARKERS[status]
        data.append(go.Scatter(
            x=[pos[n][0] for n in nodes], y=[pos[n][1] for n in nodes], mode="markers",
            name=_status_legend(cat, a, status, L), text=[cat.node_name(n, L) for n in nodes],
            hovertext=[_node_hover(cat, a, graph, n, scores, L, wrap_at) for n in nodes], hoverinfo="text",
            marker={"symbol": symbol, "size": 24 if status != "gap" else 22, "color": fill,
                    "line": {"color": outline, "width": 2.5}},
            customdata=nodes, meta={"status": status}, visible=True if nodes else "legendonly"))
        for n in nodes:
            # Labels as annotations: they have a background, so crossing lines don't hide them.
            x, y = pos[n]
            annotations.append({"x": x, "y": y, **_node_label(cat.node_name(n, L), L, size, n in above),
                                "showarrow": False, "bgcolor": "rgba(255,255,255,0.85)",
                                "borderpad": 1, "xref": "x", "yref": "y"})

    title = tr("flow.title", time=next(t.name.get(L) for t in cat.flows.times if t.id == time))
    base = layout(title)
    return figure(
        data, title, size.height,
        xaxis={"visible": False, "range": [size.left - 0.05, WIDTH + 0.2], "fixedrange": True},
        yaxis={"visible": False, "range": [-0.75, len(LANES) - 0.45], "fixedrange": True},
        legend=base["legend"] | {"y": -0.01}, title=base["title"] | {"font": {"size": size.title_font}},
        margin={"l": 10, "r": size.margin_r, "t": 60, "b": size.legend_room}, hovermode="closest", dragmode=False,
        annotations=annotations, shapes=shapes)


def _status_legend(cat: Catalogue, a: Assessment, status: str, L: str) -> str:
    if status == "party":
        return tr("flow.party")
    if status == "gap":
        return tr("flow.legend_gap")
    if status == "outsourced" and a.model:
        return cat.model(a.model).legend.outsourced.get(L)  # the document's own legend wording
    return tr(f"status.{status}")


def _node_hover(cat, a, graph, n, scores, L, wrap_at) -> str:
    d = graph.nodes[n]
    if d["kind"] != "role":
        side = tr("flow.external") if d.get("side") == "external" else tr("flow.internal")
        return f"<b>{escape(cat.node_name(n, L))}</b><br>{side}"
    role = cat.role(n)
    score = scores.get(n)
    lines = [f"<b>{escape(role.label(L))}</b>", tr(f"status.{d['status']}")]
    if a.roles[n].note:
        lines.append(f"{tr('flow.note')}: {escape(a.roles[n].note)}")
    if d["status"] == "in_house":
        holders = [escape(a.person(p).name) for p in (score.holders if score else ())]
        lines.append(f"{tr('flow.holders')}: {'、'.join(holders) if holders else tr('flow.nobody')}")
    if score and score.total is not None:
        lines.append(f"{tr('chart.coverage')}: {percent(score.total)}")
    lines.append(_wrap(escape(" ".join(x.get(L) for x in role.duties)), wrap_at))
    return "<br>".join(lines)


def _midpoint(points) -> tuple[float, float]:
    """Halfway along the polyline, where the arrow's hover target sits."""
    seg = [((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5 for a, b in zip(points, points[1:])]
    left = sum(seg) / 2
    for (a, b), n in zip(zip(points, points[1:]), seg):
        if left <= n and n:
            f = left / n
            return a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f
        left -= n
    return points[-1]


def _label_boxes(cat: Catalogue, pos: dict, L: str, size: Size, above: set[str]) -> list[tuple]:
    return [_label_box(cat, pos, L, size, n, n in above) for n in pos]


def _arrowhead(start: tuple, end: tuple, boxes: list[tuple], xs: list, ys: list, sizes: list) -> None:
    """Adds an arrowhead pointing at `end`, stopped short of the node, and farther back if need be
    so that its tip is on no label (an arrow coming in steeply past a label stops beyond it)."""
    (x0, y0), (x1, y1) = start, end
    length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 or 1.0
    ux, uy = (x0 - x1) / length, (y0 - y1) / length  # from the tip back towards the start
    pad = 0.05  # about 4 px: the head's own size around its tip
    def on_labels(b: float) -> int:
        tx, ty = x1 + ux * b, y1 + uy * b
        return sum(bx0 < tx + pad and tx - pad < bx1 and by0 < ty + pad and ty - pad < by1
                   for bx0, by0, bx1, by1 in boxes)

    tries = [0.24 + step * 0.03 for step in range(33) if 0.24 + step * 0.03 <= min(1.2, length * 0.75)] or [0.24]
    back = min(tries, key=on_labels)  # the nearest spot on no label (or on the fewest)
    tip = (x1 + ux * back, y1 + uy * back)
    xs += [tip[0] + ux * 0.05, tip[0], None]
    ys += [tip[1] + uy * 0.05, tip[1], None]
    sizes += [0, 15, 0]


def _lanes(cat: Catalogue, L: str, size: Size) -> tuple[list[dict], list[dict]]:
    """The lane backgrounds (shapes) and titles (annotations)."""
    annotations, shapes = [], []
    ja_width, en_width, lines = size.lane_title
    for i, lane in enumerate(LANES):
        y = len(LANES) - 1 - i
        if i % 2 == 0:
            shapes.append({"type": "rect", "x0": size.left, "x1": WIDTH + 0.2, "y0": y - 0.5, "y1": y + 0.5,
                           "layer": "below", "line": {"width": 0}, "fillcolor": "#F3F5F8"})
        name = tr(f"flow.{lane}") if lane in ("external", "internal", "systems") else cat.function(lane).name.get(L)
        text = _short_lines(escape(name), ja_width if L == "ja" else en_width, lines)
        annotations.append({"x": size.left + 0.05, "y": y, "text": f"<b>{text}</b>", "showarrow": False,
                            "xanchor": "left", "font": {"size": size.lane_font, "color": "#1F3A68"},
                            "xref": "x", "yref": "y"})
    return annotations, shapes
