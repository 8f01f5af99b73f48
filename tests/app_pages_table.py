"""The pages of app.py, read from its SECTIONS table without running it (it needs Streamlit's
runtime): tests and the benchmark follow pages as they are added."""
from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app.py"


def app_page_rows() -> list[tuple[str, str, str, str]]:
    """(file, url path, title key, icon) of every page, in the sidebar's order."""
    for node in ast.walk(ast.parse(APP.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "SECTIONS" for t in node.targets):
            sections = ast.literal_eval(node.value)
            return [tuple(row) for rows in sections.values() for row in rows]
    raise AssertionError("app.py has no SECTIONS table")


def page_h1_key(path: str) -> str:
    """Every page's heading is the UI text `<path>.title` (the reference page's is `ref.title`)."""
    return "ref.title" if path == "reference" else f"{path}.title"
