"""The clicks the benchmark times, in the app and in the bare app, and how each knows it is done.

Each `Click` is one user action whose result only the server's rerun can draw; its `condition` is
a JavaScript body over `arg` that is true once the page shows that result (see browser.py)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Awaitable, Callable

from csirt_data.i18n import translate

from .browser import LAST_SPLIT, TIMEOUT_MS, runs, timed_click, wait_complete

LEVELS = ["1 知識がある", "3 独力でできる"]  # a rating goes back and forth between these


def t(key: str, lang: str = "ja", **kw) -> str:
    return translate(key, lang, **kw)


# --- conditions -------------------------------------------------------------------------------------

# Some markdown block reads exactly arg.text (the bare app prints each widget's value).
MARKDOWN_IS = """return [...document.querySelectorAll('[data-testid="stMarkdownContainer"]')]
  .some(m => m.textContent.trim() === arg.text);"""

# The first heading contains arg.text.
HEADING_HAS = """const h = document.querySelector('h1'); return !!h && h.textContent.includes(arg.text);"""

# The role board (components/role_board, in a shadow root): the server acknowledged the board's
# change number arg.seq, nothing is waiting, and role arg.role's badge reads arg.text (the run that
# applied, saved and drew the change back, the sidebar's figures included, has finished).
ROLE_BOARD_ACKED = """const h = document.querySelector('.st-key-role_board [data-testid="stBidiComponentIsolated"]');
  const w = h && h.shadowRoot && h.shadowRoot.querySelector('.rb');
  const badge = w && w.querySelector('.role[data-role="' + arg.role + '"] .badge');
  return !!badge && Number(w.dataset.acked) >= arg.seq && w.dataset.pending === '0' && badge.textContent === arg.text;"""

# The rating widget (components/rating, in a shadow root): the server acknowledged the widget's
# rating number arg.seq and nothing is waiting (its rerun applied, saved and drew it back).
RATING_ACKED = """const h = document.querySelector('.st-key-rating_widget [data-testid="stBidiComponentIsolated"]');
  const w = h && h.shadowRoot && h.shadowRoot.querySelector('.rw');
  return !!w && Number(w.dataset.acked) >= arg.seq && w.dataset.pending === '0';"""

# "Next rating possible": the first frame after the pointerdown at which the widget's next row has
# the focus (it takes a key from then on), as ms after the pointerdown, into window.__bench.ready.
WATCH_NEXT_READY = """i => { const B = window.__bench; B.ready = null;
  const root = document.querySelector('.st-key-rating_widget [data-testid="stBidiComponentIsolated"]').shadowRoot;
  const on = ev => { const row = ev.target.closest && ev.target.closest('.row');
    if (!row || Number(row.dataset.i) !== i) return;
    root.removeEventListener('focusin', on);
    requestAnimationFrame(() => { B.ready = performance.now() - B.t0; }); };
  root.addEventListener('focusin', on); }"""

# Every visible chart is new or has a new title (snapshotted by SNAPSHOT_CHARTS before the click);
# optionally the heading contains arg.text too.
CHARTS_CHANGED = """if (arg.text) { const h = document.querySelector('h1');
    if (!h || !h.textContent.includes(arg.text)) return false; }
  const B = window.__bench;
  const vis = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].filter(c => c.offsetParent !== null);
  return vis.length > 0 && vis.every(c => {
    const p = c.querySelector('.js-plotly-plot'); if (!p) return false;
    const title = (p.querySelector('.gtitle') || {}).textContent || '';
    return !B.charts.has(p) || B.charts.get(p) !== title; });"""
# The one visible chart's title is arg.title.
CHART_TITLE_IS = """const vis = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].filter(c => c.offsetParent !== null);
  return vis.length === 1 && ((vis[0].querySelector('.gtitle') || {}).textContent || '') === arg.title;"""
SNAPSHOT_CHARTS = """() => { const B = window.__bench; B.charts = new WeakMap();
  for (const p of document.querySelectorAll('.js-plotly-plot'))
    B.charts.set(p, (p.querySelector('.gtitle') || {}).textContent || ''); }"""


@dataclass
class Click:
    """A repeatable action: `step(page, n)` does the n-th time (alternating values) and returns ms."""
    name: str
    step: Callable[..., Awaitable[float]]


# --- the app ------------------------------------------------------------------------------------------

async def _open_select(page, container: str, label: str):
    """Opens a selectbox (a react-aria ComboBox in Streamlit 1.67) from the keyboard and returns its
    option `label`. (A mouse click on a box just scrolled into view sometimes only focuses it.)"""
    await page.bring_to_front()
    box = page.locator(container)
    await box.scroll_into_view_if_needed()
    await box.locator('[role="combobox"]').focus()
    await page.keyboard.press("ArrowDown")
    option = page.get_by_role("option", name=label, exact=True)
    try:
        await option.wait_for(timeout=1000)
    except Exception:  # noqa: BLE001 - playwright's TimeoutError: try the box's open button
        await box.locator('button[aria-haspopup="listbox"]').click()
        await option.wait_for()
    return option


async def role_status(page, n: int, role: str = "incident_handler") -> float:
    """Roles page: one click on a role's status in the role board, in-house <-> outsourced."""
    await page.bring_to_front()
    host = page.locator('.st-key-role_board [data-testid="stBidiComponentIsolated"]')
    row = host.locator(f'.role[data-role="{role}"]')
    await row.scroll_into_view_if_needed()
    shown = await row.locator('.badge').inner_text()
    label = t("status.in_house") if shown == t("status.outsourced") else t("status.outsourced")  # as flow_time
    seq = int(await host.evaluate("h => h.shadowRoot.querySelector('.rb').dataset.seq || '0'"))
    radio = row.get_by_role("radio", name=label, exact=True)
    return await timed_click(page, radio.click, ROLE_BOARD_ACKED, {"role": role, "seq": seq + 1, "text": label})


