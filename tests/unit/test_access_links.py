"""Personal links (assessment/team/access.py) on SQLite and on a real PostgreSQL server: secrets of
at least 128 bits, only their hashes stored, revoke and re-issue, and every refusal with its key."""
from __future__ import annotations

import base64
import hashlib

import pytest
from sqlalchemy import select

from assessment.core.demos import demo_assessment
from assessment.core.edit import remove_person
from assessment.storage.store import Store
from assessment.team.access import PAGES, AccessDenied, Links, check_person, links, pages_for, shared_mode


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    url = (f"sqlite:///{tmp_path / 'selfcheck.db'}" if request.param == "sqlite"
           else request.getfixturevalue("postgres_url"))
    s = Store(url)
    yield s
    s.close()


@pytest.fixture
def saved(store):
    a, b = demo_assessment("B"), demo_assessment("C")
    store.save(a, 0)
    store.save(b, 0)
    return a, b


def _rows(store):
    with store.engine.connect() as conn:
        return conn.execute(select(links)).all()


def test_secrets_are_long_random_and_only_their_hashes_are_stored(store, saved):
    a, _ = saved
    made = [Links(store).issue(a.id, "viewer") for _ in range(5)]
    secrets_ = [m.secret for m in made]
    assert len(set(secrets_)) == 5
    for s in secrets_:
        raw = base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
        assert len(raw) * 8 >= 128
    stored = _rows(store)
    text = " ".join(str(v) for row in stored for v in row)
    assert not any(s in text for s in secrets_)
    assert sorted(r.secret_hash for r in stored) == sorted(hashlib.sha256(s.encode()).hexdigest() for s in secrets_)


def test_each_kind_opens_its_assessment(store, saved):
    a, _ = saved
    L = Links(store)
    person = a.people[0].id
    for kind, pid in (("editor", None), ("viewer", None), ("participant", person)):
        issued = L.issue(a.id, kind, pid)
        got = L.verify(issued.secret)
        assert (got.assessment_id, got.kind, got.person_id) == (a.id, kind, pid)
        assert L.verify(issued.secret, a.id).id == issued.link.id


def test_revoke_and_reissue(store, saved):
    a, _ = saved
    L = Links(store)
    first = L.issue(a.id, "participant", a.people[0].id)
    other = L.issue(a.id, "participant", a.people[1].id)
    second = L.issue(a.id, "participant", a.people[0].id)  # re-issue: the first stops working
    with pytest.raises(AccessDenied) as exc:
        L.verify(first.secret)
    assert exc.value.key == "access.revoked"
    assert L.verify(second.secret).id == second.link.id
    assert L.verify(other.secret).person_id == a.people[1].id  # another person's link is untouched
    L.revoke(second.link.id)
    with pytest.raises(AccessDenied) as exc:
        L.verify(second.secret)
    assert exc.value.key == "access.revoked"
    assert {x.id for x in L.active(a.id)} == {other.link.id}


def test_reissuing_a_viewer_link_keeps_the_names_setting(store, saved):
    a, _ = saved
    L = Links(store)
    v = L.issue(a.id, "viewer")
    assert not v.link.names  # off by default
    L.set_names(v.link.id, True)
    again = L.issue(a.id, "viewer")
    assert again.link.names and L.verify(again.secret).names


def test_a_link_of_another_assessment_is_refused(store, saved):
    a, b = saved
    issued = Links(store).issue(b.id, "viewer")
    with pytest.raises(AccessDenied) as exc:
        Links(store).verify(issued.secret, a.id)
    assert exc.value.key == "access.other_assessment"


@pytest.mark.parametrize("secret, key", [
    ("", "access.malformed"), ("short", "access.malformed"), ("x" * 33, "access.malformed"),
    ("<script>alert(1)</script>" + "a" * 7, "access.malformed"), ("a" * 31 + "%", "access.malformed"),
    ("A" * 32, "access.unknown"),
])
def test_wrong_or_malformed_secrets_are_refused(store, saved, secret, key):
    a, _ = saved
    real = Links(store).issue(a.id, "editor")
    with pytest.raises(AccessDenied) as exc:
        Links(store).verify(secret)
    assert exc.value.key == key
    # A secret one character off is simply unknown.
    off = real.secret[:-1] + ("A" if real.secret[-1] != "A" else "B")
    with pytest.raises(AccessDenied) as exc:
        Links(store).verify(off)
    assert exc.value.key == "access.unknown"


def test_a_deleted_assessment_takes_its_links_with_it(store, saved):
    a, _ = saved
    issued = Links(store).issue(a.id, "viewer")
    store.delete(a.id)
    with pytest.raises(AccessDenied) as exc:
        Links(store).verify(issued.secret)
    assert exc.value.key in ("access.unknown", "access.gone")


def test_a_removed_person_opens_nothing(store, saved):
    a, _ = saved
    L = Links(store)
    pid = a.people[0].id
    link = L.verify(L.issue(a.id, "participant", pid).secret)
    check_person(link, a)  # present: fine
    remove_person(a, pid)
    with pytest.raises(AccessDenied) as exc:
        check_person(link, a)
    assert exc.value.key == "access.person_removed"


def test_kinds_need_the_right_person(store, saved):
    a, _ = saved
    L = Links(store)
    with pytest.raises(ValueError):
        L.issue(a.id, "participant")
    with pytest.raises(ValueError):
        L.issue(a.id, "viewer", a.people[0].id)
    with pytest.raises(ValueError):
        L.issue(a.id, "owner")


def test_pages_and_shared_mode_setting(monkeypatch):
    assert pages_for("editor") is None
    assert pages_for("participant") == ("me",) and "files" in PAGES["viewer"]
    monkeypatch.delenv("CSIRT_SELFCHECK_SHARED", raising=False)
    assert not shared_mode()
    for value, on in (("1", True), ("true", True), ("0", False), ("", False)):
        monkeypatch.setenv("CSIRT_SELFCHECK_SHARED", value)
        assert shared_mode() is on


def test_the_viewers_copy_names_nobody():
    from assessment.team.anonymous import anonymised
    a = demo_assessment("C")
    copy_ = anonymised(a, "Member")
    assert [p.name for p in copy_.people] == [f"Member {n}" for n in range(1, len(a.people) + 1)]
    assert not {p.name for p in a.people} & {p.name for p in copy_.people}
    # Everything else as it was, the original untouched.
    assert copy_.ratings == a.ratings and copy_.version == a.version and [p.roles for p in copy_.people] == [
        p.roles for p in a.people]
    assert a.people[0].name != "Member 1"
