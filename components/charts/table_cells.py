"""Cells of a static table (components/charts/static_table.py) that carry more than text: a
coloured badge, a bold label, or several parts in one cell. Each is drawn as HTML with its text
escaped, so a name typed by a user is always text."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

# Streamlit's own badge colours (its light theme): a tinted background, a darker text that keeps a
# projector's contrast. The badge's text names its meaning, so it reads without colour too.
BADGE_CSS = """<style>
.csc-badge { display: inline-block; padding: 0 .4rem; border-radius: .5rem; font-weight: 500; white-space: nowrap; }
.csc-badge-blue { background: rgba(28, 131, 225, .1); color: #0054a3; }
.csc-badge-green { background: rgba(33, 195, 84, .1); color: #177233; }
.csc-badge-yellow { background: rgba(255, 189, 69, .18); color: #7a5700; }
.csc-badge-orange { background: rgba(255, 140, 0, .12); color: #a04700; }
.csc-badge-red { background: rgba(255, 43, 43, .09); color: #b3262b; }
.csc-badge-gray { background: rgba(49, 51, 63, .08); color: #4b4d57; }
</style>"""
COLOURS = ("blue", "green", "yellow", "orange", "red", "gray")


@dataclass(frozen=True)
class Badge:
    text: str
    colour: str

    def __post_init__(self):
        if self.colour not in COLOURS:
            raise ValueError(f"badge colour {self.colour!r}: one of {COLOURS}")

    def html(self) -> str:
        return f'<span class="csc-badge csc-badge-{self.colour}">{escape(self.text)}</span>'


@dataclass(frozen=True)
class Strong:
    text: str

    def html(self) -> str:
        return f"<strong>{escape(self.text)}</strong>"


@dataclass(frozen=True)
class Parts:
    """Several cells in one, side by side (a badge and a mark after it)."""
    items: tuple

    def html(self) -> str:
        return "".join(cell_html(x) for x in self.items)


def cell_html(value) -> str:
    """A cell's HTML: a Badge, Strong or Parts draws itself; anything else is its text, escaped."""
    return value.html() if isinstance(value, (Badge, Strong, Parts)) else escape(str(value))
