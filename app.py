"""CSIRT Self-Check: the router. Page config, the shared sidebar, and navigation over pages/."""
import streamlit as st

from components import sidebar
from components.i18n import tr
from components.state import apply_url, show_url_error

st.set_page_config(page_title="CSIRT Self-Check", page_icon="🛡️", layout="wide")
apply_url()

PAGES = [  # (file, url path, title key, icon)
    ("pages/start.py", "start", "page.start", "🏁"),
    ("pages/model.py", "model", "page.model", "🏢"),
    ("pages/roles.py", "roles", "page.roles", "🧩"),
    ("pages/people.py", "people", "page.people", "👥"),
    ("pages/skills.py", "skills", "page.skills", "📝"),
    ("pages/results.py", "results", "page.results", "📊"),
    ("pages/reference.py", "reference", "page.reference", "📖"),
]
pages = [st.Page(f, url_path=u, title=tr(t), icon=i, default=(u == "start")) for f, u, t, i in PAGES]
nav = st.navigation({tr("nav.walkthrough"): pages[:6], tr("nav.reference"): pages[6:]})
sidebar.render()
show_url_error()
nav.run()
