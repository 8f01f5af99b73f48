"""Every UI string exists in Japanese and English; every key the code asks for exists."""
import re
from pathlib import Path

import pytest

from assessment.access.rules import GRANT_ROLES
from assessment.core.messages import messages
from assessment.core.model import LEVELS, STATUSES
from csirt_data import KINDS
from csirt_data.i18n import read_ui_text_file, translate, ui_strings, ui_text_files

ROOT = Path(__file__).resolve().parents[2]
CODE = [p for d in ("app_pages", "components", "assessment") for p in (ROOT / d).rglob("*.py")] + [ROOT / "app.py"]
# tr() in the UI; msg() in assessment/ may use a UI text key too (it falls back to them).
STATIC = re.compile(r"""\b(?:tr|msg)\(\s*["']([a-z_.0-9]+)["']\s*[,)]""")
# EditError keys: written in an EditError(...) or passed on as a literal "error.…" (edit.clean_name).
# Login's refusals (assessment/access/rules.py) are literal "login.…" keys too.
ERRORS = re.compile(r"""(?:EditError|AccessDenied)\(\s*["']([a-z_.0-9]+)["']|["']((?:error|login)\.[a-z_.0-9]+)["']""")
PAGE_TITLES = re.compile(r'''"((?:page|nav)\.[a-z_]+)"''')


def _used_keys() -> set[str]:
    keys = set()
    for path in CODE:
        text = path.read_text(encoding="utf-8")
        keys |= set(STATIC.findall(text)) | {k for pair in ERRORS.findall(text) for k in pair if k} | set(PAGE_TITLES.findall(text))
    # Keys built from catalogue or model values.
    keys |= {f"status.{s}" for s in STATUSES} | {f"status.short.{s}" for s in STATUSES}
    keys |= {f"level.{n}" for n in LEVELS} | {f"kind.{k}" for k in KINDS} | {f"kind.short.{k}" for k in KINDS}
    keys |= {f"flow.{x}" for x in ("solid", "dotted", "solid_short", "dotted_short", "broken_legend",
                                   "inactive_legend", "external", "internal", "systems")}
    keys |= {"results.by_function", "results.by_group"}
    keys |= {f"login.{k}_{r}" for r in GRANT_ROLES for k in ("role", "listed", "make")} | {f"login.role_{r}_help" for r in GRANT_ROLES}
    return keys


def test_every_used_key_exists_in_both_languages():
    strings = ui_strings() | messages()
    missing = sorted(k for k in _used_keys() if k not in strings)
    assert not missing, f"missing from the UI text files: {missing}"


def test_every_key_has_both_languages_and_is_used():
    raw = ui_strings()
    for key, texts in raw.items():
        assert set(texts) == {"ja", "en"}, key
        assert texts["ja"].strip() and texts["en"].strip(), key
    unused = sorted(set(raw) - _used_keys())
    assert not unused, f"keys no code uses: {unused}"


@pytest.mark.parametrize("key", sorted(k for p in ui_text_files() for k in read_ui_text_file(p)))
def test_placeholders_agree(key):
    texts = ui_strings()[key]
    names = lambda s: sorted(set(re.findall(r"{(\w+)}", s)))  # noqa: E731
    assert names(texts["ja"]) == names(texts["en"]), key


def test_missing_key_shows_itself():
    assert translate("no.such.key", "ja") == "⟨no.such.key⟩"
