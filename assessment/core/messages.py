"""Texts of the messages and labels of assessment/ (import problems, store failures, report and
workbook labels), in Japanese and English, from messages.yaml beside this file. Keys not found
there are looked up in the UI text catalogue (csirt_data/ui_text.yaml), so the two can be merged
into one file without touching this code.

The function is `msg`, not `tr` like the UI's: tests/unit/test_ui_text.py scans the code for
`tr("…")` and looks the keys up in ui_text.yaml only; these keys are checked against this file by
tests/unit/test_messages.py."""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

from csirt_data.i18n import ui_strings

MESSAGES = Path(__file__).with_name("messages.yaml")


@functools.lru_cache(maxsize=1)
def messages() -> dict[str, dict[str, str]]:
    if not MESSAGES.exists():
        return {}
    return yaml.safe_load(MESSAGES.read_text(encoding="utf-8")) or {}


class _Args(dict):
    def __missing__(self, name):  # a placeholder without an argument shows itself
        return "{" + name + "}"


def msg(key: str, lang: str, /, **args) -> str:
    """The text of `key` in `lang` ("ja" or "en"), with {placeholders} filled; ⟨key⟩ if unknown."""
    texts = messages().get(key) or ui_strings().get(key)
    if texts is None:
        return f"⟨{key}⟩"
    text = texts.get(lang) or texts["ja"]
    return text.format_map(_Args(args)) if args else text


def message(error, lang: str) -> str:
    """The sentence for an error with a `key` and `args_` (ImportProblem, StoreError, EditError…)."""
    return msg(error.key, lang, **getattr(error, "args_", {}))
