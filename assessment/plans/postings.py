"""Job postings (募集要項) and RFP scopes for one role, as Markdown, generated from the catalogue.

The document's own purpose (§1): 自組織向けのCSIRT人材の募集要項作成、あるいは…提案依頼書(RFP)…作成.
Everything in the generated text comes from the catalogue (role names, duties, skills, groups,
education programmes, flow arrows and their evidence sentences) or from the assessment (the
organisation's name, its model, its targets and role statuses); the only words added are headings
and connecting phrases, which live in csirt_data/ui_text/postings.yaml in both languages. Japanese
documents quote the catalogue's Japanese verbatim; English ones use its English translations.

Job posting (`job_posting`): title and alternate titles, the function, duties (経営者:
responsibilities instead of skills), required skills = 任用前提スキル, the training plan after
joining = 追加教育スキル plus the items of the model's education programme that apply to the role,
the target levels the assessment sets (with the 0–4 scale), and the 兼任グループ (4.20) with its
other members.

RFP scope (`rfp_scope`): the scope of work (duties), the skills asked of the contractor
(任用前提スキル), the deliverables and reporting lines implied by the derived flow diagrams (every
arrow from or to the role, per time, with its line kind and evidence sentence), and the in-house
counterpart skills the organisation still needs. THE COUNTERPART RULE (`counterparts`):
  1. the counterpart roles are the roles at the other end of an arrow from or to this role in
     either diagram (平常時 or インシデント対応時) — parties such as 警察 or セキュリティ機器 are
     not roles and are not counted;
  2. when the diagrams link the role to no other role, the other members of its 兼任グループ are
     taken instead (the document groups roles whose work one person can combine);
  3. of those, roles the assessment outsources or marks not applicable are left out (the
     organisation does not hold them); a gap role stays, flagged: it has to be staffed;
  4. the skills listed are each counterpart's 任用前提スキル (経営者: its responsibilities).
The generated text states this rule too, so a reader knows where the list comes from.

User text (the organisation's name) is escaped so that it cannot inject Markdown or HTML."""
from __future__ import annotations

import re

from csirt_data import Catalogue, load_catalogue

from assessment.core.messages import msg
from assessment.core.model import LEVELS, Assessment

KINDS = ("posting", "rfp")
LANGS = ("ja", "en")
TIMES = ("normal", "incident")

# Every character Markdown or HTML may give a meaning to; user text is escaped with all of them.
_USER_SPECIAL = set("\\`*_{}[]()<>#+-.!|~$:&")
# Catalogue text is escaped only where it would change the rendering (it has, e.g., "* For
# skills…" and "ハクティビスト*"), so the Markdown stays readable in the editor.
_CAT_SPECIAL = set("\\`*_[]<>#|~$&")


def escape_user(text: str) -> str:
    """User text made inert in Markdown (one line: line breaks become spaces)."""
    text = " ".join(str(text).split())
    return "".join("\\" + ch if ch in _USER_SPECIAL else ch for ch in text)


def escape_text(text: str) -> str:
    """Catalogue text, escaped where Markdown would read it as markup."""
    out = "".join("\\" + ch if ch in _CAT_SPECIAL else ch for ch in " ".join(text.split()))
    # A leading "+ ", "- " or "1. " would start a list.
    if re.match(r"[+-]\s", out):
        return "\\" + out
    return re.sub(r"^(\d+)([.)])(?=\s)", r"\1\\\2", out)


def _skills(cat: Catalogue, role_id: str, kind: str, lang: str) -> list[str]:
    """The role's skill sentences: in Japanese as its own section writes them, in English the
    catalogue's translation."""
    return [l.as_written if lang == "ja" else cat.skill(l.skill).en for l in cat.role_links(role_id, kind)]


def _header(cat: Catalogue, a: Assessment | None, title: str, lang: str) -> list[str]:
    doc = cat.document
    lines = [f"# {title}", ""]
    if a is not None and a.organisation.strip():
        lines += [msg("posting.organisation", lang, name=escape_user(a.organisation)), ""]
    lines += [msg("posting.source", lang, publisher=escape_text(doc.publisher.get(lang)),
                  title=escape_text(doc.title.get(lang)), version=doc.version, date=doc.date),
              "", msg("posting.generated", lang), ""]
    return lines


