"""The benchmark: CSIRT Self-Check against a bare Streamlit app, side by side, in headless Chromium.

    python -m bench            # or: make bench   (about 8 minutes on 2 cores)
    python -m bench --quick    # fewer samples, no load test: a smoke run of the harness

It starts three servers on free 127.0.0.1 ports: the bare app (bench/bare_app.py), the app
(app.py, with the sample organisation ?demo=B) and the app through bench/entry.py (the same app.py
with the generated scale organisation, ?bench=scale, and a timer around each script run). Then:

1. cold start: a new server process until the Start page is completely drawn (bare: its first page);
2. deep-link load of every page in a new browser tab (a new Streamlit session each time);
3. click to visible update: a role's status, a rating, the flow diagram's time (with the figure
   cached, and as the first click after an edit), the language (first click after an edit);
4. server time of one script run per page at scale (streamlit.testing, timed inside the script);
5. load: 20 browser contexts at once, each walking through on its own session with ~1 s pauses
   (one round each, started 2 s apart, bounded in time; loopback only), against one session walking
   alone, with the server on one core and the browsers on the other; and memory per added session:
   the server's RSS growth with those 20 sessions open.

`--steps` and `--only` run a subset (to compare one change); the bare floors always run.

Samples of the app and the bare app alternate, so a slow spell of the shared machine hits both.
Prints a table (median, p90, ratio to bare) and, as its last line, one JSON object with the ratios.
The method and the latest numbers: docs/performance.md.
"""
from __future__ import annotations

import argparse
import asyncio
import copy
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from . import browser as browser_mod
from . import clicks as C
from . import machine
from .browser import CHROMIUM, CHROMIUM_ARGS, LAST_SPLIT, new_context, timed_load
from .servers import BENCH, REPO, Server, app_pages, entry_script, served_script

PAGES = app_pages()
# Issue 13's targets: a rating 1.3x; role status, flow and language 1.5x; page loads 1.5x (Results and
# Executive, with their charts, 1.8x).
TARGETS = {"click": 1.5, "rating": 1.3, "load": 1.5, "charts": 1.8, "server_ms": 30.0, "session_mb": 20.0,
           "load_p95": 2.0}
CHART_PAGES = ("results", "executive")
STEPS = ("cold", "loads", "clicks", "server", "load")
OUT = BENCH / "out"


# --- numbers ------------------------------------------------------------------------------------------

