"""Files in and out: YAML (canonical), JSON, ratings CSV, and an Excel workbook to read.

Every importer takes the file's bytes and returns a NEW Assessment, or raises ImportProblem (an i18n
key + args naming the line or field). The caller swaps the result in only on success, so the
current work is untouched when a file is refused, and nothing is ever partially imported.

Safety: imports are limited to MAX_IMPORT_BYTES (a CSV to MAX_CSV_BYTES); YAML is read with a safe loader that also refuses
aliases and anchors (alias bombs), every tag but the plain ones (so no `!!python/...`), duplicate
keys and nesting deeper than MAX_DEPTH. Text a person typed (names, notes, organisation) that
begins with = + - @ is escaped in CSV (a leading apostrophe) and stored as plain text, never as a
formula, in Excel.
"""
from __future__ import annotations

import copy
import csv
import io
import json
import re
import unicodedata
from datetime import date
from typing import Any

import yaml

from csirt_data import Catalogue, load_catalogue

from assessment.core.edit import EditError, set_ratings
from assessment.core.errors import ImportProblem
from assessment.core.model import RATERS, Assessment
from assessment.scores.scoring import skills_to_rate
from assessment.core.text import name_key
from assessment.exchange.serialise import SCHEMA_VERSION, from_document, show, to_document

# What the app writes, it reads back. Every person holding every role, rated on every skill by both
# raters, costs about 5 KB of YAML, 6 KB of JSON and 21 KB of ratings CSV (a row per person, skill
# and rater, with the skill's text): the limits hold LARGEST_TEAM such people, far beyond a real
# CSIRT (tests/unit/test_large_team.py round-trips 200, the team whose CSV could not come back),
# and still stop a file meant to exhaust the server.
LARGEST_TEAM = 500
MAX_IMPORT_BYTES = 4 * 1024 * 1024
MAX_CSV_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 20  # a schema_version 2 document nests 5 deep; anything far deeper is not ours

