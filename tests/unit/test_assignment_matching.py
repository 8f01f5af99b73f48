"""The staffing suggestion's matching (assignment._match) keeps only each group's g best candidates
before matching (g = the number of groups). That must give exactly the matching of the whole
people × groups graph: checked against the unpruned matching on random teams, ties included."""
import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.plans import assignment

FITS = st.sampled_from([None, 0.0, 0.25, 0.5, 0.75, 1.0])  # few values: ties are common


def _full_match(people, groups, fits, holds, has_skills):
    """The matching of assignment._match as it was, on every edge (the reference)."""
    n, g = len(people), len(groups)
    base = n + 1
    order_span, hold_span = base ** g, g + 1
    graph = nx.Graph()
    for i, key in enumerate(groups):
        for j, pid in enumerate(people):
            f = round(assignment._weight_fit(fits[pid][key], has_skills[key], holds(pid, key)) * assignment._SCALE)
            order = (n - j) * base ** (g - 1 - i)
            graph.add_edge(("g", i), ("p", j), weight=(f * hold_span + int(holds(pid, key))) * order_span + order)
    out = {}
    for u, v in nx.max_weight_matching(graph, maxcardinality=True):
        (_, i), (_, j) = (u, v) if u[0] == "g" else (v, u)
        out[groups[i]] = people[j]
    return out


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 12), st.integers(1, 6), st.data())
def test_the_pruned_matching_is_the_full_matching(n, g, data):
    people = [f"p{j}" for j in range(n)]
    groups = [f"g{i}" for i in range(g)]
    fits = {p: {k: data.draw(FITS) for k in groups} for p in people}
    held = {(p, k) for p in people for k in groups if data.draw(st.booleans())}
    has_skills = {k: data.draw(st.booleans()) for k in groups}

    def holds(p, k):
        return (p, k) in held

    got = assignment._match(people, groups, fits, holds, has_skills)
    assert got == _full_match(people, groups, fits, holds, has_skills)
    assert len(got) == min(n, g)