async def _open_grid_cell(page, container: str, label: str, col: int, row: int = 0):
    """Open the selectbox editor of column `col` in `row` of a Glide grid, from the keyboard as
    Streamlit's own tests do (click the row's first cell, arrow right to the column, Enter), and
    return the option `label` of its menu. Focus is taken off any other widget first (a combobox
    that still has it eats the first click)."""
    await page.bring_to_front()
    await page.evaluate("() => document.activeElement && document.activeElement.blur()")
    canvas = page.locator(container).get_by_test_id("data-grid-canvas").first
    portal = page.locator("#portal")
    option = portal.get_by_role("option", name=label, exact=True)
    for _ in range(3):
        box = await canvas.bounding_box()
        # 38 px header, 35 px rows (Streamlit's defaults).
        await page.mouse.click(box["x"] + 20, box["y"] + 38 + 35 * row + 17)
        for _ in range(col):
            await page.keyboard.press("ArrowRight")
        await page.keyboard.press("Enter")
        try:
            await option.wait_for(timeout=1500)
            return option
        except Exception:  # noqa: BLE001 - playwright's TimeoutError
            pass
        if await portal.locator(".glide-select").count():
            await portal.locator(".glide-select").click()
            try:
                await option.wait_for(timeout=1000)
                return option
            except Exception:  # noqa: BLE001
                pass
        await page.keyboard.press("Escape")
    raise RuntimeError(f"the grid's editor did not open with option {label!r}")


async def rating(page, n: int) -> float:
    """Skills page: the first person's first skill in the rating widget: one click on a level.
    Done when the server has applied, saved and acknowledged it (RATING_ACKED). Also records
    LAST_SPLIT["next_ready"]: when the next skill was focused, ready for the next rating."""
    level = LEVELS[n % 2].split()[0]
    host = page.locator('.st-key-rating_widget [data-testid="stBidiComponentIsolated"]')
    await host.scroll_into_view_if_needed()
    seq = int(await host.evaluate("h => h.shadowRoot.querySelector('.rw').dataset.seq || '0'"))
    await page.evaluate(WATCH_NEXT_READY, 1)
    radio = host.locator('.row[data-i="0"] .lv[data-level="%s"]' % level)
    ms = await timed_click(page, radio.click, RATING_ACKED, {"seq": seq + 1})
    ready = await page.evaluate("() => window.__bench.ready")
    if ready is not None:
        LAST_SPLIT["next_ready"] = ready
    return ms


async def open_flow_tab(page) -> None:
    await page.get_by_role("tab", name=t("results.tab_flow")).click()
    await page.locator(".st-key-flow_time").wait_for()


def _time_names(lang: str = "ja") -> dict[str, str]:
    from csirt_data import load_catalogue
    return {x.id: x.name.get(lang) for x in load_catalogue().flows.times}


async def flow_time(page, n: int) -> float:
    """Results page, tab 関連図: its tabs 平常時 <-> インシデント対応時 (since 2026-12-02; a segmented
    control before, which reran the diagram's fragment)."""
    names = _time_names()
    box = page.locator(".st-key-flow_time")
    # The time not shown now (not n's parity: one swallowed click would put every later one out of
    # step, each then clicking the time already shown and waiting for a change that never comes).
    shown = (await box.get_by_role("tab", selected=True).inner_text()).strip()
    label = names["normal"] if shown == names["incident"] else names["incident"]
    button = box.get_by_role("tab", name=label, exact=True)
    # Done when the diagram of the chosen time is drawn (its title names the time).
    return await timed_click(page, button.click, CHART_TITLE_IS, {"title": t("flow.title", time=label)})


async def language(page, n: int = 0, title_key: str = "results.title") -> float:
    """Sidebar segmented control 日本語 -> English, on the page showing `title_key` (Results: every
    chart on the visible tab must be redrawn in English too). Only this direction is timed: the way
    back is `language_back` (see docs/performance.md: the app swallows the first switch back)."""
    await page.evaluate(SNAPSHOT_CHARTS)
    button = page.locator(".st-key-lang_switch").get_by_role("radio", name="English", exact=True)
    charts = await page.locator('[data-testid="stPlotlyChart"]').count()
    condition = CHARTS_CHANGED if charts else HEADING_HAS
    return await timed_click(page, button.click, condition, {"text": t(title_key, "en")})


