"""Owners and grants (assessment/access/grants.py) on SQLite and on a real PostgreSQL server: one
owner per assessment, never replaced; grants by e-mail, changed and revoked; each user's reach;
everything goes with a deleted assessment."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from assessment.access.grants import GrantRefused, Grants, grants, owners
from assessment.core.demos import demo_assessment
from tests.unit.test_access_links import store  # noqa: F401 - the same store on SQLite and PostgreSQL

ADMINS = frozenset({"boss@example.org"})


@pytest.fixture
def two(store):
    a, b = demo_assessment("B"), demo_assessment("C")
    store.save(a, 0)
    store.save(b, 0)
    return a.id, b.id


def test_the_first_claim_makes_the_owner_and_a_later_one_changes_nothing(store, two):
    g = Grants(store)
    a, b = two
    assert g.owner(a) is None
    assert g.claim(a, "Alice@Example.org") is True
    assert g.claim(a, "mallory@example.org") is False
    assert g.owner(a) == "alice@example.org"
    assert g.claim("nosuchid0000", "alice@example.org") is False  # nothing stored: nothing to own
    assert g.owner("nosuchid0000") is None


def test_grants_are_made_changed_and_revoked_and_each_user_reaches_only_theirs(store, two):
    g = Grants(store)
    a, b = two
    g.claim(a, "alice@example.org")
    g.claim(b, "bob@example.org")
    g.grant(a, "Bob@example.org", "viewer", by="alice@example.org")
    assert g.reach("bob@example.org") == {a: "viewer", b: "owner"}
    assert g.reach("alice@example.org") == {a: "owner"}
    assert g.reach("carol@example.org") == {}
    assert g.right(a, "bob@example.org", ADMINS) == "viewer"
    changed = g.grant(a, "bob@example.org", "editor", by="alice@example.org")
    assert changed.role == "editor" and [x.email for x in g.of(a)] == ["bob@example.org"]
    assert g.right(a, "bob@example.org", ADMINS) == "editor"
    assert g.right(a, "boss@example.org", ADMINS) == "admin"
    assert g.right(a, "carol@example.org", ADMINS) is None
    g.revoke(a, "BOB@example.org")
    assert g.of(a) == [] and g.right(a, "bob@example.org", ADMINS) is None
    assert g.reach("bob@example.org") == {b: "owner"}


def test_a_viewer_grant_hides_names_until_the_owner_allows_them(store, two):
    g = Grants(store)
    a, _ = two
    g.claim(a, "alice@example.org")
    assert g.grant(a, "vi@example.org", "viewer", by="alice@example.org").names is False
    g.set_names(a, "vi@example.org", True)
    assert g.find(a, "vi@example.org").names is True
    g.grant(a, "vi@example.org", "viewer", by="alice@example.org")  # granted again: the setting stays
    assert g.find(a, "vi@example.org").names is True


@pytest.mark.parametrize("email, role, key", [("x@example.org", "admin", "login.bad_role"),
                                              ("alice@example.org", "viewer", "login.grant_owner")])
def test_a_grant_that_cannot_be_is_refused_and_nothing_is_written(store, two, email, role, key):
    g = Grants(store)
    a, _ = two
    g.claim(a, "alice@example.org")
    with pytest.raises(GrantRefused) as got:
        g.grant(a, email, role, by="alice@example.org")
    assert got.value.key == key
    assert g.of(a) == []


def test_deleting_an_assessment_deletes_its_owner_and_grants(store, two):
    g = Grants(store)
    a, b = two
    g.claim(a, "alice@example.org")
    g.grant(a, "bob@example.org", "viewer", by="alice@example.org")
    g.claim(b, "bob@example.org")
    store.delete(a)
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(grants)).scalar_one() == 0
        assert conn.execute(select(owners.c.assessment_id)).scalars().all() == [b]
    assert g.reach("bob@example.org") == {b: "owner"}
