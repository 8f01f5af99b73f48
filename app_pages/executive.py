"""Executive summary: one screen for a projector — headline figures with traffic lights, the top
three risks, in-house vs outsourced, and the people it takes to close the gaps. No person's name
unless the user turns names on for this session."""
import streamlit as st

from components.plan.executive_view import render
from components.session.i18n import tr
from components.session.state import catalogue

st.title(tr("executive.title"))
render(catalogue())
