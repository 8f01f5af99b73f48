"""The catalogue, browsable: roles with duties and skills, models, 付録1, groups and the glossary."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from csirt_data import KINDS, Catalogue

from components.charts.static_table import static_table
from components.session.i18n import join, lang, tr
from components.session.lazy import lazy_expander
from components.steps.model_view import appendix_table, model_card
from components.session.labels import EMPTY_CELL


def roles(cat: Catalogue) -> None:
    L = lang()
    for f in cat.functions:
        st.subheader(f.name.get(L))
        for r in cat.roles_of_function(f.id):
            box = lazy_expander(f"{r.section}  {r.label(L)}", f"ref_role_{r.id}")
            if not box.open:
                continue  # its duties and skills are built when it is opened
            with box:
                st.markdown(f"**{tr('ref.duties')}**")
                for d in r.duties:
                    st.write(d.get(L))
                if r.responsibilities:
                    st.markdown(f"**{tr('ref.responsibilities')}**")
                    st.markdown("\n".join(f"- {x.get(L)}" for x in r.responsibilities))
                for kind in KINDS:
                    links = cat.role_links(r.id, kind)
                    st.markdown(f"**{tr('kind.' + kind)}**")
                    if links:
                        st.markdown("\n".join(
                            f"- {l.as_written if L == 'ja' else cat.skill(l.skill).en}" for l in links))
                    else:
                        st.write("—")
                    for l in links:
                        if cat.skill(l.skill).footnote:
                            st.caption(cat.skill(l.skill).footnote.get(L))
                for n in r.notes:
                    st.caption(n.get(L))
                group = cat.group_of(r.id)
                st.caption(f"{tr('ref.group')}: {cat.group(group).name.get(L) if group else '—'}")


def models(cat: Catalogue) -> None:
    L = lang()
    for m in cat.models:
        model_card(cat, m.id, selected=False)
    for e in cat.models_file.out_of_scope:
        st.caption(f"{e.name.get(L)}: {e.definition.get(L)} {e.note.get(L)}")
    st.subheader(tr("model.appendix_title"))
    st.caption(cat.models_file.appendix_caption.get(L))
    static_table(appendix_table(cat), "appendix1")


def groups(cat: Catalogue) -> None:
    L = lang()
    st.caption(cat.groups_file.caveat.get(L))
    for g in cat.groups:
        with st.container(border=True):
            st.markdown(f"**{g.name.get(L)}**")
            st.write(g.description.get(L))
            st.markdown("\n".join(
                f"- {cat.role(m.role).label(L)}" + (f" *({tr('ref.empty_cell')})*" if m.cell == "empty" else "")
                for m in g.members))
    st.caption(tr("ref.ungrouped", roles=join(cat.role(r).name.get(L) for r in cat.groups_file.ungrouped)))


def glossary(cat: Catalogue) -> None:
    L = lang()
    st.markdown(f"**{tr('ref.standards')}**")
    for s in cat.glossary.standards:
        st.markdown(f"- **{s.term}**: {s.expansion} — [{s.reference.get(L)}]({s.url})")
    st.markdown(f"**{tr('ref.abbreviations')}**")
    static_table(pd.DataFrame({tr("ref.term"): [x.term for x in cat.glossary.abbreviations],
                               tr("ref.expansion"): [x.expansion for x in cat.glossary.abbreviations]}), "abbreviations")
    st.markdown(f"**{tr('ref.itss')}**")
    for lvl in cat.glossary.itss_levels:
        skills = join(cat.skill(k).get(L) for k in lvl.skills)
        st.markdown(f"- {tr('ref.itss_level', level=lvl.level)}: {skills}")
    st.caption(tr("ref.itss_note"))


def document(cat: Catalogue) -> None:
    L, d = lang(), cat.document
    st.markdown(f"**{d.title.get(L)}** — {d.publisher.get(L)}, {d.date}")
    for c in d.copyright:
        st.caption(c.get(L))
    st.markdown(f"**{tr('ref.purposes')}**")
    st.markdown("\n".join(f"- {p.get(L)}" for p in d.purposes))


def flows(cat: Catalogue) -> None:
    L = lang()
    st.caption(tr("ref.flows_intro"))
    times = {t.id: t.name.get(L) for t in cat.flows.times}
    rows = []
    for a in cat.flows.arrows:
        sentences = [cat.duty_sentence(e.role, e.sentence, L) for e in a.evidence]
        rows.append({
            tr("ref.flow_from"): cat.node_name(a.source, L),
            tr("ref.flow_to"): ("↔ " if a.both_ways else "→ ") + cat.node_name(a.target, L),
            tr("ref.flow_line"): tr(f"flow.{a.line}_short"),
            tr("ref.flow_times"): join(times[t] for t in a.times),
            tr("ref.flow_evidence"): " / ".join(dict.fromkeys(sentences)),
        })
    st.dataframe(rows, hide_index=True, width="stretch", placeholder=EMPTY_CELL)
    legend = cat.flows.legend
    st.caption("  \n".join([legend["solid"].get(L), legend["dotted"].get(L)] + [n.get(L) for n in cat.flows.notes]))
