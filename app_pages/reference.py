"""Reference: the document's catalogue as this app uses it."""
import streamlit as st

from components.steps import reference_view as ref
from components.session.i18n import tr
from components.session.state import catalogue

cat = catalogue()
st.title(tr("ref.title"))
ref.document(cat)
# Only the open tab is computed and sent (as on Results): the roles tab alone is ≈600 elements.
parts = [(tr("ref.tab_roles"), ref.roles), (tr("ref.tab_models"), ref.models), (tr("ref.tab_groups"), ref.groups),
         (tr("ref.tab_flows"), ref.flows), (tr("ref.tab_glossary"), ref.glossary)]
tabs = st.tabs([title for title, _ in parts], key="ref_tab", on_change="rerun")
for tab, (_title, body) in zip(tabs, parts):
    if tab.open:
        with tab:
            body(cat)
