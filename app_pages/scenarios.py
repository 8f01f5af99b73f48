"""Scenarios: what-ifs on the same people and ratings (another model, roles flipped, planned hires),
compared side by side with the current state: figures, roles, radar and flow diagrams."""
import streamlit as st

from components.plan.compare_view import comparison_charts, comparison_tables
from components.session.i18n import tr
from components.plan.scenarios_view import chooser, creator, editor, show_flash
from components.session.state import assessment, catalogue, show_edit_error

cat, a = catalogue(), assessment()
st.title(tr("scenarios.title"))
st.caption(tr("scenarios.intro"))
show_edit_error()
show_flash()
creator(cat, a)
scenario = chooser(a)
if scenario is None:
    st.info(tr("scenarios.empty"))
else:
    # The scenario on the left, the comparison on the right: a flip shows in the figures at once.
    left, right = st.columns([5, 6], gap="medium")
    with left:
        editor(cat, scenario)
    with right:
        st.subheader(tr("scenarios.compare_heading"))
        compared = comparison_tables(cat)
    if compared:
        comparison_charts(cat, *compared)
