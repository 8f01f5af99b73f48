"""The walk-through from scratch, as a CSIRT lead does it in a workshop: start new → model B → roles →
two people → ratings in the grid → results; then back to the ratings, which are all still there, each
edit applied exactly once (st.data_editor loses or repeats edits when its output is fed back)."""
import re

from playwright.sync_api import expect

from csirt_data import load_catalogue
from tests.e2e.conftest import wait_for_app
from tests.e2e.ui import (add_person, assert_clean, by_name, expect_page, expect_role_status, go, metrics, open_page, rating_levels,
                          rate, sidebar, t, traces)

CAT = load_catalogue()
LEVEL = lambda n: f"{n} {t(f'level.{n}')}"  # noqa: E731  the grid's option text


def _sidebar_rated(page) -> tuple[int, int]:
    text = sidebar(page).get_by_test_id("stProgress").inner_text()
    pattern = re.escape(t("sidebar.rated", rated="RATED", total="TOTAL"))
    pattern = pattern.replace("RATED", r"(\d+)").replace("TOTAL", r"(\d+)")
    m = re.search(pattern, text)
    assert m, text
    return int(m.group(1)), int(m.group(2))


def test_walkthrough_from_scratch(app_server, page):
    open_page(page, app_server, "/start")
    page.get_by_role("button", name=t("start.new_button")).click()
    page.wait_for_url(re.compile(r"/model(\?|$)"))
    wait_for_app(page)
    expect_page(page, "model")

    model_b = CAT.model("B").name.ja
    page.get_by_role("button", name=t("model.choose", model=model_b)).click()
    wait_for_app(page)
    expect(sidebar(page)).to_contain_text(f"{t('sidebar.model')}: {model_b}")

    go(page, "roles")
    # Model B's defaults: the 付録1 roles are outsourced, the rest in-house.
    researcher = CAT.role("researcher")
    handler = CAT.role("incident_handler")
    expect_role_status(page, researcher.label("ja"), t("status.outsourced"))
    expect_role_status(page, handler.label("ja"), t("status.in_house"))

    go(page, "people")
    add_person(page, "テスト一郎", 3, [handler.name.ja, CAT.role("triage").name.ja])
    add_person(page, "テスト二郎", 2, [CAT.role("commander").name.ja])
    expect(sidebar(page)).to_contain_text(f"{t('sidebar.people')}: 2 /")
    rated0, total = _sidebar_rated(page)
    assert rated0 == 0 and total > 0

    go(page, "skills")
    expect(page.get_by_role("combobox", name=t("skills.person"))).to_have_value("テスト一郎")
    levels = rating_levels(page)
    n = len(levels)
    NR = t("trust.not_rated")  # a state of its own, in words: never "None", never an empty level
    assert n >= 3 and set(levels) == {NR}, levels
    expect(page.get_by_text(t("skills.progress", done=0, total=n))).to_be_visible()

    # One edit: exactly that cell changes.
    rate(page, 0, 3)
    expect(page.get_by_text(t("skills.progress", done=1, total=n))).to_be_visible()
    assert rating_levels(page) == [LEVEL(3)] + [NR] * (n - 1)
    # A second edit in another row: both values there, the count up by exactly 2 in all.
    rate(page, 2, 2)
    expect(page.get_by_text(t("skills.progress", done=2, total=n))).to_be_visible()
    assert rating_levels(page) == [LEVEL(3), NR, LEVEL(2)] + [NR] * (n - 3)
    assert _sidebar_rated(page) == (2, total)
    assert_clean(page)

    go(page, "results")
    coverage = metrics(page)[t("results.coverage")]
    assert coverage.endswith("%") and int(coverage[:-1]) > 0, coverage
    # The person radar (its own tab; first person by default) shows exactly the two ratings given.
    page.get_by_role("tab", name=t("results.tab_people")).click()
    wait_for_app(page)
    person = by_name(traces(page, "radar_person_chart"), t("chart.own_level"))
    values = person["r"][:-1]  # the last point closes the loop
    assert sorted(v for v in values if v) == [2, 3] and len(values) == n, values
    assert_clean(page)

    go(page, "skills")
    expect(page.get_by_text(t("skills.progress", done=2, total=n))).to_be_visible()
    assert rating_levels(page) == [LEVEL(3), NR, LEVEL(2)] + [NR] * (n - 3)
    # Changing a rating replaces it: still two rated.
    rate(page, 0, 4)
    expect(page.get_by_text(t("skills.progress", done=2, total=n))).to_be_visible()
    assert rating_levels(page) == [LEVEL(4), NR, LEVEL(2)] + [NR] * (n - 3)
    assert _sidebar_rated(page) == (2, total)
