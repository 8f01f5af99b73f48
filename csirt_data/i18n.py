"""UI strings in Japanese and English (the catalogue texts are in the catalogue files, not here)."""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

from .errors import CatalogueError

UI_TEXT = Path(__file__).parent / "ui_text.yaml"
LANGS = ("ja", "en")


@functools.lru_cache(maxsize=1)
def ui_strings() -> dict[str, dict[str, str]]:
    data = yaml.safe_load(UI_TEXT.read_text(encoding="utf-8"))
    for key, texts in data.items():
        if not isinstance(texts, dict) or any(not isinstance(texts.get(l), str) or not texts[l] for l in LANGS):
            raise CatalogueError(UI_TEXT.name, key, "needs a non-empty text in both ja and en")
    return data


def translate(key: str, lang: str, **args) -> str:
    """The UI text for `key` in `lang`, with {placeholders} filled. A missing key shows itself
    (tests fail on it) rather than breaking the page."""
    texts = ui_strings().get(key)
    if texts is None:
        return f"⟨{key}⟩"
    text = texts.get(lang) or texts["ja"]
    return text.format(**args) if args else text
