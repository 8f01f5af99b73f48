"""Job postings (募集要項) and RFP scopes: drafts generated from the document for any role, edited
here and downloaded as Markdown or Word."""
import streamlit as st

from components.session.i18n import tr
from components.plan.postings_view import postings
from components.session.state import catalogue

st.title(tr("postings.title"))
st.write(tr("postings.intro"))
postings(catalogue())
