"""Results: how covered the CSIRT is, where the gaps are, and how information flows between roles."""
import streamlit as st

from components.session.i18n import tr
from components.steps.results_view import flows, gap_list, headline, person_radars, radars
from components.session.state import assessment, catalogue
from components.team.gate import viewer_sees_people

cat, a = catalogue(), assessment()
st.title(tr("results.title"))
if a.sample:
    st.info(tr("results.sample"), icon=":material/science:")
if not a.model:
    st.info(tr("results.no_model"))
headline(cat)
# Only the open tab is computed and sent: the others cost nothing on a click. A viewer link sees
# people's radars only when the lead allows names (its copy is anonymised otherwise).
parts = [(tr("results.tab_radar"), radars), (tr("results.tab_people"), person_radars), (tr("results.tab_flow"), flows),
         (tr("results.tab_gaps"), gap_list)]
if not viewer_sees_people():
    del parts[1]
tabs = st.tabs([title for title, _ in parts], key="results_tab", on_change="rerun")
for tab, (_k, body) in zip(tabs, parts):
    if tab.open:
        with tab:
            body(cat)
