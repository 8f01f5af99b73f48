"""Smoke test of the harness itself: server starts, Chromium renders, the script runs clean."""

from tests.e2e.conftest import screenshot, wait_for_app


def test_app_renders_without_exception(app_server, page):
    page.goto(app_server)
    wait_for_app(page)
    assert screenshot(page, "harness").stat().st_size > 0
    assert page.locator('[data-testid="stApp"]').count() == 1
    assert page.locator('[data-testid="stException"]').count() == 0
