"""Backups as docs/deployment.md says to take them: `pg_dump -Fc` of a PostgreSQL database holding
assessments, `pg_restore` into a new database, and the app's store reads the same work there
(documents, names, stored versions, snapshots, change log, links) and keeps going."""
from __future__ import annotations

import subprocess

from assessment.core.demos import demo_assessment
from assessment.core.edit import set_role_status
from assessment.storage import migrate
from assessment.storage.store import Store
from assessment.team.access import Links


def _client(server, tool: str, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([str(server.bin / tool), "-h", "127.0.0.1", "-p", str(server.port), "-U", "selfcheck", *args],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done


def test_pg_dump_and_restore_give_the_store_the_same_assessments(postgres_server, tmp_path):
    url = postgres_server.new_database()
    s = Store(url)
    a, b = demo_assessment("B"), demo_assessment("D")
    s.save(a, 0)
    s.save(b, 0)
    s.rename(a.id, "バックアップ前 / before the backup")
    s.snapshot(a.id, "第1回")
    set_role_status(a, "educator", "gap")
    s.save_changes(a, 1, a.journal)
    secret = Links(s).issue(a.id, "viewer").secret
    before = {x.id: (x.name, x.stored_version, s.load(x.id)) for x in s.list()}
    s.close()

    dump = tmp_path / "selfcheck.dump"
    source = url.rsplit("/", 1)[1]
    _client(postgres_server, "pg_dump", "-Fc", "-f", str(dump), source)
    restored_url = postgres_server.new_database()  # an empty database, as `createdb` makes
    _client(postgres_server, "pg_restore", "--no-owner", "-d", restored_url.rsplit("/", 1)[1], str(dump))

    r = Store(restored_url)
    try:
        after = {x.id: (x.name, x.stored_version, r.load(x.id)) for x in r.list()}
        assert after == before
        assert r.load(a.id).roles["educator"].status == "gap"
        assert [x.name for x in r.snapshots(a.id)] == ["第1回"]
        assert [c.version for c in r.changes(a.id)] == [2, 1]
        assert Links(r).verify(secret, a.id).kind == "viewer"
        with r.engine.connect() as conn:
            assert migrate.current(conn) == migrate.head()
        # The restored database takes new work (its sequences came along).
        assert r.snapshot(a.id, "after the restore") > 0
        restored = r.load(b.id)
        restored.organisation = "after the restore"
        assert r.save(restored, 1) == 2
    finally:
        r.close()
