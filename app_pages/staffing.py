"""Staffing: which 兼任グループ need a person, who could hold each (a suggestion to apply), minimum
headcount, roles held across groups and single points of failure."""
import streamlit as st

from components.plan import staffing_view as view
from components.session.i18n import tr
from components.session.state import assessment, catalogue, show_edit_error

cat, a = catalogue(), assessment()
s = view.suggestion()
st.title(tr("staffing.title"))
st.write(tr("staffing.intro"))
show_edit_error()
view.applied_message()
view.notices(cat, a, s)
view.headline(s)
if s.groups:
    view.needs(cat, s)
    st.subheader(tr("staffing.suggestion_heading"))
    view.rule_note(cat)
    if a.people:
        view.suggestion_table(cat, a, s)
        view.apply_controls(cat, a, s)
        view.across_groups(cat, a, s)
        view.single_points(cat, a, s)
