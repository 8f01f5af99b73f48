"""Key → next rating ready, in the rating widget (issue 13), against a running app:

    python -m bench.rating_keys http://127.0.0.1:8501 [--ratings 60] [--gap-ms 250]

Opens /skills?demo=B at 1280×720, focuses the widget once, then rates from the keyboard alone
(digits; Home after the last skill), one key every --gap-ms. Measured inside the page from each
keydown: "ready", the first frame at which the next skill has the focus (the widget takes the next
key from then on), and "saved", the first frame at which the server's acknowledgement of that rating
is drawn (applied, saved, sent back). Times start at the key event's timeStamp. Reports median and p95 of each. Not a test: no pass/fail."""
from __future__ import annotations

import argparse
import statistics
import time

from playwright.sync_api import sync_playwright

from .browser import CHROMIUM, CHROMIUM_ARGS

HOST = '.st-key-rating_widget [data-testid="stBidiComponentIsolated"]'
WATCH = """() => {
  const root = document.querySelector('%s').shadowRoot, w = root.querySelector('.rw');
  const M = window.__keys = {down: {}, ready: {}, saved: {}, n: 0};
  root.addEventListener('keydown', ev => { if (ev.key >= '0' && ev.key <= '4') M.down[++M.n] = ev.timeStamp; }, true);
  root.addEventListener('focusin', () => { const n = M.n; if (n && M.ready[n] === undefined)
    requestAnimationFrame(() => { M.ready[n] = performance.now(); }); });
  new MutationObserver(() => { const a = Number(w.dataset.acked || 0); const t = performance.now();
    requestAnimationFrame(() => { for (let k = 1; k <= a; k++) if (M.saved[k] === undefined) M.saved[k] = t; }); })
    .observe(w, {attributes: true, attributeFilter: ['data-acked']});
}""" % HOST


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("url")
    p.add_argument("--ratings", type=int, default=60)
    p.add_argument("--gap-ms", type=int, default=250)
    args = p.parse_args()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.goto(f"{args.url}/skills?demo=B&lang=ja")
        page.wait_for_selector(f"{HOST} >> .row", timeout=60_000)
        rows = page.locator(f"{HOST} >> .row").count()
        page.evaluate(WATCH)
        page.locator(f"{HOST} >> .row").first.click()  # the only pointer action
        for i in range(args.ratings):
            if i and i % rows == 0:
                page.keyboard.press("Home")
            page.keyboard.press("13"[i // rows % 2] if i % 3 else "2")
            time.sleep(args.gap_ms / 1000)
        page.wait_for_function(f"n => Object.keys(window.__keys.saved).length >= n", arg=args.ratings, timeout=60_000)
        m = page.evaluate("() => window.__keys")
        browser.close()
    ready = [m["ready"][k] - m["down"][k] for k in m["down"] if k in m["ready"]]
    saved = [m["saved"][k] - m["down"][k] for k in m["down"] if k in m["saved"]]
    print(f"{len(m['down'])} ratings by keyboard, {rows} skills per pass, a key every {args.gap_ms} ms")
    for name, xs in (("key → next skill focused (next rating possible)", ready), ("key → saved and acknowledged", saved)):
        print(f"  {name}: median {statistics.median(xs):.1f} ms, p95 {pct(xs, 0.95):.1f} ms, max {max(xs):.1f} ms (n={len(xs)})")


if __name__ == "__main__":
    main()
