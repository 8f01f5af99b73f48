"""Timing in headless Chromium, measured inside the page so that Playwright's round trips are not
in the numbers.

- A page load is timed from the navigation's start (performance.timeOrigin) to the first animation
  frame at which the app is complete: connected, the script run finished, no skeleton (lazily
  loaded element code) left, a heading drawn, and every Plotly chart on the page drawn.
- A click is timed from its pointerdown (a capturing listener, installed before the click) to the
  first animation frame at which the script run has finished and the page shows the change that only
  the server's rerun can produce (a badge, a chart title, a heading, a widget rebuilt under a new key).
  No fixed sleep is in either number.
"""
from __future__ import annotations

import os

CHROMIUM = "/usr/bin/chromium"  # Debian's; `playwright install` cannot download here
CHROMIUM_ARGS = [  # as tests/e2e/conftest.py: the network is closed, CI runs as root
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # 20 pages at once in one headless browser: none of them is "in the background".
    "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]
VIEWPORT = {"width": 1400, "height": 1000}
TIMEOUT_MS = int(os.environ.get("BENCH_TIMEOUT_MS", "60000"))

# Installed in every page before its scripts run.
INIT_JS = """
window.__bench = {t0: null, armed: false, runs: 0, runStart: null, runEnd: null};
document.addEventListener('pointerdown', () => {
  const B = window.__bench;
  if (B.armed && B.t0 === null) B.t0 = performance.now();
}, true);
// Script runs as the page sees them: when the first run after the click starts, when the last ends.
(function watch() {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) { setTimeout(watch, 10); return; }
  let last = app.getAttribute('data-test-script-state');
  new MutationObserver(() => {
    const s = app.getAttribute('data-test-script-state'), B = window.__bench, t = performance.now();
    if (s === last) return;
    if (s === 'running' && B.t0 !== null && B.runStart === null) B.runStart = t;
    if (s === 'notRunning') { B.runs++; if (B.t0 !== null) B.runEnd = t; }
    last = s;
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
})();
"""

# True when the app is complete: the run is over and everything it sent is drawn.
COMPLETE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  const s = app.getAttribute('data-test-script-state');
  if (s !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  for (const c of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (c.offsetParent !== null && !c.querySelector('.main-svg')) return false;
  }
  return true;
}"""


def _wait_js(condition: str) -> str:
    """A predicate for wait_for_function: complete and `condition` (a JS expression over `arg`);
    returns the page's clock when both hold (truthy, so waiting stops)."""
    return f"""arg => {{
  const complete = ({COMPLETE_JS})();
  if (!complete) return false;
  const ok = (() => {{ {condition} }})();
  const B = window.__bench;
  return ok ? {{t: performance.now(), t0: B.t0, runStart: B.runStart, runEnd: B.runEnd}} : false;
}}"""


# How a wait checks the page: at every animation frame (exact to a frame), or every N ms. A page
# that is not in front gets no animation frames at all in headless Chromium here, so the load step
# (20 pages at once, one in front) polls every 50 ms instead: its clicks carry up to 50 ms more.
POLLING: str | int = "raf"


async def wait_complete(page, condition: str = "return document.querySelector('h1') !== null;",
                        arg=None, timeout_ms: int | None = None) -> dict:
    handle = await page.wait_for_function(_wait_js(condition), arg=arg, polling=POLLING,
                                          timeout=timeout_ms or TIMEOUT_MS)
    return await handle.json_value()


async def timed_load(page, url: str, condition: str = "return document.querySelector('h1') !== null;",
                     arg=None, timeout_ms: int | None = None) -> float:
    """Milliseconds from navigation start to complete."""
    await page.bring_to_front()  # a tab behind another gets one animation frame a second
    await page.goto(url, wait_until="commit", timeout=timeout_ms or TIMEOUT_MS)
    done = await wait_complete(page, condition, arg, timeout_ms)
    return done["t"]


async def arm(page) -> None:
    await page.evaluate("""() => { const B = window.__bench;
      B.t0 = null; B.runStart = null; B.runEnd = null; B.armed = true; }""")


# The phases of the last timed click, when the page saw the run start and end (else None):
# ms from pointerdown to the run's start, the run (as the page sees it), and drawing after it.
LAST_SPLIT: dict = {}


# With CPU_METRICS on, each timed click also records the browser main thread's busy time (Chrome's
# Performance.getMetrics TaskDuration) from before the click to the change drawn: rendering cost.
CPU_METRICS = False
_CDP: dict = {}


async def _main_thread_s(page) -> float:
    if page not in _CDP:
        _CDP[page] = await page.context.new_cdp_session(page)
        await _CDP[page].send("Performance.enable")
    metrics = (await _CDP[page].send("Performance.getMetrics"))["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "TaskDuration")


async def runs(page) -> int:
    """Script runs the page has seen finish so far."""
    return await page.evaluate("() => window.__bench.runs")


async def timed_click(page, click, condition: str, arg=None, timeout_ms: int | None = None) -> float:
    """Milliseconds from the pointerdown of `await click()` to the change being drawn."""
    await page.bring_to_front()  # a tab behind another gets one animation frame a second
    busy0 = await _main_thread_s(page) if CPU_METRICS else None
    await arm(page)
    await click()
    done = await wait_complete(page, condition, arg, timeout_ms)
    busy = (await _main_thread_s(page) - busy0) * 1000 if CPU_METRICS else None
    await page.evaluate("() => { window.__bench.armed = false; }")
    if done["t0"] is None:
        raise RuntimeError("the click did not reach the page (no pointerdown)")
    LAST_SPLIT.clear()
    if done["runStart"] is not None and done["runEnd"] is not None and done["runEnd"] >= done["runStart"]:
        LAST_SPLIT.update(to_run=done["runStart"] - done["t0"], run=done["runEnd"] - done["runStart"],
                          draw=done["t"] - done["runEnd"])
    if busy is not None:
        LAST_SPLIT["browser_busy"] = busy
    return done["t"] - done["t0"]


async def new_context(browser, locale: str = "ja-JP"):
    ctx = await browser.new_context(viewport=VIEWPORT, locale=locale)
    ctx.set_default_timeout(TIMEOUT_MS)
    await ctx.add_init_script(INIT_JS)
    return ctx
