"""The action plan as a table in one language, and its downloads: CSV and Excel (.xlsx).

CSV: UTF-8 with a BOM (so that Excel opens Japanese correctly), the csv module's quoting and
nothing else escaped; a cell a spreadsheet would take for a formula (starting with = + - @, tab or
carriage return) gets a leading apostrophe. Excel: one sheet, the header row bold and frozen,
column widths set, the due date a real date cell; text a person typed is stored as text with
Excel's quote prefix, never as a formula. `read_csv` and `read_xlsx` read either file back into
the same rows `plan_table` made."""
from __future__ import annotations

import csv
import datetime
import io

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from csirt_data import Catalogue, load_catalogue

from assessment.core.messages import msg
from assessment.core.model import Assessment
from assessment.plans.planning import Action

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FONT = "Noto Sans CJK JP"
DUE_COLUMN = 6  # index of the due date in a row (0-based)
WIDTHS = [14, 26, 18, 60, 50, 16, 12, 12, 30, 30, 28]


def kind_label(kind: str, lang: str) -> str:
    return {"train": msg("actions.kind_train", lang), "hire": msg("actions.kind_hire", lang),
            "outsource": msg("actions.kind_outsource", lang)}[kind]


def status_label(status: str, lang: str) -> str:
    return {"proposed": msg("actions.status_proposed", lang), "planned": msg("actions.status_planned", lang),
            "in_progress": msg("actions.status_in_progress", lang), "done": msg("actions.status_done", lang),
            "dropped": msg("actions.status_dropped", lang)}[status]


def skill_kind_label(kind: str, lang: str) -> str:
    return msg("actions.prerequisite", lang) if kind == "prerequisite" else msg("actions.additional", lang)


def skills_text(action: Action, cat: Catalogue, lang: str, sep: str = "\n") -> str:
    """One line per skill: 「任用前提: <skill>（1/3）」, the person's level against the target."""
    lines = []
    for s in action.skills:
        level = msg("actions.unrated", lang) if s.level is None else str(s.level)
        detail = (msg("actions.target_only", lang, target=s.target) if action.proposed == "hire"
                  else msg("actions.level_vs_target", lang, level=level, target=s.target))
        lines.append(f"{skill_kind_label(s.kind, lang)}: {cat.skill(s.skill).get(lang)} ({detail})")
    if action.proposed == "outsource":
        lines.append(msg("actions.rfp_scope", lang, duties=len(cat.role(action.role).duties)))
    return sep.join(lines)


def education_text(action: Action, lang: str, sep: str = "\n") -> str:
    return sep.join(i.get(lang) for i in action.education)


def reason_text(action: Action, lang: str) -> str:
    return {"gap": msg("actions.reason_gap", lang), "unheld": msg("actions.reason_unheld", lang),
            "below_target": msg("actions.reason_below", lang, n=len(action.skills))}[action.reason]


def headers(lang: str) -> list[str]:
    return [msg("actions.col_kind", lang), msg("actions.col_role", lang), msg("actions.col_person", lang),
            msg("actions.col_skills", lang), msg("actions.col_education", lang), msg("actions.col_owner", lang),
            msg("actions.col_due", lang), msg("actions.col_status", lang), msg("actions.col_note", lang),
            msg("actions.col_reason", lang), msg("actions.col_key", lang)]


def plan_table(actions: list[Action], a: Assessment, lang: str,
               cat: Catalogue | None = None) -> tuple[list[str], list[list[str]]]:
    """(headers, rows) of the plan in `lang`; every cell a string, the due date ISO or ""."""
    cat = cat or load_catalogue()
    rows = []
    for x in actions:
        person = a.person(x.person).name if x.person else ""
        rows.append([kind_label(x.kind, lang), cat.role(x.role).name.get(lang), person,
                     skills_text(x, cat, lang), education_text(x, lang), x.owner, x.due,
                     status_label(x.status, lang), x.note, reason_text(x, lang), x.key])
    return headers(lang), rows


def _guard(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _unguard(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def to_csv(table: tuple[list[str], list[list[str]]]) -> bytes:
    head, rows = table
    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(head)
    for row in rows:
        w.writerow([_guard(c) for c in row])
    return out.getvalue().encode("utf-8-sig")


def read_csv(data: bytes) -> tuple[list[str], list[list[str]]]:
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    head, *rows = list(reader)
    return head, [[_unguard(c) for c in row] for row in rows]


def _clean(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)


def to_xlsx(table: tuple[list[str], list[list[str]]], title: str) -> bytes:
    head, rows = table
    wb = Workbook()
    ws = wb.active
    ws.title = _clean(title)[:31] or "plan"
    for col, text in enumerate(head, start=1):
        cell = ws.cell(row=1, column=col, value=_clean(text))
        cell.font = Font(name=FONT, bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            if c - 1 == DUE_COLUMN and value:
                cell.value = datetime.date.fromisoformat(value)
                cell.number_format = "yyyy-mm-dd"
            else:
                cell.value = _clean(value) if value else None
                if value.startswith(_FORMULA_START):
                    cell.data_type = "s"
                    cell.quotePrefix = True
            cell.font = Font(name=FONT)
            cell.alignment = wrap
    for c, width in enumerate(WIDTHS[: len(head)], start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(head))}{max(1, len(rows) + 1)}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def read_xlsx(data: bytes) -> tuple[list[str], list[list[str]]]:
    ws = load_workbook(io.BytesIO(data)).active
    values = list(ws.iter_rows(values_only=True))
    head = [str(v) for v in values[0]]

    def text(v) -> str:
        if v is None:
            return ""
        if isinstance(v, datetime.datetime):
            return v.date().isoformat()
        if isinstance(v, datetime.date):
            return v.isoformat()
        return str(v)

    return head, [[text(v) for v in row] for row in values[1:]]


def file_name(a: Assessment, ext: str, when: datetime.date | None = None) -> str:
    """csirt-actions-<id>-<yyyymmdd>.<ext> (ASCII, safe on every system)."""
    return f"csirt-actions-{a.id}-{(when or datetime.date.today()):%Y%m%d}.{ext}"
