"""components/server/guard.py (issue 12.12): which Host headers pass, and the framing headers for
the default and for a configured embedding (the running server: tests/e2e/faults/test_hostile_names.py)."""
from __future__ import annotations

import pytest

from components.server.guard import FRAME_ANCESTORS_ENV, frame_headers, host_allowed, host_name

LOCAL = ["127.0.0.1", "localhost", "::1"]


@pytest.mark.parametrize("header, name", [("127.0.0.1:8501", "127.0.0.1"), ("[::1]:8501", "::1"),
                                          ("LocalHost", "localhost"), ("::1", "::1")])
def test_host_name(header, name):
    assert host_name(header) == name


@pytest.mark.parametrize("header", ["127.0.0.1:8501", "localhost", "[::1]:80"])
def test_loopback_names_pass(header):
    assert host_allowed(header, LOCAL)


@pytest.mark.parametrize("header", ["evil.example", "127.0.0.1.evil.example", "localhost.evil.example:8501",
                                    "", None, "[::2]:8501"])
def test_other_names_are_refused(header):
    assert not host_allowed(header, LOCAL)


def test_a_hosted_name_and_wildcard_subdomains():
    allowed = [*LOCAL, "selfcheck.example.org", "*.corp.example"]
    assert host_allowed("selfcheck.example.org:443", allowed)
    assert host_allowed("a.corp.example", allowed)
    assert not host_allowed("corp.example", allowed) and not host_allowed("evilcorp.example", allowed)
    assert host_allowed("anything", ["*"]) and host_allowed("anything", [])


def test_framing_headers(monkeypatch):
    monkeypatch.delenv(FRAME_ANCESTORS_ENV, raising=False)
    assert dict(frame_headers()) == {b"x-frame-options": b"SAMEORIGIN",
                                     b"content-security-policy": b"frame-ancestors 'self'"}
    monkeypatch.setenv(FRAME_ANCESTORS_ENV, "https://intranet.example.org 'unsafe-inline';x")
    assert dict(frame_headers()) == {b"content-security-policy": b"frame-ancestors 'self' https://intranet.example.org"}
