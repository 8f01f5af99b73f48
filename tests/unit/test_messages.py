"""assessment/messages.yaml: every key the import, store and report code uses exists in Japanese
and English with the same placeholders, every key there is used, and none clashes with the UI
texts (so the two files can be merged)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from assessment.core.errors import Conflict, ImportProblem, StoreUnavailable
from assessment.core.messages import MESSAGES, message, msg
from csirt_data.i18n import ui_strings

ROOT = Path(__file__).resolve().parents[2]
CODE = [ROOT / "assessment" / f for f in ("core/errors.py", "exchange/serialise.py", "exchange/files.py",
                                          "exchange/workbook.py", "exchange/report.py", "exchange/report_summary.py", "storage/store.py", "storage/migrate.py",
                                          "scores/history.py", "core/messages.py")]
RAW = yaml.safe_load(MESSAGES.read_text(encoding="utf-8"))
KEY = re.compile(r"""["']((?:import|store|report|export)\.[a-z_.]+)["']""")
# Keys the code builds from values rather than writes out.
BUILT = {"status.in_house", "status.outsourced", "status.gap", "status.not_applicable",
         "level.0", "level.1", "level.2", "level.3", "level.4"}


def _used() -> set[str]:
    keys = set()
    for path in CODE:
        keys |= set(KEY.findall(path.read_text(encoding="utf-8")))
    return keys


def test_every_used_key_exists():
    missing = sorted(k for k in _used() | BUILT if msg(k, "ja").startswith("⟨"))
    assert not missing


def test_every_key_is_used():
    assert not sorted(set(RAW) - _used())


def test_keys_do_not_clash_with_the_ui_texts():
    assert not set(RAW) & set(ui_strings())


@pytest.mark.parametrize("key", sorted(RAW))
def test_both_languages_and_the_same_placeholders(key):
    texts = RAW[key]
    assert set(texts) == {"ja", "en"} and texts["ja"].strip() and texts["en"].strip()
    names = lambda s: sorted(set(re.findall(r"{(\w+)}", s)))  # noqa: E731
    assert names(texts["ja"]) == names(texts["en"])


def test_messages_fill_their_placeholders():
    assert message(ImportProblem("import.bad_level", field="ratings.p1.x", level="7"), "en") == \
        '"ratings.p1.x": the skill level "7" must be 0 to 4. Your current work is unchanged.'
    assert "保存済みの版：3" in message(Conflict(3), "ja")
    assert message(StoreUnavailable("store.locked"), "en").startswith("The database is busy")
    # a missing argument shows its placeholder rather than failing
    assert "{level}" in msg("import.bad_level", "en", field="x")
    assert msg("no.such.key", "en") == "⟨no.such.key⟩"
