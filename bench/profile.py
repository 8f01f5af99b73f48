"""Where a page's server time goes, at scale: `python -m bench.profile results [--runs 3] [--edit]`.

Runs bench/entry.py (the real app.py with the scale organisation) under streamlit.testing's AppTest,
in this process, and profiles the script runs with cProfile: first the page's first run in a
fresh session, then `--runs` reruns (with `--edit`, each after an edit that bumps the assessment's
version, as a click that changes the work does; without, unchanged reruns). Prints the functions
with the most cumulative time."""
from __future__ import annotations

import argparse
import io
import os
import pstats
import tempfile
from pathlib import Path

from .servers import app_pages, entry_script

PAGES = app_pages()


def quiet_apptest() -> None:
    """AppTest touches session state from its own thread: Streamlit then warns "missing
    ScriptRunContext" hundreds of times. Streamlit resets its loggers' levels, so they are switched
    off instead."""
    import logging
    for name in ("streamlit.runtime.scriptrunner_utils.script_run_context",
                 "streamlit.runtime.state.session_state_proxy"):
        logging.getLogger(name).disabled = True


def app_test(page: str, workdir: Path, lang: str = "ja"):
    from streamlit.testing.v1 import AppTest
    quiet_apptest()
    at = AppTest.from_file(str(entry_script(workdir)), default_timeout=120)
    at.query_params["bench"] = "scale"
    at.query_params["lang"] = lang
    if page != "start":
        at.switch_page(f"app_pages/{page}.py")
    return at


def bump(at) -> None:
    """An edit through assessment.core.edit, as a widget callback would make it: the version moves on."""
    from assessment.core.edit import set_organisation
    a = at.session_state["assessment"]
    set_organisation(a, a.organisation + "+" if not a.organisation.endswith("+") else a.organisation[:-1])


def _print(title: str, runs: list, top: int) -> None:
    if not runs:
        return
    stats = runs[0][2]
    for _, _, more in runs[1:]:
        stats.add(more)
    out = io.StringIO()
    stats.stream = out
    stats.sort_stats("cumulative").print_stats(top)
    ms = ", ".join(f"{m:.0f}" for _, m, _ in runs)
    print(f"== {title}: script time {ms} ms ==")
    print("\n".join(line for line in out.getvalue().splitlines() if line.strip()))


def main(argv=None) -> None:
    p = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__.splitlines()[0])
    p.add_argument("page", choices=PAGES)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--edit", action="store_true", help="bump the assessment's version before each rerun")
    p.add_argument("--lang", default="ja")
    p.add_argument("--top", type=int, default=45)
    args = p.parse_args(argv)
    os.environ.setdefault("BENCH_REPO", str(Path(__file__).resolve().parents[1]))
    os.environ["BENCH_PROFILE"] = "1"
    os.environ.pop("BENCH_TIMING_LOG", None)
    from . import hooks
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CSIRT_SELFCHECK_DATA_DIR"] = tmp  # saved work: a database of its own
        os.environ.pop("CSIRT_SELFCHECK_DATABASE_URL", None)
        app_test(args.page, Path(tmp), args.lang).run()  # imports and process-wide caches
        hooks.PROFILES.clear()
        at = app_test(args.page, Path(tmp), args.lang)
        at.run()
        first = list(hooks.PROFILES)
        hooks.PROFILES.clear()
        for _ in range(args.runs):
            if args.edit:
                bump(at)
            at.run()
        assert not at.exception, [e.value for e in at.exception]
        reruns = list(hooks.PROFILES)
    _print(f"{args.page}: first run in a new session", first, args.top)
    _print(f"{args.page}: {args.runs} reruns" + (" after an edit" if args.edit else " (nothing changed)"),
           reruns, args.top)


if __name__ == "__main__":
    main()