async def _click_until(page, button, condition: str, arg: dict, tries: int = 3) -> None:
    """Untimed: click `button` until `condition` holds after a finished script run (a click the app
    swallows is clicked again; see docs/performance.md). The charts are snapshot once, before the
    first click: a run that came too late for one wait is then still seen by the next check, where
    a new snapshot would take the new charts for the old and wait for a change that never comes."""
    await page.evaluate(SNAPSHOT_CHARTS)
    seen = []
    for _ in range(tries):
        before = await runs(page)
        await button.click()
        try:
            # Untimed waits, bounded: on the shared 2 cores a run can take seconds under others' load.
            await page.wait_for_function("n => window.__bench.runs > n", arg=before, timeout=TIMEOUT_MS // 2)
        except Exception:  # noqa: BLE001 - no run started: swallowed, or the change is already there
            seen.append("no run")
            if await _holds(page, condition, arg):
                return
            continue
        try:
            await wait_complete(page, condition, arg, timeout_ms=TIMEOUT_MS // 2)
            return
        except Exception:  # noqa: BLE001 - a run, but not the change: click again
            seen.append("a run without the change")
    raise RuntimeError(f"the click did not take effect ({', '.join(seen)})")


async def _holds(page, condition: str, arg: dict) -> bool:
    try:
        await wait_complete(page, condition, arg, timeout_ms=2000)
        return True
    except Exception:  # noqa: BLE001 - it does not
        return False


async def language_back(page, title_key: str = "results.title") -> None:
    """Back to 日本語, untimed."""
    charts = await page.locator('[data-testid="stPlotlyChart"]').count()
    await _click_until(page, page.locator(".st-key-lang_switch").get_by_role("radio", name="日本語", exact=True),
                       CHARTS_CHANGED if charts else HEADING_HAS, {"text": t(title_key, "ja")})


async def nav(page, page_key: str, title_key: str) -> float:
    """A page of the sidebar navigation, in the same session."""
    link = page.get_by_test_id("stSidebarNav").get_by_role("link", name=t(page_key), exact=True)
    return await timed_click(page, link.click, HEADING_HAS, {"text": t(title_key)})


# --- the bare app -------------------------------------------------------------------------------------

BARE_STATUS = ["アウトソーシング", "自組織保有"]
BARE_TIME = ["インシデント対応時", "平常時"]


async def bare_select(page, n: int) -> float:
    label = BARE_STATUS[n % 2]
    option = await _open_select(page, ".st-key-status", label)
    return await timed_click(page, option.click, MARKDOWN_IS, {"text": f"status: {label}"})


async def bare_grid(page, n: int) -> float:
    label = LEVELS[n % 2]
    option = await _open_grid_cell(page, ".st-key-grid", label, col=1)
    return await timed_click(page, option.click, MARKDOWN_IS, {"text": f"level of skill 0: {label}"})


async def bare_segmented(page, n: int) -> float:
    label = BARE_TIME[n % 2]
    button = page.locator(".st-key-time").get_by_role("radio", name=label, exact=True)
    return await timed_click(page, button.click, MARKDOWN_IS, {"text": f"time: {label}"})


async def bare_language(page, n: int = 0) -> float:
    button = page.locator(".st-key-lang").get_by_role("radio", name="English", exact=True)
    return await timed_click(page, button.click, HEADING_HAS, {"text": "Widgets"})


async def bare_language_back(page) -> None:
    await page.locator(".st-key-lang").get_by_role("radio", name="日本語", exact=True).click()
    await wait_complete(page, HEADING_HAS, {"text": "ウィジェット"})


# --- an edit before a click: the next click finds no figure cached for the new version ---------------

async def edit_organisation(page, n: int, title_key: str = "results.title") -> None:
    """Untimed: a new organisation name in the sidebar, which bumps the assessment's version (the
    box keeps its key; the run it starts is waited for)."""
    box = page.locator('[class*="st-key-org-"] input')
    before = await runs(page)
    await box.fill(f"ベンチマーク {n}")
    await box.press("Enter")
    await page.wait_for_function("n => window.__bench.runs > n", arg=before, timeout=TIMEOUT_MS)
    await wait_complete(page, HEADING_HAS, {"text": t(title_key)})


async def flow_time_after_edit(page, n: int) -> float:
    await edit_organisation(page, n)
    return await flow_time(page, n)


async def language_after_edit(page, n: int) -> float:
    await edit_organisation(page, n)
    ms = await language(page, n)
    await language_back(page)
    return ms


async def language_roles_after_edit(page, n: int) -> float:
    """The same switch on the Roles page, which has no chart: what the language costs without one."""
    await edit_organisation(page, n, "roles.title")
    ms = await language(page, n, "roles.title")
    await language_back(page, "roles.title")
    return ms


async def bare_language_both(page, n: int) -> float:
    ms = await bare_language(page, n)
    await bare_language_back(page)
    return ms
