"""What a user does and sees, for the browser tests: open a page, use the sidebar, pick from a
select, rate in the grid, and read the rendered Plotly figures (their traces, not pixels).

Expected texts come from csirt_data/ui_text.yaml through `t(key, lang)`, so a test checks that
the page shows the right string without restating the wording; a missing key renders as ⟨key⟩
and `assert_clean` catches it on every page."""
from __future__ import annotations

import re
import time
from typing import Callable

from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from csirt_data.i18n import translate
from tests.app_pages_table import app_page_rows, page_h1_key
from tests.e2e.conftest import APP_TIMEOUT_MS, plotly_traces, wait_for_app

# In the sidebar's order: (url path, title key of the nav link, title key of the page's h1).
PAGES = [(path, title, page_h1_key(path)) for _file, path, title, _icon in app_page_rows()]

# The roles each model outsources (付録1), as the brief and the document state them.
OUTSOURCED = {
    "A": {"researcher", "curator", "vulnerability_assessor", "self_assessment", "solution_analyst",
          "incident_manager", "incident_handler", "investigator", "forensics", "system_operations"},
    "B": {"researcher", "curator", "vulnerability_assessor", "forensics"},
    "C": set(),
}
OUTSOURCED["D"] = OUTSOURCED["A"]
ARROWS = {"normal": 24, "incident": 26}  # arrows in the catalogue per time

KANA_KANJI = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def t(key: str, lang: str = "ja", **args) -> str:
    return translate(key, lang, **args)


# --- pages and navigation ------------------------------------------------------------------

def open_page(page: Page, base: str, path: str) -> None:
    """A fresh load of `path` (a new Streamlit session: the work of any earlier load is gone)."""
    page.goto(f"{base}/{path.lstrip('/')}")
    wait_for_app(page)


def sidebar(page: Page) -> Locator:
    return page.get_by_test_id("stSidebar")


def nav_link(page: Page, title: str) -> Locator:
    links = page.get_by_test_id("stSidebarNav").get_by_role("link")
    return links.filter(has=page.get_by_text(title, exact=True))


def go(page: Page, path: str, lang: str = "ja") -> None:
    """Go to a page the way a user does, through the sidebar navigation (same session)."""
    title_key = next(k for p, k, _ in PAGES if p == path)
    nav_link(page, t(title_key, lang)).click()
    page.wait_for_url(re.compile(rf"/{path}(\?|$)"))
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text(t(_h1_key(path), lang))


def _h1_key(path: str) -> str:
    return next(h for p, _, h in PAGES if p == path)


def expect_page(page: Page, path: str, lang: str = "ja") -> None:
    """The page `path` is shown: its title, its nav link current, the sidebar's language control."""
    expect(page.locator("h1").first).to_have_text(t(_h1_key(path), lang))
    title_key = next(k for p, k, _ in PAGES if p == path)
    expect(nav_link(page, t(title_key, lang))).to_have_attribute("aria-current", "page")
    expect(language_control(page).get_by_role("radio")).to_have_text(["日本語", "English"])
    assert_clean(page)


def assert_clean(page: Page) -> None:
    """No exception box, and no untranslated key (rendered as ⟨key⟩) anywhere on the page."""
    assert page.get_by_test_id("stException").count() == 0, \
        page.get_by_test_id("stException").first.inner_text()
    text = page.get_by_test_id("stApp").inner_text()
    missing = re.findall(r"⟨[^⟩]*⟩", text)
    assert not missing, f"untranslated UI keys on the page: {missing}"


def language_control(page: Page) -> Locator:
    return sidebar(page).get_by_role("radiogroup", name=re.compile(f"^({t('sidebar.language', 'ja')}|"
                                                                   f"{t('sidebar.language', 'en')})$"))


def switch_language(page: Page, lang: str, timeout_ms: int = 5000) -> None:
    language_control(page).get_by_role("radio", name="English" if lang == "en" else "日本語").click()
    wait_for_app(page)
    expect(language_control(page).get_by_role("radio", checked=True)).to_have_text(
        "English" if lang == "en" else "日本語", timeout=timeout_ms)


def alerts(page: Page) -> list[str]:
    return [" ".join(s.split()) for s in page.get_by_test_id("stAlert").all_inner_texts()]


def metrics(page: Page) -> dict[str, str]:
    """Headline metrics as {label: value}."""
    out = {}
    for m in page.get_by_test_id("stMetric").all():
        out[m.get_by_test_id("stMetricLabel").inner_text().strip()] = \
            m.get_by_test_id("stMetricValue").inner_text().strip()
    return out


def same_session_url(page: Page, path_and_query: str) -> None:
    """Change the URL without reloading, as the browser's Back/Forward does: Streamlit reruns the
    page with the new query string in the same session (a page.goto would start a new one)."""
    page.evaluate("""u => { history.pushState({}, '', u);
                          dispatchEvent(new PopStateEvent('popstate')); }""", path_and_query)
    wait_for_app(page)


# --- widgets -------------------------------------------------------------------------------

