"""Charts as images (PNG), drawn by kaleido in Debian's Chromium, for downloads and the report."""
from __future__ import annotations

import os

import plotly.graph_objects as go
import plotly.io as pio

# Kaleido cannot download a browser here; it uses the system Chromium. MathJax is never needed
# (no formulas) and would be fetched from the network.
os.environ.setdefault("BROWSER_PATH", "/usr/bin/chromium")
pio.defaults.mathjax = None


def png(fig: go.Figure, width: int = 1200, height: int | None = None, scale: float = 1.5) -> bytes:
    height = height or int(fig.layout.height or 700)
    return fig.to_image(format="png", width=width, height=height, scale=scale)
