"""A bookmarked or shared link to any page opens that page, with the router's sidebar, in a fresh
browser session.

Guards a real bug: with a folder named pages/ beside app.py, Streamlit 1.67 ran in legacy multipage
mode and a deep link opened first on a fresh server ran the page file alone, without the router (no
sidebar, no ?demo=, no ?lang=). This file sorts first among the e2e tests so that its first deep
link is the server's first request too."""
from pathlib import Path

import pytest

from tests.e2e.ui import PAGES, expect_page, open_page, sidebar, t

REPO = Path(__file__).resolve().parents[2]


def test_no_pages_folder_beside_the_router():
    # Cheap and explicit: the cause of the bug, named (the browser tests below show its effect).
    assert not (REPO / "pages").exists(), "a pages/ folder beside app.py puts Streamlit in legacy MPA mode"


@pytest.mark.parametrize("path", [p for p, _, _ in PAGES])
def test_deep_link_opens_the_page_with_the_sidebar(app_server, page, path):
    open_page(page, app_server, f"/{path}")
    expect_page(page, path)
    # The router ran: the language is in the URL and the sidebar shows the organisation box.
    assert "lang=ja" in page.url
    assert sidebar(page).get_by_label(t("sidebar.organisation")).count() == 1


def test_root_leads_to_start(app_server, page):
    open_page(page, app_server, "/")
    expect_page(page, "start")
    assert "/start" in page.url


@pytest.mark.parametrize("path", ["roles", "results"])
def test_deep_link_with_demo_and_language(app_server, page, path):
    open_page(page, app_server, f"/{path}?demo=C&lang=en")
    expect_page(page, path, "en")
    assert t("sidebar.sample", "en") in sidebar(page).inner_text()
