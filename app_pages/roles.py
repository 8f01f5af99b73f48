"""Roles: the 19 roles by function; each is in-house, outsourced, a gap or not applicable."""
import streamlit as st

from components.session.i18n import lang, tr
from components.session.labels import status_label, status_options
from components.session.state import assessment, bound, catalogue, show_edit_error
from components.steps import role_rows

cat, a = catalogue(), assessment()
L = lang()
st.title(tr("roles.title"))
st.write(tr("roles.intro"))
if not a.model:
    st.info(tr("roles.no_model"))
show_edit_error()
role_rows.changed_count()
options = status_options()
for f in cat.functions:
    st.subheader(f.name.get(L))
    if f.note:
        st.caption(f.note.get(L))
    for r in cat.roles_of_function(f.id):
        state = a.roles[r.id]
        with st.container(border=True):
            c1, c2, c3 = st.columns([4, 2, 3], vertical_alignment="center")
            with c1:
                role_rows.label(r.id)
                with st.popover(tr("roles.duties"), width="content"):
                    for d in r.duties:
                        st.write(d.get(L))
                    for n in r.notes:
                        st.caption(n.get(L))
            with c2:
                k = bound(f"status_{r.id}", state.status)
                st.selectbox(tr("roles.status"), options, key=k,
                             format_func=status_label, label_visibility="collapsed",
                             on_change=role_rows.on_status, args=(r.id, k))
            with c3:
                k = bound(f"note_{r.id}", state.note)
                st.text_input(tr("roles.note"), key=k, max_chars=500,
                              placeholder=tr("roles.note_placeholder"), label_visibility="collapsed",
                              on_change=role_rows.on_note, args=(r.id, k))
st.page_link("app_pages/people.py", label=tr("roles.next"), icon=":material/arrow_forward:")