def pct(values: list[float], q: float) -> float | None:
    """The q-quantile (0..1), linear between closest ranks; None for no values."""
    v = sorted(values)
    if not v:
        return None
    k = (len(v) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def med(values):
    return pct(values, 0.5)


def fmt(x, unit="") -> str:
    if x is None:
        return "—"
    return f"{x:.0f}{unit}" if abs(x) >= 10 else f"{x:.1f}{unit}"


class Results:
    def __init__(self):
        self.samples: dict[str, list[float]] = {}
        self.errors: dict[str, list[str]] = {}
        self.extra: dict = {}

    def add(self, name: str, value: float) -> None:
        self.samples.setdefault(name, []).append(value)

    def error(self, name: str, exc: BaseException) -> None:
        self.errors.setdefault(name, []).append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
        print(f"  ! {name}: {self.errors[name][-1]}", file=sys.stderr, flush=True)

    def med(self, name):
        return med(self.samples.get(name, []))

    def p90(self, name):
        return pct(self.samples.get(name, []), 0.9)


_T0 = time.perf_counter()


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')} +{time.perf_counter() - _T0:.0f}s] {msg}", file=sys.stderr, flush=True)


# --- 1. cold start ----------------------------------------------------------------------------------

async def cold_starts(browser, res: Results, n: int) -> None:
    log(f"cold start x{n}")
    for i in range(n):
        for name, script, path in (("bare", BENCH / "bare_app.py", "/"), ("app", REPO / "serve.py", "/start?lang=ja")):
            srv = Server(f"cold-{name}", script).start()
            try:
                healthy = srv.wait_healthy(poll_s=0.02)
                ctx = await new_context(browser)
                page = await ctx.new_page()
                t_nav = time.perf_counter()
                ms = await timed_load(page, srv.url + path)
                res.add(f"cold/{name}", (t_nav - srv.started_at) * 1000 + ms)
                res.add(f"cold_healthy/{name}", healthy * 1000)
                await ctx.close()
            except Exception as exc:  # noqa: BLE001 - recorded, the run goes on
                res.error(f"cold/{name}", exc)
            finally:
                srv.stop()


# --- 2. page loads ----------------------------------------------------------------------------------

def selected(name: str, only: list[str] | None) -> bool:
    """--only: a series is run when its name contains one of the given words (the bare floors are
    always run: every ratio needs its floor in the same run)."""
    return not only or "/bare/" in name or any(w in name for w in only)


async def page_loads(ctxs: dict, servers: dict, res: Results, n: int, only=None) -> None:
    # The floors: the bare app's first page, and its page with one Plotly chart (charting pages).
    series = [("load/bare/start", "bare", "/"), ("load/bare/chart", "bare", "/chart")]
    for p in PAGES:
        series.append((f"load/demo/{p}", "demo", f"/{p}?lang=ja&demo=B"))
        series.append((f"load/scale/{p}", "scale", f"/{p}?lang=ja&bench=scale"))
    series = [s for s in series if selected(s[0], only)]
    log(f"page loads: {len(series)} pages x{n} (+1 warm-up each)")
    for i in range(n + 1):
        for name, srv, path in series:
            page = await ctxs[srv].new_page()
            try:
                ms = await timed_load(page, servers[srv].url + path)
                if i:  # the first round warms the server's code paths and the browser's cache
                    res.add(name, ms)
                if await page.locator('[data-testid="stException"]').count():
                    raise RuntimeError("the page shows an exception")
            except Exception as exc:  # noqa: BLE001
                res.error(name, exc)
            finally:
                await page.close()


# --- 3. clicks ----------------------------------------------------------------------------------------

CLICK_SERIES = [  # name, server, path, setup, step
    ("click/bare/selectbox", "bare", "/widgets", None, C.bare_select),
    ("click/bare/grid", "bare", "/widgets", None, C.bare_grid),
    ("click/bare/segmented", "bare", "/widgets", None, C.bare_segmented),
    ("click/bare/language", "bare", "/widgets", None, C.bare_language_both),
]
for _org, _q in (("demo", "demo=B"), ("scale", "bench=scale")):
    CLICK_SERIES += [
        (f"click/{_org}/role_status", _org, f"/roles?lang=ja&{_q}", None, C.role_status),
        (f"click/{_org}/rating", _org, f"/skills?lang=ja&{_q}", None, C.rating),
        (f"click/{_org}/flow", _org, f"/results?lang=ja&{_q}", C.open_flow_tab, C.flow_time),
    ] + ([(f"click/{_org}/flow_after_edit", _org, f"/results?lang=ja&{_q}", C.open_flow_tab,
           C.flow_time_after_edit)] if _org == "scale" else []) + [
        (f"click/{_org}/language_after_edit", _org, f"/results?lang=ja&{_q}", None, C.language_after_edit),
    ] + ([(f"click/{_org}/language_roles_after_edit", _org, f"/roles?lang=ja&{_q}", None,
           C.language_roles_after_edit)] if _org == "scale" else [])
FLOOR = {"role_status": "selectbox", "rating": "grid", "flow": "segmented", "flow_after_edit": "segmented",
         "language_after_edit": "language", "language_roles_after_edit": "language"}
WARMUP = 2


async def click_timings(ctxs: dict, servers: dict, res: Results, n: int, only=None) -> None:
    series = [s for s in CLICK_SERIES if selected(s[0], only)]
    log(f"clicks: {len(series)} series x{n} (+{WARMUP} warm-up each)")
    browser_mod.CPU_METRICS = True
    pages = {}
    broken = set()
    for name, srv, path, setup, _ in series:
        page = await ctxs[srv].new_page()
        pages[name] = page
        try:
            await timed_load(page, servers[srv].url + path)
            if setup:
                await setup(page)
        except Exception as exc:  # noqa: BLE001 - that series is given up, the run goes on
            res.error(name, exc)
            broken.add(name)
    for i in range(n + WARMUP):
        for name, _, _, _, step in series:
            if name in broken:
                continue
            try:
                ms = await step(pages[name], i)
                if i >= WARMUP:
                    res.add(name, ms)
                    for phase, v in LAST_SPLIT.items():  # where the time went, as the page saw it
                        res.add(f"{name}:{phase}", v)
            except Exception as exc:  # noqa: BLE001 - a series that fails twice is given up
                res.error(name, exc)
                try:  # what the page showed when it failed, for the reader of the errors
                    await pages[name].screenshot(path=str(OUT / f"error-{name.replace('/', '_')}-{i}.png"))
                except Exception:  # noqa: BLE001
                    pass
                if len(res.errors[name]) >= 2:
                    broken.add(name)
    browser_mod.CPU_METRICS = False
    for page in pages.values():
        await page.close()


# --- 4. server time per script run at scale --------------------------------------------------------

def server_times(res: Results, n: int, timing_log: Path, only=None) -> None:
    """streamlit.testing runs bench/entry.py in this process; entry.py times each script run."""
    from streamlit.testing.v1 import AppTest

    from .profile import bump, quiet_apptest
    log(f"server time per run at scale: {len(PAGES)} pages x{n}")
    quiet_apptest()
    os.environ["BENCH_TIMING_LOG"] = str(timing_log)
    os.environ.setdefault("BENCH_REPO", str(REPO))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CSIRT_SELFCHECK_DATA_DIR"] = tmp  # saved work: a database of its own
        os.environ.pop("CSIRT_SELFCHECK_DATABASE_URL", None)
        script = entry_script(Path(tmp))

        def new(page):
            at = AppTest.from_file(str(script), default_timeout=120)
            at.query_params.update({"bench": "scale", "lang": "ja"})
            if page != "start":
                at.switch_page(f"app_pages/{page}.py")
            return at

        def last_ms():
            return json.loads(timing_log.read_text().splitlines()[-1])["ms"]

        new("results").run()  # imports and process-wide caches
        pages = [p for p in PAGES if selected(f"server/{p}", only)]
        for _ in range(n):
            for page in pages:
                try:
                    at = new(page)
                    at.run()
                    res.add(f"server/first/{page}", last_ms())
                    at.run()
                    res.add(f"server/rerun/{page}", last_ms())
                    bump(at)
                    at.run()
                    res.add(f"server/edit/{page}", last_ms())
                    if at.exception:
                        raise RuntimeError(at.exception[0].value)
                except Exception as exc:  # noqa: BLE001
                    res.error(f"server/{page}", exc)
    os.environ.pop("BENCH_TIMING_LOG", None)


# --- 5. load, and memory per session ------------------------------------------------------------------------------------------

THINK_S = (0.5, 1.5)  # a person pauses between clicks; the same pauses for the app and the bare app
LOAD_POLL_MS = 50  # the load step's waits check the page this often (see browser.POLLING)
LOAD_TIMEOUT_MS = 180_000  # and wait this long at most
START_GAP_S = 2.0  # between one session's start and the next


async def think(rng) -> None:
    await asyncio.sleep(rng.uniform(*THINK_S))


async def app_round(ctx, url: str, out: list, errors: list, rng, keep: bool = False):
    """A walk-through on its own new session at scale: each click's time goes to `out`."""
    page = await ctx.new_page()
    try:
        await timed_load(page, f"{url}/roles?lang=ja&bench=scale")
        steps = [lambda: C.role_status(page, 0), lambda: C.nav(page, "page.skills", "skills.title"),
                 lambda: C.rating(page, 0), lambda: C.nav(page, "page.results", "results.title"),
                 lambda: C.open_flow_tab(page), lambda: C.flow_time(page, 0), lambda: C.language(page, 0)]
        for step in steps:
            await think(rng)
            ms = await step()
            if ms is not None:
                out.append(ms)
        if await page.locator('[data-testid="stException"]').count():
            raise RuntimeError("the page shows an exception")
    except Exception as exc:  # noqa: BLE001
        errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
    if not keep:
        await page.close()
    return page


async def bare_round(ctx, url: str, out: list, errors: list, rng, keep: bool = False):
    page = await ctx.new_page()
    try:
        await timed_load(page, f"{url}/widgets")
        for step in (C.bare_select, C.bare_grid, C.bare_segmented, C.bare_language):
            await think(rng)
            out.append(await step(page, 0))
    except Exception as exc:  # noqa: BLE001
        errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
    if not keep:
        await page.close()
    return page


def _runs(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def _count_alone(rows: list[dict]) -> int:
    """Runs of the sessions after the first (the warm-up walk) in the log so far."""
    first = rows[0]["session"] if rows else None
    return sum(r["session"] != first for r in rows)


def _cores() -> tuple[str | None, set[int] | None]:
    """The server's core and the browsers' cores for the load step, as bench/workshop.py splits
    them: on 2 shared cores 20 Chromium renderers would otherwise starve the server they measure."""
    cores = sorted(os.sched_getaffinity(0))
    if len(cores) < 2:
        return None, None
    return str(cores[0]), set(cores[1:])


async def load(pw, res: Results, users: int, rounds_alone: int, deadline_s: float, timing_log: Path) -> None:
    """On a new server each: one session walking alone (`rounds_alone` times), then `users` sessions
    walking at once, each in its own browser context. The server runs on one core and the browsers
    (a browser of this step's own, started pinned) on the other. The app's server's RSS is read after
    the first walk and with all `users` sessions still open: the growth per session is the memory
    figure. A walk not finished by the deadline is counted as a time-out, and its clicks so far count."""
    import random
    timing_log.unlink(missing_ok=True)
    server_core, browser_cores = _cores()
    mine = os.sched_getaffinity(0)
    if browser_cores:
        os.sched_setaffinity(0, browser_cores)  # this thread, and the Chromium it starts now
    try:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    finally:
        os.sched_setaffinity(0, mine)
    res.extra["load_cores"] = {"server": server_core, "browsers": sorted(browser_cores or mine)}
    browser_mod.POLLING = LOAD_POLL_MS  # 19 of the 20 pages are behind: no animation frames there
    # 20 Streamlit frontends loading on one shared core take more than a minute each: longer waits,
    # still bounded (a wait that times out is counted, and the walk's deadline bounds it all).
    timeout_ms, browser_mod.TIMEOUT_MS = browser_mod.TIMEOUT_MS, LOAD_TIMEOUT_MS
    with tempfile.TemporaryDirectory() as tmp:
        for name, script, walk in (("bare", BENCH / "bare_app.py", bare_round),
                                   ("app", served_script(Path(tmp)), app_round)):
            srv = Server(f"load-{name}", script, timing_log if name == "app" else None, cpus=server_core).start()
            try:
                srv.wait_healthy()
                log(f"load/{name}: 1 session x{rounds_alone}, then {users} at once (new server)")
                rng = random.Random(6)
                ctx = await new_context(browser)
                await walk(ctx, srv.url, [], [], rng)  # imports, catalogue, layouts: paid once per process
                await asyncio.sleep(2)
                base = srv.rss_mb()
                alone, errors = [], []
                for _ in range(rounds_alone):
                    await walk(ctx, srv.url, alone, errors, rng)
                await ctx.close()
                ctxs = [await new_context(browser) for _ in range(users)]
                many, errors_many = [], []
                logged = _runs(timing_log) if name == "app" else []
                cpu0, t0 = srv.cpu_s(), time.perf_counter()

                async def user(ctx, k):
                    await asyncio.sleep(k * START_GAP_S)  # people do not all open the link in the same second
                    return await walk(ctx, srv.url, many, errors_many, random.Random(k), keep=True)

                tasks = [asyncio.ensure_future(user(c, k)) for k, c in enumerate(ctxs)]
                done, late = await asyncio.wait(tasks, timeout=deadline_s)
                for t in late:
                    t.cancel()
                await asyncio.gather(*late, return_exceptions=True)
                wall, cpu = time.perf_counter() - t0, srv.cpu_s() - cpu0
                await asyncio.sleep(2)
                after = srv.rss_mb()
                for c in ctxs:
                    await c.close()
                for v in alone:
                    res.add(f"load/{name}/1", v)
                for v in many:
                    res.add(f"load/{name}/{users}", v)
                res.add(f"memory/{name}/per_session_mb", (after - base) / users)
                if name == "app":  # script runs as the server timed them: alone, then with `users` at once
                    runs = _runs(timing_log)
                    alone_ms = [r["ms"] for r in logged[-_count_alone(logged):]] if logged else []
                    for v in alone_ms:
                        res.add("load/server_run/1", v)
                    for r in runs[len(logged):]:
                        res.add(f"load/server_run/{users}", r["ms"])
                timeouts = sum("Timeout" in e for e in errors_many)
                res.extra[f"load_{name}"] = {
                    "users": users, "clicks_alone": len(alone), "clicks_together": len(many),
                    "walks_done": len(done), "walks_late": len(late), "wait_timeouts": timeouts,
                    "errors_alone": errors, "errors_together": errors_many, "wall_s": round(wall, 1),
                    "server_cpu_s": round(cpu, 1), "server_cpu_share": round(cpu / wall, 2),
                    "rss_base_mb": round(base, 1), "rss_after_mb": round(after, 1)}
                log(f"load/{name}: {len(done)} walks done, {len(late)} late, {timeouts} waits timed out, "
                    f"{len(many)} clicks timed")
            except Exception as exc:  # noqa: BLE001
                res.error(f"load/{name}", exc)
            finally:
                srv.stop()
    await browser.close()
    browser_mod.POLLING, browser_mod.TIMEOUT_MS = "raf", timeout_ms


# --- report -------------------------------------------------------------------------------------------

def ratio(a, b):
    return None if a is None or not b else a / b


def report(res: Results, args, info: dict) -> dict:
    rows, ratios, met = [], {}, {}

    def row(label, name, floor=None, target=None, key=None, unit=" ms", value=None):
        if value is None and not res.samples.get(name):
            return
        m = res.med(name) if value is None else value
        r = ratio(m, res.med(floor)) if floor else None
        ok = None
        if target is not None:
            ok = (r if floor else m) is not None and (r if floor else m) <= target
        rows.append((label, fmt(res.med(floor), unit) if floor else "", fmt(m, unit), fmt(res.p90(name), unit)
                     if value is None else "", f"{r:.2f}×" if r else "",
                     ("≤ " + (f"{target}×" if floor else f"{target:g}{unit}")) if target is not None else "",
                     "" if ok is None else ("yes" if ok else "NO")))
        if key:
            ratios[key] = round(r, 2) if (floor and r) else (round(m, 2) if m is not None else None)
            if ok is not None:
                met[key] = ok

    row("cold start → Start page drawn", "cold/app", "cold/bare", key="cold_start")
    for org in ("demo", "scale"):
        for p in PAGES:
            target = TARGETS["charts"] if p in CHART_PAGES else TARGETS["load"]
            row(f"load /{p} ({org})", f"load/{org}/{p}", "load/bare/start", target, f"load_{p}_{org}")
            if p in CHART_PAGES:  # against a bare page that draws one chart of the same size
                row(f"load /{p} ({org}) vs bare chart page", f"load/{org}/{p}", "load/bare/chart",
                    key=f"load_{p}_{org}_vs_chart")
    for org in ("demo", "scale"):
        for what, floor in FLOOR.items():
            target = TARGETS["rating"] if what == "rating" else TARGETS["click"]
            if org == "demo":
                target = None  # the click target is at scale; the small org is shown for contrast
            row(f"click {what} ({org})", f"click/{org}/{what}", f"click/bare/{FLOOR[what]}", target,
                f"click_{what}_{org}")
    for p in PAGES:
        row(f"server: /{p} rerun after an edit (scale)", f"server/edit/{p}", None, TARGETS["server_ms"],
            f"server_edit_{p}_ms")
    for p in PAGES:
        row(f"server: /{p} first run (scale)", f"server/first/{p}", key=f"server_first_{p}_ms")
        row(f"server: /{p} rerun, nothing changed (scale)", f"server/rerun/{p}", key=f"server_rerun_{p}_ms")
    row("memory per added session, bare (RSS growth / sessions)", "memory/bare/per_session_mb", unit=" MB",
        key="session_mb_bare")
    row(f"memory per added session (scale; {args.users} sessions)", "memory/app/per_session_mb", None,
        TARGETS["session_mb"], "session_mb", unit=" MB")
    for name in ("bare", "app"):
        one, many = res.samples.get(f"load/{name}/1", []), res.samples.get(f"load/{name}/{args.users}", [])
        if not one:
            continue
        p95_1, p95_n = pct(one, 0.95), pct(many, 0.95)
        rows.append((f"load {name}: p50 1 session / {args.users}", "", f"{fmt(med(one), ' ms')} / {fmt(med(many), ' ms')}",
                     "", "", "", ""))
        r = ratio(p95_n, p95_1)
        ok = r is not None and r <= TARGETS["load_p95"] and not res.extra[f"load_{name}"]["errors_together"]
        rows.append((f"load {name}: p95 1 session / {args.users}", "", f"{fmt(p95_1, ' ms')} / {fmt(p95_n, ' ms')}",
                     "", f"{r:.2f}×" if r else "", f"≤ {TARGETS['load_p95']}×" if name == "app" else "",
                     ("yes" if ok else "NO") if name == "app" else ""))
        ratios[f"load_{name}_p95_ratio"] = round(r, 2) if r else None
        x = res.extra[f"load_{name}"]
        rows.append((f"load {name}: walks done / late (deadline) / waits timed out", "",
                     f"{x['walks_done']} / {x['walks_late']} / {x['wait_timeouts']}", "", "", "", ""))
        ratios[f"load_{name}_walks"] = [x["walks_done"], x["walks_late"], x["wait_timeouts"]]
        errs = res.extra[f"load_{name}"]["errors_alone"] + res.extra[f"load_{name}"]["errors_together"]
        if errs:
            res.errors.setdefault(f"load/{name}", []).extend(errs)
        ratios[f"load_{name}_p50_ms"] = [round(med(one) or 0), round(med(many) or 0)]
        if name == "app":
            met["load_p95"] = ok
    one, many = res.samples.get("load/server_run/1", []), res.samples.get(f"load/server_run/{args.users}", [])
    if one and many:
        rows.append((f"load app: server script run p50 / p95, 1 session", "",
                     f"{fmt(med(one), ' ms')} / {fmt(pct(one, 0.95), ' ms')}", "", "", "", ""))
        rows.append((f"load app: server script run p50 / p95, {args.users} at once", "",
                     f"{fmt(med(many), ' ms')} / {fmt(pct(many, 0.95), ' ms')}", "", "", "", ""))
        ratios["load_server_run_ms"] = {"1": [round(med(one)), round(pct(one, 0.95))],
                                        str(args.users): [round(med(many)), round(pct(many, 0.95))]}
        ratios["load_server_cpu_share"] = res.extra.get("load_app", {}).get("server_cpu_share")
    widths = [max(len(str(r[i])) for r in rows + [HEAD]) for i in range(len(HEAD))]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths))  # noqa: E731
    print()
    print(f"CSIRT Self-Check vs bare Streamlit — {info['date']} — {info['machine']['nproc']} cores "
          f"{info['machine']['cpu']}, {info['machine']['memory_gib']} GiB — samples: {args.samples} per click, "
          f"{args.loads} per load, {args.colds} cold starts")
    print(line(HEAD))
    print(line(["-" * w for w in widths]))
    for r in rows:
        print(line(r))
    phases = ("to_run", "run", "draw", "browser_busy")
    split = [(n, [res.med(f"{n}:{k}") for k in phases]) for n, *_ in CLICK_SERIES
             if res.samples.get(f"{n}:browser_busy") or res.samples.get(f"{n}:run")]
    if split:
        print("\nwhere a click's time goes (medians, as the page saw it): pointerdown → script run starts | "
              "the run, with its messages drawn as they come | drawing after the run's end || browser main "
              "thread busy during the click")
        for n, vals in split:
            a, b, c, d = (fmt(v, " ms") for v in vals)
            print(f"  {n:<36} {a:>8} | {b:>8} | {c:>8} || {d:>8}")
            ratios[n.replace("/", "_") + "_split_ms"] = [round(x) if x is not None else None for x in vals]
    ready = [(n, res.samples[f"{n}:next_ready"]) for n, *_ in CLICK_SERIES if res.samples.get(f"{n}:next_ready")]
    if ready:  # issue 13: the next rating possible within 300 ms median at the lead's grid
        print("\nnext rating possible (pointerdown on a level → the next skill focused, first frame after):")
        for n, xs in ready:
            print(f"  {n:<36} median {fmt(med(xs), ' ms')}, p95 {fmt(pct(xs, 0.95), ' ms')} (target median ≤ 300 ms)")
            ratios[n.replace("/", "_") + "_next_ready_ms"] = [round(med(xs)), round(pct(xs, 0.95))]
            met[n.replace("/", "_") + "_next_ready"] = med(xs) <= 300
    if res.errors:
        print("\nerrors:", json.dumps(res.errors, ensure_ascii=False))
    print(f"noise: other processes used {info['noise']['foreign_cpu_share']:.0%} of the cores during the run "
          f"(others' browsers/servers at start: {info['noise']['others_at_start']})")
    summary = {"date": info["date"], "machine": info["machine"], "ratios": ratios, "targets_met": met,
               "all_met": all(met.values()) if met else False, "errors": sum(map(len, res.errors.values())),
               "noise_foreign_cpu_share": round(info["noise"]["foreign_cpu_share"], 2)}
    return summary


