"""Charts made legible in print: no label below 9 pt once the image is scaled to its place on the
A4 page (issue #11). The figure's own sizes are for a screen; a report image of `width_px` printed
`print_mm` wide shrinks them by print_mm / width_px, so every font is raised to the size that
prints at 9 pt at least."""
from __future__ import annotations

import math

import plotly.graph_objects as go

MIN_PT = 9
MM_PER_PT = 25.4 / 72
FONT_KEYS = ("font", "textfont", "tickfont", "insidetextfont", "outsidetextfont")


def min_font_px(width_px: int, print_mm: float, min_pt: float = MIN_PT) -> int:
    """The smallest font size (figure pixels) that prints at `min_pt` or more."""
    return math.ceil(min_pt * MM_PER_PT * width_px / print_mm)


def _raise(node, floor: int):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in FONT_KEYS and isinstance(value, dict):
                size = value.get("size")
                if isinstance(size, (list, tuple)):
                    value["size"] = [max(s or 0, floor) for s in size]
                else:
                    value["size"] = max(size or 0, floor)
            _raise(value, floor)
    elif isinstance(node, (list, tuple)):
        for item in node:
            _raise(item, floor)


def for_print(fig: go.Figure, width_px: int, print_mm: float) -> go.Figure:
    """A copy of `fig` whose every font (the default, titles, ticks, legends, text, annotations)
    prints at 9 pt or more when the image, `width_px` wide, is placed `print_mm` wide."""
    floor = min_font_px(width_px, print_mm)
    spec = fig.to_dict()
    layout = spec.setdefault("layout", {})
    layout.setdefault("font", {})
    _raise(spec, floor)
    polar = any(key.startswith("polar") for key in layout) or \
        any(str(t.get("type", "")).endswith("polar") for t in spec.get("data", []))
    if polar:
        # A radar's axis labels sit outside its circle: room for them at the larger size, or the
        # longer role names are cut at the image's edge.
        # Room in font sizes: a long role name beside the circle, the title and the legend above
        # and below the labels at the top and the bottom.
        margin = layout.setdefault("margin", {})
        for side, fonts in (("l", 10), ("r", 10), ("t", 8), ("b", 8)):
            margin[side] = max(margin.get(side) or 0, fonts * floor)
        # The legend at the foot of the image, below the labels at the bottom of the circle.
        legend = layout.setdefault("legend", {})
        legend.update(yref="container", y=0.01, yanchor="bottom")
    return go.Figure(spec)
