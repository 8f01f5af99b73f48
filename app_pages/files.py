"""Files: export the assessment, the workbook, the report and the charts; import ratings."""
import streamlit as st

from components.session.actor import current_actor
from components.work.files_view import exports, ratings_import, report_exports
from components.session.i18n import tr
from components.session.state import catalogue

cat = catalogue()
st.title(tr("files.title"))
if current_actor().kind == "viewer":  # a viewer link: the report and charts only, read-only
    report_exports(cat)
else:
    st.write(tr("files.intro"))
    exports(cat)
    st.divider()
    ratings_import(cat)
