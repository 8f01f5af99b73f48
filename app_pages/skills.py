"""Skills: rate each person once per skill of the roles they hold (0–4 against the targets)."""
import streamlit as st

from components.i18n import tr
from components.rating_grid import rating_grid
from components.targets_view import targets
from components.state import assessment, catalogue, show_edit_error

cat, a = catalogue(), assessment()
st.title(tr("skills.title"))
st.write(tr("skills.intro"))
with st.expander(tr("skills.scale_heading")):
    st.markdown(tr("skills.scale_body"))
show_edit_error()
with st.expander(tr("targets.heading")):
    targets(cat, a)
if not a.people:
    st.info(tr("skills.no_people"))
    st.page_link("app_pages/people.py", label=tr("skills.to_people"), icon=":material/groups:")
    st.stop()

ids = [p.id for p in a.people]
chosen = st.session_state.get("skills_person")
if chosen not in ids:
    chosen = ids[0]
person = st.selectbox(tr("skills.person"), ids, index=ids.index(chosen),
                      format_func=lambda pid: a.person(pid).name, key="skills_person_pick")
st.session_state["skills_person"] = person  # kept when the page is left and revisited
rating_grid(cat, a, person)
st.page_link("app_pages/results.py", label=tr("skills.next"), icon=":material/arrow_forward:")