def _bullets(items) -> list[str]:
    return [f"- {escape_text(t)}" for t in items]


def _role_notes(cat: Catalogue, role_id: str, lang: str) -> list[str]:
    notes = cat.role(role_id).notes
    if not notes:
        return []
    return ["", f"## {msg('posting.h_notes', lang)}", "",
            *[f"- {escape_text(n.get(lang))} ({n.source})" for n in notes]]


def _position(cat: Catalogue, role_id: str, lang: str) -> list[str]:
    role = cat.role(role_id)
    lines = [f"## {msg('posting.h_position', lang)}", "",
             "- " + msg("posting.role_name", lang, name=escape_text(role.name.get(lang)))]
    if role.alternate_titles:
        sep = msg("sep.list", lang)
        lines.append("- " + msg("posting.alt_titles", lang,
                                titles=sep.join(escape_text(t.get(lang)) for t in role.alternate_titles)))
    lines += ["- " + msg("posting.function", lang, function=escape_text(cat.function(role.function).name.get(lang))),
              "- " + msg("posting.section", lang, section=role.section), ""]
    return lines


def _duties(cat: Catalogue, role_id: str, lang: str, heading: str) -> list[str]:
    return [f"## {heading}", "", *_bullets(d.get(lang) for d in cat.role(role_id).duties), ""]


def _responsibilities(cat: Catalogue, role_id: str, lang: str, level: str = "##") -> list[str]:
    role = cat.role(role_id)
    return [f"{level} {msg('posting.h_responsibilities', lang)}", "", msg("posting.responsibilities_intro", lang),
            "", *_bullets(r.get(lang) for r in role.responsibilities), ""]


def _level_text(level: int, lang: str) -> str:
    return msg("posting.level", lang, level=level, label=msg(f"level.{level}", lang))


def _role(cat: Catalogue, role_id: str, lang: str):
    """The role, checked, and its name as Markdown text."""
    _check(cat, role_id, lang)
    role = cat.role(role_id)
    return role, escape_text(role.name.get(lang))


def _opening(cat: Catalogue, a: Assessment | None, role_id: str, lang: str, title: str, duties: str) -> list[str]:
    """What a posting and an RFP both open with: the header, the position, the duties."""
    return (_header(cat, a, title, lang) + _position(cat, role_id, lang)
            + _duties(cat, role_id, lang, duties))


def job_posting(cat: Catalogue, a: Assessment | None, role_id: str, lang: str) -> str:
    """The 募集要項 for `role_id` in `lang` ("ja" / "en"), as Markdown."""
    role, name = _role(cat, role_id, lang)
    lines = _opening(cat, a, role_id, lang, msg("posting.title", lang, role=name), msg("posting.h_duties", lang))

    required, training = _skills(cat, role_id, "prerequisite", lang), _skills(cat, role_id, "additional", lang)
    if role.responsibilities:
        lines += _responsibilities(cat, role_id, lang)
    if required or not role.responsibilities:
        lines += [f"## {msg('posting.h_required', lang)}", "", msg("posting.required_intro", lang), ""]
        lines += _bullets(required) if required else [msg("posting.none_defined", lang)]
        lines.append("")

    lines += [f"## {msg('posting.h_training', lang)}", ""]
    if training:
        lines += [msg("posting.training_intro", lang), "", *_bullets(training), ""]
    else:
        lines += [msg("posting.none_defined", lang), ""]
    model_id = a.model if a is not None else None
    if model_id:
        label = cat.model_label(model_id, a.variant, lang)
        lines += [f"### {msg('posting.h_programme', lang, model=escape_text(label))}", "",
                  *_bullets(i.get(lang) for i in cat.education_items(model_id, role_id)), ""]
        note = cat.model(model_id).education.note
        if note:
            lines += [escape_text(note.get(lang)), ""]
    else:
        lines += [msg("posting.no_model", lang), ""]

    if required or training:
        lines += [f"## {msg('posting.h_targets', lang)}", "", msg("posting.targets_intro", lang), ""]
        for kind, items in (("prerequisite", required), ("additional", training)):
            if items and a is not None:
                lines.append("- " + msg("posting.target_line", lang, kind=msg(f"kind.{kind}", lang),
                                        level=_level_text(a.target(role_id, kind), lang)))
        lines += ["", msg("posting.scale_intro", lang), ""]
        lines += [f"- {_level_text(n, lang)}" for n in LEVELS]
        lines.append("")

    lines += [f"## {msg('posting.h_group', lang)}", ""]
    group_id = cat.group_of(role_id)
    if group_id:
        group = cat.group(group_id)
        others = [r for r in group.role_ids if r != role_id]
        lines += [msg("posting.group_line", lang, group=escape_text(group.name.get(lang))), "",
                  *_bullets(cat.role(r).name.get(lang) for r in others), "",
                  escape_text(group.description.get(lang)), "",
                  escape_text(cat.groups_file.caveat.get(lang)), ""]
    else:
        lines += [msg("posting.no_group", lang), ""]
    lines += _role_notes(cat, role_id, lang)
    return _finish(lines)


