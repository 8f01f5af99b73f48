"""Flow graphs: the catalogue's arrows, coloured by the assessment."""
import pytest

from assessment.core.edit import new_assessment, set_role_status
from assessment.scores.flows import broken_arrows, flow_graph
from csirt_data import load_catalogue

cat = load_catalogue()


@pytest.mark.parametrize("time", ["normal", "incident"])
def test_nodes_and_edges_are_the_catalogues(time):
    g = flow_graph(new_assessment(model="A", cat=cat), time, cat)
    arrows = cat.arrows_at(time)
    assert g.number_of_edges() == len(arrows)
    assert set(g.edges) == {(x.source, x.target) for x in arrows}
    # 19 roles less csirt_operations_manager, and the 13 parties of flows.yaml.
    assert g.number_of_nodes() == 18 + 13
    assert "csirt_operations_manager" not in g
    assert g.nodes["researcher"] == {"kind": "role", "status": "outsourced",
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
    g = flow_graph(new_assessment(model="C", cat=cat), "normal", cat)
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
    a = new_assessment(model="B", cat=cat)
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
    a = new_assessment(model="C", cat=cat)
    set_role_status(a, "triage", "not_applicable")
    e = flow_graph(a, "incident", cat).edges["triage", "commander"]
    assert (e["inactive"], e["broken"]) == (True, False)
    assert broken_arrows(a, "incident", cat) == []


def test_unknown_time():
    with pytest.raises(ValueError):
        flow_graph(new_assessment(cat=cat), "weekend", cat)
