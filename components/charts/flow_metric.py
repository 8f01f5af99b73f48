"""How readable a drawn flow diagram is, measured from the figure itself (the Plotly spec the
browser receives): arrows as drawn (the line traces, one polyline per arrow), nodes as drawn (the
marker traces), in screen pixels for a given drawing width.

- crossings: points where two arrows cross, away from a node they share;
- through: (arrow, node) pairs where an arrow's line passes over a node it does not connect."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from components.charts.chart_style import text_width

Point = tuple[float, float]
CLEARANCE = 3  # px beyond a marker's outline that still counts as drawn through it


@dataclass(frozen=True)
class Readability:
    arrows: int
    crossings: list[tuple[int, int]]  # the arrows (by index) of each crossing
    through: list[tuple[int, str]]  # (arrow index, node id) of each arrow over a foreign node


def _plot_box(fig: dict, width_px: int) -> tuple:
    lay = fig["layout"]
    m = lay.get("margin", {})
    w = width_px - m.get("l", 80) - m.get("r", 80)
    h = lay["height"] - m.get("t", 100) - m.get("b", 80)
    (x0, x1), (y0, y1) = lay["xaxis"]["range"], lay["yaxis"]["range"]
    return lambda x, y: ((x - x0) / (x1 - x0) * w, (y1 - y) / (y1 - y0) * h)


def arrows_and_nodes(fig: dict, width_px: int) -> tuple[list[list[Point]], dict[str, tuple[Point, float]]]:
    """The arrows as pixel polylines, and node id -> (pixel centre, marker radius)."""
    px = _plot_box(fig, width_px)
    lines, nodes = [], {}
    for t in fig["data"]:
        meta = t.get("meta") if isinstance(t.get("meta"), dict) else {}
        if "line" in meta and "state" in meta:
            current: list[Point] = []
            for x, y in zip(t["x"], t["y"]):
                if x is None:
                    lines.append(current)
                    current = []
                else:
                    current.append(px(x, y))
            if current:
                lines.append(current)
        elif "status" in meta and t.get("visible", True) is True:
            size = t["marker"]["size"]
            for n, x, y in zip(t["customdata"], t["x"], t["y"]):
                nodes[n] = (px(x, y), size / 2 + t["marker"].get("line", {}).get("width", 0) / 2)
    return lines, nodes


def readability(fig: dict, width_px: int) -> Readability:
    lines, nodes = arrows_and_nodes(fig, width_px)
    ends = [{_nearest(nodes, line[0]), _nearest(nodes, line[-1])} for line in lines]
    crossings = []
    for i, j in combinations(range(len(lines)), 2):
        shared = [nodes[n] for n in ends[i] & ends[j]]
        for p in _intersections(lines[i], lines[j]):
            if not any(_dist(p, c) <= r * 2.5 for c, r in shared):
                crossings.append((i, j))
    through = []
    for i, line in enumerate(lines):
        for n, (c, r) in nodes.items():
            if n not in ends[i] and any(_seg_dist(c, a, b) < r + CLEARANCE for a, b in zip(line, line[1:])):
                through.append((i, n))
    return Readability(len(lines), crossings, through)


def _nearest(nodes: dict, p: Point) -> str:
    return min(nodes, key=lambda n: _dist(nodes[n][0], p))


def _dist(p: Point, q: Point) -> float:
    return ((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2) ** 0.5


def _seg_dist(c: Point, a: Point, b: Point) -> float:
    (ax, ay), (bx, by), (cx, cy) = a, b, c
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((cx - ax) * dx + (cy - ay) * dy) / ((dx * dx + dy * dy) or 1.0)))
    return _dist(c, (ax + t * dx, ay + t * dy))


def _intersections(p: list[Point], q: list[Point]) -> list[Point]:
    out = []
    for a, b in zip(p, p[1:]):
        for c, d in zip(q, q[1:]):
            hit = _cross(a, b, c, d)
            if hit and not any(_dist(hit, o) < 1 for o in out):  # a bend on the other line: once
                out.append(hit)
    return out


def _cross(a: Point, b: Point, c: Point, d: Point) -> Point | None:
    """Where segments ab and cd properly cross (not merely touch at an end), or None."""
    r = (b[0] - a[0], b[1] - a[1])
    s = (d[0] - c[0], d[1] - c[1])
    den = r[0] * s[1] - r[1] * s[0]
    if abs(den) < 1e-9:
        return None  # parallel: arrows drawn on top of each other are not a crossing either
    t = ((c[0] - a[0]) * s[1] - (c[1] - a[1]) * s[0]) / den
    u = ((c[0] - a[0]) * r[1] - (c[1] - a[1]) * r[0]) / den
    if 1e-6 < t < 1 - 1e-6 and 1e-6 < u < 1 - 1e-6:
        return (a[0] + t * r[0], a[1] + t * r[1])
    return None


def _text_box(a: dict, px) -> tuple[float, float, float, float]:
    """An annotation's box in pixels (left, top, right, bottom), estimated from its text (widths as
    chart_style.text_width has them; lines 1.25 em apart)."""
    size = a.get("font", {}).get("size", 12)
    w = text_width(a["text"], size) + 2
    h = (a["text"].count("<br>") + 1) * size * 1.25 + 2
    cx, cy = px(a["x"], a["y"])
    cy -= a.get("yshift", 0)
    top = {"bottom": cy - h, "top": cy}.get(a.get("yanchor"), cy - h / 2)
    return cx - w / 2, top, cx + w / 2, top + h


def label_clashes(fig: dict, width_px: int) -> tuple[list[tuple[str, str]], list[tuple[str, Point]]]:
    """Node labels that overlap each other, and arrowheads drawn on a node label (text, tip)."""
    px = _plot_box(fig, width_px)
    boxes = [(a["text"], _text_box(a, px)) for a in fig["layout"].get("annotations", [])
             if a.get("xanchor", "center") == "center"]  # node labels; lane titles are left-anchored
    overlap = lambda p, q: p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]  # noqa: E731
    clashes = [(s, t) for (s, p), (t, q) in combinations(boxes, 2) if overlap(p, q)]
    heads = []
    for t in fig["data"]:
        if isinstance(t.get("meta"), dict) and "arrowheads" in t["meta"]:
            for x, y, size in zip(t["x"], t["y"], t["marker"]["size"]):
                if x is not None and size:
                    tip = px(x, y)
                    heads += [(s, tip) for s, b in boxes if overlap(b, (tip[0] - 4, tip[1] - 4, tip[0] + 4, tip[1] + 4))]
    return clashes, heads