def _role_neighbours(cat: Catalogue, role_id: str) -> list[str]:
    """Roles joined to `role_id` by an arrow of either diagram (either direction), in arrow order."""
    out: list[str] = []
    for arrow in cat.flows.arrows:
        if role_id in (arrow.source, arrow.target):
            other = arrow.target if arrow.source == role_id else arrow.source
            if other in cat.role_ids and other != role_id and other not in out:
                out.append(other)
    return out


def counterparts(cat: Catalogue, a: Assessment | None, role_id: str) -> tuple[list[str], str]:
    """The in-house counterpart roles of an outsourced `role_id`, and where the search started:
    "flows" (the arrows), "group" (its 兼任グループ stood in for missing arrows) or "none" (neither).

    The rule (stated in the generated text too): start from the roles joined to this role by an
    arrow in either diagram — or, when there are none, from the other members of its 兼任グループ;
    a role the assessment outsources is held by a contractor too, so follow the arrows on through
    it; stop at the first roles that are not outsourced (in-house, or gaps that must be staffed).
    Not-applicable roles are left out and not passed through. Without an assessment, the
    starting roles are the counterparts."""
    start, rule = _role_neighbours(cat, role_id), "flows"
    if not start:
        group_id = cat.group_of(role_id)
        start = [r for r in cat.group(group_id).role_ids if r != role_id] if group_id else []
        rule = "group"

    def status(r: str) -> str:
        return a.status(r) if a is not None and r in a.roles else "in_house"

    found, seen, queue = [], {role_id}, list(start)
    while queue:
        r = queue.pop(0)
        if r in seen:
            continue
        seen.add(r)
        if status(r) == "outsourced":
            queue += [n for n in _role_neighbours(cat, r) if n not in seen]
        elif status(r) != "not_applicable":
            found.append(r)
    # In the catalogue's role order, so the list reads like the document's table.
    found = [r for r in cat.role_ids if r in found]
    return found, (rule if start else "none")


def _arrow_lines(cat: Catalogue, role_id: str, lang: str) -> list[str]:
    """Every arrow from or to the role, once, with its line kind, its times and its evidence."""
    lines = []
    times = {t.id: t.name.get(lang) for t in cat.flows.times}
    for arrow in cat.flows.arrows:
        if role_id not in (arrow.source, arrow.target):
            continue
        other = arrow.target if arrow.source == role_id else arrow.source
        when = msg("sep.list", lang).join(times[t] for t in TIMES if t in arrow.times)
        args = dict(party=escape_text(cat.node_name(other, lang)), times=escape_text(when),
                    line=msg("rfp.line_solid", lang) if arrow.line == "solid" else msg("rfp.line_dotted", lang))
        if arrow.both_ways:
            lines.append("- " + msg("rfp.exchange_with", lang, **args))
        elif arrow.source == role_id:
            lines.append("- " + msg("rfp.deliver_to", lang, **args))
        else:
            lines.append("- " + msg("rfp.receive_from", lang, **args))
        for ev in arrow.evidence:
            lines.append("  - " + msg("rfp.evidence", lang, role=escape_text(cat.role(ev.role).name.get(lang)),
                                      sentence=escape_text(cat.duty_sentence(ev.role, ev.sentence, lang))))
    return lines


