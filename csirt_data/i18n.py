"""UI strings in Japanese and English (the catalogue texts are in the catalogue files, not here)."""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

from .errors import CatalogueError

UI_TEXT = Path(__file__).parent / "ui_text.yaml"
# One file per area of the app beside the main one (ui_text/planning.yaml, ...), merged into one
# catalogue: a key may be defined once only.
UI_TEXT_DIR = Path(__file__).parent / "ui_text"
LANGS = ("ja", "en")


def ui_text_files() -> list[Path]:
    return [UI_TEXT, *sorted(UI_TEXT_DIR.glob("*.yaml"))]


def read_ui_text_file(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


@functools.lru_cache(maxsize=1)
def ui_strings() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in ui_text_files():
        for key, texts in read_ui_text_file(path).items():
            if key in merged:
                raise CatalogueError(path.name, key, "is defined in another UI text file too")
            if not isinstance(texts, dict) or any(not isinstance(texts.get(l), str) or not texts[l] for l in LANGS):
                raise CatalogueError(path.name, key, "needs a non-empty text in both ja and en")
            merged[key] = texts
    return merged


def translate(key: str, lang: str, **args) -> str:
    """The UI text for `key` in `lang`, with {placeholders} filled. A missing key shows itself
    (tests fail on it) rather than breaking the page."""
    texts = ui_strings().get(key)
    if texts is None:
        return f"⟨{key}⟩"
    text = texts.get(lang) or texts["ja"]
    return text.format(**args) if args else text
