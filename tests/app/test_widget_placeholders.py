"""No widget shows Streamlit's own English placeholder on a Japanese page: every selectbox and
multiselect sets its placeholder through tr ("Choose an option", "Choose options"), and every table
and grid sets the text of an empty cell (Streamlit shows "None")."""
import ast
from pathlib import Path

import pytest

from csirt_data.i18n import ui_strings
from tests.app.helpers import PAGES, app, open_lazy

ROOT = Path(__file__).resolve().parents[2]
CHOOSERS = ("selectbox", "multiselect")
TABLES = ("dataframe", "data_editor")


def _calls_without_placeholder(kinds=CHOOSERS) -> list[str]:
    missing = []
    for path in sorted([*ROOT.glob("app_pages/**/*.py"), *ROOT.glob("components/**/*.py"), ROOT / "app.py"]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in kinds
                    and not any(k.arg == "placeholder" for k in node.keywords)):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return missing


def test_every_selectbox_and_multiselect_in_the_code_sets_a_placeholder():
    assert _calls_without_placeholder() == []


def test_every_table_and_grid_in_the_code_sets_the_text_of_an_empty_cell():
    assert _calls_without_placeholder(TABLES) == []


def test_an_empty_per_role_target_reads_as_a_dash_not_none():
    at = open_lazy(app(demo="B", page="skills"), "targets")
    grid = next(e for e in at.data_editor if e.key.startswith("role_targets"))
    assert grid.proto.placeholder == "—"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_placeholders_drawn_are_ui_texts_in_the_pages_language(lang):
    ours = {texts[lang] for texts in ui_strings().values()}
    seen = 0
    for page in PAGES:
        at = app(demo="B", lang=lang, page=page)  # a fresh session per page, as test_every_page
        for w in [*at.selectbox, *at.multiselect]:
            seen += 1
            assert w.proto.placeholder in ours, f"{page}: {w.label!r} shows {w.proto.placeholder!r}"
    assert seen >= 3  # the Skills person, the Results pickers, ...: the loop is not vacuous
