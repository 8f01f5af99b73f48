"""The hosted deployment of docs/deployment.md, started for the tests on 127.0.0.1: one PostgreSQL
database (on the throwaway server of tests/unit/conftest.py), two `streamlit run serve.py` app
servers on it, and Debian's nginx in front with the shipped config (deploy/nginx/csirt-selfcheck.conf,
its placeholders filled), run as the test user with its own prefix in a temporary folder.

    deployment = hosted_deployment(env={...}, secrets=path, options=(...))   # the fixture's factory
    deployment.url           # nginx: what a browser opens
    deployment.apps          # the two AppServers (tests/e2e/faults/conftest.py); .kill() one
    deployment.upstream_of(node)  # which app server nginx sent a sticky key to (from its access log)

The app servers get what docs/deployment.md's systemd units give them: the database URL, one
shared server.cookieSecret (a browser that moves to the other server keeps its XSRF cookie valid),
and the repository's .streamlit/config.toml (address 127.0.0.1). `env` adds to that, e.g.
CSIRT_SELFCHECK_SHARED=1; `secrets` is a secrets.toml for both servers (login: the lead's tests
after login14); `options` are more `streamlit run` flags."""
from __future__ import annotations

import os
import pwd
import re
import secrets as random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Callable

import pytest

from tests.e2e.conftest import REPO_ROOT, _free_port, _healthy
from tests.e2e.faults.conftest import AppServer

NGINX = os.environ.get("CSIRT_NGINX", "/usr/sbin/nginx")
TEMPLATE = REPO_ROOT / "deploy" / "nginx" / "csirt-selfcheck.conf"
START_TIMEOUT_S = 30
# The main config around the shipped http-context file: every path in the temporary prefix (Debian's
# build points the temp folders and the error log at /var/lib/nginx and /var/log/nginx).
MAIN = """daemon off;
worker_processes 1;
{user}
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 512; }}
http {{
    client_body_temp_path {root}/tmp/body;
    proxy_temp_path {root}/tmp/proxy;
    fastcgi_temp_path {root}/tmp/fastcgi;
    uwsgi_temp_path {root}/tmp/uwsgi;
    scgi_temp_path {root}/tmp/scgi;
    include {root}/csirt-selfcheck.conf;
}}
"""
_LOG_LINE = re.compile(r'"(?P<request>[^"]*)" (?P<status>\d+) \d+ upstream=(?P<upstream>.+?) node=(?P<node>\S+)')


def nginx_config(app_addresses: list[str], listen: str, access_log: Path, server_name: str = "127.0.0.1") -> str:
    """The shipped config with its placeholders filled (the same substitutions as the docs' sed)."""
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in (("LISTEN", listen), ("SERVER_NAME", server_name), ("APP_1", app_addresses[0]),
                        ("APP_2", app_addresses[1]), ("ACCESS_LOG", str(access_log))):
        text = text.replace(f"@{name}@", value)
    assert "@" not in re.sub(r"#.*", "", text), "a placeholder of the nginx template is left unfilled"
    return text


class Nginx:
    def __init__(self, app_addresses: list[str]):
        self.root = Path(tempfile.mkdtemp(prefix="csirt-nginx-"))
        (self.root / "tmp").mkdir()
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.access_log = self.root / "access.log"
        (self.root / "csirt-selfcheck.conf").write_text(
            nginx_config(app_addresses, f"127.0.0.1:{self.port}", self.access_log), encoding="utf-8")
        # As root, nginx would hand its workers to www-data: keep them the test user's too.
        user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
        (self.root / "nginx.conf").write_text(MAIN.format(root=self.root, user=user), encoding="utf-8")
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        conf = str(self.root / "nginx.conf")
        check = subprocess.run([NGINX, "-t", "-p", str(self.root), "-c", conf, "-e", str(self.root / "error.log")],
                               capture_output=True, text=True, timeout=30)
        if check.returncode:
            pytest.fail(f"nginx -t refused the config:\n{check.stderr}", pytrace=False)
        self.proc = subprocess.Popen([NGINX, "-p", str(self.root), "-c", conf, "-e", str(self.root / "error.log")],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _healthy(self.url):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"nginx did not answer ({self.proc.poll()}):\n{self.errors()}", pytrace=False)
            time.sleep(0.1)

    def errors(self) -> str:
        path = self.root / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def log(self) -> list[dict]:
        """The access log: request, status, upstream (the app server's address) and sticky key."""
        if not self.access_log.exists():
            return []
        return [m.groupdict() for m in map(_LOG_LINE.search, self.access_log.read_text(errors="replace").splitlines())
                if m]

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()  # SIGTERM: nginx's fast shutdown
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.root, ignore_errors=True)


class Deployment:
    def __init__(self, database_url: str, env: dict[str, str] | None = None,
                 secrets: Path | Callable[[str], Path] | None = None,
                 options: tuple[str, ...] = ()):
        self.database_url = database_url
        shared = {"CSIRT_SELFCHECK_DATABASE_URL": database_url,
                  "STREAMLIT_SERVER_COOKIE_SECRET": random.token_urlsafe(32), **(env or {})}
        self.apps = [AppServer(shared, options), AppServer(shared, options)]
        self.nginx = Nginx([f"127.0.0.1:{a.port}" for a in self.apps])
        if callable(secrets):  # a secrets file made for the address browsers use (login's redirect_uri)
            secrets = secrets(self.url)
        if secrets:
            for app in self.apps:
                app.options = ("--secrets.files", str(secrets), *app.options)

    @property
    def url(self) -> str:
        return self.nginx.url

    def start(self) -> "Deployment":
        for app in self.apps:  # both at once: they race to migrate the new database (one does)
            app.start_process()
        for app in self.apps:
            app.wait_started()
        self.nginx.start()
        return self

    def upstream_of(self, node: str) -> int | None:
        """The port of the app server nginx last sent this sticky key to."""
        hits = [e["upstream"] for e in self.nginx.log() if e["node"] == node and e["upstream"] != "-"]
        # "a:1, b:2" when nginx tried one server and then the next: the last one answered.
        return int(hits[-1].split(", ")[-1].rsplit(":", 1)[1]) if hits else None

    def app_on(self, port: int) -> AppServer:
        return next(a for a in self.apps if a.port == port)

    def stop(self) -> None:
        self.nginx.stop()
        for app in self.apps:
            app.stop()
