"""Browser-test harness: a real Streamlit server driven by Debian's Chromium via Playwright.

Fixtures: ``app_server`` (base URL), ``browser``, ``page``.
Helpers (import them: ``from tests.e2e.conftest import wait_for_app, screenshot, plotly_traces``):
``wait_for_app(page)``, ``screenshot(page, name)``, ``plotly_traces(page, index=0)``.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = Path(__file__).resolve().parent / "screenshots"
CHROMIUM = "/usr/bin/chromium"  # Debian's; `playwright install` cannot download here
# The network is closed: without these Chromium keeps retrying Google services and floods
# the log with refused connections. --no-sandbox because CI runs as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT_S = 60
APP_TIMEOUT_MS = 30_000
_DONE = re.compile(r"^(notRunning|compilationError)$")  # script states that end a run


def pytest_collection_modifyitems(config, items):
    # Everything under tests/e2e needs the browser: mark it so `-m "not e2e"` skips it all.
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    # An empty ProxyHandler: never send localhost requests to an http_proxy from the env.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"{url}/_stcore/health", timeout=2) as r:
            return r.read().strip() == b"ok"
    except OSError:
        return False


@pytest.fixture(scope="session")
def app_server():
    """Start `streamlit run serve.py` on a free port for the whole session; yield its base URL.

    APP_PATH (default app.py, relative to the repo root) exists only to point the harness
    at a stand-in app before the real one is written.
    """
    app = os.environ.get("APP_PATH", "serve.py")  # app.py inside its web-server guards, as `make run`
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [
        sys.executable, "-m", "streamlit", "run", app,
        "--server.port", str(port),
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",  # tests must not trigger reloads
    ]
    # Output goes to a file, not a pipe: nobody drains a pipe and a full one blocks the server.
    log = tempfile.TemporaryFile(mode="w+")
    proc = subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL)

    def output() -> str:
        log.seek(0)
        return log.read()

    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while not _healthy(url):
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with {proc.returncode}:\n{output()}", pytrace=False)
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit not healthy after {SERVER_START_TIMEOUT_S}s:\n{output()}",
                            pytrace=False)
            time.sleep(0.25)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh context per test: no cookies, storage or session state leak between tests."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ja-JP")
    context.set_default_timeout(APP_TIMEOUT_MS)
    pg = context.new_page()
    yield pg
    context.close()


def wait_for_app(page: Page, timeout_ms: int = APP_TIMEOUT_MS, settle_ms: int = 250) -> None:
    """Block until Streamlit has finished running the script and rendering its output.

    Streamlit 1.67 publishes its state on the root element:
    ``<div data-testid="stApp" data-test-connection-state="CONNECTED"
    data-test-script-state="initial|running|rerunRequested|stopRequested|notRunning|compilationError">``.
    "initial" lasts until the first run starts, so right after page.goto() waiting for
    "notRunning" is exact. After a widget interaction, though, the attribute stays
    "notRunning" until the server answers with "running" (only the menu's Rerun sets
    "rerunRequested" client-side), hence the short settle_ms first.
    """
    if settle_ms:
        page.wait_for_timeout(settle_ms)
    app = page.locator('[data-testid="stApp"]')
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=timeout_ms)
    # compilationError is terminal too: stop there instead of timing out.
    expect(app).to_have_attribute("data-test-script-state", _DONE, timeout=timeout_ms)
    if app.get_attribute("data-test-script-state") == "compilationError":
        detail = "\n".join(page.get_by_role("dialog").all_inner_texts())
        raise AssertionError(f"the app's script failed to compile:\n{detail}")
    # Lazily loaded elements (plotly, markdown, ...) show a skeleton until their code arrives.
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=timeout_ms)


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page PNG as tests/e2e/screenshots/<name> (.png added if missing).

    Streamlit scrolls inside [data-testid="stMain"], not the document, so Playwright's
    full_page alone captures just the viewport: grow the viewport to the content first.
    """
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / (name if name.endswith(".png") else f"{name}.png")
    size = page.viewport_size
    height = page.evaluate(_CONTENT_HEIGHT_JS)
    try:
        if size and height > size["height"]:
            page.set_viewport_size({"width": size["width"], "height": height})
        page.screenshot(path=str(path), full_page=True, animations="disabled")
    finally:
        if size:
            page.set_viewport_size(size)
    return path


_CONTENT_HEIGHT_JS = """() => Math.ceil(Math.max(window.innerHeight,
    ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stSidebarContent"]')]
        .map(e => e.getBoundingClientRect().top + e.scrollHeight)))"""


def plotly_traces(page: Page, index: int | str = 0, timeout_ms: int = APP_TIMEOUT_MS) -> list[dict]:
    """The traces of a rendered Plotly chart, as Plotly holds them (``el.data``): name, type, x/y,
    r/theta, marker, ... so tests assert on data instead of pixels. `index`: the n-th chart on the
    page, or the key of its st.plotly_chart (a key stays right while a rerun adds or removes other
    charts; an index can move under the test's feet).

    plotly.py sends numpy/pandas arrays base64-packed ({dtype, bdata, shape}); plotly.js
    decodes them in place (``_inputArray``: a typed array, or nested arrays for 2-D). Those
    come back as plain (nested) lists, exactly like lists given in Python.
    """
    page.wait_for_function(f"w => ({_CHART_JS})(w)?.data !== undefined", arg=index, timeout=timeout_ms)
    return page.evaluate(_TRACES_JS, index)


# The chart `w`: the w-th on the page, or the one inside the container of key w.
_CHART_JS = """w => typeof w === 'number' ? document.querySelectorAll('.js-plotly-plot')[w]
  : document.querySelector('.st-key-' + w + ' .js-plotly-plot')"""

_TRACES_JS = """w => {
  // The replacer also runs on the children of what it returns, so nested (2-D) rows are
  // converted too -- but not on its own return value, hence the conversion on both branches.
  const flat = a => ArrayBuffer.isView(a) ? Array.from(a) : a;
  const plain = (k, v) =>
    v && typeof v === 'object' && 'bdata' in v && '_inputArray' in v ? flat(v._inputArray) : flat(v);
  return JSON.parse(JSON.stringify((""" + _CHART_JS + """)(w).data, plain));
}"""


# --- the hosted deployment (issue 14): PostgreSQL + two app servers + nginx (tests/e2e/deployment.py)
from tests.unit.conftest import postgres_server  # noqa: E402,F401  (the throwaway PostgreSQL server)


@pytest.fixture(scope="session")
def hosted_deployment(postgres_server):  # noqa: F811
    """A factory: `hosted_deployment(env=None, secrets=None, options=())` starts a new deployment
    (a new database on the session's PostgreSQL, two app servers, nginx) and returns it; every
    one started is stopped at the end of the session. Skipped without nginx (failed in CI)."""
    from tests.e2e.deployment import NGINX, Deployment

    if not os.access(NGINX, os.X_OK):
        message = f"nginx not found at {NGINX}; scripts/ensure_nginx.sh installs it (make test does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    made: list = []

    def start(env: dict[str, str] | None = None, secrets=None, options: tuple[str, ...] = ()):
        deployment = Deployment(postgres_server.new_database(), env, secrets, options)
        made.append(deployment)
        return deployment.start()
    try:
        yield start
    finally:
        for deployment in made:
            deployment.stop()
