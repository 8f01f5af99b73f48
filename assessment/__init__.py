"""The user's assessment: model, scoring, staffing and flows. Pure Python, no Streamlit."""
