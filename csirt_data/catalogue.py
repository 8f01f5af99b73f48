"""The validated catalogue, with the lookups the rest of the app needs."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from . import schema as s

LinkKind = Literal["prerequisite", "additional"]
KINDS: tuple[LinkKind, ...] = ("prerequisite", "additional")


@dataclass(frozen=True)
class SkillLink:
    """One role–skill link: the role needs the skill before appointment or trains it after."""

    role: str
    skill: str
    kind: LinkKind
    section: str
    order: int  # position in the section's list, from 1
    as_written: str  # the sentence as the section writes it


@dataclass(frozen=True)
class Catalogue:
    document: s.DocumentFile
    functions: tuple[s.Function, ...]
    roles: tuple[s.Role, ...]
    skills: dict[str, s.Skill]
    sections: tuple[s.SectionLinks, ...]
    groups_file: s.GroupsFile
    models_file: s.ModelsFile
    flows: s.FlowsFile
    glossary: s.GlossaryFile

    def __post_init__(self):
        # Derived lookups, built once (the catalogue is cached per process).
        links = []
        for sec in self.sections:
            for kind in KINDS:
                for order, item in enumerate(getattr(sec, kind), start=1):
                    written = item.as_written or self.skills[item.skill].ja
                    for role in sec.roles:
                        links.append(SkillLink(role, item.skill, kind, sec.section, order, written))
        object.__setattr__(self, "links", tuple(links))
        object.__setattr__(self, "_roles", {r.id: r for r in self.roles})
        object.__setattr__(self, "_functions", {f.id: f for f in self.functions})
        object.__setattr__(self, "_models", {m.id: m for m in self.models_file.models})
        object.__setattr__(
            self, "_group_of", {m.role: g.id for g in self.groups for m in g.members}
        )

    # --- roles and functions
    def role(self, role_id: str) -> s.Role:
        return self._roles[role_id]

    def function(self, function_id: str) -> s.Function:
        return self._functions[function_id]

    @property
    def role_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.roles)

    def roles_of_function(self, function_id: str) -> tuple[s.Role, ...]:
        return tuple(r for r in self.roles if r.function == function_id)

    # --- skills
    def skill(self, skill_id: str) -> s.Skill:
        return self.skills[skill_id]

    def role_links(self, role_id: str, kind: LinkKind | None = None) -> tuple[SkillLink, ...]:
        """A role's skills in the document's order: prerequisite first, then additional."""
        return tuple(l for l in self.links if l.role == role_id and (kind is None or l.kind == kind))

    def section_link_count(self, kind: LinkKind) -> int:
        """Links as the document counts them: one per sentence in a section (4.1 counted once)."""
        return sum(len(getattr(sec, kind)) for sec in self.sections)

    def roles_with_skill(self, skill_id: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(l.role for l in self.links if l.skill == skill_id))

    # --- groups
    @property
    def groups(self) -> tuple[s.Group, ...]:
        return self.groups_file.groups

    def group_of(self, role_id: str) -> str | None:
        return self._group_of.get(role_id)

    def group(self, group_id: str) -> s.Group:
        return next(g for g in self.groups if g.id == group_id)

    # --- models
    @property
    def models(self) -> tuple[s.Model, ...]:
        return self.models_file.models

    def model(self, model_id: str) -> s.Model:
        return self._models[model_id]

    def model_label(self, model_id: str | None, variant_id: str | None, lang: str) -> str | None:
        """「モデルD — CSIRT担当が一括して行う場合」: the model's name with its variant, if any."""
        if not model_id:
            return None
        label = self._models[model_id].name.get(lang)
        variant = next((v for v in self._models[model_id].variants if v.id == variant_id), None)
        return f"{label} — {variant.name.get(lang)}" if variant else label

    def education_items(self, model_id: str | None, role_id: str) -> tuple:
        """The model's education programme items for a role: every common item, and the per-role
        items naming the role (an item naming no role, such as 役割毎OJT, is for every role)."""
        if not model_id:
            return ()
        edu = self.model(model_id).education
        return tuple(edu.common) + tuple(i for i in edu.per_role if not i.roles or role_id in i.roles)

    def outsourced_by_default(self, model_id: str) -> frozenset[str]:
        return frozenset(self._models[model_id].outsourced)

    # --- flows
    def party(self, party_id: str) -> s.Party:
        return next(p for p in self.flows.parties if p.id == party_id)

    def arrows_at(self, time: str) -> tuple[s.Arrow, ...]:
        return tuple(a for a in self.flows.arrows if time in a.times)

    @property
    def drawn_roles(self) -> tuple[s.Role, ...]:
        return tuple(r for r in self.roles if r.id not in self.flows.not_drawn)

    def duty_sentence(self, role_id: str, sentence_ja: str, lang: str) -> str:
        """A duty sentence (stored by its Japanese wording, as flow evidence is) in `lang`."""
        if lang == "ja":
            return sentence_ja
        return next((d.en for d in self.role(role_id).duties if d.ja == sentence_ja), sentence_ja)

    def node_name(self, node_id: str, lang: str) -> str:
        if node_id in self._roles:
            return self._roles[node_id].name.get(lang)
        return self.party(node_id).name.get(lang)
