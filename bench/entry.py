"""Bench-only entry script: the real app.py, with a scale organisation and a timer around each run.

The app has no file import yet, so the benchmark cannot hand it a large assessment through the UI.
`python -m bench` copies this file into a temporary folder beside a symlink to app_pages/ (page
paths resolve against the entry script's folder) and runs *that* with `streamlit run`, from the
repository root. This script changes no app code. On each run it:

- with `?bench=scale`, once per browser session, puts a copy of the generated scale Assessment
  (bench/scale.py) into st.session_state["assessment"], where the app keeps its work;
- runs app.py, exactly as `streamlit run app.py` would;
- appends {page, ms, session, run, version, lang} to $BENCH_TIMING_LOG (JSON lines): the wall time of
  the script run, from the first line of app.py to the end of the page (callbacks run before and are
  not in it; nor is the one-off injection);
- with $BENCH_PROFILE set, profiles the run with cProfile and keeps the stats (bench/profile.py).
"""
import os
import sys
import time

sys.path.insert(0, os.environ["BENCH_REPO"])

import streamlit as st  # noqa: E402

from bench import hooks  # noqa: E402

_injected = hooks.inject_scale(st.session_state, st.query_params)
_ns = {"__name__": "__main__", "__file__": str(hooks.APP)}
_prof = hooks.profiler()
_t0 = time.perf_counter()
try:
    if _prof:
        _prof.enable()
    exec(hooks.app_code(), _ns)
finally:
    _t1 = time.perf_counter()
    if _prof:
        _prof.disable()
    hooks.record(_t1 - _t0, _ns.get("nav"), st.session_state, _injected, _prof)
