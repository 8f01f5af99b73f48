"""What bench/entry.py needs, imported once per server process (entry.py itself reruns each time)."""
from __future__ import annotations

import copy
import functools
import json
import os
import threading
from pathlib import Path

from .scale import scale_assessment

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "app.py"
_LOCK = threading.Lock()
_RUNS: dict[str, int] = {}


@functools.cache
def app_code():
    return compile(APP.read_text(encoding="utf-8"), str(APP), "exec")


@functools.cache
def _template():
    return scale_assessment()


def inject_scale(session_state, query_params) -> bool:
    """Once per session with ?bench=scale: the session's work becomes a copy of the scale org."""
    if query_params.get("bench") != "scale" or session_state.get("_bench_injected"):
        return False
    session_state["assessment"] = copy.deepcopy(_template())
    session_state["_bench_injected"] = True
    return True


def _session_id() -> str:
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx else "?"


def profiler():
    if not os.environ.get("BENCH_PROFILE"):
        return None
    import cProfile
    return cProfile.Profile()


PROFILES: list = []  # (page, ms, pstats.Stats) of each profiled run, for bench/profile.py


def record(seconds: float, nav, session_state, injected: bool, prof=None) -> None:
    if prof is not None:
        import pstats
        PROFILES.append((getattr(nav, "url_path", None), seconds * 1000, pstats.Stats(prof)))
    path = os.environ.get("BENCH_TIMING_LOG")
    if not path:
        return
    sid = _session_id()
    a = session_state.get("assessment")
    with _LOCK:
        _RUNS[sid] = _RUNS.get(sid, 0) + 1
        row = {"page": getattr(nav, "url_path", None), "ms": round(seconds * 1000, 3), "session": sid,
               "run": _RUNS[sid], "version": getattr(a, "version", None), "scale": bool(
                   session_state.get("_bench_injected")), "injected_now": injected,
               "lang": session_state.get("lang", "ja")}
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps(row) + "\n")
