"""A consultant flips roles live in the model B sample and the charts follow: an outsourced role leaves
the in-house bars and moves to the outsourced nodes of the diagram; a role nobody staffs breaks the
arrows that touch it."""
from playwright.sync_api import expect

from csirt_data import load_catalogue
from tests.e2e.ui import (OUTSOURCED, alerts, arrow_count, by_name, choose_time, edges, go, metrics, nodes,
                          open_flow_tab, open_page, set_role_status, t, traces)

CAT = load_catalogue()
TIME = {x.id: x.name.ja for x in CAT.flows.times}


def _theta_r(bars: list[dict]) -> dict[str, float | None]:
    """Row label -> prerequisite coverage of the role bars (None: no bar in that row)."""
    pre = by_name(bars, t("kind.prerequisite"))
    return dict(zip(pre["y"], pre["x"]))


def test_flip_to_outsourced_updates_radar_and_flow_diagram(app_server, page):
    handler = CAT.role("incident_handler")
    open_page(page, app_server, "/results?demo=B")
    before = _theta_r(traces(page, "radar_roles"))
    assert isinstance(before[handler.name.ja], (int, float)), before  # in-house: it has a value
    assert metrics(page)[t("results.outsourced")] == "4"

    go(page, "roles")
    set_role_status(page, handler.label("ja"), t("status.outsourced"))

    go(page, "results")
    assert metrics(page)[t("results.outsourced")] == "5"
    after = _theta_r(traces(page, "radar_roles"))
    out = f"{handler.name.ja} ({t('status.short.outsourced')})"
    assert handler.name.ja not in after and out in after, list(after)
    assert after[out] is None
    # Nothing else moved on the radar's axes.
    assert {k for k in after if k != out} == {k for k in before if k != handler.name.ja}

    open_flow_tab(page)
    flow = traces(page, "flow_chart_normal")
    assert nodes(flow, "outsourced") == OUTSOURCED["B"] | {"incident_handler"}
    assert "incident_handler" not in nodes(flow, "in_house")


def test_flip_to_gap_breaks_its_arrows(app_server, page):
    manager = CAT.role("incident_manager")
    open_page(page, app_server, "/roles?demo=B")
    set_role_status(page, manager.label("ja"), t("status.gap"))

    go(page, "results")
    assert metrics(page)[t("results.gaps")] == "2"  # the sample's own gap (investigator) and this one
    radar = _theta_r(traces(page, "radar_roles"))
    assert radar[f"{manager.name.ja} ({t('status.short.gap')})"] == 0  # a gap counts as 0

    open_flow_tab(page)
    for time in ("normal", "incident"):
        choose_time(page, TIME[time])
        flow = traces(page, f"flow_chart_{time}", until=lambda d: arrow_count(d) == len(CAT.arrows_at(time)))
        assert "incident_manager" in nodes(flow, "gap")
        touching = {(a.source, a.target) for a in CAT.arrows_at(time)
                    if "incident_manager" in (a.source, a.target)}
        assert touching, time
        broken = edges(flow, state="broken")
        # Every arrow to or from the manager is broken, and the sample's investigator gap
        # (incident time only) breaks its own; no other arrow is.
        gap_roles = {"incident_manager", "investigator"}
        expected = {(a.source, a.target) for a in CAT.arrows_at(time) if {a.source, a.target} & gap_roles}
        assert touching <= broken and broken == expected, (time, broken ^ expected)
        assert not broken & edges(flow, state="ok")
        # The page says so in words too, with the number of broken arrows.
        said = t("results.broken", n=len(broken), arrows="\0").split("\0")[0]
        assert sum(said in a for a in alerts(page)) == 1, (said, alerts(page))
    expect(page.get_by_test_id("stException")).to_have_count(0)
