"""The machine the numbers were taken on, and how busy it was with other people's work meanwhile."""
from __future__ import annotations

import os
import platform
import time
from pathlib import Path

_HZ = os.sysconf("SC_CLK_TCK")


def describe() -> dict:
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory_gib": round(mem_kb / 1024 / 1024, 1),
            "python": platform.python_version(), "kernel": platform.release()}


def _procs() -> dict[int, tuple[int, float]]:
    """pid -> (ppid, cpu seconds) for every process we may read."""
    out = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[int(d.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / _HZ)
    return out


def _mine(procs: dict[int, tuple[int, float]]) -> set[int]:
    me = {os.getpid()}
    changed = True
    while changed:
        changed = False
        for pid, (ppid, _) in procs.items():
            if ppid in me and pid not in me:
                me.add(pid)
                changed = True
    return me


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def others_running() -> dict:
    """Browsers and Streamlit servers that are not this benchmark's (other engineers' tests)."""
    procs = _procs()
    mine = _mine(procs)
    chromium = streamlit = 0
    for pid in procs:
        if pid in mine:
            continue
        cmd = _cmdline(pid)
        chromium += "chromium" in cmd and "--type=" not in cmd
        streamlit += "streamlit run" in cmd
    return {"chromium": chromium, "streamlit": streamlit}


def _busy_s() -> float:
    """CPU seconds all cores have been busy since boot (/proc/stat: everything but idle and iowait)."""
    f = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return (sum(f[:8]) - f[3] - f[4]) / _HZ


def _own_s() -> float:
    """CPU seconds of this process tree: this process and its reaped children (cutime/cstime: the
    servers it stopped, the browsers it closed, with what they reaped), plus its live descendants."""
    total = 0.0
    now = _procs()
    for pid in _mine(now):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(x) for x in fields[11:15]) / _HZ
    return total


class ForeignCpu:
    """CPU seconds used by processes outside this benchmark's process tree, between start and stop:
    the noise other work put on the 2 shared cores while we measured. Counted as the machine's busy
    time minus this tree's, so that others' short-lived processes (a test's browser, started and
    gone between two readings) count too."""

    def __init__(self):
        self.t0 = time.monotonic()
        self.busy0, self.own0 = _busy_s(), _own_s()

    def seconds(self) -> tuple[float, float]:
        """(foreign CPU seconds, wall seconds) since construction."""
        used = (_busy_s() - self.busy0) - (_own_s() - self.own0)
        return max(used, 0.0), time.monotonic() - self.t0


def busy_fraction(seconds: float = 2.0) -> float:
    """Share of all cores busy over `seconds` (from /proc/stat)."""
    def read():
        f = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        idle = f[3] + f[4]
        return sum(f), idle
    t1, i1 = read()
    time.sleep(seconds)
    t2, i2 = read()
    return 1 - (i2 - i1) / max(t2 - t1, 1)
