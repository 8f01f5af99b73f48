"""Results: how covered the CSIRT is, where the gaps are, and how information flows between roles."""
import streamlit as st

from components.i18n import tr
from components.results_view import flows, gap_list, headline, radars
from components.state import assessment, catalogue

cat, a = catalogue(), assessment()
st.title(tr("results.title"))
if a.sample:
    st.info(tr("results.sample"), icon=":material/science:")
if not a.model:
    st.info(tr("results.no_model"))
headline(cat)
tab_radar, tab_flow, tab_gaps = st.tabs([tr("results.tab_radar"), tr("results.tab_flow"), tr("results.tab_gaps")])
with tab_radar:
    radars(cat)
with tab_flow:
    flows(cat)
with tab_gaps:
    gap_list(cat)
