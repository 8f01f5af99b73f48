"""Load the catalogue YAML files, check each file's shape and every cross-reference, once."""
from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

import yaml
from pydantic import ValidationError

from . import schema as s
from .catalogue import Catalogue
from .errors import CatalogueError

CATALOGUE_DIR = Path(__file__).parent / "catalogue"
ID_PATTERN = re.compile(r"^[a-z0-9_]+$|^[A-E][12]?$")


@functools.lru_cache(maxsize=4)
def load_catalogue(directory: str | Path | None = None) -> Catalogue:
    """The validated catalogue; cached, so every page and every rerun shares one copy."""
    folder = Path(directory) if directory else CATALOGUE_DIR
    parsed = {name: _load_file(folder / name, shape) for name, shape in s.FILES.items()}
    _check(parsed)
    return Catalogue(
        document=parsed["document.yaml"],
        functions=parsed["functions.yaml"].functions,
        roles=parsed["roles.yaml"].roles,
        skills={k.id: k for k in parsed["skills.yaml"].skills},
        sections=parsed["skill_links.yaml"].sections,
        groups_file=parsed["groups.yaml"],
        models_file=parsed["models.yaml"],
        flows=parsed["flows.yaml"],
        glossary=parsed["glossary.yaml"],
    )


def _load_file(path: Path, shape: type[s.Strict]):
    name = path.name
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogueError(name, "(file)", "the file is missing") from None
    except yaml.YAMLError as exc:
        raise CatalogueError(name, "(file)", f"not valid YAML: {exc}") from None
    try:
        return shape.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise CatalogueError(name, _item_name(raw, err["loc"]), _problem(err)) from None


def _item_name(raw, loc) -> str:
    """'roles[4] (researcher)' for an error inside the fifth role, so a reader finds it."""
    node, parts = raw, []
    for key in loc[:2]:
        parts.append(f"[{key}]" if isinstance(key, int) else str(key))
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
    label = "".join(parts) or "(file)"
    if isinstance(node, dict) and "id" in node:
        label += f" ({node['id']})"
    return label


def _problem(err) -> str:
    field = ".".join(str(p) for p in err["loc"][2:])
    return f"{field}: {err['msg']}" if field else err["msg"]


def _check(p: dict) -> None:
    """Cross-file checks. Raises CatalogueError at the first problem."""
    functions = p["functions.yaml"].functions
    roles = p["roles.yaml"].roles
    skills = p["skills.yaml"].skills
    sections = p["skill_links.yaml"].sections
    groups = p["groups.yaml"]
    models = p["models.yaml"]
    flows = p["flows.yaml"]

    _unique("functions.yaml", "functions", [f.id for f in functions])
    _unique("roles.yaml", "roles", [r.id for r in roles])
    _unique("skills.yaml", "skills", [k.id for k in skills])
    _unique("groups.yaml", "groups", [g.id for g in groups.groups])
    _unique("models.yaml", "models", [m.id for m in models.models] + [m.id for m in models.out_of_scope])
    _unique("flows.yaml", "parties", [q.id for q in flows.parties])
    _unique("skills.yaml", "skill sentences", [k.ja for k in skills])

    function_ids = {f.id for f in functions}
    role_ids = {r.id for r in roles}
    skill_ids = {k.id for k in skills}
    for file, ids in (("functions.yaml", function_ids), ("roles.yaml", role_ids),
                      ("skills.yaml", skill_ids), ("flows.yaml", {q.id for q in flows.parties})):
        for i in ids:
            if not ID_PATTERN.match(i):
                raise CatalogueError(file, i, "ids are lower-case ASCII letters, digits and _")

    for r in roles:
        if r.function not in function_ids:
            raise CatalogueError("roles.yaml", r.id, f"unknown function '{r.function}'")
    for f in functions:
        if not any(r.function == f.id for r in roles):
            raise CatalogueError("functions.yaml", f.id, "no role belongs to this function")

    linked_roles, used_skills = set(), set()
    for sec in sections:
        for role in sec.roles:
            if role not in role_ids:
                raise CatalogueError("skill_links.yaml", f"section {sec.section}", f"unknown role '{role}'")
            linked_roles.add(role)
        for kind in ("prerequisite", "additional"):
            seen = [i.skill for i in getattr(sec, kind)]
            for item in getattr(sec, kind):
                if item.skill not in skill_ids:
                    raise CatalogueError("skill_links.yaml", f"section {sec.section}",
                                         f"{kind}: unknown skill '{item.skill}'")
                known = next(k for k in skills if k.id == item.skill)
                if item.as_written and item.as_written not in known.variants:
                    raise CatalogueError("skill_links.yaml", f"section {sec.section}",
                                         f"'{item.as_written}' is not a listed variant of '{item.skill}'")
                used_skills.add(item.skill)
            if len(set(seen)) != len(seen):
                raise CatalogueError("skill_links.yaml", f"section {sec.section}", f"{kind}: a skill is listed twice")
    # Every role has its skills, except the executive, whose section lists responsibilities.
    for r in roles:
        if r.id not in linked_roles and not r.responsibilities:
            raise CatalogueError("roles.yaml", r.id, "the role has neither skills nor responsibilities")
    for k in skills:
        if k.id not in used_skills:
            raise CatalogueError("skills.yaml", k.id, "no role links this skill")

    grouped = [m.role for g in groups.groups for m in g.members]
    _unique("groups.yaml", "group members", grouped)
    for role in grouped + list(groups.ungrouped):
        if role not in role_ids:
            raise CatalogueError("groups.yaml", role, "unknown role")
    missing = role_ids - set(grouped) - set(groups.ungrouped)
    if missing:
        raise CatalogueError("groups.yaml", ", ".join(sorted(missing)), "role is neither in a group nor ungrouped")

    for m in models.models:
        for role in m.outsourced:
            if role not in role_ids:
                raise CatalogueError("models.yaml", m.id, f"outsourced: unknown role '{role}'")
        for item in m.education.common + m.education.per_role:
            for role in item.roles:
                if role not in role_ids:
                    raise CatalogueError("models.yaml", m.id, f"education: unknown role '{role}'")

    nodes = (role_ids - set(flows.not_drawn)) | {q.id for q in flows.parties}
    duties = {r.id: [d.ja for d in r.duties] for r in roles}
    for n, a in enumerate(flows.arrows):
        item = f"arrows[{n}] ({a.source} -> {a.target})"
        for end in (a.source, a.target):
            if end not in nodes:
                raise CatalogueError("flows.yaml", item, f"unknown or undrawn node '{end}'")
        for ev in a.evidence:
            if ev.role not in role_ids:
                raise CatalogueError("flows.yaml", item, f"evidence: unknown role '{ev.role}'")
            if ev.sentence not in duties[ev.role]:
                raise CatalogueError("flows.yaml", item, f"evidence: not a duty sentence of '{ev.role}'")
    _unique("flows.yaml", "arrows", [(a.source, a.target) for a in flows.arrows])
    for role in flows.not_drawn:
        if role not in role_ids:
            raise CatalogueError("flows.yaml", role, "not_drawn: unknown role")

    for lvl in p["glossary.yaml"].itss_levels:
        for k in lvl.skills:
            if k not in skill_ids:
                raise CatalogueError("glossary.yaml", f"ITSS level {lvl.level}", f"unknown skill '{k}'")


def _unique(file: str, what: str, ids) -> None:
    dup = [i for i, n in Counter(ids).items() if n > 1]
    if dup:
        raise CatalogueError(file, str(dup[0]), f"duplicate in {what}")
