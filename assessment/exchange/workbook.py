"""The Excel workbook (.xlsx) export, formatted for a person to read: one sheet each for the
summary (with the rule choosing the rating scores use), roles and statuses, people, the rating grids
(skills × people) of the lead and of the self-ratings, coverage by function and role, and the gaps.
Header rows are styled and frozen, columns sized, percentages formatted.

Text a person typed is always stored as text, never as a formula: a name starting with = + - @ is
written as a string cell with Excel's quote prefix (shown as typed, never evaluated). Characters
XML cannot hold (control characters) are replaced by U+FFFD."""
from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from csirt_data import Catalogue

from assessment.core.messages import msg
from assessment.core.model import Assessment
from assessment.scores.scoring import score_functions, score_roles, skills_to_rate, summarise
from assessment.scores.staffing import staffing

FONT = "Noto Sans CJK JP"
HEADER_FONT = Font(name=FONT, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
TITLE_FONT = Font(name=FONT, bold=True, size=14)
BODY_FONT = Font(name=FONT)
THIN = Side(style="thin", color="BFBFBF")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
PERCENT = "0%"
STATUS_FILL = {
    "in_house": "E2EFDA", "outsourced": "FFF2A8", "gap": "F8CBAD", "not_applicable": "EDEDED",
}
_FORMULA_START = ("=", "+", "-", "@")


def _clean(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)


def _put(ws, row: int, col: int, value, *, percent: bool = False, user: bool = False, fill: str | None = None):
    """Writes one body cell. `user` marks text a person typed: kept as text, never a formula."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        value = _clean(value)
    cell.value = value
    if isinstance(value, str) and (user or value.startswith("=")) and value.startswith(_FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True
    cell.font = BODY_FONT
    cell.border = BORDER
    cell.alignment = WRAP
    if percent:
        cell.number_format = PERCENT
    if fill:
        cell.fill = PatternFill("solid", fgColor=fill)
    return cell


def _table(ws, top: int, headers: list[str], rows: list[list], widths: list[int], *,
           percent_cols: tuple[int, ...] = (), user_cols: tuple[int, ...] = (),
           fills: list[str | None] | None = None, freeze: bool = True) -> int:
    """A header row at `top` and the rows under it; returns the next free row."""
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=top, column=col, value=_clean(text))
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for n, values in enumerate(rows):
        for col, value in enumerate(values, start=1):
            _put(ws, top + 1 + n, col, value, percent=col in percent_cols, user=col in user_cols,
                 fill=fills[n] if fills and col == 3 else None)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    if freeze:
        ws.freeze_panes = ws.cell(row=top + 1, column=1)
    return top + 1 + len(rows)


def _rule_name(rule: str, lang: str) -> str:
    return {"lead": msg("workshop.rule.lead", lang), "self": msg("workshop.rule.self", lang),
            "lower": msg("workshop.rule.lower", lang), "higher": msg("workshop.rule.higher", lang)}[rule]


def _rule_statement(rule: str, lang: str) -> str:
    return {"lead": msg("workshop.rule_statement.lead", lang), "self": msg("workshop.rule_statement.self", lang),
            "lower": msg("workshop.rule_statement.lower", lang),
            "higher": msg("workshop.rule_statement.higher", lang)}[rule]


def _rating_sheet(wb: Workbook, title: str, a: Assessment, store: dict[str, dict[str, int]], lang: str,
                  cat: Catalogue) -> None:
    """One rater's ratings: a row per skill any person needs or that rater has rated, a column per person."""
    ws = wb.create_sheet(title)
    role_name = lambda r: cat.role(r).name.get(lang)  # noqa: E731
    wanted: dict[str, set[str]] = {}
    for p in a.people:
        for skill, _kind, roles in skills_to_rate(a, p.id, cat):
            wanted.setdefault(skill, set()).update(roles)
        for skill in store.get(p.id, {}):
            wanted.setdefault(skill, set())
    skills = [k for k in cat.skills if k in wanted]
    headers = [msg("export.skill_id", lang), msg("report.skill", lang), msg("report.roles_needing", lang)]
    headers += [p.name for p in a.people]
    rows = []
    for k in skills:
        roles = ", ".join(role_name(r) for r in cat.role_ids if r in wanted[k])
        rows.append([k, cat.skills[k].get(lang), roles] + [store.get(p.id, {}).get(k) for p in a.people])
    _table(ws, 1, headers, rows, [26, 60, 30] + [12] * len(a.people))
    for col, p in enumerate(a.people, start=4):  # names are user text in the header row too
        cell = ws.cell(row=1, column=col, value=_clean(p.name))
        if p.name.startswith(_FORMULA_START):
            cell.data_type, cell.quotePrefix = "s", True
    ws.freeze_panes = "D2"
    if a.people and rows:
        last = f"{get_column_letter(3 + len(a.people))}{1 + len(rows)}"
        ws.conditional_formatting.add(f"D2:{last}", ColorScaleRule(
            start_type="num", start_value=0, start_color="F8696B", mid_type="num", mid_value=2,
            mid_color="FFEB84", end_type="num", end_value=4, end_color="63BE7B"))
        for r in range(2, 2 + len(rows)):
            for c in range(4, 4 + len(a.people)):
                ws.cell(row=r, column=c).alignment = Alignment(horizontal="center", vertical="top")


def _figure(value: float | None, basis, lang: str):
    return msg("trust.not_rated", lang) if value is None and basis.total else value


def _basis(basis) -> str:
    return f"{basis.known}/{basis.total}"


def build_workbook(a: Assessment, lang: str, cat: Catalogue, when: date) -> bytes:
    scores = score_roles(a, cat)
    summary = summarise(a, cat, scores)
    staff = staffing(a, cat)
    functions = score_functions(a, cat, scores)
    names = {p.id: p.name for p in a.people}
    role_name = lambda r: cat.role(r).name.get(lang)  # noqa: E731
    function_name = lambda f: cat.function(f).name.get(lang)  # noqa: E731
    status = lambda s: msg(f"status.{s}", lang)  # noqa: E731

    wb = Workbook()

    # Summary
    ws = wb.active
    ws.title = msg("export.sheet.summary", lang)
    ws.cell(row=1, column=1, value=msg("report.title", lang)).font = TITLE_FONT
    model = cat.model_label(a.model, a.variant, lang) or msg("report.no_model", lang)
    # (label, value, how): "pct" a fraction shown as a percentage, "user" text a person typed
    facts = [
        (msg("report.organisation", lang), a.organisation or "—", "user"),
        (msg("report.model", lang), model, ""),
        (msg("report.date", lang), when.isoformat(), ""),
        # Each percentage with its basis (not rated is left out, not counted 0), or 未評価.
        (msg("report.coverage", lang), _figure(summary.coverage, summary.coverage_basis, lang), "pct"),
        (msg("trust.basis_of", lang, figure=msg("report.coverage", lang)), _basis(summary.coverage_basis), ""),
        (msg("report.readiness", lang), _figure(summary.readiness, summary.readiness_basis, lang), "pct"),
        (msg("trust.basis_of", lang, figure=msg("report.readiness", lang)), _basis(summary.readiness_basis), ""),
        (msg("report.training", lang), _figure(summary.training, summary.training_basis, lang), "pct"),
        (msg("trust.basis_of", lang, figure=msg("report.training", lang)), _basis(summary.training_basis), ""),
        (msg("report.gaps", lang), len(summary.gaps), ""),
        (msg("report.outsourced", lang), len(summary.outsourced), ""),
        (msg("report.headcount", lang), summary.headcount, ""),
        (msg("report.minimum", lang), summary.minimum_headcount, ""),
        (msg("report.rated", lang), f"{summary.rated}/{summary.to_rate}", ""),
        (msg("report.rating_rule", lang), f"{_rule_name(a.rating_rule, lang)}：{_rule_statement(a.rating_rule, lang)}"
         if lang == "ja" else f"{_rule_name(a.rating_rule, lang)}: {_rule_statement(a.rating_rule, lang)}", ""),
    ]
    if a.sample:
        facts.insert(0, (msg("report.sample", lang), "✓", ""))
    _table(ws, 3, [msg("export.item", lang), msg("export.value", lang)], [], [28, 60], freeze=False)
    for n, (label, value, how) in enumerate(facts):
        _put(ws, 4 + n, 1, label)
        _put(ws, 4 + n, 2, "—" if value is None else value, percent=how == "pct", user=how == "user")
    row = 4 + len(facts) + 1
    ws.cell(row=row, column=1, value=msg("export.levels", lang)).font = Font(name=FONT, bold=True)
    for level in range(5):
        _put(ws, row + 1 + level, 1, level)
        _put(ws, row + 1 + level, 2, msg(f"level.{level}", lang))
    ws.cell(row=row + 7, column=1, value=msg("report.source", lang)).font = Font(name=FONT, italic=True, size=9)

    # Roles and statuses
    ws = wb.create_sheet(msg("export.sheet.roles", lang))
    rows, fills = [], []
    for role in cat.roles:
        state = a.roles[role.id]
        holders = ", ".join(names.get(pid, pid) for pid in scores[role.id].holders)
        rows.append([function_name(role.function), role_name(role.id), status(state.status), holders, state.note])
        fills.append(STATUS_FILL.get(state.status))
    _table(ws, 1, [msg("report.function", lang), msg("report.role", lang), msg("report.status", lang),
                   msg("report.holders", lang), msg("report.note", lang)],
           rows, [20, 30, 16, 36, 50], user_cols=(4, 5), fills=fills)

    # People
    ws = wb.create_sheet(msg("export.sheet.people", lang))
    rows = []
    for p in a.people:
        held = [role_name(r) for r in cat.role_ids if r in p.roles and a.roles[r].status == "in_house"]
        needed = skills_to_rate(a, p.id, cat)
        mine = a.ratings.get(p.id, {})
        rated = sum(1 for k, _kind, _r in needed if mine.get(k) is not None)
        across = "✓" if p.id in staff.across_groups else ""
        rows.append([p.name, p.itss_level if p.itss_level is not None else "—", ", ".join(held),
                     f"{rated}/{len(needed)}", across])
    _table(ws, 1, [msg("report.person", lang), msg("report.itss", lang), msg("report.roles_held", lang),
                   msg("report.rated", lang), msg("report.across_groups", lang)],
           rows, [24, 10, 60, 12, 16], user_cols=(1,))

    # Rating grids, skills down and people across: the lead's, then the self-ratings
    _rating_sheet(wb, msg("export.sheet.ratings", lang), a, a.ratings, lang, cat)
    _rating_sheet(wb, msg("export.sheet.self_ratings", lang), a, a.self_ratings, lang, cat)

    # Coverage by function and by role
    ws = wb.create_sheet(msg("export.sheet.coverage", lang))
    dash = lambda v: "—" if v is None else v  # noqa: E731  (not scored: outsourced or not applicable)
    rows = [[function_name(f.id), dash(functions[f.id])] for f in cat.functions]
    nxt = _table(ws, 1, [msg("report.function", lang), msg("report.coverage", lang)], rows, [24, 30],
                 percent_cols=(2,))
    rows, fills = [], []
    for role in cat.roles:
        s = scores[role.id]
        # A role nobody has rated yet reads 未評価, not "—" (not scored) and not 0.
        value = (lambda v: msg("trust.not_rated", lang)) if s.not_rated else dash
        rows.append([function_name(role.function), role_name(role.id), status(s.status),
                     value(s.total), value(s.prerequisite), value(s.additional),
                     _basis(s.basis) if s.skills else "—"])
        fills.append(STATUS_FILL.get(s.state))
    _table(ws, nxt + 1, [msg("report.function", lang), msg("report.role", lang), msg("report.status", lang),
                         msg("report.coverage", lang), msg("report.readiness", lang), msg("report.training", lang),
                         msg("trust.rated_column", lang)],
           rows, [24, 30, 16, 14, 14, 14, 12], percent_cols=(4, 5, 6), fills=fills, freeze=False)
    ws.freeze_panes = "A2"

    # Gaps
    ws = wb.create_sheet(msg("export.sheet.gaps", lang))
    rows = []
    for r in summary.gaps:
        reason = msg("report.reason_gap" if a.roles[r].status == "gap" else "report.reason_unheld", lang)
        rows.append([function_name(cat.role(r).function), role_name(r), reason, a.roles[r].note])
    if not rows:
        rows = [[msg("report.no_gaps", lang), "", "", ""]]
    _table(ws, 1, [msg("report.function", lang), msg("report.role", lang), msg("report.reason", lang),
                   msg("report.note", lang)], rows, [24, 30, 36, 50], user_cols=(4,))

    for sheet in wb.worksheets:  # printable: A4, as wide as the page, header row on every page
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.orientation = "landscape" if sheet.max_column > 4 else "portrait"
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        if sheet is not wb.worksheets[0]:
            sheet.print_title_rows = "1:1"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
