"""DESIGN.md §4: arrows point down; nothing below components imports streamlit."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ["app_pages", "components", "assessment", "csirt_data"]  # top to bottom


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


FILES = [p for layer in LAYERS for p in (ROOT / layer).rglob("*.py")]


def test_there_are_files_in_every_layer():
    assert {p.relative_to(ROOT).parts[0] for p in FILES} == set(LAYERS)


def test_no_pages_folder_beside_the_entry_script():
    # A folder named pages/ switches Streamlit to its legacy multipage mode (see app.py).
    assert not (ROOT / "pages").exists()


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_imports_point_down(path):
    layer = path.relative_to(ROOT).parts[0]
    above = LAYERS[: LAYERS.index(layer)]
    imported = _imports(path)
    assert not imported & set(above), f"{path} imports a layer above it: {imported & set(above)}"
    if layer in ("assessment", "csirt_data"):
        assert not imported & {"streamlit", "plotly"}, f"{path} imports UI libraries"
