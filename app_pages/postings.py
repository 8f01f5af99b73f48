"""Job postings (募集要項) and RFP scopes: drafts generated from the document for any role, edited
here and downloaded as Markdown or Word."""
import streamlit as st

from components.i18n import tr
from components.postings_view import postings
from components.state import catalogue

st.title(tr("postings.title"))
st.write(tr("postings.intro"))
postings(catalogue())
