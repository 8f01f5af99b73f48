"""The workshop benchmark (issue 10): one projector browser on Results and N participants rating
themselves on their phones, against one app server.

    python -m bench.workshop                  # or: make bench-workshop (12 participants, 2 minutes)
    python -m bench.workshop --participants 4 --seconds 20   # a smoke run

What it does, all on 127.0.0.1:

- makes an assessment (model B) with N people in a database of its own, each holding every
  in-house role, so that each has more skills to rate than the run lasts; issues one participant
  link per person and one editor link (assessment.team.access), as a lead would on the Share page;
- starts the app (through bench/entry.py, which times every script run) pinned to core 0 with
  `taskset`, and pins this process, and so the Chromium it starts, to the other cores: the numbers
  show the server, not Chromium fighting it for the same core;
- opens the projector: the editor link, then /results at 1280 × 720. A script in that page reads the
  sidebar's 評価済み count every 25 ms and records when it changes;
- opens N phones (390 × 844) on their participant links; each rates its next skill about once every
  3 s (starts staggered, a random level), for the run's length;
- then waits for the projector to settle and reads the database.

Reported: ratings lost (a participant's last click per skill that the database does not hold:
must be 0); the server's script-run p50 / p95 during the run; and the time from each click to the
projector showing it, p50 / p95 (target p95 ≤ 3 s). "Showing it" is the first moment the projector's
count reaches the number of ratings clicked up to that click: conservative, since one late save
delays every click before it. The last line is one JSON object with the numbers.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from . import machine
from .browser import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS
from .run import pct
from .servers import REPO, Server, served_script

PHONE = {"width": 390, "height": 844}
STUCK: list[tuple[float, str]] = []  # (time, person) of each click the page never took (timed out)
PROJECTOR = {"width": 1280, "height": 720}
EVERY_S = 3.0
SETTLE_S = 15.0

# In the projector page: the sidebar's rated count, sampled every 25 ms, each change time-stamped
# (Date.now(): the same clock as this process's time.time()).
WATCH_JS = r"""
window.__seen = [];
(function poll() {
  const bar = document.querySelector('[data-testid="stSidebar"] [data-testid="stProgress"]');
  const m = bar && bar.innerText.match(/(\d+)\s*\/\s*(\d+)/);
  const v = m ? parseInt(m[1]) : null;
  const S = window.__seen;
  if (v !== null && (S.length === 0 || S[S.length - 1][1] !== v)) S.push([Date.now(), v]);
  setTimeout(poll, 25);
})();
"""


def _setup(data_dir: str | None, n: int, url: str | None = None):
    """The assessment and its links, written straight into the server's database (its data folder,
    or the database at `url`)."""
    if data_dir:
        os.environ["CSIRT_SELFCHECK_DATA_DIR"] = data_dir
    sys.path.insert(0, str(REPO))
    from assessment.core.edit import add_person, new_assessment
    from assessment.storage.store import Store
    from assessment.team.access import Links

    store = Store(url)
    a = new_assessment("Workshop bench", "B")
    in_house = [r for r, s in a.roles.items() if s.status == "in_house"]
    people = [add_person(a, f"参加者{i + 1:02d}", roles=in_house) for i in range(n)]
    store.save(a, 0)
    links = Links(store)
    editor = links.issue(a.id, "editor").secret
    phones = [(p.id, links.issue(a.id, "participant", p.id).secret) for p in people]
    return store, a.id, editor, phones


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--participants", type=int, default=12)
    ap.add_argument("--seconds", type=float, default=120.0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    rnd = random.Random(args.seed)
    cores = sorted(os.sched_getaffinity(0))
    server_core, browser_cores = str(cores[0]), set(cores[1:]) or set(cores)

    work = Path(tempfile.mkdtemp(prefix="bench-workshop-"))
    timing = work / "runs.jsonl"
    server = Server("workshop", served_script(work), timing_log=timing, cpus=server_core)
    store, aid, editor, phones = _setup(server.data_dir, args.participants)
    server.start()
    os.sched_setaffinity(0, browser_cores)  # this process and the Chromium it starts
    try:
        server.wait_healthy()
        from playwright.sync_api import sync_playwright
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            clicks, seen, foreign = drive(browser, server.url, store, aid, editor, phones, args.seconds, rnd)
            browser.close()
        stored = store.load(aid).self_ratings
        runs = [r["ms"] for r in map(json.loads, timing.read_text().splitlines()) if r.get("page")]
    finally:
        server.stop()
    out = summary(clicks, seen, stored, runs, phones, foreign)
    out.update(participants=args.participants, seconds=args.seconds, server_core=server_core,
               browser_cores=sorted(browser_cores))
    print_summary(out)


def drive(browser, base_url: str, store, aid: str, editor: str, phones, seconds: float, rnd):
    """The workshop against `base_url`: the projector, the phones rating for `seconds`, the settle.
    Returns the clicks (time, person, skill, level), the projector's count changes, and the
    foreign CPU (seconds, wall seconds) while the phones rated."""
    proj = browser.new_context(viewport=PROJECTOR).new_page()
    proj.set_default_timeout(TIMEOUT_MS)
    proj.set_default_navigation_timeout(TIMEOUT_MS)
    proj.goto(f"{base_url}/start?k={editor}&lang=ja")
    proj.wait_for_selector('[data-testid="stSidebar"] [data-testid="stProgress"]')
    proj.goto(f"{base_url}/results?a={aid}&lang=ja")
    proj.wait_for_selector('[data-testid="stSidebar"] [data-testid="stProgress"]')
    proj.evaluate(WATCH_JS)

    pages, skills, listed = open_phones(browser, base_url, phones, store, aid)
    meter = machine.ForeignCpu()
    clicks = rate(pages, skills, listed, seconds, rnd)
    foreign = meter.seconds()
    # Let the last saves land and the projector catch up.
    deadline = time.time() + SETTLE_S
    while time.time() < deadline:
        seen = proj.evaluate("window.__seen")
        if seen and seen[-1][1] >= len({(c[1], c[2]) for c in clicks}) + _base(seen):
            break
        time.sleep(0.25)
    return clicks, proj.evaluate("window.__seen"), foreign


def open_phones(browser, base_url: str, phones, store, aid: str):
    """One 390 × 844 page per participant link; returns the pages, each one's number of skills on
    screen and the skill ids in that order."""
    pages = []
    for pid, secret in phones:
        page = browser.new_context(viewport=PHONE).new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.set_default_navigation_timeout(TIMEOUT_MS)
        page.goto(f"{base_url}/?k={secret}&lang=ja")
        page.wait_for_selector('[data-testid="stRadio"]')
        pages.append((pid, page))
    skills = {pid: page.locator('[data-testid="stRadio"]').count() for pid, page in pages}
    from assessment.scores.scoring import skills_to_rate
    listed = {pid: [k for k, _kind, _r in skills_to_rate(store.load(aid), pid)] for pid, _p in pages}
    return pages, skills, listed


def rate(pages, skills, listed, seconds: float, rnd) -> list[tuple[float, str, str, int]]:
    """Each phone rates its next skill about every EVERY_S (starts staggered, a random level) for
    `seconds`; returns the clicks (time, person, skill, level) in click order."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    clicks = []
    start = time.time()
    due = {pid: start + rnd.uniform(0, EVERY_S) for pid, _p in pages}
    nxt = {pid: 0 for pid, _p in pages}
    while time.time() - start < seconds:
        pid, page = min(pages, key=lambda x: due[x[0]])
        wait = due[pid] - time.time()
        if wait > 0:
            time.sleep(wait)
        i = nxt[pid] % skills[pid]
        level = rnd.randint(0, 4)
        try:
            page.wait_for_function(
                "() => document.querySelector('[data-testid=\"stApp\"]')"
                ".getAttribute('data-test-script-state') === 'notRunning'")
            at = time.time()
            page.locator('[data-testid="stRadio"]').nth(i).locator('[role="radiogroup"] label').nth(level).click()
            clicks.append((at, pid, listed[pid][i], level))
        except PlaywrightTimeout:
            # A page that did not answer for TIMEOUT_MS: not a rating; counted, the run goes on.
            STUCK.append((time.time(), pid))
        nxt[pid] += 1
        due[pid] += EVERY_S
    return clicks


