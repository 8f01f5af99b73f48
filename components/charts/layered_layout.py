"""A layered (Sugiyama-style) layout for a graph whose nodes sit in fixed lanes.

Each node keeps the lane it is given; an edge that spans several lanes gets a bend point in each
lane it crosses (a "dummy"), so it is routed through the gaps between nodes rather than through
them. The order within each lane is found by median/barycentre sweeps, refined by swapping
neighbours while the crossings fall; the x positions then pull every node and bend point towards
its neighbours (isotonic regression under minimum spacing), which straightens long edges.

Pure Python and deterministic: the same graph gives the same picture on every machine."""
from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import combinations

Point = tuple[float, float]


@dataclass(frozen=True)
class Layout:
    pos: dict[str, Point]  # node -> (x, y); lane 0 is at the top (largest y)
    routes: dict[tuple[str, str], tuple[Point, ...]]  # edge -> its points, from u to v


def layered_layout(lanes: list[list[str]], edges: list[tuple[str, str]], width: float,
                   node_width: float, bend_width: float, restarts: int = 24) -> Layout:
    """`lanes`: node ids per lane, top to bottom (the order given is the first guess). `edges`
    are undirected for the layout. Nodes need `node_width` of room in their lane, bend points
    `bend_width`; x runs from 0 to `width`."""
    lane_of = {n: i for i, lane in enumerate(lanes) for n in lane}
    order = [list(lane) for lane in lanes]
    chains: dict[tuple[str, str], list[str]] = {}
    flat: list[tuple[str, str]] = []  # edges within one lane
    for u, v in edges:
        a, b = sorted((u, v), key=lambda n: lane_of[n])
        if lane_of[a] == lane_of[b]:
            flat.append((u, v))
            chains[(u, v)] = [u, v]
            continue
        chain = [a] + [f"~{u}~{v}~{i}" for i in range(lane_of[a] + 1, lane_of[b])] + [b]
        for i, d in zip(range(lane_of[a] + 1, lane_of[b]), chain[1:-1]):
            lane_of[d] = i
            order[i].append(d)
        chains[(u, v)] = chain if a == u else chain[::-1]
    links = [(c[i], c[i + 1]) for c in chains.values() for i in range(len(c) - 1)
             if lane_of[c[i]] != lane_of[c[i + 1]]]
    order = _best_order(order, lane_of, links, flat, restarts)
    is_bend = {n for lane in order for n in lane if n.startswith("~")}
    x = _positions(order, lane_of, links, flat, is_bend, width, node_width, bend_width)
    top = len(lanes) - 1
    pos = {n: (x[n], float(top - lane_of[n])) for lane in order for n in lane}
    routes = {}
    for (u, v), chain in chains.items():
        points = [pos[n] for n in chain]
        if (u, v) in flat and _between(order[lane_of[u]], u, v):
            # Neighbours in a lane are joined straight; farther ones arc above the nodes between.
            (x0, y0), (x1, _) = points
            points = [points[0], (x0 + (x1 - x0) * 0.25, y0 + 0.3), (x0 + (x1 - x0) * 0.75, y0 + 0.3), points[1]]
        routes[(u, v)] = tuple(points)
    return Layout({n: p for n, p in pos.items() if n not in is_bend}, routes)


def _between(lane: list[str], u: str, v: str) -> bool:
    i, j = sorted((lane.index(u), lane.index(v)))
    return j - i > 1


def _crossings(upper: list[str], lower: list[str], links: list[tuple[str, str]]) -> int:
    """Crossings between two neighbouring lanes: pairs of links whose ends are in opposite order."""
    iu = {n: i for i, n in enumerate(upper)}
    il = {n: i for i, n in enumerate(lower)}
    pairs = []
    for a, b in links:
        if a in iu and b in il:
            pairs.append((iu[a], il[b]))
        elif b in iu and a in il:
            pairs.append((iu[b], il[a]))
    return sum(1 for (a, b), (c, d) in combinations(pairs, 2) if (a - c) * (b - d) < 0)


def _cost(order, lane_of, links, flat) -> int:
    """Crossings, plus a heavy price for every node a flat edge would have to arc over."""
    by_pair: dict[int, list] = {}
    for a, b in links:
        by_pair.setdefault(min(lane_of[a], lane_of[b]), []).append((a, b))
    total = sum(_crossings(order[i], order[i + 1], ls) for i, ls in by_pair.items())
    for u, v in flat:
        lane = order[lane_of[u]]
        total += 3 * (abs(lane.index(u) - lane.index(v)) - 1)
    return total


