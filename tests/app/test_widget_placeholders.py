"""No widget shows Streamlit's own English placeholder ("Choose an option", "Choose options") on a
Japanese page: every selectbox and multiselect sets its placeholder through tr."""
import ast
from pathlib import Path

import pytest

from csirt_data.i18n import ui_strings
from tests.app.helpers import PAGES, app

ROOT = Path(__file__).resolve().parents[2]
CHOOSERS = ("selectbox", "multiselect")


def _calls_without_placeholder() -> list[str]:
    missing = []
    for path in sorted([*ROOT.glob("app_pages/**/*.py"), *ROOT.glob("components/**/*.py"), ROOT / "app.py"]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CHOOSERS
                    and not any(k.arg == "placeholder" for k in node.keywords)):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return missing


def test_every_selectbox_and_multiselect_in_the_code_sets_a_placeholder():
    assert _calls_without_placeholder() == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_placeholders_drawn_are_ui_texts_in_the_pages_language(lang):
    ours = {texts[lang] for texts in ui_strings().values()}
    seen = 0
    for page in PAGES:
        at = app(demo="B", lang=lang, page=page)  # a fresh session per page, as test_every_page
        for w in [*at.selectbox, *at.multiselect]:
            seen += 1
            assert w.proto.placeholder in ours, f"{page}: {w.label!r} shows {w.proto.placeholder!r}"
    assert seen >= 5  # the Skills person, the targets, the results pickers, ...
