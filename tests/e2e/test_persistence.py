"""Saved work in a real browser: a server restart loses nothing (several browsers on one assessment:
test_team_live.py)."""
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from tests.e2e.conftest import REPO_ROOT, _free_port, _healthy
from tests.e2e.ui import open_page, role_row, set_role_status, t

TRIAGE = "トリアージ担当：優先順位選定担当"


@contextlib.contextmanager
def server(data_dir: str):
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ, CSIRT_SELFCHECK_DATA_DIR=data_dir)
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                             "--server.headless", "true", "--server.fileWatcherType", "none"],
                            cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not _healthy(url):
            assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
            time.sleep(0.25)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def assessment_id(page) -> str:
    return parse_qs(urlparse(page.url).query)["a"][0]


def status_of(page, role_label: str) -> str:
    return role_row(page, role_label).locator(".badge").inner_text()


def test_work_survives_a_server_restart(browser):
    data = tempfile.mkdtemp(prefix="selfcheck-restart-")
    with server(data) as url:
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = ctx.new_page()
        open_page(page, url, "/roles?demo=B")
        assert "a" not in parse_qs(urlparse(page.url).query)  # a sample is stored once changed
        set_role_status(page, TRIAGE, t("status.gap"))
        a_id = assessment_id(page)
        ctx.close()
    with server(data) as url:  # a new process: only the database remembers
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = ctx.new_page()
        open_page(page, url, f"/roles?a={a_id}")
        assert status_of(page, TRIAGE) == t("status.gap")
        expect(page.get_by_test_id("stSidebar").get_by_role("textbox").first).to_have_value("サンプル株式会社（モデルB）")
        ctx.close()
