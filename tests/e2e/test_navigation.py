"""A workshop lead clicks through the pages in order and back and forth: every page renders without an
exception, and nothing typed or chosen is lost when a page is left and visited again."""
from playwright.sync_api import expect

from csirt_data import load_catalogue
from tests.e2e.conftest import wait_for_app
from tests.e2e.ui import (PAGES, add_person, assert_clean, by_name, choose, go, grid_column, open_page, people_grid, rate,
                          rating_levels,
                          expect_role_status, role_row, set_role_status, sidebar, t, traces)

CAT = load_catalogue()


def test_walk_every_page_in_order_through_the_sidebar(app_server, page):
    open_page(page, app_server, "/start?demo=B")
    for path, _, _ in PAGES:
        go(page, path)
        assert_clean(page)
        # The sample stays loaded on every page (the sidebar says so).
        assert t("sidebar.sample") in sidebar(page).inner_text(), path


def test_leaving_and_returning_keeps_people_roles_and_ratings(app_server, page):
    open_page(page, app_server, "/start?demo=B")
    handler = CAT.role("incident_handler")
    solution = CAT.role("solution_analyst")

    go(page, "roles")
    # The sample B already differs from model B in one role (インベスティゲーター is 未配置).
    expect(page.get_by_text(t("roles.changed_count", n=1))).to_be_visible()
    set_role_status(page, solution.label("ja"), t("status.outsourced"))
    changed = t("roles.changed_count", n=2)
    expect(page.get_by_text(changed)).to_be_visible()
    differs = t("roles.differs", default=t("status.in_house"))
    expect(role_row(page, solution.label("ja"))).to_contain_text(differs)

    go(page, "people")
    add_person(page, "テスト花子", 2, [handler.name.ja])
    expect(sidebar(page).get_by_text(f"{t('sidebar.people')}: 11 /")).to_be_visible()

    go(page, "skills")
    person = page.get_by_role("combobox", name=t("skills.person"))
    choose(page, person, "テスト花子")
    wait_for_app(page)
    before = rating_levels(page)
    assert set(before) == {t("trust.not_rated")}, before  # a new person has no ratings yet: 未評価
    rate(page, 0, 2)
    expect(page.get_by_text(t("skills.progress", done=1, total=len(before)))).to_be_visible()

    # Away, in an unusual order, then back to each page.
    for path in ("results", "reference", "start", "model"):
        go(page, path)
        assert_clean(page)

    go(page, "people")
    names = grid_column(page, 1, people_grid(page))  # column 0: the row markers (rows can be deleted)
    assert "テスト花子" in names and len(names) == 11, names

    go(page, "roles")
    expect_role_status(page, solution.label("ja"), t("status.outsourced"))
    expect(role_row(page, solution.label("ja"))).to_contain_text(differs)
    expect(page.get_by_text(changed)).to_be_visible()

    go(page, "skills")
    # The Skills page remembers which person was being rated, and the rating.
    expect(page.get_by_role("combobox", name=t("skills.person"))).to_have_value("テスト花子")
    after = rating_levels(page)
    assert after[0] == f"2 {t('level.2')}" and set(after[1:]) == {t("trust.not_rated")}, after

    go(page, "results")
    radar = traces(page, "radar_roles")
    pre = by_name(radar, t("kind.prerequisite"))
    assert f"{solution.name.ja} ({t('status.short.outsourced')})" in pre["y"]

