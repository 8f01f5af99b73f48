"""Roles: the 19 roles by function; each is in-house, outsourced, a gap or not applicable."""
import streamlit as st

from assessment.core.edit import differs_from_model, model_defaults, set_role_note, set_role_status
from components.session.i18n import lang, tr
from components.session.labels import status_badge, status_label, status_options
from components.session.state import assessment, bound, catalogue, run_edit, show_edit_error

cat, a = catalogue(), assessment()
L = lang()
st.title(tr("roles.title"))
st.write(tr("roles.intro"))
if not a.model:
    st.info(tr("roles.no_model"))
show_edit_error()
defaults = model_defaults(cat, a.model)
changed = [r for r in cat.role_ids if differs_from_model(a, r, cat)]
st.caption(tr("roles.changed_count", n=len(changed)))


def on_status(role_id: str, key: str) -> None:
    run_edit(set_role_status, role_id, st.session_state[key])


def on_note(role_id: str, key: str) -> None:
    run_edit(set_role_note, role_id, st.session_state[key])


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
                mark = f" ✎ *{tr('roles.differs', default=status_label(defaults[r.id]))}*" if r.id in changed else ""
                st.markdown(f"{status_badge(state.status)} **{r.label(L)}**{mark}")
                with st.popover(tr("roles.duties"), width="content"):
                    for d in r.duties:
                        st.write(d.get(L))
                    for n in r.notes:
                        st.caption(n.get(L))
            with c2:
                w = bound(f"status_{r.id}", state.status, options)
                st.selectbox(tr("roles.status"), options, **w, format_func=status_label,
                             label_visibility="collapsed", on_change=on_status, args=(r.id, w["key"]),
                             placeholder=tr("widget.choose_one"))
            with c3:
                w = bound(f"note_{r.id}", state.note)
                st.text_input(tr("roles.note"), **w, max_chars=500,
                              placeholder=tr("roles.note_placeholder"), label_visibility="collapsed",
                              on_change=on_note, args=(r.id, w["key"]))
st.page_link("app_pages/people.py", label=tr("roles.next"), icon=":material/arrow_forward:")
