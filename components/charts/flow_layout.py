"""Where each node of the information-flow diagram sits: swimlanes by function, laid out once."""
from __future__ import annotations

import functools

from csirt_data import load_catalogue

# Lanes top to bottom: one per function, and three for the parties, each placed next to the roles
# that talk to it (outside parties above information sharing, departments below it, systems and
# devices at the bottom beside system operations), which keeps arrows short.
LANES = ("executive", "external", "information_sharing", "internal", "collection_analysis",
         "incident_response", "internal_education", "system_operations", "systems")
WIDTH = 10.0
# Party order within its lane, chosen to sit near the roles they talk to.
PARTY_ORDER = {
    "external": ("nca", "jpcert", "other_csirt", "regulator", "security_vendor", "police"),
    "internal": ("legal_dept", "external_affairs", "public_relations", "business_divisions", "employees"),
    "systems": ("security_devices", "own_systems"),
}


@functools.lru_cache(maxsize=1)
def node_positions() -> dict[str, tuple[float, float]]:
    """node id -> (x, y); y counts lanes down from the top (lane 0 at y = len(LANES) - 1)."""
    cat = load_catalogue()
    lanes: dict[str, list[str]] = {lane: [] for lane in LANES}
    for r in cat.drawn_roles:
        lanes[r.function].append(r.id)
    for side, order in PARTY_ORDER.items():
        lanes[side] = [p for p in order if any(q.id == p for q in cat.flows.parties)]
    missing = {q.id for q in cat.flows.parties} - {p for side in PARTY_ORDER for p in lanes[side]}
    for q in cat.flows.parties:  # a party added to the catalogue later still gets a place
        if q.id in missing:
            lanes[q.side].append(q.id)
    pos = {}
    for i, lane in enumerate(LANES):
        nodes = lanes[lane]
        y = float(len(LANES) - 1 - i)
        for j, node in enumerate(nodes):
            pos[node] = ((j + 0.5) * WIDTH / len(nodes), y)
    return pos