def choose(page: Page, combobox: Locator, option: str) -> None:
    """Pick `option` in a Streamlit selectbox or multiselect (a react-aria combobox): type to
    filter the list, then click the option itself. A click alone does not always open the list
    in 1.67, typing does.

    Tried again (up to three times, 10 s each) when the open list goes away before its option is
    clicked: on a live page another browser's change redraws the page meanwhile, and the list it
    had open is gone (the four-browser race of test_team_live). Playwright's time-out means the
    click was not made, so making it again cannot pick twice."""
    for attempt in range(3):
        combobox.click()
        combobox.fill(option)
        try:
            page.get_by_role("option", name=option, exact=True).click(timeout=10_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")


def role_board(page: Page) -> Locator:
    """The Roles page's role board (a custom component in an open shadow root, which Playwright's
    locators reach into)."""
    return page.locator(".st-key-role_board .rb")


def role_row(page: Page, role_label: str) -> Locator:
    """The row of one role in the role board, by the role's full label (name：subtitle)."""
    # `has` is looked for inside each row: a locator from the page, not from the board.
    return role_board(page).locator(".role").filter(has=page.locator(".name").get_by_text(role_label, exact=True))


def status_radio(page: Page, role_label: str, status_text: str) -> Locator:
    return role_row(page, role_label).get_by_role("radio", name=status_text, exact=True)


def expect_role_status(page: Page, role_label: str, status_text: str, timeout: float | None = None) -> None:
    """The role's row shows `status_text`: its choice checked and its badge saying so."""
    expect(status_radio(page, role_label, status_text)).to_be_checked(timeout=timeout)
    expect(role_row(page, role_label).locator(".badge")).to_have_text(status_text, timeout=timeout)


def board_settled(page: Page) -> None:
    """The server acknowledged every change the board queued, and its run is over."""
    expect(role_board(page)).to_have_attribute("data-pending", "0", timeout=APP_TIMEOUT_MS)
    wait_for_app(page)


def set_role_status(page: Page, role_label: str, status_text: str) -> None:
    """One click on the status; returns once the server has it (saved) and the page is drawn."""
    status_radio(page, role_label, status_text).click()
    board_settled(page)
    expect_role_status(page, role_label, status_text)


def add_person(page: Page, name: str, itss: int | None, roles: list[str], lang: str = "ja") -> None:
    """Fill and submit the People page's add form."""
    form = page.get_by_test_id("stForm")
    form.get_by_label(t("people.name", lang)).fill(name)
    if itss is not None:
        choose(page, form.get_by_role("combobox", name=t("people.itss", lang)), str(itss))
    roles_box = form.get_by_role("combobox", name=t("people.roles", lang))
    for r in roles:
        choose(page, roles_box, r)
        roles_box.press("Escape")  # the multiselect's list stays open after a pick
    chips = form.get_by_test_id("stMultiSelect").inner_text()
    assert all(r in chips for r in roles), chips
    form.get_by_role("button", name=t("people.add_button", lang)).click()
    wait_for_app(page)
    expect(page.get_by_test_id("stAlert").filter(has_text=t("people.added", lang, name=name))).to_have_count(1)


# --- data grids (st.data_editor / st.dataframe: a Glide data grid on a canvas) ----------------

ROW_PX = 35  # Streamlit's data grid row height (header included)


def grid_column(page: Page, col: int, grid: Locator) -> list[str]:
    """The texts of one column of a data grid, read from its accessibility table: Glide mirrors
    the rows it draws into a hidden <table role=grid> whose cells are glide-cell-<col>-<row>. It
    draws only when on screen, hence the scroll."""
    grid.scroll_into_view_if_needed()
    expect(grid.locator(f'td[data-testid="glide-cell-{col}-0"]')).to_have_count(1)
    return grid.locator(f'td[data-testid^="glide-cell-{col}-"]').all_inner_texts()


def people_grid(page: Page) -> Locator:
    return page.locator('[class*="st-key-people"]:not([data-stale="true"]) [data-testid="stDataFrame"]')


# --- the rating widget (components/rating: a custom component in an open shadow root, which
# Playwright's CSS locators pierce) ---------------------------------------------------------------

def rating_widget(page: Page) -> Locator:
    return page.locator(".st-key-rating_widget .rw")


def rating_rows(page: Page) -> Locator:
    return rating_widget(page).locator(".row")


def rating_levels(page: Page) -> list[str]:
    """What each row shows as its rating: 「3 独力でできる」 or 未評価, in the widget's order."""
    expect(rating_rows(page).first).to_be_visible()
    return rating_widget(page).locator(".row .state").all_inner_texts()


def rating_others(page: Page) -> list[str]:
    """The other rater's value on each row (read-only)."""
    expect(rating_rows(page).first).to_be_visible()
    return rating_widget(page).locator(".row .other-value").all_inner_texts()


def rating_skills(page: Page) -> list[str]:
    expect(rating_rows(page).first).to_be_visible()
    return rating_widget(page).locator(".row .skill").all_inner_texts()


def rating_saved(page: Page) -> None:
    """Until the server has acknowledged every rating the widget queued and the run is over (as
    long as wait_for_app waits for a run: the panel's rerun also redraws an open comparison)."""
    expect(rating_widget(page)).to_have_attribute("data-pending", "0", timeout=APP_TIMEOUT_MS)
    wait_for_app(page)
    expect(rating_widget(page)).to_have_attribute("data-pending", "0", timeout=APP_TIMEOUT_MS)


def rate(page: Page, row: int, level: int | None) -> None:
    """Rate one skill with one click on its level (None: the clear button), and wait until saved."""
    target = "clear" if level is None else str(level)
    rating_rows(page).nth(row).locator(f'.lv[data-level="{target}"]').click()
    rating_saved(page)


def _wait_stable(grid: Locator, quiet_s: float = 0.3, timeout_s: float = 5) -> None:
    """Until the grid's box has not moved for quiet_s (a freshly mounted grid resizes a few times)."""
    canvas = grid.get_by_test_id("data-grid-canvas")
    expect(canvas).to_be_visible()
    deadline = time.monotonic() + timeout_s
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        box = canvas.bounding_box()
        if box != last:
            last, since = box, time.monotonic()
        elif time.monotonic() - since >= quiet_s:
            return
        time.sleep(0.05)


# --- Plotly figures ------------------------------------------------------------------------

def chart_index(page: Page, key: str) -> int:
    """Index among the page's .js-plotly-plot elements of the chart whose st.plotly_chart key
    is `key` (Streamlit marks its container with the class st-key-<key>)."""
    page.wait_for_selector(f".st-key-{key} .js-plotly-plot", state="attached")
    i = page.evaluate("""k => [...document.querySelectorAll('.js-plotly-plot')]
                                .findIndex(p => p.closest('.st-key-' + k))""", key)
    assert i >= 0, f"no chart with key {key}"
    return i


def traces(page: Page, key: str, until: Callable[[list[dict]], bool] | None = None,
           timeout_s: float = 10) -> list[dict]:
    """The traces of chart `key`. With `until`, re-read until it holds (a figure is redrawn a
    moment after the script run ends) and return the last read either way: the caller asserts."""
    deadline = time.monotonic() + timeout_s
    while True:
        data = plotly_traces(page, key)
        if until is None or until(data) or time.monotonic() > deadline:
            return data
        page.wait_for_timeout(100)


def chart_title(page: Page, key: str) -> str:
    chart_index(page, key)  # waits for the chart
    raw = page.evaluate("k => document.querySelector('.st-key-' + k + ' .js-plotly-plot').layout.title.text", key)
    return re.sub(r"<[^>]+>", "", raw)


def by_name(data: list[dict], name: str) -> dict:
    hits = [d for d in data if d.get("name") == name]
    assert len(hits) == 1, f"{len(hits)} traces named {name!r} in {[d.get('name') for d in data]}"
    return hits[0]


def node_traces(data: list[dict]) -> dict[str, dict]:
    """Flow diagram node traces by meta.status."""
    return {d["meta"]["status"]: d for d in data if isinstance(d.get("meta"), dict) and "status" in d["meta"]}


def nodes(data: list[dict], status: str) -> set[str]:
    return set(node_traces(data)[status].get("customdata") or [])


def edge_traces(data: list[dict]) -> list[dict]:
    return [d for d in data if isinstance(d.get("meta"), dict) and "line" in d["meta"]]


def edges(data: list[dict], state: str | None = None, line: str | None = None) -> set[tuple[str, str]]:
    """The arrows drawn, as (from id, to id), rebuilt from the edge traces' polylines (points of one
    arrow, then None) and the node traces' positions and ids: what the picture connects, not what
    the app meant."""
    where = {}
    for tr in node_traces(data).values():
        for x, y, n in zip(tr.get("x") or [], tr.get("y") or [], tr.get("customdata") or []):
            where[(round(x, 6), round(y, 6))] = n
    out = set()
    for tr in edge_traces(data):
        if (state and tr["meta"]["state"] != state) or (line and tr["meta"]["line"] != line):
            continue
        xs, ys = tr["x"], tr["y"]
        assert xs[-1] is None, "each arrow's points end with None"
        start = 0
        for i, x in enumerate(xs):
            if x is None:
                a = where[(round(xs[start], 6), round(ys[start], 6))]
                b = where[(round(xs[i - 1], 6), round(ys[i - 1], 6))]
                out.add((a, b))
                start = i + 1
    return out


def arrow_count(data: list[dict]) -> int:
    """Arrows counted by the invisible midpoint hover trace, one point per arrow."""
    return len(by_name(data, "arrows")["x"])


def open_flow_tab(page: Page, lang: str = "ja") -> None:
    page.get_by_role("tab", name=t("results.tab_flow", lang)).click()
    expect(page.get_by_role("tab", name=t("results.tab_flow", lang))).to_have_attribute("aria-selected", "true")


def choose_time(page: Page, time_name: str) -> None:
    """The flow diagram's tab of that time (平常時 / インシデント対応時): the browser's alone, no run."""
    tab = page.locator(".st-key-flow_time").get_by_role("tab", name=time_name, exact=True)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")
