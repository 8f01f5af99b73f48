"""Streamlit servers for the benchmark: free loopback ports, logs to files, stopped by their pid."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
START_TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(url: str) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy
    try:
        with opener.open(f"{url}/_stcore/health", timeout=2) as r:
            return r.read().strip() == b"ok"
    except OSError:
        return False


def app_pages() -> list[str]:
    """The url paths of app.py's pages, in the sidebar's order (pages come and go)."""
    sys.path.insert(0, str(REPO))
    from tests.app_pages_table import app_page_rows
    return [path for _file, path, _title, _icon in app_page_rows()]


def entry_script(workdir: Path) -> Path:
    """bench/entry.py copied into `workdir` beside a symlink to app_pages/: Streamlit resolves
    st.Page("app_pages/...") against the entry script's folder, so the wrapper must sit beside
    app_pages/ without being written into the repository's root."""
    link = workdir / "app_pages"
    if not link.exists():
        link.symlink_to(REPO / "app_pages", target_is_directory=True)
    script = workdir / "bench_entry.py"
    shutil.copyfile(BENCH / "entry.py", script)
    return script


SERVED = """# Bench-only: bench_entry.py inside the app's ASGI wrapper, as serve.py wraps app.py.
import os, sys
from pathlib import Path
sys.path.insert(0, os.environ["BENCH_REPO"])
import streamlit as st  # noqa: E402
from components.server.asgi import app_options  # noqa: E402
app = st.App(Path(__file__).with_name("bench_entry.py"), **app_options())
"""


def served_script(workdir: Path) -> Path:
    """entry_script wrapped as serve.py wraps app.py (guards and the live endpoint): what a
    benchmark server runs, so that it measures the app as `make run` serves it."""
    entry_script(workdir)
    script = workdir / "bench_serve.py"
    script.write_text(SERVED, encoding="utf-8")
    return script


class Server:
    """`streamlit run script` on a free 127.0.0.1 port, with the repository root as its folder
    (so .streamlit/config.toml applies to the app, as with `make run`)."""

    def __init__(self, name: str, script: Path, timing_log: Path | None = None, cpus: str | None = None,
                 env: dict[str, str] | None = None):
        # cpus: run the server pinned to these cores (taskset -c), away from the browsers.
        self.name, self.script, self.timing_log, self.cpus = name, script, timing_log, cpus
        self.env = env or {}  # e.g. the database URL of the hosted benchmark (bench/hosted.py)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.log = tempfile.NamedTemporaryFile(mode="w+", prefix=f"bench-{name}-", suffix=".log", delete=False)
        # Saved work goes to a database of this server's own, never the user's ~/.csirt-selfcheck.
        self.data_dir = tempfile.mkdtemp(prefix=f"bench-{name}-data-")
        self.started_at = 0.0

    def start(self) -> "Server":
        env = dict(os.environ, BENCH_REPO=str(REPO), CSIRT_SELFCHECK_DATA_DIR=self.data_dir)
        env.pop("CSIRT_SELFCHECK_DATABASE_URL", None)
        env.update(self.env)
        if self.timing_log:
            env["BENCH_TIMING_LOG"] = str(self.timing_log)
        cmd = [sys.executable, "-m", "streamlit", "run", str(self.script),
               "--server.port", str(self.port), "--server.address", "127.0.0.1",
               "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none", "--server.runOnSave", "false"]
        if self.cpus:
            cmd = ["taskset", "-c", self.cpus, *cmd]
        self.started_at = time.perf_counter()
        self.proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)
        return self

    def wait_healthy(self, poll_s: float = 0.05) -> float:
        """Seconds from start() until /_stcore/health answers."""
        deadline = time.monotonic() + START_TIMEOUT_S
        while not healthy(self.url):
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name}: streamlit exited with {self.proc.returncode}:\n{self.output()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.name}: not healthy after {START_TIMEOUT_S}s:\n{self.output()}")
            time.sleep(poll_s)
        return time.perf_counter() - self.started_at

    def rss_mb(self) -> float:
        """Resident memory of the server process (VmRSS), in MB."""
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    def cpu_s(self) -> float:
        """CPU seconds (user + system) the server process has used so far."""
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def output(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text(errors="replace")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        Path(self.log.name).unlink(missing_ok=True)
        shutil.rmtree(self.data_dir, ignore_errors=True)
