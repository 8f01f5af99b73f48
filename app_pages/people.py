"""People: who is in the CSIRT, their ITSS level, and the in-house roles each holds."""
import streamlit as st

from components.session.i18n import tr
from components.session.labels import md
from components.steps.people_view import add_form, people_table, staffing_warnings
from components.session.state import assessment, catalogue, show_edit_error

cat, a = catalogue(), assessment()
st.title(tr("people.title"))
st.write(tr("people.intro"))
show_edit_error()
added = st.session_state.pop("_people_added", None)
if added:
    st.success(tr("people.added", name=md(added)), icon=":material/check_circle:")
add_form(cat, a)
if a.people:
    people_table(cat, a)
else:
    st.info(tr("people.empty"))
st.subheader(tr("people.staffing_heading"))
staffing_warnings(cat, a)
st.page_link("app_pages/skills.py", label=tr("people.next"), icon=":material/arrow_forward:")
