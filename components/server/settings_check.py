"""The settings a hosted instance must have, checked when the server starts (serve.py).

Hosted means other people reach this server: shared mode (CSIRT_SELFCHECK_SHARED=1), a PostgreSQL
database (CSIRT_SELFCHECK_DATABASE_URL), or login configured (an [auth] table in secrets.toml).
A local `make run` is none of these and is not checked.

Decided: an unsafe setting refuses the start (exit status 2, every problem listed with the setting
and its fix), a doubtful one only warns. A hosted server that starts anyway with XSRF protection
off or a guessable cookie secret would look fine until someone used the hole; a refusal at start is
seen by the operator at once. What counts as which (docs/deployment.md lists them too):

- refused: server.address empty or a wildcard (0.0.0.0, ::): the app would bypass nginx and be
  reachable directly, unless CSIRT_SELFCHECK_BIND_ANY=1 says a container network is the boundary;
  server.enableXsrfProtection off; server.enableCORS off; server.maxUploadSize above 64 MB (Streamlit
  holds an upload in memory) or below the largest file the app imports; [auth] cookie_secret
  missing, shorter than 32 characters or with few distinct characters; a secrets file that other
  users of the machine may read or write;
- warned: client.showErrorDetails not "none" (tracebacks name files and code to every user);
  server.allowedHosts "*" (the Host check is off: only nginx's server_name stands in front);
  server.cookieSecret not set (each server makes its own, so a browser moved to another server
  fails the XSRF check of its next upload: several servers need the same value).

`problems()` is pure (settings as a dict, the environment, the secrets files): the unit tests call
it with plain values; `current_settings()` reads Streamlit's loaded configuration for serve.py.
"""
from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from assessment.core.messages import msg
from assessment.exchange.files import MAX_CSV_BYTES, MAX_IMPORT_BYTES

