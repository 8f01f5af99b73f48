"""Roles: the 19 roles by function; each is in-house, outsourced, a gap or not applicable."""
import streamlit as st

from components.role_board.widget import role_board
from components.session.i18n import tr
from components.session.state import assessment, catalogue, show_edit_error

st.title(tr("roles.title"))
st.write(tr("roles.intro"))
if not assessment().model:
    st.info(tr("roles.no_model"))
show_edit_error()
role_board(catalogue())
st.page_link("app_pages/people.py", label=tr("roles.next"), icon=":material/arrow_forward:")
