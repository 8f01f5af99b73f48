"""The catalogue as plain data (for `--json`) and as a human summary (for reviewers)."""
from __future__ import annotations

from .catalogue import KINDS, Catalogue


def to_plain(cat: Catalogue) -> dict:
    """Everything, JSON-ready: the files as transcribed plus the resolved role–skill links."""
    dump = lambda m: m.model_dump(mode="json", by_alias=True, exclude_none=True)  # noqa: E731
    return {
        "document": dump(cat.document),
        "functions": [dump(f) for f in cat.functions],
        "roles": [
            dump(r) | {
                "group": cat.group_of(r.id),
                **{kind: [l.skill for l in cat.role_links(r.id, kind)] for kind in KINDS},
            }
            for r in cat.roles
        ],
        "skills": [dump(k) | {"roles": list(cat.roles_with_skill(k.id))} for k in cat.skills.values()],
        "links": [l.__dict__ for l in cat.links],
        "groups": dump(cat.groups_file),
        "models": dump(cat.models_file),
        "flows": dump(cat.flows),
        "glossary": dump(cat.glossary),
    }


def summary_lines(cat: Catalogue, lang: str = "ja") -> list[str]:
    out = [f"{cat.document.title.get(lang)}  ({cat.document.date})", ""]
    n_pre, n_add = (cat.section_link_count(k) for k in KINDS)
    out.append(f"functions {len(cat.functions)}, roles {len(cat.roles)}, skills {len(cat.skills)}, "
               f"links {n_pre} prerequisite + {n_add} additional (as the document counts them; "
               f"{len(cat.links)} role-skill links with both PoC rows)")
    out.append("")
    out.append("Roles per function / links per role (prerequisite + additional):")
    for f in cat.functions:
        roles = cat.roles_of_function(f.id)
        out.append(f"  {f.name.get(lang)} [{f.id}]: {len(roles)}")
        for r in roles:
            pre, add = (len(cat.role_links(r.id, k)) for k in KINDS)
            extra = f", {len(r.responsibilities)} responsibilities" if r.responsibilities else ""
            group = cat.group_of(r.id) or "-"
            out.append(f"    {r.section:>5} {r.label(lang)} [{r.id}]: {pre} + {add}{extra}; group {group}")
    out.append("")
    out.append("Outsourced roles per model (付録1):")
    for m in cat.models:
        names = ", ".join(cat.role(i).name.get(lang) for i in m.outsourced) or "-"
        out.append(f"  {m.name.get(lang)}: {len(m.outsourced)}  {names}")
    out.append("")
    out.append("Groups (4.20):")
    for g in cat.groups:
        out.append(f"  {g.name.get(lang)}: " + ", ".join(cat.role(i).name.get(lang) for i in g.role_ids))
    out.append("")
    out.append("Information-flow arrows per time (derived from the duty sentences):")
    for t in cat.flows.times:
        arrows = cat.arrows_at(t.id)
        dotted = sum(a.line == "dotted" for a in arrows)
        out.append(f"  {t.name.get(lang)}: {len(arrows)} ({dotted} dotted)")
    return out


def full_text_lines(cat: Catalogue, lang: str = "ja") -> list[str]:
    """Every role's duties and skills, as the document writes them, in its order."""
    labels = {"prerequisite": "任用前提スキル" if lang == "ja" else "Prerequisite skills",
              "additional": "追加教育スキル" if lang == "ja" else "Additional skills"}
    out = [""]
    for r in cat.roles:
        out.append(f"{r.section} {r.label(lang)}")
        out += [f"    {d.get(lang)}" for d in r.duties]
        out += [f"  ✓ {x.get(lang)}" for x in r.responsibilities]
        for kind in KINDS:
            links = cat.role_links(r.id, kind)
            if links:
                out.append(f"  {labels[kind]}")
                out += [f"  ✓ {l.as_written if lang == 'ja' else cat.skill(l.skill).en}" for l in links]
        out += [f"  {n.get(lang)}" for n in r.notes]
        out.append("")
    return out
