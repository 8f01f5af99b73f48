"""Reference: the document's catalogue as this app uses it."""
import streamlit as st

from components.steps import reference_view as ref
from components.session.i18n import tr
from components.session.state import catalogue

cat = catalogue()
st.title(tr("ref.title"))
ref.document(cat)
t_roles, t_models, t_groups, t_flows, t_glossary = st.tabs(
    [tr("ref.tab_roles"), tr("ref.tab_models"), tr("ref.tab_groups"), tr("ref.tab_flows"), tr("ref.tab_glossary")])
with t_roles:
    ref.roles(cat)
with t_models:
    ref.models(cat)
with t_groups:
    ref.groups(cat)
with t_flows:
    ref.flows(cat)
with t_glossary:
    ref.glossary(cat)
