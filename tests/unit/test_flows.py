"""Flow graphs: the catalogue's arrows, coloured by the assessment."""
import pytest

from assessment.core.edit import add_person, new_assessment, set_person_roles, set_role_status
from assessment.scores.flows import TIMES, broken_arrows, flow_graph
from csirt_data import load_catalogue

cat = load_catalogue()


def staffed(model: str):
    """The model's defaults with one person holding every in-house role: no role is unheld."""
    a = new_assessment(model=model, cat=cat)
    add_person(a, "All", roles=[r for r in cat.role_ids if a.status(r) == "in_house"])
    return a


@pytest.mark.parametrize("time", ["normal", "incident"])
def test_nodes_and_edges_are_the_catalogues(time):
    g = flow_graph(staffed("A"), time, cat)
    arrows = cat.arrows_at(time)
    assert g.number_of_edges() == len(arrows)
    assert set(g.edges) == {(x.source, x.target) for x in arrows}
    # 19 roles less csirt_operations_manager, and the 13 parties of flows.yaml.
    assert g.number_of_nodes() == 18 + 13
    assert "csirt_operations_manager" not in g
    assert g.nodes["researcher"] == {"kind": "role", "status": "outsourced", "state": "outsourced",
                                     "function": "collection_analysis", "group": "group2"}
    assert g.nodes["executive"]["group"] is None
    assert g.nodes["police"] == {"kind": "party", "side": "external"}
    assert g.nodes["employees"] == {"kind": "party", "side": "internal"}


def test_edge_count_per_time():
    # Counted by hand in flows.yaml: 20 arrows at both times, 4 at normal time only, 6 at incident only.
    normal_only = {("vulnerability_assessor", "own_systems"), ("self_assessment", "business_divisions"),
                   ("solution_analyst", "security_devices"), ("educator", "employees")}
    incident_only = {("incident_manager", "incident_handler"), ("incident_handler", "own_systems"),
                     ("incident_handler", "security_vendor"), ("investigator", "police"),
                     ("triage", "commander"), ("forensics", "own_systems")}
    a = new_assessment(model="C", cat=cat)
    normal, incident = set(flow_graph(a, "normal", cat).edges), set(flow_graph(a, "incident", cat).edges)
    assert normal - incident == normal_only
    assert incident - normal == incident_only
    assert (len(normal), len(incident)) == (24, 26)


def test_edge_attributes_and_direction():
    g = flow_graph(staffed("C"), "normal", cat)
    e = g.edges["poc_external", "nca"]
    assert (e["line"], e["both_ways"], e["broken"], e["inactive"]) == ("solid", True, False, False)
    e = g.edges["commander", "executive"]
    assert (e["line"], e["both_ways"]) == ("dotted", False)
    assert e["evidence"] == [("commander", "必要であれば、PoCとともに経営者に説明を行う。")]
    assert g.has_edge("security_devices", "researcher") and not g.has_edge("researcher", "security_devices")


def test_node_statuses_follow_the_assessment():
    a = new_assessment(model="B", cat=cat)
    g = flow_graph(a, "incident", cat)
    assert g.nodes["forensics"]["status"] == "outsourced"
    assert g.nodes["incident_manager"]["status"] == "in_house"
    set_role_status(a, "forensics", "in_house")
    set_role_status(a, "incident_manager", "gap")
    g = flow_graph(a, "incident", cat)
    assert (g.nodes["forensics"]["status"], g.nodes["incident_manager"]["status"]) == ("in_house", "gap")


def test_a_gap_roles_arrows_are_broken():
    a = staffed("B")
    assert broken_arrows(a, "normal", cat) == broken_arrows(a, "incident", cat) == []
    set_role_status(a, "investigator", "gap")
    assert broken_arrows(a, "incident", cat) == [("investigator", "police")]
    assert broken_arrows(a, "normal", cat) == []  # the investigator's only arrow is at incident time
    set_role_status(a, "incident_manager", "gap")
    assert broken_arrows(a, "incident", cat) == [
        ("researcher", "incident_manager"), ("curator", "incident_manager"),
        ("incident_manager", "commander"), ("incident_manager", "incident_handler"),
        ("investigator", "police")]
    assert broken_arrows(a, "normal", cat) == [
        ("researcher", "incident_manager"), ("curator", "incident_manager"),
        ("incident_manager", "commander")]


def test_not_applicable_makes_arrows_inactive_not_broken():
    a = staffed("C")
    set_role_status(a, "triage", "not_applicable")
    e = flow_graph(a, "incident", cat).edges["triage", "commander"]
    assert (e["inactive"], e["broken"]) == (True, False)
    assert broken_arrows(a, "incident", cat) == []


def test_unknown_time():
    with pytest.raises(ValueError):
        flow_graph(new_assessment(cat=cat), "weekend", cat)


def test_an_in_house_role_nobody_holds_is_a_gap_and_breaks_its_arrows_as_unstaffed_does():
    a = staffed("B")
    set_role_status(a, "incident_manager", "gap")
    unstaffed = {t: broken_arrows(a, t, cat) for t in TIMES}
    # The same role in-house with nobody holding it: the same broken arrows, drawn as a gap.
    set_role_status(a, "incident_manager", "in_house")
    set_person_roles(a, a.people[0].id, [r for r in a.people[0].roles if r != "incident_manager"])
    for t in TIMES:
        g = flow_graph(a, t, cat)
        assert (g.nodes["incident_manager"]["status"], g.nodes["incident_manager"]["state"]) == ("in_house", "gap")
        assert g.nodes["incident_handler"]["state"] == "in_house"
        assert broken_arrows(a, t, cat) == unstaffed[t] != []
    assert broken_arrows(a, "normal", cat) == [
        ("researcher", "incident_manager"), ("curator", "incident_manager"), ("incident_manager", "commander")]


def test_model_b_scenario_roles_brought_in_house_without_holder_break_arrows():
    # The case: model B's defaults with nobody yet: every in-house role is a gap.
    a = new_assessment(model="B", cat=cat)
    g = flow_graph(a, "incident", cat)
    in_house = [r for r in cat.role_ids if r in g and a.status(r) == "in_house"]
    assert in_house and all(g.nodes[r]["state"] == "gap" for r in in_house)
    assert ("incident_manager", "commander") in broken_arrows(a, "incident", cat)