HEAD = ("measurement", "bare median", "app median", "app p90", "ratio", "target", "met")


# --- main ---------------------------------------------------------------------------------------------

async def run(args) -> None:
    from playwright.async_api import async_playwright

    info = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "machine": machine.describe(),
            "args": vars(args)}
    others = machine.others_running()
    busy = machine.busy_fraction(2.0)
    waited = 0.0
    while (busy > 0.3) and waited < args.wait_idle:
        log(f"the machine is busy ({busy:.0%}; others' chromium/streamlit: {others}): waiting")
        time.sleep(15)
        waited += 17
        others, busy = machine.others_running(), machine.busy_fraction(2.0)
    info["noise"] = {"others_at_start": others, "busy_at_start": round(busy, 2), "waited_s": waited}
    noise = machine.ForeignCpu()
    res = Results()
    OUT.mkdir(exist_ok=True)
    timing_log = OUT / "server_runs.jsonl"
    timing_log.unlink(missing_ok=True)
    t_start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        servers = {"bare": Server("bare", BENCH / "bare_app.py"), "demo": Server("app", REPO / "serve.py"),
                   "scale": Server("scale", served_script(Path(tmp)), timing_log)}
        try:
            for s in servers.values():
                s.start()
            for s in servers.values():
                s.wait_healthy()
            async with async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                try:
                    if args.colds and "cold" in args.steps:
                        await cold_starts(browser, res, args.colds)
                    ctxs = {k: await new_context(browser) for k in servers}
                    if args.loads and "loads" in args.steps:
                        await page_loads(ctxs, servers, res, args.loads, args.only)
                    if args.samples and "clicks" in args.steps:
                        await click_timings(ctxs, servers, res, args.samples, args.only)
                    for c in ctxs.values():
                        await c.close()
                    if args.server_runs and "server" in args.steps:
                        server_times(res, args.server_runs, OUT / "apptest_runs.jsonl", args.only)
                    if args.users and "load" in args.steps:
                        await load(pw, res, args.users, args.rounds_alone, args.load_deadline,
                                   OUT / "load_server_runs.jsonl")
                finally:
                    await browser.close()
            for name, s in servers.items():
                tracebacks = s.output().count("Traceback")
                if tracebacks:
                    res.errors.setdefault(f"server/{name}", []).append(f"{tracebacks} tracebacks in its log")
        finally:
            for s in servers.values():
                s.stop()
    foreign, wall = noise.seconds()
    info["noise"]["foreign_cpu_share"] = foreign / wall / (os.cpu_count() or 1)
    info["wall_s"] = round(time.perf_counter() - t_start)
    summary = report(res, args, info)
    summary["wall_s"] = info["wall_s"]
    (OUT / "latest.json").write_text(json.dumps(
        {"info": info, "summary": summary, "samples": res.samples, "errors": res.errors, "extra": res.extra},
        ensure_ascii=False, indent=1))
    print(f"(raw samples: {(OUT / 'latest.json').relative_to(REPO)}; {info['wall_s']} s)")
    print(json.dumps(summary, ensure_ascii=False))