MEDIA_TYPES = {
    "yaml": "application/yaml",
    "json": "application/json",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


# --- shared checks ------------------------------------------------------------------------------

def _check_size(data: bytes, limit: int = MAX_IMPORT_BYTES) -> None:
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError("importers take the file's bytes")
    if len(data) > limit:
        raise ImportProblem("import.too_large", size=f"{len(data) / 1024 / 1024:.1f}",
                            limit=f"{limit / 1024 / 1024:g}")
    if not data.strip():
        raise ImportProblem("import.empty_file")


def _line_col(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def _decode_utf8(data: bytes) -> str:
    try:
        return bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _encoding_problem(data, exc, "UTF-8") from None


def _encoding_problem(data: bytes, exc: UnicodeDecodeError, encoding: str) -> ImportProblem:
    line = data.count(b"\n", 0, exc.start) + 1
    return ImportProblem("import.bad_encoding", encoding=encoding, line=line, position=exc.start + 1)


def _depth_ok(value: Any) -> bool:
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
    return True


# --- YAML ---------------------------------------------------------------------------------------

_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")}


class _Refused(yaml.YAMLError):
    def __init__(self, problem: ImportProblem):
        self.problem = problem


class _SafeLoader(yaml.SafeLoader):
    """SafeLoader, stricter: no aliases or anchors, only plain tags, no duplicate keys, bounded
    nesting, and dates stay text (a date-like organisation name is not turned into a date)."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(ImportProblem("import.yaml_alias", line=line))
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in _PLAIN_TAGS:
            short = "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag
            raise _Refused(ImportProblem("import.yaml_tag", tag=show(short), line=line))
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(ImportProblem("import.too_deep", limit=MAX_DEPTH))
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
            seen = set()
            for key_node, _value in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    duplicate = key in seen
                except TypeError:  # an unhashable key: the base class refuses it below
                    continue
                if duplicate:
                    raise _Refused(ImportProblem("import.duplicate_key", key=show(key),
                                                 line=key_node.start_mark.line + 1))
                seen.add(key)
        return super().construct_mapping(node, deep)


def load_yaml(data: bytes) -> Any:
    """The file's data, read safely, or ImportProblem."""
    _check_size(data)
    text = _decode_utf8(data)
    try:
        loader = _SafeLoader(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except _Refused as exc:
        raise exc.problem from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise ImportProblem("import.yaml_syntax", line=line, column=column) from None
    except yaml.reader.ReaderError as exc:
        line, column = _line_col(text, exc.position)
        raise ImportProblem("import.bad_character", line=line, column=column) from None
    except (yaml.YAMLError, ValueError, RecursionError):
        # e.g. an integer of more digits than Python converts
        raise ImportProblem("import.yaml_unreadable") from None


class _SafeDumper(yaml.SafeDumper):
    """safe_dump's dumper, but a text holding U+0085, U+2028 or U+2029 is written double-quoted
    with escapes: written raw, YAML reads those as line breaks and the text would come back changed."""


def _represent_str(dumper, text):
    style = '"' if any(c in text for c in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_SafeDumper.add_representer(str, _represent_str)


def export_yaml(a: Assessment, cat: Catalogue | None = None) -> bytes:
    header = (f"# CSIRT Self-Check assessment (schema_version {SCHEMA_VERSION}).\n"
              "# Based on 「CSIRT人材の定義と確保 Ver.2.1」 (Nippon CSIRT Association).\n"
              "# Skill ratings are personal data: share this file with care.\n")
    body = yaml.dump(to_document(a, cat), Dumper=_SafeDumper, allow_unicode=True, sort_keys=False, width=100)
    return (header + body).encode("utf-8")


def import_yaml(data: bytes, cat: Catalogue | None = None) -> Assessment:
    loaded = load_yaml(data)
    if loaded is None:
        raise ImportProblem("import.empty_file")
    return from_document(loaded, cat)


# --- JSON ---------------------------------------------------------------------------------------

def _no_duplicates(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(ImportProblem("import.json_duplicate_key", key=show(key)))
        out[key] = value
    return out


def _no_constant(name):
    raise ValueError(name)  # NaN, Infinity: not JSON


def load_json(data: bytes) -> Any:
    _check_size(data)
    text = _decode_utf8(data)
    try:
        loaded = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except _Refused as exc:
        raise exc.problem from None
    except json.JSONDecodeError as exc:
        raise ImportProblem("import.json_syntax", line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise ImportProblem("import.too_deep", limit=MAX_DEPTH) from None
    except ValueError:  # NaN / Infinity, or an integer of more digits than Python converts
        raise ImportProblem("import.json_unreadable") from None
    if not _depth_ok(loaded):
        raise ImportProblem("import.too_deep", limit=MAX_DEPTH)
    return loaded


def export_json(a: Assessment, cat: Catalogue | None = None) -> bytes:
    return (json.dumps(to_document(a, cat), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def import_json(data: bytes, cat: Catalogue | None = None) -> Assessment:
    return from_document(load_json(data), cat)


# --- ratings CSV --------------------------------------------------------------------------------

# `rater` came with workshop ratings (lead / self); a file without it holds the lead's ratings.
CSV_COLUMNS = ("person", "skill_id", "skill", "level", "rater")
_REQUIRED = ("person", "skill_id", "level")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(text: str) -> str:
    """CSV/formula injection: a text a spreadsheet would run as a formula gets a leading
    apostrophe; so does one already starting with an apostrophe, so unescape_cell is exact."""
    return "'" + text if text.startswith(_FORMULA_START + ("'",)) else text


def unescape_cell(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def export_ratings_csv(a: Assessment, cat: Catalogue | None = None) -> bytes:
    """Per person, the lead's rows then the self-rating rows (column `rater`: lead / self), each one
    row per skill: every skill of the person's in-house roles (level empty when not rated yet), then
    any other skill that rater has rated. UTF-8 with BOM, for Excel."""
    cat = cat or load_catalogue()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for person in a.people:
        needed = [skill for skill, _kind, _roles in skills_to_rate(a, person.id, cat)]
        for rater in RATERS:
            mine = a.rater_ratings(rater).get(person.id, {})
            others = [k for k in cat.skills if k in mine and k not in needed]
            others += [k for k in mine if k not in cat.skills and k not in needed]
            for skill_id in needed + others:
                text = cat.skills[skill_id].ja if skill_id in cat.skills else ""
                level = mine.get(skill_id)
                writer.writerow([escape_cell(person.name), skill_id, escape_cell(text),
                                 "" if level is None else level, rater])
    return out.getvalue().encode("utf-8-sig")


def _decode_csv(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_utf8(data)
    try:
        return bytes(data).decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return bytes(data).decode("cp932")  # Shift_JIS, as Excel for Japanese Windows saves it
        except UnicodeDecodeError:
            raise _encoding_problem(data, utf8_error, "UTF-8 / Shift_JIS") from None


def _level(cell: str) -> int | None | str:
    cell = unicodedata.normalize("NFKC", cell).strip()  # full-width ３ is 3
    if not cell:
        return None
    return int(cell) if re.fullmatch(r"[0-4]", cell) else cell


def read_ratings_csv(current: Assessment, data: bytes,
                     cat: Catalogue | None = None) -> dict[str, dict[str, dict[str, int | None]]]:
    """The ratings a CSV sets, rater -> person id -> skill id -> level (None clears), all checked.
    A row without a rater (or a file without the column) is the lead's."""
    cat = cat or load_catalogue()
    _check_size(data, MAX_CSV_BYTES)
    text = _decode_csv(data)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    # Names are matched as compared everywhere (text.name_key): invisible characters and
    # look-alike letters do not make another person.
    by_name = {name_key(p.name): p.id for p in current.people}
    header: dict[str, int] | None = None
    seen: dict[tuple[str, str, str], int] = {}
    out: dict[str, dict[str, dict[str, int | None]]] = {}
    line = 0  # the last line read, so a row that cannot be read starts at line + 1
    try:
        for row in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = _header(row)
                continue
            cells = {name: (row[i] if i < len(row) else "") for name, i in header.items()}
            name = " ".join(unescape_cell(cells["person"].strip()).split())
            if name_key(name) not in by_name:
                raise ImportProblem("import.csv_unknown_person", line=start, name=show(name))
            raw_rater = cells.get("rater", "")
            rater = unicodedata.normalize("NFKC", raw_rater).strip().lower() or "lead"
            if rater not in RATERS:
                raise ImportProblem("import.csv_unknown_rater", line=start, value=show(raw_rater.strip()))
            skill_id = cells["skill_id"].strip()
            if skill_id not in cat.skills:
                raise ImportProblem("import.csv_unknown_skill", line=start, skill=show(skill_id))
            level = _level(cells["level"])
            if isinstance(level, str):
                raise ImportProblem("import.csv_bad_level", line=start, value=show(level))
            pid = by_name[name_key(name)]
            if (pid, rater, skill_id) in seen:
                raise ImportProblem("import.csv_duplicate_row", line=start, first_line=seen[pid, rater, skill_id])
            seen[pid, rater, skill_id] = start
            out.setdefault(rater, {}).setdefault(pid, {})[skill_id] = level
    except csv.Error:
        raise ImportProblem("import.csv_syntax", line=line + 1) from None
    if header is None or not seen:
        raise ImportProblem("import.csv_no_rows")
    return out


def _header(row: list[str]) -> dict[str, int]:
    names = [unicodedata.normalize("NFKC", c).strip().lower().lstrip("\ufeff") for c in row]
    expected = ", ".join(CSV_COLUMNS)
    if any(n not in CSV_COLUMNS for n in names) or len(set(names)) != len(names) \
            or any(r not in names for r in _REQUIRED):
        raise ImportProblem("import.csv_bad_header", expected=expected)
    return {n: i for i, n in enumerate(names)}


def import_ratings_csv(current: Assessment, data: bytes, cat: Catalogue | None = None) -> Assessment:
    """A copy of `current` with the CSV's ratings applied (an empty level clears a rating); rows
    name people by their name, skills by id and the rater by `lead` / `self` (empty or no column:
    lead). `current` itself is never changed."""
    cat = cat or load_catalogue()
    by_rater = read_ratings_csv(current, data, cat)
    new = copy.deepcopy(current)
    try:
        for rater, levels in by_rater.items():
            for pid, mine in levels.items():
                now = new.rater_ratings(rater).get(pid, {})
                changes = {k: v for k, v in mine.items() if now.get(k) != v}
                if changes:  # rows that change nothing (e.g. empty self-rating rows) leave no trace
                    set_ratings(new, pid, changes, cat=cat, rater=rater)
    except EditError as exc:  # already checked above; kept so no EditError escapes an import
        raise ImportProblem(exc.key, **exc.args_) from None
    return new


# --- any file -----------------------------------------------------------------------------------

def import_file(filename: str, data: bytes, current: Assessment | None = None,
                cat: Catalogue | None = None) -> Assessment:
    """Imports by the file's extension: .yaml/.yml and .json give a whole assessment; .csv gives
    `current` with the ratings applied (and needs `current`)."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if ext in ("yaml", "yml"):
        return import_yaml(data, cat)
    if ext == "json":
        return import_json(data, cat)
    if ext == "csv" and current is not None:
        return import_ratings_csv(current, data, cat)
    raise ImportProblem("import.unknown_format", name=show(filename))


def file_name(a: Assessment, ext: str, when: date | None = None) -> str:
    """A download name: csirt-selfcheck-<id>-<yyyymmdd>.<ext> (ASCII, safe on every system)."""
    return f"csirt-selfcheck-{a.id}-{(when or date.today()):%Y%m%d}.{ext}"


def export_xlsx(a: Assessment, lang: str = "ja", cat: Catalogue | None = None,
                when: date | None = None) -> bytes:
    """The workbook to read: summary, roles, people, rating grid, coverage, gaps (see workbook.py)."""
    from assessment.exchange.workbook import build_workbook

    return build_workbook(a, lang, cat or load_catalogue(), when or date.today())