def rfp_scope(cat: Catalogue, a: Assessment | None, role_id: str, lang: str) -> str:
    """The RFP scope for outsourcing `role_id`, in `lang`, as Markdown."""
    role, name = _role(cat, role_id, lang)
    lines = _opening(cat, a, role_id, lang, msg("rfp.title", lang, role=name), msg("rfp.h_scope", lang))
    required = _skills(cat, role_id, "prerequisite", lang)
    if role.responsibilities:
        lines += _responsibilities(cat, role_id, lang)
    if required:
        lines += [f"## {msg('rfp.h_skills', lang)}", "", *_bullets(required), ""]

    lines += [f"## {msg('rfp.h_flows', lang)}", "", msg("rfp.flows_derived", lang), ""]
    lines += [" ".join(escape_text(cat.flows.legend[k].get(lang)) for k in ("solid", "dotted")), ""]
    arrows = _arrow_lines(cat, role_id, lang)
    if arrows:
        lines += [*arrows, ""]
    else:
        lines += [msg("rfp.not_drawn", lang) if role_id in cat.flows.not_drawn else msg("rfp.no_arrows", lang), ""]
    lines += [f"### {msg('rfp.h_flow_notes', lang)}", "", *_bullets(n.get(lang) for n in cat.flows.notes), ""]

    lines += [f"## {msg('rfp.h_counterpart', lang)}", "", msg("rfp.counterpart_rule", lang), ""]
    roles, rule = counterparts(cat, a, role_id)
    if rule == "group":
        lines += [msg("rfp.counterpart_by_group", lang), ""]
    if not roles:
        lines += [msg("rfp.no_counterpart", lang), ""]
    for r in roles:
        status = a.status(r) if a is not None and r in a.roles else None
        name = escape_text(cat.role(r).name.get(lang))
        head = msg("rfp.counterpart_role", lang, role=name, status=msg(f"status.{status}", lang)) if status else name
        lines += [f"### {head}", ""]
        if status == "gap":
            lines += [msg("rfp.counterpart_gap", lang), ""]
        skills = _skills(cat, r, "prerequisite", lang)
        if skills:
            if a is not None:
                lines += [msg("posting.target_line", lang, kind=msg("kind.prerequisite", lang),
                              level=_level_text(a.target(r, "prerequisite"), lang)), ""]
            lines += [*_bullets(skills), ""]
        elif cat.role(r).responsibilities:
            lines += [msg("posting.responsibilities_intro", lang), "",
                      *_bullets(x.get(lang) for x in cat.role(r).responsibilities), ""]
    lines += _role_notes(cat, role_id, lang)
    return _finish(lines)


def generate(cat: Catalogue | None, a: Assessment | None, role_id: str, kind: str, lang: str) -> str:
    """A job posting ("posting") or an RFP scope ("rfp") for the role, in `lang`."""
    cat = cat or load_catalogue()
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}: expected one of {KINDS}")
    return (job_posting if kind == "posting" else rfp_scope)(cat, a, role_id, lang)


def file_name(role_id: str, kind: str, lang: str, ext: str) -> str:
    """e.g. posting_researcher_ja.md, rfp_forensics_en.docx."""
    return f"{kind}_{role_id}_{lang}.{ext}"


def _check(cat: Catalogue, role_id: str, lang: str) -> None:
    if role_id not in cat.role_ids:
        raise KeyError(f"unknown role {role_id!r}")
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: expected one of {LANGS}")


def _finish(lines: list[str]) -> str:
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
