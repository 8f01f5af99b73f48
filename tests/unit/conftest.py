"""A throwaway PostgreSQL server for the store tests, started on localhost for the test session.

It uses the server binaries of Debian's `postgresql` package (/usr/lib/postgresql/*/bin, or
$CSIRT_PG_BIN): `initdb` a cluster in a temporary folder, `pg_ctl start` it on a free port with
its socket in that folder (never touching a system cluster), and stop and remove it at the end.
PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user (which the
package creates) and the commands run through `runuser`.

Without the binaries the PostgreSQL tests are skipped with the reason, except in CI (`CI` set),
where they fail: `make test` installs the package there (scripts/ensure_postgres.sh)."""
from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

INSTALL_HINT = "install it with: sudo apt-get install -y postgresql (make test does this when run as root)"


def _pg_bin() -> Path | None:
    if os.environ.get("CSIRT_PG_BIN"):
        folder = Path(os.environ["CSIRT_PG_BIN"])
        return folder if (folder / "initdb").exists() else None
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3])
                   if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Server:
    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="csirt-pg-"))
        self.data, self.log = self.root / "data", self.root / "server.log"
        self.port = _free_port()
        self.user = None
        if os.geteuid() == 0:
            try:
                self.user = pwd.getpwnam("postgres")
            except KeyError:
                pytest.fail("running as root, PostgreSQL needs a non-root user; the `postgres` user "
                            "(created by Debian's postgresql package) does not exist")
            os.chown(self.root, self.user.pw_uid, self.user.pw_gid)
        self._ids = itertools.count(1)

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.user is not None:
            command = ["runuser", "-u", self.user.pw_name, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=self.root)

    def start(self) -> None:
        done = self._run("initdb", "-D", str(self.data), "-U", "selfcheck", "-A", "trust", "-E", "UTF8",
                         "--no-locale", "--no-sync", "--no-instructions")
        if done.returncode:
            pytest.fail(f"initdb failed:\n{done.stdout}\n{done.stderr}")
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        done = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start")
        if done.returncode:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            pytest.fail(f"pg_ctl start failed:\n{done.stdout}\n{done.stderr}\n{log}")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://selfcheck@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = f"selfcheck_test_{next(self._ids)}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=selfcheck dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@pytest.fixture(scope="session")
def postgres_server():
    bin_dir = _pg_bin()
    if bin_dir is None:
        message = f"PostgreSQL server binaries (initdb, pg_ctl) not found; {INSTALL_HINT}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    server = _Server(bin_dir)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A URL to a new, empty database on the throwaway server."""
    return postgres_server.new_database()
