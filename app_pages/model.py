"""Model: choose A–D from the document's definitions; the 付録1 table compares what each outsources."""
import streamlit as st

from assessment.core.edit import apply_model
from components.session.i18n import join, lang, tr
from components.charts.static_table import static_table
from components.steps.model_view import appendix_table, model_card
from components.session.state import assessment, bound, catalogue, run_edit, show_edit_error

cat, a = catalogue(), assessment()
L = lang()
st.title(tr("model.title"))
st.write(tr("model.intro"))
show_edit_error()

kept = st.session_state.pop("_kept_roles", None)
if kept:
    st.info(tr("model.kept", roles=join(cat.role(r).name.get(L) for r in kept)))

overwrite = False
if any(s.user_set for s in a.roles.values()):
    overwrite = st.checkbox(tr("model.overwrite"), key="model_overwrite")


def choose(model_id: str) -> None:
    kept_roles = []
    if run_edit(lambda a_: kept_roles.extend(apply_model(a_, model_id, overwrite=overwrite))):
        st.session_state["_kept_roles"] = kept_roles


cols = st.columns(2)
for i, m in enumerate(cat.models):
    with cols[i % 2]:
        model_card(cat, m.id, selected=a.model == m.id)
        st.button(tr("model.choose", model=m.name.get(L)), key=f"choose_{m.id}", on_click=choose, args=(m.id,),
                  type="primary" if a.model == m.id else "secondary", disabled=a.model == m.id)
        if m.variants and a.model == m.id:
            ids = [v.id for v in m.variants]
            w = bound("variant", a.variant if a.variant in ids else ids[0], ids)
            names = {v.id: v.name.get(L) for v in m.variants}
            st.radio(tr("model.variant_question"), ids, **w, format_func=names.get,
                     on_change=lambda mid, key: run_edit(apply_model, mid, st.session_state[key]),
                     args=(m.id, w["key"]))

for e in cat.models_file.out_of_scope:
    st.caption(f"{e.name.get(L)}: {e.definition.get(L)} {e.note.get(L)}")

st.subheader(tr("model.appendix_title"))
st.caption(cat.models_file.appendix_caption.get(L))
static_table(appendix_table(cat, a.model), "appendix1")
if a.model:
    st.page_link("app_pages/roles.py", label=tr("model.next"), icon=":material/arrow_forward:")
