"""Rating from the keyboard alone in a real browser at 1280×720 (issue 13): a whole person's list
rated with digits, arrows, Tab, Enter and Delete after one click into the widget, the focus kept
across the server's reruns, the ratings read back in a new browser session; the self-rater and the
comparison with the lead; a name with HTML in it shown as text."""
from playwright.sync_api import expect

from csirt_data import load_catalogue
from tests.e2e.conftest import APP_TIMEOUT_MS, wait_for_app
from tests.e2e.ui import (add_person, assert_clean, choose, go, open_page, rating_levels, rating_others, rating_rows,
                          rating_saved, rating_skills, rating_widget, t)

CAT = load_catalogue()
PERSON = "池田（サンプル）"  # demo C: 17 skills, rated by the lead and by themselves
FOCUSED = """() => { const h = document.querySelector('.st-key-rating_widget [data-testid="stBidiComponentIsolated"]');
  const f = h && h.shadowRoot.activeElement; return f && f.classList.contains('row') ? Number(f.dataset.i) : null; }"""


def LEVEL(n: int | None, lang: str = "ja") -> str:
    return t("trust.not_rated", lang) if n is None else f"{n} {t(f'level.{n}', lang)}"


def _pick(page, name: str) -> None:
    choose(page, page.get_by_role("combobox", name=t("skills.person")), name)
    wait_for_app(page)
    expect(rating_widget(page).locator(".title")).to_contain_text(name)


def test_a_whole_person_from_the_keyboard_then_read_back(app_server, browser, page):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_page(page, app_server, "/skills?demo=C&lang=ja")
    _pick(page, PERSON)
    skills = rating_skills(page)
    n = len(skills)
    assert n == 17
    own = rating_others(page)  # the person's own ratings, beside the lead's
    # Every sentence whole: as in the document, and wrapped, never cut.
    catalogue_texts = {CAT.skill(k).ja for k in CAT.skills}
    assert set(skills) <= catalogue_texts
    cut = rating_widget(page).locator(".skill, .meta").evaluate_all(
        "els => els.filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth)"
        ".map(e => e.textContent)")
    assert cut == []

    # One click into the widget; from then on the keyboard alone.
    rating_rows(page).first.click()
    typed = [i % 5 for i in range(n)]
    for level in typed:
        page.keyboard.press(str(level))  # rates and moves on to the next skill at once
    page.keyboard.press("Home")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Delete")  # row 3 back to not rated...
    expect(rating_rows(page).nth(2).locator(".state")).to_have_text(LEVEL(None))
    page.keyboard.press("4")  # ... rated 4, and on to row 4
    page.keyboard.press("Shift+Tab")  # back to row 3
    page.keyboard.press("ArrowLeft")  # one level down: 3
    page.keyboard.press("Enter")  # next: row 4
    page.keyboard.press("Tab")  # next: row 5
    page.keyboard.press("0")
    typed[2], typed[4] = 3, 0
    rating_saved(page)
    assert rating_levels(page) == [LEVEL(v) for v in typed]
    expect(rating_widget(page)).to_contain_text(t("skills.progress", done=n, total=n))
    # The focus stayed in the widget, on the row after the last rating, through the server's reruns.
    assert page.evaluate(FOCUSED) == 5
    assert_clean(page)

    # Read back in a new browser session from the saved assessment (?a=<id> in the URL).
    url = page.url
    assert "a=" in url
    other = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ja-JP")
    other.set_default_timeout(APP_TIMEOUT_MS)
    try:
        fresh = other.new_page()
        fresh.goto(url, wait_until="commit")  # then the app's own readiness, as wait_for_app defines it
        wait_for_app(fresh)
        _pick(fresh, PERSON)
        assert rating_levels(fresh) == [LEVEL(v) for v in typed]
        assert rating_others(fresh) == own  # the self-ratings untouched
    finally:
        other.close()

    # As the person: their own ratings are edited now, the lead's shown beside them; the
    # comparison lists the skills where the two differ.
    switch = page.get_by_role("radiogroup", name=t("workshop.rater_label"))
    switch.get_by_role("radio", name=t("workshop.rater.self"), exact=True).click()
    wait_for_app(page)
    expect(rating_widget(page)).to_have_attribute("data-rater", "self")
    assert rating_levels(page) == own
    assert rating_others(page) == [LEVEL(v) for v in typed]
    page.get_by_text(t("workshop.compare_heading"), exact=True).click()
    wait_for_app(page)
    same = sum(LEVEL(v) == o for v, o in zip(typed, own))
    expect(page.get_by_text(t("workshop.counts", total=n, both=n, same=same, lead_only=0, self_only=0,
                              neither=0))).to_be_visible()
    # A self-rating made now (one key) moves the comparison with it.
    rating_rows(page).first.click()
    first_own = 1 if own[0] != LEVEL(1) else 2
    page.keyboard.press(str(first_own))
    rating_saved(page)
    same_after = same - (own[0] == LEVEL(typed[0])) + (first_own == typed[0])
    expect(page.get_by_text(t("workshop.counts", total=n, both=n, same=same_after, lead_only=0, self_only=0,
                              neither=0))).to_be_visible()
    assert_clean(page)


def test_a_name_with_html_shows_as_text(app_server, page):
    page.set_viewport_size({"width": 1280, "height": 720})
    name = '<img src=x onerror="window.__owned=1"><b>太字</b>'
    open_page(page, app_server, "/people?demo=B&lang=ja")
    add_person(page, name, 2, [CAT.role("commander").name.ja])
    go(page, "skills")
    _pick(page, name)
    title = rating_widget(page).locator(".title")
    expect(title).to_have_text(t("rating.widget", name=name, rater=t("workshop.rater.lead")))
    assert title.locator("*").count() == 0  # no element made of the name: text only
    assert rating_widget(page).locator("img").count() == 0
    assert page.evaluate("() => window.__owned") is None
    assert set(rating_levels(page)) == {LEVEL(None)}


def test_a_rating_in_one_browser_reaches_the_widget_in_another(app_server, browser, page):
    """Live (components/session/live.py): the other browser's widget shows the new rating without a
    click there, and keeps the focus it had."""
    page.set_viewport_size({"width": 1280, "height": 720})
    open_page(page, app_server, "/skills?demo=B&lang=ja")
    before = rating_levels(page)
    level = 0 if before[1] != LEVEL(0) else 1
    rating_rows(page).first.click()
    page.keyboard.press("ArrowDown")
    page.keyboard.press(str(level))  # the second skill; stored now, with ?a= in the URL
    rating_saved(page)
    other = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ja-JP")
    other.set_default_timeout(APP_TIMEOUT_MS)
    try:
        watcher = other.new_page()
        watcher.goto(page.url, wait_until="commit")
        wait_for_app(watcher)
        assert rating_levels(watcher)[1] == LEVEL(level)
        rating_rows(watcher).nth(3).click()  # the watcher's cursor, on the fourth skill
        new = (level + 2) % 5
        page.keyboard.press("ArrowUp")
        page.keyboard.press(str(new))  # the second skill again, in the first browser
        rating_saved(page)
        expect(rating_rows(watcher).nth(1).locator(".state")).to_have_text(LEVEL(new), timeout=10_000)
        assert watcher.evaluate(FOCUSED) == 3
    finally:
        other.close()
