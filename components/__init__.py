"""Streamlit and Plotly building blocks. Pages compose these; these call assessment/ and csirt_data/."""
