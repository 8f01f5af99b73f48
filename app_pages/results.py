"""Results: how covered the CSIRT is, where the gaps are, and how information flows between roles."""
import streamlit as st

from components.session.i18n import tr
from components.steps.results_view import flows, gap_list, headline, person_radars, radars
from components.session.state import assessment, catalogue

cat, a = catalogue(), assessment()
st.title(tr("results.title"))
if a.sample:
    st.info(tr("results.sample"), icon=":material/science:")
if not a.model:
    st.info(tr("results.no_model"))
headline(cat)
# Only the open tab is computed and sent: the others cost nothing on a click.
tabs = st.tabs([tr("results.tab_radar"), tr("results.tab_people"), tr("results.tab_flow"), tr("results.tab_gaps")],
               key="results_tab", on_change="rerun")
for tab, body in zip(tabs, (radars, person_radars, flows, gap_list)):
    if tab.open:
        with tab:
            body(cat)
