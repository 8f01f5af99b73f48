"""Files: export the assessment, the workbook, the report and the charts; import ratings."""
import streamlit as st

from components.files_view import exports, ratings_import
from components.i18n import tr
from components.state import catalogue

cat = catalogue()
st.title(tr("files.title"))
st.write(tr("files.intro"))
exports(cat)
st.divider()
ratings_import(cat)
