"""The web server around the app: what Streamlit's own settings cannot do (serve.py uses it)."""
