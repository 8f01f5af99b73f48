"""The Files page's chart PNGs and report are generated on click, on Streamlit's worker thread (no
session state there): they come out complete and in the language the page was shown in."""
import re

from tests.e2e.ui import expect_page, open_page, t

PNG = b"\x89PNG\r\n\x1a\n"


def _download(page, label: str) -> bytes:
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name=label, exact=True).click()
    return open(info.value.path(), "rb").read()


def test_chart_png_and_report_in_english(app_server, page):
    open_page(page, app_server, "/files?demo=B&lang=en")
    expect_page(page, "files", "en")
    flow = t("files.flow_png", "en", time="Incident response")
    png = _download(page, flow)
    assert png.startswith(PNG) and len(png) > 20_000
    html = _download(page, t("files.html", "en")).decode("utf-8")
    # Four charts embedded as images, titled in English; no Japanese chart title slipped in.
    assert len(re.findall(r'src="data:image/png;base64,', html)) == 4
    assert t("chart.role_radar_title", "en") in html and t("chart.role_radar_title", "ja") not in html