def _sweep(order, lane_of, links, down: bool) -> None:
    """Reorders each lane by the median position of its neighbours in the lane before it."""
    rng = range(1, len(order)) if down else range(len(order) - 2, -1, -1)
    for i in rng:
        ref = i - 1 if down else i + 1
        at = {n: k for k, n in enumerate(order[ref])}
        keys = {}
        for k, n in enumerate(order[i]):
            near = sorted(at[m] for a, b in links for m in ((b,) if a == n else (a,) if b == n else ())
                          if m in at)
            keys[n] = (near[len(near) // 2] + (near[(len(near) - 1) // 2])) / 2 if near else k
        order[i].sort(key=lambda n: keys[n])


def _transpose(order, lane_of, links, flat) -> None:
    """Swaps neighbours within a lane while that lowers the cost; a swap in lane i changes only
    the crossings with lanes i - 1 and i + 1 and the flat edges of lane i, so only those are counted."""
    by_pair: dict[int, list] = {}
    for a, b in links:
        by_pair.setdefault(min(lane_of[a], lane_of[b]), []).append((a, b))
    flat_in = {i: [(u, v) for u, v in flat if lane_of[u] == i] for i in range(len(order))}

    def local(i: int) -> int:
        lane = order[i]
        c = sum(3 * (abs(lane.index(u) - lane.index(v)) - 1) for u, v in flat_in[i])
        if i > 0:
            c += _crossings(order[i - 1], lane, by_pair.get(i - 1, []))
        if i + 1 < len(order):
            c += _crossings(lane, order[i + 1], by_pair.get(i, []))
        return c

    improved = True
    while improved:
        improved = False
        for i, lane in enumerate(order):
            best = local(i)
            for k in range(len(lane) - 1):
                lane[k], lane[k + 1] = lane[k + 1], lane[k]
                c = local(i)
                if c < best:
                    best, improved = c, True
                else:
                    lane[k], lane[k + 1] = lane[k + 1], lane[k]


def _best_order(order, lane_of, links, flat, restarts: int) -> list[list[str]]:
    rng = random.Random(15)  # fixed seed: the same layout every run
    best, best_cost = None, None
    for attempt in range(restarts):
        trial = [list(lane) for lane in order]
        if attempt:
            for lane in trial:
                rng.shuffle(lane)
        for sweep in range(6):
            _sweep(trial, lane_of, links, down=sweep % 2 == 0)
            _transpose(trial, lane_of, links, flat)
        c = _cost(trial, lane_of, links, flat)
        if best_cost is None or c < best_cost:
            best, best_cost = trial, c
    return best


def _positions(order, lane_of, links, flat, is_bend, width, node_width, bend_width) -> dict[str, float]:
    """x per node: each lane packed evenly first, then pulled towards the neighbours' mean."""
    need = lambda n: bend_width if n in is_bend else node_width  # noqa: E731
    x: dict[str, float] = {}
    for lane in order:
        total = sum(need(n) for n in lane)
        step = max(width - total, 0) / (len(lane) + 1)
        at = step
        for n in lane:
            x[n] = at + need(n) / 2
            at += need(n) + step
    neighbours: dict[str, list[str]] = {n: [] for n in x}
    for a, b in links + flat:
        neighbours[a].append(b)
        neighbours[b].append(a)
    for _ in range(30):
        for lane in order:
            want = [sum(x[m] for m in neighbours[n]) / len(neighbours[n]) if neighbours[n] else x[n] for n in lane]
            weight = [3.0 if n in is_bend else 1.0 for n in lane]
            gaps = [(need(a) + need(b)) / 2 for a, b in zip(lane, lane[1:])]
            for n, v in zip(lane, _spaced(want, weight, gaps, need(lane[0]) / 2, width - need(lane[-1]) / 2)):
                x[n] = v
    return x


def _spaced(want: list[float], weight: list[float], gaps: list[float], lo: float, hi: float) -> list[float]:
    """The positions closest to `want` (weighted least squares) that keep the order and at least
    `gaps` between neighbours, within [lo, hi]: shifting by the cumulative gaps turns it into an
    isotonic regression (pool adjacent violators), and clipping then keeps the bounds."""
    shift = [0.0]
    for g in gaps:
        shift.append(shift[-1] + g)
    z = [w - s for w, s in zip(want, shift)]
    blocks: list[list[float]] = []  # [mean, weight, count]
    for v, w in zip(z, weight):
        blocks.append([v, w, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            m2, w2, c2 = blocks.pop()
            m1, w1, c1 = blocks.pop()
            blocks.append([(m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2, c1 + c2])
    upper = max(lo, hi - shift[-1])
    fitted = [min(max(m, lo), upper) for m, _, c in blocks for _ in range(c)]
    return [f + s for f, s in zip(fitted, shift)]
