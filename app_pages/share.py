"""Share: with login, who has rights by account; then the editor, viewer and participant links of
this assessment, with their QR codes."""
import streamlit as st

from components.account import grants_view
from components.session.i18n import tr
from components.team.share_view import render

st.title(tr("share.title"))
st.write(tr("share.intro"))
grants_view.render()
render()
