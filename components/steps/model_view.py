"""Model cards (section 5) and the 付録1 comparison table."""
import pandas as pd
import streamlit as st

from csirt_data import Catalogue

from components.session.i18n import lang, tr
from components.session.labels import md
from components.session.lazy import lazy_expander

YELLOW = "#FFE45C"  # the document marks outsourced roles in yellow


def appendix_table(cat: Catalogue, highlight: str | None = None):
    """付録1 as a styled table: ✓ on yellow where the model outsources the role."""
    L = lang()
    cols = [m.name.get(L) for m in cat.models]
    rows = []
    for r in cat.roles:
        row = {tr("table.function"): cat.function(r.function).name.get(L), tr("table.role"): r.label(L)}
        for m, c in zip(cat.models, cols):
            row[c] = "✓" if r.id in m.outsourced else ""
        rows.append(row)
    df = pd.DataFrame(rows)

    def colour(v):
        return f"background-color: {YELLOW}; color: #111; font-weight: 700; text-align: center" if v == "✓" else ""

    styler = df.style.map(colour, subset=cols)
    if highlight:
        name = cat.model(highlight).name.get(L)
        styler = styler.set_properties(subset=[name], **{"border-left": "3px solid #1F3A68",
                                                         "border-right": "3px solid #1F3A68"})
    return styler


def model_card(cat: Catalogue, model_id: str, selected: bool) -> None:
    L = lang()
    m = cat.model(model_id)
    with st.container(border=True):
        # One Markdown element for the card's text (was six and more, four cards a page; issue 13:
        # every element costs a page load). md() keeps the document's text as text.
        head = f"### {md(m.name.get(L))}" + (f"  :blue-badge[{tr('model.selected')}]" if selected else "")
        parts = [head, f"**{md(m.definition.get(L))}**", *(md(p.get(L)) for p in m.description),
                 f"**{tr('model.outsourced_roles')}** ({md(m.legend.outsourced.get(L))})",
                 "\n".join(f"- {md(cat.role(r).label(L))}" for r in m.outsourced) if m.outsourced
                 else tr("model.none_outsourced")]
        st.markdown("\n\n".join(parts))
        details = lazy_expander(tr("model.details"), f"model_details_{model_id}")  # built when opened
        if details.open:
            with details:
                _details(m, L)


def _details(m, L: str) -> None:
    """The model's outsourcing policy, its education and its diagram variants."""
    st.write(m.outsourcing_policy.get(L))
    st.markdown(f"**{tr('model.education_common')}**")
    st.markdown("\n".join(f"- {e.get(L)}" for e in m.education.common))
    st.markdown(f"**{tr('model.education_per_role')}**")
    st.markdown("\n".join(f"- {e.get(L)}" for e in m.education.per_role))
    if m.education.note:
        st.caption(m.education.note.get(L))
    if m.variants:
        st.markdown(f"**{tr('model.variants')}**")
        st.markdown("\n".join(f"- {v.name.get(L)}" for v in m.variants))