SHARED_ENV = "CSIRT_SELFCHECK_SHARED"
DATABASE_URL_ENV = "CSIRT_SELFCHECK_DATABASE_URL"
BIND_ANY_ENV = "CSIRT_SELFCHECK_BIND_ANY"
MAX_UPLOAD_MB = 64
MIN_UPLOAD_MB = -(-max(MAX_CSV_BYTES, MAX_IMPORT_BYTES) // (1024 * 1024))  # the largest import, rounded up
MIN_SECRET_CHARS = 32
MIN_DISTINCT_CHARS = 12  # "aaaa…" or "changeme" repeated is long but not random
SETTINGS = ("server.address", "server.enableXsrfProtection", "server.enableCORS", "server.maxUploadSize",
            "client.showErrorDetails", "server.allowedHosts", "secrets.files")


@dataclass(frozen=True)
class Problem:
    setting: str
    refused: bool  # True: the server does not start; False: a warning
    text: Callable[[str], str]  # the message in a language ("ja" or "en"), naming the fix

    def line(self, lang: str) -> str:
        return f"[{'ERROR' if self.refused else 'WARNING'}] {self.setting}: {self.text(lang)}"


def _on(env: Mapping[str, str], name: str) -> bool:
    return env.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def read_secrets(files) -> list[tuple[Path, dict | None, int | None]]:
    """(path, parsed TOML or None when unreadable, file mode) of each secrets file that exists."""
    found = []
    for name in files or ():
        path = Path(name).expanduser()
        try:
            mode = path.stat().st_mode
        except OSError:
            continue
        if stat.S_ISDIR(mode):  # a folder of Kubernetes-style secrets: no [auth] table to check here
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            data = None
        found.append((path, data, mode))
    return found


def auth_of(secrets) -> dict | None:
    """The [auth] table of the first secrets file that has one (Streamlit merges them in order)."""
    for _path, data, _mode in secrets:
        if data and isinstance(data.get("auth"), dict):
            return data["auth"]
    return None


def hosted(env: Mapping[str, str], secrets) -> bool:
    url = env.get(DATABASE_URL_ENV, "").strip().lower()
    return _on(env, SHARED_ENV) or url.startswith("postgres") or auth_of(secrets) is not None


def problems(settings: Mapping[str, object], env: Mapping[str, str], secrets) -> list[Problem]:
    """What is wrong with these settings for a hosted instance; [] when it is not hosted."""
    if not hosted(env, secrets):
        return []
    out: list[Problem] = []
    address = str(settings.get("server.address") or "").strip()
    if address in ("", "0.0.0.0", "::", "[::]") and not _on(env, BIND_ANY_ENV):
        out.append(Problem("server.address", True,
                           lambda lang: msg("hosted.address", lang, value=address or "(empty)")))
    if not settings.get("server.enableXsrfProtection"):
        out.append(Problem("server.enableXsrfProtection", True, lambda lang: msg("hosted.xsrf", lang)))
    if not settings.get("server.enableCORS"):
        out.append(Problem("server.enableCORS", True, lambda lang: msg("hosted.cors", lang)))
    size = settings.get("server.maxUploadSize")
    if not isinstance(size, (int, float)) or not MIN_UPLOAD_MB <= size <= MAX_UPLOAD_MB:
        out.append(Problem("server.maxUploadSize", True, lambda lang: msg(
            "hosted.upload", lang, value=size, low=MIN_UPLOAD_MB, high=MAX_UPLOAD_MB)))
    out += _secret_problems(secrets)
    if str(settings.get("client.showErrorDetails")).lower() not in ("none", "false"):
        out.append(Problem("client.showErrorDetails", False, lambda lang: msg("hosted.error_details", lang)))
    if not settings.get("server.cookieSecret.set", True):
        out.append(Problem("server.cookieSecret", False, lambda lang: msg("hosted.cookie_secret_shared", lang)))
    if "*" in [str(h).strip() for h in settings.get("server.allowedHosts") or ()]:
        out.append(Problem("server.allowedHosts", False, lambda lang: msg("hosted.allowed_hosts", lang)))
    return out


def _secret_problems(secrets) -> list[Problem]:
    out = []
    for path, data, mode in secrets:
        where = str(path)
        if mode is not None and mode & (stat.S_IROTH | stat.S_IWOTH):
            out.append(Problem("secrets.toml", True, lambda lang, where=where: msg("hosted.secrets_mode", lang,
                                                                                  path=where)))
        if data is None:
            out.append(Problem("secrets.toml", True, lambda lang, where=where: msg("hosted.secrets_unreadable",
                                                                                  lang, path=where)))
    auth = auth_of(secrets)
    if auth is not None:
        secret = auth.get("cookie_secret")
        if not isinstance(secret, str) or len(secret) < MIN_SECRET_CHARS or len(set(secret)) < MIN_DISTINCT_CHARS:
            out.append(Problem("[auth] cookie_secret", True, lambda lang: msg(
                "hosted.cookie_secret", lang, chars=MIN_SECRET_CHARS)))
    return out


def current_settings() -> dict[str, object]:
    """The settings Streamlit loaded (config.toml, STREAMLIT_* variables, command-line flags)."""
    from streamlit import config
    from streamlit.config_option import ConfigOption
    out: dict[str, object] = {name: config.get_option(name) for name in SETTINGS}
    # Unset, each server makes its own random one: then a browser that moves to another server
    # (its server stopped) fails the XSRF check of its next upload.
    out["server.cookieSecret.set"] = config.get_where_defined("server.cookieSecret") != ConfigOption.DEFAULT_DEFINITION
    return out


def check_at_start(print_line=print) -> bool:
    """Prints every problem in Japanese and English; False when the server must not start."""
    settings = current_settings()
    found = problems(settings, os.environ, read_secrets(settings.get("secrets.files")))
    for p in found:
        print_line(p.line("ja"))
        print_line(p.line("en"))
    refused = [p for p in found if p.refused]
    if refused:
        print_line(msg("hosted.refused", "ja", count=len(refused)))
        print_line(msg("hosted.refused", "en", count=len(refused)))
    return not refused
