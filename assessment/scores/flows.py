"""The information-flow diagrams (関連図) as graphs, coloured by the assessment.

The arrows are the catalogue's derivation from the duty sentences (flows.yaml); each edge keeps its
evidence so the UI can say where it came from. No layout or plotting here: the UI does that."""
from __future__ import annotations

import networkx as nx

from csirt_data import Catalogue, load_catalogue

from assessment.core.model import Assessment
from assessment.scores.scoring import RoleScore, score_roles

TIMES = ("normal", "incident")  # 平常時, インシデント対応時


def flow_graph(a: Assessment, time: str, cat: Catalogue | None = None,
               scores: dict[str, RoleScore] | None = None) -> nx.DiGraph:
    """Nodes: the drawn roles (CSIRT運営管理担当 is not drawn) and the parties. A role node has
    `status` (as set on the Roles step) and `state`: the same, except "gap" for every gap in its
    one meaning (未配置, or in-house with nobody holding it); draw a role by its `state`.
    Edges: the arrows of `time`, from -> to. An edge is `broken` when a role at either end is a
    gap (nobody does it), `inactive` when a role at either end is not applicable."""
    if time not in TIMES:
        raise ValueError(f"unknown time {time!r}: expected one of {TIMES}")
    cat = cat or load_catalogue()
    scores = score_roles(a, cat) if scores is None else scores
    g = nx.DiGraph(time=time)
    for role in cat.drawn_roles:
        g.add_node(role.id, kind="role", status=a.status(role.id), state=scores[role.id].state,
                   function=role.function, group=cat.group_of(role.id))
    for party in cat.flows.parties:
        g.add_node(party.id, kind="party", side=party.side)
    for arrow in cat.arrows_at(time):
        ends = [g.nodes[n].get("state") for n in (arrow.source, arrow.target)]
        g.add_edge(arrow.source, arrow.target, line=arrow.line, both_ways=arrow.both_ways,
                   evidence=[(e.role, e.sentence) for e in arrow.evidence],
                   broken="gap" in ends, inactive="not_applicable" in ends)
    return g


def broken_arrows(a: Assessment, time: str, cat: Catalogue | None = None) -> list[tuple[str, str]]:
    """(from, to) of the arrows of `time` that a gap role (未配置, or in-house with nobody holding
    it) breaks, in the catalogue's order."""
    cat = cat or load_catalogue()
    g = flow_graph(a, time, cat)
    # Walk the arrows, not g.edges: a graph lists edges by node, not in the catalogue's order.
    return [(x.source, x.target) for x in cat.arrows_at(time) if g.edges[x.source, x.target]["broken"]]
