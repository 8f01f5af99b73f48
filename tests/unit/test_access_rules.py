"""Who may open what when login is on (assessment/access/rules.py): owner, grants, administrators,
the e-mail a provider's claims give, and typed addresses."""
from __future__ import annotations

import pytest

from assessment.access.rules import (BadEmail, Identity, admins_from, grant_check, identity, may_edit, may_manage,
                                     parse_email, right)

ADMINS = frozenset({"boss@example.org"})


def test_the_owner_a_grant_and_an_administrator_each_get_their_right_and_others_none():
    grants = {"ed@example.org": "editor", "vi@example.org": "viewer"}
    of = lambda email: right(email, owner="own@example.org", grants=grants, admins=ADMINS)  # noqa: E731
    assert of("own@example.org") == "owner"
    assert of("ed@example.org") == "editor"
    assert of("vi@example.org") == "viewer"
    assert of("boss@example.org") == "admin"
    assert of("stranger@example.org") is None
    assert [may_edit(of(x)) for x in ("own@example.org", "ed@example.org", "vi@example.org", "boss@example.org",
                                      "stranger@example.org")] == [True, True, False, True, False]
    assert [may_manage(of(x)) for x in ("own@example.org", "ed@example.org", "boss@example.org")] == [True, False, True]


def test_an_assessment_nobody_owns_is_reached_by_administrators_only():
    assert right("own@example.org", owner=None, grants={}, admins=ADMINS) is None
    assert right("boss@example.org", owner=None, grants={}, admins=ADMINS) == "admin"


def test_an_unknown_role_in_a_grant_gives_nothing():
    assert right("x@example.org", owner=None, grants={"x@example.org": "superuser"}, admins=frozenset()) is None


def test_claims_give_the_verified_email_normalised_and_the_name():
    got = identity({"email": " Alice@Example.ORG ", "email_verified": True, "name": "  Alice   Liddell "})
    assert got == Identity("alice@example.org", "Alice Liddell")
    assert got.label == "Alice Liddell <alice@example.org>"
    assert identity({"email": "a@example.org", "email_verified": "true"}) == Identity("a@example.org")
    assert Identity("a@example.org").label == "a@example.org"


@pytest.mark.parametrize("claims, key", [
    ({}, "login.no_email"),
    ({"email": "", "email_verified": True}, "login.no_email"),
    ({"email": "not an address", "email_verified": True}, "login.no_email"),
    ({"email": "a@example.org"}, "login.unverified"),
    ({"email": "a@example.org", "email_verified": False}, "login.unverified"),
    ({"email": "a@example.org", "email_verified": "false"}, "login.unverified"),
])
def test_claims_without_a_verified_email_are_refused_with_the_reason(claims, key):
    assert identity(claims) == key


def test_a_provider_that_sends_no_verified_flag_can_be_trusted_but_an_unverified_flag_never():
    assert identity({"email": "a@example.org"}, require_verified=False) == Identity("a@example.org")
    assert identity({"email": "a@example.org", "email_verified": False}, require_verified=False) == "login.unverified"


def test_administrators_come_from_lists_and_comma_separated_strings_merged():
    assert admins_from(["A@example.org", "nonsense"], " b@example.org, ,c@example.org", None) == {
        "a@example.org", "b@example.org", "c@example.org"}
    assert admins_from(None, "") == frozenset()


@pytest.mark.parametrize("typed, key", [("", "login.email_empty"), ("   ", "login.email_empty"),
                                        ("bob", "login.email_bad"), ("bob@localhost", "login.email_bad"),
                                        ("a@b@example.org", "login.email_bad"), ("<a@example.org>", "login.email_bad"),
                                        ("a b@example.org", "login.email_bad"), ("x" * 250 + "@example.org", "login.email_bad")])
def test_a_typed_address_that_is_none_is_refused_with_the_reason(typed, key):
    with pytest.raises(BadEmail) as got:
        parse_email(typed)
    assert got.value.key == key


def test_a_typed_address_is_trimmed_and_lower_cased():
    assert parse_email("  Bob@Example.Org ") == "bob@example.org"


def test_a_grant_needs_a_role_of_the_two_and_not_the_owner():
    assert grant_check("own@example.org", "x@example.org", "editor") is None
    assert grant_check("own@example.org", "x@example.org", "viewer") is None
    assert grant_check("own@example.org", "x@example.org", "admin") == "login.bad_role"
    assert grant_check("own@example.org", "own@example.org", "viewer") == "login.grant_owner"
