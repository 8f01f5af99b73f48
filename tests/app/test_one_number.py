"""One number everywhere (issue #11): for the same state, the headline figures read the same on
the Results page, the executive page, in the report HTML, in the Excel workbook and in the
scenario comparison's 現状 column — for every sample, and for the issue's half-rated team.

Each view is read as a user gets it (rendered metrics, the table cells, the HTML text, the
workbook's cells), never from the objects behind it."""
from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from assessment.core.demos import DEMO_MODELS
from assessment.core.messages import msg
from assessment.exchange.files import export_xlsx
from assessment.exchange.report import render_report
from assessment.scores.scoring import summarise
from csirt_data import load_catalogue
from csirt_data.i18n import translate
from tests.app.helpers import app, assessment, goto, no_errors, static_table
from tests.half_rated import unrate

CAT = load_catalogue()


def half_rated(at):
    return unrate(assessment(at), CAT)


def pct(x):
    return translate("trust.not_rated", "ja") if x is None else f"{round(x * 100)}%"


def expected(a) -> dict[str, str]:
    s = summarise(a, CAT)
    return {"coverage": pct(s.coverage), "readiness": pct(s.readiness), "training": pct(s.training),
            "basis": f"{s.coverage_basis.known}/{s.coverage_basis.total}", "gaps": str(len(s.gaps)),
            "people": str(s.headcount), "minimum": str(s.minimum_headcount)}


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def results_view(at) -> dict[str, str]:
    goto(at, "results")
    no_errors(at)
    m = _metrics(at)
    t = lambda k: translate(k, "ja")  # noqa: E731
    people, minimum = m[t("results.headcount")].split(" / ")
    basis = next(c.value for c in at.caption if c.value.startswith("評価済み "))
    return {"coverage": m[t("results.coverage")], "readiness": m[t("results.readiness")],
            "training": m[t("results.training")], "basis": basis.split()[1], "gaps": m[t("results.gaps")],
            "people": people, "minimum": minimum}


def executive_view(at) -> dict[str, str]:
    goto(at, "executive")
    no_errors(at)
    m = _metrics(at)
    t = lambda k: translate(k, "ja")  # noqa: E731
    people, minimum = re.fullmatch(r"(\d+) 名／(\d+) 名", m[t("executive.fig_headcount")]).groups()
    basis = re.search(r"評価済み (\d+/\d+)", "\n".join(x.value for x in at.markdown)).group(1)
    return {"coverage": m[t("executive.fig_coverage")], "readiness": m[t("executive.fig_readiness")],
            "training": m[t("executive.fig_training")], "basis": basis, "gaps": m[t("executive.fig_gaps")],
            "people": people, "minimum": minimum}


def report_view(a) -> dict[str, str]:
    html = render_report(a, "ja", cat=CAT)
    figures = dict(re.findall(r'<div class="label">([^<]+)</div><div class="value">([^<]+)</div>', html))
    t = lambda k: translate(k, "ja")  # noqa: E731
    people, minimum = figures[t("executive.fig_headcount")].split(" / ")
    basis = re.search(r'<div class="basis">評価済み (\d+/\d+)</div>', html).group(1)
    return {"coverage": figures[t("executive.fig_coverage")], "readiness": figures[t("executive.fig_readiness")],
            "training": figures[t("executive.fig_training")], "basis": basis,
            "gaps": figures[t("executive.fig_gaps")], "people": people, "minimum": minimum}


def excel_view(a) -> dict[str, str]:
    ws = load_workbook(io.BytesIO(export_xlsx(a, "ja", CAT))).worksheets[0]
    cells = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(1, ws.max_row + 1)}
    value = lambda key: cells[msg(key, "ja")]  # noqa: E731
    as_pct = lambda v: v if isinstance(v, str) else f"{round(v * 100)}%"  # noqa: E731
    basis = cells[msg("trust.basis_of", "ja", figure=msg("report.coverage", "ja"))]
    return {"coverage": as_pct(value("report.coverage")), "readiness": as_pct(value("report.readiness")),
            "training": as_pct(value("report.training")), "basis": basis, "gaps": str(value("report.gaps")),
            "people": str(value("report.headcount")), "minimum": str(value("report.minimum"))}


def scenario_view(at) -> dict[str, str]:
    goto(at, "scenarios")
    other = next(m for m in ("B", "C") if m != assessment(at).model)
    at.button(key=f"sc_move_{other}").click().run()
    no_errors(at)
    table = static_table(at, "scenario_figures", index=True)
    col = table[translate("scenarios.current", "ja")]
    t = lambda k: translate(k, "ja")  # noqa: E731
    return {"coverage": col[t("results.coverage")], "readiness": col[t("results.readiness")],
            "training": col[t("results.training")], "basis": col[t("trust.rated_column")].split()[1],
            "gaps": col[t("results.gaps")], "people": col[t("scenarios.row_headcount")],
            "minimum": col[t("scenarios.row_minimum")]}


@pytest.mark.parametrize("case", [*DEMO_MODELS, "B half-rated"])
def test_every_view_shows_the_same_headline_figures(case):
    at = app(demo=case[0])
    no_errors(at)
    a = half_rated(at) if "half" in case else assessment(at)
    want = expected(a)
    if "half" in case:  # the case is what it says: figures rest on part of their basis
        s = summarise(a, CAT)
        assert 0 < s.coverage_basis.known < s.coverage_basis.total and s.not_rated
    views = {"results": results_view(at), "executive": executive_view(at), "report": report_view(a),
             "excel": excel_view(a)}
    views["scenario 現状"] = scenario_view(at)  # last: it adds a scenario (the figures stay the same)
    for name, got in views.items():
        assert got == want, name
