"""A consultant opens a sample organisation by link (/results?demo=A…D) and reads the Results page:
the sample notice, the headline figures, the role radar and the information-flow diagram, whose
outsourced nodes are the roles the model outsources (付録1) and whose arrows change with the time."""
import pytest
from playwright.sync_api import expect

from csirt_data import load_catalogue
from tests.e2e.ui import (ARROWS, OUTSOURCED, alerts, arrow_count, assert_clean, by_name, choose_time,
                          edges, metrics, nodes, open_flow_tab, open_page, t, traces)

CAT = load_catalogue()
PEOPLE = {"A": 6, "B": 10, "C": 15, "D": 6}  # people in each sample organisation (assessment/core/demos.py)
TIME = {x.id: x.name.ja for x in CAT.flows.times}


def catalogue_arrows(time: str) -> set[tuple[str, str]]:
    return {(a.source, a.target) for a in CAT.arrows_at(time)}


@pytest.mark.parametrize("model", ["A", "B", "C", "D"])
def test_demo_deep_link_shows_results_and_flow_diagram(app_server, page, model):
    open_page(page, app_server, f"/results?demo={model}")
    expect(page.locator("h1").first).to_have_text(t("results.title"))
    assert t("results.sample") in " ".join(alerts(page))
    assert_clean(page)

    m = metrics(page)
    assert list(m) == [t(k) for k in ("results.coverage", "results.readiness", "results.training",
                                      "results.gaps", "results.outsourced", "results.headcount")]
    assert m[t("results.outsourced")] == str(len(OUTSOURCED[model]))
    assert m[t("results.headcount")].split(" / ")[0] == str(PEOPLE[model])
    assert m[t("results.coverage")].endswith("%") and m[t("results.coverage")] != "0%"

    # Role bars: outsourced roles carry the suffix and have no in-house value.
    radar = traces(page, "radar_roles")
    pre = by_name(radar, t("kind.prerequisite"))
    suffix = f" ({t('status.short.outsourced')})"
    labelled = {th[: -len(suffix)] for th in pre["y"] if th.endswith(suffix)}
    assert labelled == {CAT.role(r).name.ja for r in OUTSOURCED[model]}
    for th, r in zip(pre["y"], pre["x"]):
        if th.endswith(suffix):
            assert r is None, (th, r)
    assert any(isinstance(r, (int, float)) and r > 0 for r in pre["x"])

    # Flow diagram, normal time first.
    open_flow_tab(page)
    normal = traces(page, "flow_chart_normal")
    assert nodes(normal, "outsourced") == OUTSOURCED[model]
    assert arrow_count(normal) == ARROWS["normal"]
    normal_edges = edges(normal)
    assert normal_edges == catalogue_arrows("normal")

    choose_time(page, TIME["incident"])
    incident = traces(page, "flow_chart_incident", until=lambda d: arrow_count(d) != ARROWS["normal"])
    assert arrow_count(incident) == ARROWS["incident"]
    incident_edges = edges(incident)
    assert incident_edges == catalogue_arrows("incident")
    # Arrows only drawn at one time (catalogue: flows.yaml).
    assert ("triage", "commander") in incident_edges - normal_edges
    assert ("incident_manager", "incident_handler") in incident_edges - normal_edges
    assert ("educator", "employees") in normal_edges - incident_edges
    assert nodes(incident, "outsourced") == OUTSOURCED[model]

    if model == "B":  # and back once (the same for every model)
        choose_time(page, TIME["normal"])
        back = traces(page, "flow_chart_normal", until=lambda d: arrow_count(d) == ARROWS["normal"])
        assert edges(back) == normal_edges
    assert_clean(page)
