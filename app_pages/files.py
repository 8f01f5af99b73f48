"""Files: export the assessment, the workbook, the report and the charts; import ratings."""
import streamlit as st

from components.work.files_view import exports, ratings_import
from components.session.i18n import tr
from components.session.state import catalogue

cat = catalogue()
st.title(tr("files.title"))
st.write(tr("files.intro"))
exports(cat)
st.divider()
ratings_import(cat)
