"""The flow diagram is laid out to be read (issue 15): for every sample and both times, in both
languages, at the narrowest and a wide drawing width, measured from the figure the app draws."""
import json

import pytest

from assessment.core.demos import demo_assessment
from assessment.core.edit import add_person, new_assessment, set_role_status
from assessment.scores.flows import flow_graph
from assessment.scores.scoring import score_roles
from components.charts.flow_diagram import flow_figure
from components.charts.flow_metric import label_clashes, readability
from components.session.i18n import fixed_lang
from csirt_data import load_catalogue

cat = load_catalogue()
MAX_CROSSINGS = 8
SAMPLES = ["A", "B", "C", "D"]


def drawn(a, time: str, L: str, compact: bool = False) -> dict:
    with fixed_lang(L):
        fig = flow_figure(cat, a, flow_graph(a, time, cat), time, score_roles(a, cat), L, compact=compact)
    return json.loads(fig.to_json())  # what the browser receives


@pytest.mark.parametrize("model", SAMPLES)
@pytest.mark.parametrize("time", ["normal", "incident"])
@pytest.mark.parametrize("L", ["ja", "en"])
def test_few_crossings_and_no_arrow_over_a_node(model, time, L):
    fig = drawn(demo_assessment(model, cat), time, L)
    for width in (790, 1200, 1800):  # Results at 1280 px with the sidebar open … at 1920 px
        r = readability(fig, width)
        assert r.arrows == len(cat.arrows_at(time))
        assert len(r.crossings) <= MAX_CROSSINGS, (width, r.crossings)
        assert r.through == [], width
        labels, heads = label_clashes(fig, width)
        assert labels == [], width  # no two labels overlap
        assert heads == [], width  # no arrowhead on a label


def test_a_gap_changes_the_look_not_the_layout():
    a = new_assessment(model="C", cat=cat)
    # Someone holds every in-house role: an in-house role nobody holds is a gap too (issue 11).
    add_person(a, "全員", roles=[r for r, s in a.roles.items() if s.status == "in_house"])
    before = drawn(a, "incident", "ja")
    set_role_status(a, "incident_manager", "gap")
    after = drawn(a, "incident", "ja")
    assert len(readability(after, 1200).crossings) == len(readability(before, 1200).crossings)
    nodes = lambda f: {n: (x, y) for t in f["data"] if "status" in (t.get("meta") or {})  # noqa: E731
                       for n, x, y in zip(t["customdata"], t["x"], t["y"])}
    assert nodes(after) == nodes(before)  # laid out once per catalogue, not per assessment
    broken = [t for t in after["data"] if (t.get("meta") or {}).get("state") == "broken"]
    assert broken and all(t["line"]["dash"] in ("longdash", "longdashdot") for t in broken)
    assert sum(1 for t in broken for x in t["x"] if x is None) == 4  # the manager's four arrows
    cuts = next(t for t in after["data"] if (t.get("meta") or {}).get("cuts"))
    assert len(cuts["x"]) == 4  # a ✕ on each


def test_the_metric_counts_what_it_should():
    """The metric itself, on a drawing made to have one crossing and one arrow over a node."""
    fig = {"layout": {"height": 200, "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
                      "xaxis": {"range": [0, 10]}, "yaxis": {"range": [0, 10]}},
           "data": [{"meta": {"line": "solid", "state": "ok"}, "x": [0, 10, None, 0, 10, None, 0, 10, None],
                     "y": [0, 10, None, 10, 0, None, 5, 5, None]},
                    {"meta": {"status": "x"}, "marker": {"size": 10}, "customdata": ["a", "b", "c", "d", "e", "f", "m"],
                     "x": [0, 10, 0, 10, 0, 10, 2], "y": [0, 10, 10, 0, 5, 5, 5]}]}
    r = readability(fig, 200)
    assert r.arrows == 3
    # The diagonals cross each other at (5, 5) and the horizontal there: three pairs at one point.
    assert sorted(r.crossings) == [(0, 1), (0, 2), (1, 2)]
    assert r.through == [(2, "m")]


@pytest.mark.parametrize("L", ["ja", "en"])
def test_the_compact_diagram_keeps_the_limits(L):
    """Half a page per scenario (about 390 px a column at 1280 px): the same layout, so the same
    crossings, and no arrow over a node even at that scale."""
    for time in ("normal", "incident"):
        r = readability(drawn(demo_assessment("B", cat), time, L, compact=True), 390)
        assert len(r.crossings) <= MAX_CROSSINGS and r.through == [], (time, r)
