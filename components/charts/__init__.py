"""Plotly charts: the shared style, radars, the information-flow diagram and its layout, chart export."""
