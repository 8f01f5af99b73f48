"""The start-up check of a hosted instance's settings (components/server/settings_check.py): which
instances are hosted, each unsafe setting refused with its name and fix, the doubtful ones warned,
the repository's own config.toml passing; and a real `streamlit run serve.py` that refuses."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from components.server.settings_check import (MAX_UPLOAD_MB, MIN_UPLOAD_MB, problems, read_secrets)

ROOT = Path(__file__).resolve().parents[2]
SAFE = {"server.address": "127.0.0.1", "server.enableXsrfProtection": True, "server.enableCORS": True,
        "server.maxUploadSize": 16, "client.showErrorDetails": "none",
        "server.allowedHosts": ["127.0.0.1", "selfcheck.example.org"]}
SHARED = {"CSIRT_SELFCHECK_SHARED": "1"}
GOOD_SECRET = "pK3v9Qw-Zx7Lm2Nb8Rt5Yh4Gf6Dc1Sa0Je_UiOo"


def _secrets(tmp_path, body: str, mode: int = 0o600):
    path = tmp_path / "secrets.toml"
    path.write_text(body, encoding="utf-8")
    path.chmod(mode)
    return read_secrets([str(path), str(tmp_path / "absent.toml")])


def _named(found) -> dict[str, bool]:
    return {p.setting: p.refused for p in found}


def test_a_local_instance_is_not_checked_even_with_unsafe_settings():
    unsafe = {**SAFE, "server.enableXsrfProtection": False, "server.address": ""}
    assert problems(unsafe, {}, []) == []
    assert problems(unsafe, {"CSIRT_SELFCHECK_DATABASE_URL": "sqlite:////tmp/x.db"}, []) == []


@pytest.mark.parametrize("env", [SHARED, {"CSIRT_SELFCHECK_DATABASE_URL": "postgresql://app@db/selfcheck"}])
def test_shared_mode_or_postgresql_makes_it_hosted(env):
    assert problems(SAFE, env, []) == []
    assert "server.enableXsrfProtection" in _named(problems({**SAFE, "server.enableXsrfProtection": False}, env, []))


def test_login_configured_makes_it_hosted(tmp_path):
    secrets = _secrets(tmp_path, "[auth]\ncookie_secret = 'short'\n")
    assert _named(problems(SAFE, {}, secrets)) == {"[auth] cookie_secret": True}


@pytest.mark.parametrize("change, setting", [
    ({"server.address": ""}, "server.address"),
    ({"server.address": "0.0.0.0"}, "server.address"),
    ({"server.address": "::"}, "server.address"),
    ({"server.enableXsrfProtection": False}, "server.enableXsrfProtection"),
    ({"server.enableCORS": False}, "server.enableCORS"),
    ({"server.maxUploadSize": 200}, "server.maxUploadSize"),  # Streamlit's default
    ({"server.maxUploadSize": MIN_UPLOAD_MB - 1}, "server.maxUploadSize"),
])
def test_each_unsafe_setting_is_refused_with_its_name_and_fix(change, setting):
    found = problems({**SAFE, **change}, SHARED, [])
    assert _named(found) == {setting: True}
    en, ja = found[0].line("en"), found[0].line("ja")
    assert en.startswith(f"[ERROR] {setting}: ") and "⟨" not in en + ja
    assert "under [server]" in en and "[server]" in ja  # the fix names where to set it


def test_the_upload_limit_bounds_are_allowed():
    for size in (MIN_UPLOAD_MB, MAX_UPLOAD_MB):
        assert problems({**SAFE, "server.maxUploadSize": size}, SHARED, []) == []


def test_a_container_may_listen_on_every_address_when_it_says_so():
    assert problems({**SAFE, "server.address": "0.0.0.0"}, {**SHARED, "CSIRT_SELFCHECK_BIND_ANY": "1"}, []) == []


def test_doubtful_settings_only_warn():
    found = problems({**SAFE, "client.showErrorDetails": "full", "server.allowedHosts": ["*"],
                      "server.cookieSecret.set": False}, SHARED, [])
    assert _named(found) == {"client.showErrorDetails": False, "server.allowedHosts": False,
                             "server.cookieSecret": False}
    assert found[0].line("en").startswith("[WARNING] client.showErrorDetails")


@pytest.mark.parametrize("secret", ["", "changeme", "a" * 64, "0123456789" * 3])
def test_a_cookie_secret_that_is_short_or_not_random_is_refused(tmp_path, secret):
    secrets = _secrets(tmp_path, f"[auth]\nredirect_uri = 'https://x/oauth2callback'\ncookie_secret = '{secret}'\n")
    found = problems(SAFE, {}, secrets)
    assert _named(found) == {"[auth] cookie_secret": True}
    assert "secrets.token_urlsafe" in found[0].line("en")


def test_a_missing_cookie_secret_is_refused(tmp_path):
    assert _named(problems(SAFE, {}, _secrets(tmp_path, "[auth]\nclient_id = 'x'\n"))) == {"[auth] cookie_secret": True}


def test_a_long_random_cookie_secret_in_a_private_file_passes(tmp_path):
    assert problems(SAFE, {}, _secrets(tmp_path, f"[auth]\ncookie_secret = '{GOOD_SECRET}'\n")) == []


@pytest.mark.parametrize("mode", [0o644, 0o606])
def test_a_secrets_file_others_may_read_or_write_is_refused(tmp_path, mode):
    found = problems(SAFE, SHARED, _secrets(tmp_path, f"[auth]\ncookie_secret = '{GOOD_SECRET}'\n", mode))
    assert _named(found) == {"secrets.toml": True}
    assert f"chmod 600 {tmp_path / 'secrets.toml'}" in found[0].line("en")


def test_a_folder_of_secrets_is_skipped(tmp_path):
    (tmp_path / "k8s").mkdir()
    assert read_secrets([str(tmp_path / "k8s")]) == []


def test_a_broken_secrets_file_is_refused(tmp_path):
    assert _named(problems(SAFE, SHARED, _secrets(tmp_path, "[auth\ncookie_secret = "))) == {"secrets.toml": True}


def test_the_repository_config_passes_the_hosted_check():
    import tomllib
    conf = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    settings = {f"{section}.{key}": value for section, table in conf.items() for key, value in table.items()}
    # Streamlit's defaults for what the file leaves out: XSRF and CORS protection on.
    settings = {"server.enableXsrfProtection": True, "server.enableCORS": True, **settings}
    assert problems(settings, SHARED, []) == []


def test_a_hosted_server_with_xsrf_off_does_not_start_and_says_why(tmp_path):
    env = {**os.environ, "CSIRT_SELFCHECK_SHARED": "1", "CSIRT_SELFCHECK_DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", "1",
                           "--server.enableXsrfProtection", "false", "--server.headless", "true"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "[ERROR] server.enableXsrfProtection: XSRF protection is off" in done.stderr
    assert "XSRF対策が無効です" in done.stderr
