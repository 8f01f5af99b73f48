"""Japanese first, complete English: the sidebar switch turns the page, the navigation and the charts
into English and back; ?lang=en opens in English; a bad ?lang= or ?demo= is named in a warning and
changes nothing."""
from playwright.sync_api import expect

from csirt_data import load_catalogue
from tests.e2e.ui import (KANA_KANJI, PAGES, alerts, assert_clean, by_name, chart_title, expect_page, go,
                          metrics, nav_link, node_traces, open_flow_tab, open_page, same_session_url,
                          set_role_status, switch_language, t, traces)

CAT = load_catalogue()


def test_sidebar_switch_to_english_and_back(app_server, page):
    open_page(page, app_server, "/results?demo=B")
    switch_language(page, "en")
    expect_page(page, "results", "en")
    assert chart_title(page, "radar_roles") == t("chart.role_radar_title", "en")

    go(page, "roles", "en")
    switch_language(page, "ja")
    expect_page(page, "roles", "ja")
    go(page, "results", "ja")
    assert chart_title(page, "radar_roles") == t("chart.role_radar_title", "ja")


def test_lang_en_link_shows_page_navigation_and_charts_in_english(app_server, page):
    open_page(page, app_server, "/results?demo=B&lang=en")
    expect_page(page, "results", "en")
    for _, key, _ in PAGES:
        expect(nav_link(page, t(key, "en"))).to_have_count(1)
    assert list(metrics(page))[0] == t("results.coverage", "en")
    assert t("results.sample", "en") in " ".join(alerts(page))

    assert chart_title(page, "radar_roles") == t("chart.role_radar_title", "en")
    theta = by_name(traces(page, "radar_roles"), t("kind.prerequisite", "en"))["y"]
    assert f"{CAT.role('researcher').name.en} ({t('status.short.outsourced', 'en')})" in theta
    assert not [x for x in theta if KANA_KANJI.search(x)], theta  # role names in English

    open_flow_tab(page, "en")
    normal = next(x.name.en for x in CAT.flows.times if x.id == "normal")
    assert chart_title(page, "flow_chart_normal") == t("flow.title", "en", time=normal)
    flow = traces(page, "flow_chart_normal")
    names = [n for tr in node_traces(flow).values() for n in tr.get("text") or []]
    assert CAT.role("incident_manager").name.en in names
    assert not [n for n in names if KANA_KANJI.search(n)], names  # node labels in English too
    legend = [tr["name"] for tr in flow if tr.get("showlegend") is not False]
    assert not [n for n in legend if KANA_KANJI.search(n)], legend

    # The language sticks while moving between pages.
    go(page, "model", "en")
    expect(page.get_by_role("button", name=t("model.choose", "en", model=CAT.model("C").name.en))).to_be_visible()
    assert_clean(page)


def test_bad_lang_in_a_fresh_link_warns_and_keeps_japanese_and_the_demo(app_server, page):
    open_page(page, app_server, "/results?demo=B&lang=xx")
    expect_page(page, "results", "ja")
    assert t("url.bad_lang", "ja", value="xx") in " ".join(alerts(page))
    assert t("results.sample", "ja") in " ".join(alerts(page))  # the valid demo=B still applied


def test_bad_url_values_in_the_same_session_leave_the_work_as_it_was(app_server, page):
    """The URL changes without a reload (as with Back/Forward): a bad value gets a warning in the
    current language, and neither the language nor the user's changes are touched."""
    open_page(page, app_server, "/roles?demo=B&lang=en")
    handler = CAT.role("incident_handler")
    set_role_status(page, handler.label("en"), t("status.outsourced", "en"))

    same_session_url(page, "/results?lang=xx")
    expect_page(page, "results", "en")
    assert t("url.bad_lang", "en", value="xx") in " ".join(alerts(page))
    assert metrics(page)[t("results.outsourced", "en")] == "5"  # 4 in the sample + the flip

    same_session_url(page, "/results?lang=en&demo=Z")
    expect_page(page, "results", "en")
    assert t("url.bad_demo", "en", value="Z") in " ".join(alerts(page))
    assert metrics(page)[t("results.outsourced", "en")] == "5"  # not reset to a sample, not emptied
    assert t("results.sample", "en") in " ".join(alerts(page))
    assert_clean(page)
