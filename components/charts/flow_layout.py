"""Where each node of the information-flow diagram sits, and the path of each arrow: swimlanes by
function, laid out once per catalogue by the layered layout (layered_layout.py).

One layout serves both times (平常時 and インシデント対応時): it is computed for the arrows of
both together, so a node stays where it is when the reader switches between them."""
from __future__ import annotations

import functools

from csirt_data import load_catalogue

from components.charts.layered_layout import Layout, layered_layout

# Lanes top to bottom: one per function, and three for the parties, each placed next to the roles
# that talk to it (outside parties above information sharing, departments below it, systems and
# devices at the bottom beside system operations), which keeps arrows short.
LANES = ("executive", "external", "information_sharing", "internal", "collection_analysis",
         "incident_response", "internal_education", "system_operations", "systems")
SYSTEMS = ("security_devices", "own_systems")  # inside parties drawn in the lane of their own
WIDTH = 10.0
# Room a node needs in its lane (its two-line label) and room for an arrow passing between nodes,
# in x units (the axis spans about 12 units: about 75 px each in a 1280-px window).
NODE_ROOM = 1.3
BEND_ROOM = 0.42


@functools.lru_cache(maxsize=1)
def flow_layout() -> Layout:
    cat = load_catalogue()
    lanes: dict[str, list[str]] = {lane: [] for lane in LANES}
    for r in cat.drawn_roles:
        lanes[r.function].append(r.id)
    for q in cat.flows.parties:
        lanes["systems" if q.id in SYSTEMS else q.side].append(q.id)
    edges = list(dict.fromkeys((x.source, x.target) for t in cat.flows.times for x in cat.arrows_at(t.id)))
    return layered_layout([lanes[lane] for lane in LANES], edges, WIDTH, NODE_ROOM, BEND_ROOM)


def node_positions() -> dict[str, tuple[float, float]]:
    """node id -> (x, y); y counts lanes down from the top (lane 0 at y = len(LANES) - 1)."""
    return flow_layout().pos


def route(u: str, v: str) -> tuple[tuple[float, float], ...]:
    """The points of the arrow u -> v, from u to v (its bends pass between the nodes of a lane)."""
    return flow_layout().routes[(u, v)]
