"""Personal links in a real browser: a participant rates five skills by tapping on a 390×844 phone
(ja and en, screenshots), the viewer link shows no editing widget, a revoked link is refused."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from assessment.core.demos import demo_assessment
from assessment.storage.store import Store
from assessment.team.access import Links
from tests.e2e.conftest import APP_TIMEOUT_MS, screenshot, wait_for_app
from tests.e2e.ui import t

# Inputs that would change the work (the executive page's and the report's names toggles only change
# the view, and show pseudonyms to a viewer anyway).
EDITING = ('[data-testid="stTextInput"], [data-testid="stNumberInput"], [data-testid="stTextArea"], '
           '[data-testid="stDataFrameResizable"] [data-testid="stDataFrameGlideDataEditor"], '
           '[data-testid="stFileUploader"], [data-testid="stCheckbox"]:not(.st-key-exec_show_names *):not(.st-key-report_names *), [data-testid="stMultiSelect"], '
           '[data-testid="stRadio"], [data-testid="stDateInput"], [data-testid="stSlider"]')


@pytest.fixture(scope="module")
def store():
    s = Store()  # the same data folder as the server (tests/conftest.py sets it for both)
    yield s
    s.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True, locale="ja-JP")
    context.set_default_timeout(APP_TIMEOUT_MS)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_participant_rates_five_skills_on_a_phone(app_server, phone, store, lang):
    a = demo_assessment("B")
    store.save(a, 0)
    me = a.people[0]
    others = [p.name for p in a.people if p.id != me.id]
    secret = Links(store).issue(a.id, "participant", me.id).secret
    phone.goto(f"{app_server}/me?k={secret}&lang={lang}")
    wait_for_app(phone)
    expect(phone.get_by_role("heading", level=1)).to_have_text(t("page.me", lang))
    expect(phone.get_by_test_id("stMain")).to_contain_text(me.name)
    radios = phone.get_by_test_id("stRadio")
    total = radios.count()
    assert total >= 5
    for n in range(5):
        radios.nth(n).get_by_text(f"{n} {t(f'level.{n}', lang)}", exact=True).tap()
        wait_for_app(phone)
    expect(phone.get_by_text(t("me.progress", lang, done=5, total=total))).to_be_visible()
    stored = store.load(a.id).self_ratings[me.id]
    assert sorted(stored.values()) == [0, 1, 2, 3, 4]
    body = phone.inner_text("body")
    assert not [n for n in others if n in body]
    # Nothing wider than the phone: no sideways scrolling.
    assert phone.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollWidth") <= 390
    screenshot(phone, f"team_participant_phone_{lang}")


def test_viewer_link_shows_nothing_that_edits(app_server, page, store):
    a = demo_assessment("C")
    store.save(a, 0)
    secret = Links(store).issue(a.id, "viewer").secret
    page.goto(f"{app_server}/results?k={secret}")
    wait_for_app(page)
    names = [p.name for p in a.people]
    links = page.get_by_test_id("stSidebarNav").get_by_role("link")
    expect(links).to_have_count(3)
    for n, key in enumerate(("page.results", "page.executive", "page.files")):
        links.filter(has_text=t(key)).click()
        wait_for_app(page)
        assert page.locator(EDITING).count() == 0, key
        assert not [x for x in names if x in page.inner_text("body")], key
        screenshot(page, f"team_viewer_{key.split('.')[1]}")
    assert store.stored_version(a.id) == 1


def test_revoked_link_is_refused(app_server, page, store):
    a = demo_assessment("B")
    store.save(a, 0)
    L = Links(store)
    issued = L.issue(a.id, "participant", a.people[0].id)
    L.revoke(issued.link.id)
    page.goto(f"{app_server}/me?k={issued.secret}")
    wait_for_app(page)
    expect(page.get_by_text(t("access.revoked"))).to_be_visible()
    body = page.inner_text("body")
    assert a.people[0].name not in body and a.organisation not in body
    assert page.get_by_test_id("stRadio").count() == 0
