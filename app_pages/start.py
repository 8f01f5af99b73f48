"""Start: what this is, start new, open a sample organisation, and how scores are computed."""
import streamlit as st

from assessment.core.demos import DEMO_MODELS
from components.session.i18n import lang, tr
from components.work.library_view import import_box, saved_list
from components.session.state import catalogue, open_demo, start_new
from components.team.access_view import start_note

cat = catalogue()
st.title(tr("start.title"))
st.markdown(tr("start.intro"))
st.caption(tr("start.source", title=cat.document.title.get(lang()), publisher=cat.document.publisher.get(lang()),
              date=cat.document.date))

left, right = st.columns([1, 2], gap="large")
with left:
    st.subheader(tr("start.new_heading"))
    st.write(tr("start.new_body"))
    if st.button(tr("start.new_button"), type="primary", key="start_new"):
        start_new()
        st.switch_page("app_pages/model.py")
with right:
    st.subheader(tr("start.demo_heading"))
    st.write(tr("start.demo_body"))
    cols = st.columns(len(DEMO_MODELS))
    for col, model_id in zip(cols, DEMO_MODELS):
        model = cat.model(model_id)
        with col:
            st.markdown(f"**{model.name.get(lang())}**")
            st.caption(model.definition.get(lang()))
            if st.button(tr("start.demo_button"), key=f"demo_{model_id}"):
                open_demo(model_id)
                st.switch_page("app_pages/results.py")

st.divider()
st.caption(tr("team.how_it_works"))
left, right = st.columns([3, 2], gap="large")
with left:
    saved_list(cat)
    start_note()
with right:
    import_box(cat)

st.divider()
st.subheader(tr("start.scoring_heading"))
st.markdown(tr("start.scoring_body"))
st.caption(tr("start.privacy"))
