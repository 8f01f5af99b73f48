"""Typed shapes of the catalogue files. Pydantic checks each file's shape; cross-file references
are checked in loader.py, where every file is in hand."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

LANGS = ("ja", "en")
Lang = Literal["ja", "en"]


class Strict(BaseModel):
    # Unknown keys are typos in a transcription; refuse them rather than drop them silently.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in both languages: `ja` verbatim from the document, `en` our translation."""

    ja: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


class SourcedText(Text):
    source: str


class DutySentence(Text):
    # The wording of the role's own section (4.x) where it differs from the section 3 table.
    in_section: str | None = None


class Function(Strict):
    id: str
    name: Text
    note: Text | None = None
    source: str


class Role(Strict):
    id: str
    function: str
    name: Text
    alternate_titles: tuple[Text, ...] = ()
    section: str
    duties: tuple[DutySentence, ...] = Field(min_length=1)
    responsibilities: tuple[Text, ...] = ()
    notes: tuple[SourcedText, ...] = ()

    def label(self, lang: str) -> str:
        """The document's table form, e.g. 「キュレーター：情報分析担当」."""
        name = self.name.get(lang)
        if not self.alternate_titles:
            return name
        sep = ": " if lang == "en" else "："
        alts = ("; " if lang == "en" else "、").join(a.get(lang) for a in self.alternate_titles)
        return f"{name}{sep}{alts}"


class Skill(Strict):
    id: str
    ja: str = Field(min_length=1)
    en: str = Field(min_length=1)
    variants: tuple[str, ...] = ()
    footnote: SourcedText | None = None

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


class LinkItem(Strict):
    skill: str
    as_written: str | None = None


class SectionLinks(Strict):
    section: str
    roles: tuple[str, ...] = Field(min_length=1)
    prerequisite: tuple[LinkItem, ...]
    additional: tuple[LinkItem, ...]

    @field_validator("prerequisite", "additional", mode="before")
    @classmethod
    def _plain_ids(cls, items):
        # A bare id is shorthand for {skill: id}.
        return [{"skill": i} if isinstance(i, str) else i for i in (items or [])]


class GroupMember(Strict):
    role: str
    # "named": the table names the group in this row; "empty": the cell is empty and the row
    # belongs to the group above it (the document colours it alike).
    cell: Literal["named", "empty"]


class Group(Strict):
    id: str
    name: Text
    short: Text
    description: Text
    members: tuple[GroupMember, ...] = Field(min_length=1)

    @property
    def role_ids(self) -> tuple[str, ...]:
        return tuple(m.role for m in self.members)


class EducationItem(Text):
    roles: tuple[str, ...] = ()


class Education(Strict):
    common: tuple[EducationItem, ...]
    per_role: tuple[EducationItem, ...]
    note: Text | None = None


class LegendText(Text):
    variants: tuple[str, ...] = ()


class Legend(Strict):
    outsourced: LegendText
    in_house: Text


class ModelVariant(Strict):
    id: str
    name: Text
    diagrams: tuple[Literal["normal", "incident"], ...]


class Model(Strict):
    id: str
    name: Text
    section: str
    definition: Text
    summary: Text
    description: tuple[Text, ...] = Field(min_length=1)
    outsourcing_policy: Text
    outsourced: tuple[str, ...]
    legend: Legend
    diagrams: tuple[Literal["normal", "incident"], ...]
    education: Education
    variants: tuple[ModelVariant, ...] = ()
    executive_title: Text | None = None


class OutOfScopeModel(Strict):
    id: str
    name: Text
    definition: Text
    note: Text


class Party(Strict):
    id: str
    side: Literal["external", "internal"]
    name: Text


class Evidence(Strict):
    role: str
    sentence: str


class Arrow(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    source: str = Field(alias="from")
    target: str = Field(alias="to")
    line: Literal["solid", "dotted"]
    both_ways: bool = False
    times: tuple[Literal["normal", "incident"], ...] = Field(min_length=1)
    evidence: tuple[Evidence, ...] = Field(min_length=1)


class FlowTime(Strict):
    id: Literal["normal", "incident"]
    name: Text
    definition: Text | None = None


class Standard(Strict):
    id: str
    term: str
    expansion: str
    reference: Text
    url: str
    source: str


class Abbreviation(Strict):
    term: str
    expansion: str


class ItssLevel(Strict):
    level: int
    skills: tuple[str, ...]
    en: str


# The root of each file.
class DocumentFile(Strict):
    title: Text
    version: str
    date: str
    publisher: Text
    working_group: Text
    copyright: tuple[Text, ...]
    purposes: tuple[SourcedText, ...]


class FunctionsFile(Strict):
    functions: tuple[Function, ...] = Field(min_length=1)


class RolesFile(Strict):
    roles: tuple[Role, ...] = Field(min_length=1)


class SkillsFile(Strict):
    skills: tuple[Skill, ...] = Field(min_length=1)


class SkillLinksFile(Strict):
    sections: tuple[SectionLinks, ...] = Field(min_length=1)


class GroupsFile(Strict):
    source: str
    caveat: Text
    groups: tuple[Group, ...] = Field(min_length=1)
    ungrouped: tuple[str, ...]


class ModelsFile(Strict):
    source_appendix: str
    appendix_caption: Text
    models: tuple[Model, ...] = Field(min_length=1)
    out_of_scope: tuple[OutOfScopeModel, ...] = ()


class FlowsFile(Strict):
    derived: bool
    legend: dict[Literal["solid", "dotted"], Text]
    times: tuple[FlowTime, ...]
    notes: tuple[Text, ...]
    not_drawn: tuple[str, ...]
    parties: tuple[Party, ...]
    arrows: tuple[Arrow, ...] = Field(min_length=1)


class GlossaryFile(Strict):
    standards: tuple[Standard, ...]
    abbreviations: tuple[Abbreviation, ...]
    itss_levels: tuple[ItssLevel, ...]


FILES: dict[str, type[Strict]] = {
    "document.yaml": DocumentFile,
    "functions.yaml": FunctionsFile,
    "roles.yaml": RolesFile,
    "skills.yaml": SkillsFile,
    "skill_links.yaml": SkillLinksFile,
    "groups.yaml": GroupsFile,
    "models.yaml": ModelsFile,
    "flows.yaml": FlowsFile,
    "glossary.yaml": GlossaryFile,
}
