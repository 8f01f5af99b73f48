"""Fault injection against a real server (issue 12): a `streamlit run serve.py` we can stop,
restart on the same port and point at a data folder or a PostgreSQL database, and a browser.

Under tests/e2e, so marked e2e (a server and Chromium) and sharing its one browser: `-m "not e2e"` skips it."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, REPO_ROOT, _free_port, _healthy  # noqa: F401

START_TIMEOUT_S = 60


class AppServer:
    """One app server process; `restart` keeps the port, so an open browser tab reconnects."""

    def __init__(self, env: dict[str, str], options: tuple[str, ...] = (), script: str = "serve.py"):
        self.env = {**os.environ, **env}
        self.script = script  # app.py: without serve.py's guards and live endpoint
        self.options = tuple(options)  # more `streamlit run` flags, e.g. ("--secrets.files", path)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(mode="w+", prefix="faults-", suffix=".log", delete=False)
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.start_process()
        self.wait_started()

    def start_process(self) -> None:
        cmd = [sys.executable, "-m", "streamlit", "run", self.script, "--server.port", str(self.port),
               "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none", *self.options]
        self.proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)

    def wait_started(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _healthy(self.url):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the app server did not start ({self.proc.poll()}):\n{self.output()}", pytrace=False)
            time.sleep(0.25)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def kill(self) -> None:
        """Stopped hard (SIGKILL), as a crash or an OOM kill would: no shutdown of its sessions."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def restart(self) -> None:
        self.stop()
        self.start()

    def alive(self) -> bool:
        """Still running and answering (not killed by a signal such as SIGBUS)."""
        return self.proc is not None and self.proc.poll() is None and _healthy(self.url)

    def output(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text(errors="replace")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("faults-data")


@pytest.fixture(scope="module")
def sqlite_server(data_dir):
    server = AppServer({"CSIRT_SELFCHECK_DATA_DIR": str(data_dir)})
    server.start()
    yield server
    server.stop()