def main(argv=None) -> None:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    p.add_argument("--samples", type=int, default=7, help="timed clicks per series (default 7)")
    p.add_argument("--loads", type=int, default=5, help="loads per page (default 5)")
    p.add_argument("--colds", type=int, default=3, help="cold starts per app (default 3)")
    p.add_argument("--server-runs", type=int, default=9, help="AppTest samples per page (default 9)")
    p.add_argument("--users", type=int, default=20, help="concurrent browser sessions (default 20; 0: no load test)")
    p.add_argument("--rounds-alone", type=int, default=3, help="walks of the single session (default 3)")
    p.add_argument("--load-deadline", type=float, default=300.0,
                   help="the walks at once must end within (s); a walk still going then counts as late")
    p.add_argument("--steps", default=",".join(STEPS),
                   help=f"comma-separated steps to run (default all: {','.join(STEPS)})")
    p.add_argument("--only", default="",
                   help="comma-separated words: run only the load/click/server series whose names contain "
                        "one (e.g. 'scale/roles,scale/results'); bare floors always run")
    p.add_argument("--wait-idle", type=float, default=180.0,
                   help="wait up to this many seconds for the machine to be quiet before starting")
    p.add_argument("--quick", action="store_true", help="3 samples, 2 loads, 1 cold start, 3 server runs, 4 users")
    args = p.parse_args(argv)
    args.steps = [x for x in args.steps.split(",") if x]
    unknown = set(args.steps) - set(STEPS)
    if unknown:
        p.error(f"unknown steps: {', '.join(sorted(unknown))} (known: {', '.join(STEPS)})")
    args.only = [x for x in args.only.split(",") if x] or None
    if args.quick:
        args.samples, args.loads, args.colds, args.server_runs, args.users, args.rounds_alone = 3, 2, 1, 3, 4, 1
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
