"""Action plan: a proposed action for every gap (train, hire or outsource), with the owner, due
date and status the user decides, and the plan as CSV or Excel."""
import streamlit as st

from components.plan.actions_view import render
from components.steps.gap_lists import to_rate
from components.session.i18n import tr
from components.session.state import assessment, catalogue, show_edit_error

cat, a = catalogue(), assessment()
st.title(tr("actions.title"))
st.write(tr("actions.intro"))
show_edit_error()
if not a.model:
    st.info(tr("actions.no_model"), icon=":material/info:")
render(cat)
# Skills nobody has rated are no training need yet (not rated is not "can't do it"): rate first.
to_rate(cat)