def summary(clicks, seen, stored, runs, phones, foreign) -> dict:
    """The numbers of one run (see the module doc); `stored`: the database's self-ratings after it."""
    last, when = {}, {}
    for at, pid, skill, level in clicks:
        last[(pid, skill)], when[(pid, skill)] = level, at
    missing = [(pid, skill) for (pid, skill), level in last.items() if stored.get(pid, {}).get(skill) != level]
    first = clicks[0][0] if clicks else 0.0
    lat = _latencies(clicks, seen)
    used, wall = foreign
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "clicks": len(clicks),
        "ratings_lost": len(missing),
        "script_ms_p50": round(pct(runs, 0.5) or 0, 1), "script_ms_p95": round(pct(runs, 0.95) or 0, 1),
        "script_runs": len(runs),
        "projector_s_p50": round(pct(lat, 0.5), 2) if lat else None,
        "projector_s_p95": round(pct(lat, 0.95), 2) if lat else None,
        "projector_missed": len(clicks) - len(lat), "clicks_timed_out": len(STUCK),
        # Each lost rating: who (their number), which skill, when it was clicked (s from the first
        # click), what was clicked and what the database holds.
        "lost": [[next(i for i, (p, _s) in enumerate(phones) if p == pid), skill, round(when[(pid, skill)] - first, 1),
                  last[(pid, skill)], stored.get(pid, {}).get(skill)] for pid, skill in missing],
        "foreign_cpu_share": round(used / wall / (os.cpu_count() or 1), 2),
        "machine": machine.describe(),
    }


def print_summary(out: dict) -> None:
    print(f"workshop: {out['participants']} phones for {out['seconds']:.0f} s, {out['clicks']} ratings clicked, "
          f"{out['ratings_lost']} lost")
    print(f"  server script run  p50 {out['script_ms_p50']} ms  p95 {out['script_ms_p95']} ms "
          f"({out['script_runs']} runs)")
    print(f"  click → projector  p50 {out['projector_s_p50']} s  p95 {out['projector_s_p95']} s "
          f"(target p95 ≤ 3 s; {out['projector_missed']} never shown)")
    print(json.dumps(out, ensure_ascii=False))


def _base(seen) -> int:
    return seen[0][1] if seen else 0


def _latencies(clicks, seen) -> list[float]:
    """Per click: seconds until the projector's count first reached the number of distinct
    (person, skill) ratings clicked up to and including it (re-ratings of a skill add nothing)."""
    if not seen:
        return []
    base, out, done = seen[0][1], [], set()
    for t, pid, skill, _level in clicks:
        done.add((pid, skill))
        want = base + len(done)
        hit = next((ts / 1000 for ts, v in seen if v >= want and ts / 1000 >= t), None)
        if hit is not None:
            out.append(hit - t)
    return out


if __name__ == "__main__":
    main()
