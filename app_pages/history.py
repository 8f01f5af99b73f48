"""History: snapshots of the saved assessment, the trend of its figures, and what changed."""
import streamlit as st

from components.work.change_feed import change_feed
from components.work.history_view import comparison, snapshot_form, trend_chart
from components.session.i18n import tr
from components.session.state import catalogue

cat = catalogue()
st.title(tr("history.title"))
st.write(tr("history.intro"))
if snapshot_form():
    st.subheader(tr("history.trend_heading"))
    if trend_chart(cat):
        st.subheader(tr("history.compare_heading"))
        comparison(cat)
change_feed()
