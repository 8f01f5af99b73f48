"""Files in and out: the assessment as YAML/JSON, the Excel workbook, ratings CSV, the executive
report (HTML and PDF) and the charts as PNG. Each file is generated only when its button is
clicked (Streamlit runs the generator on its own thread, so the page stays responsive)."""
from __future__ import annotations

import base64
import copy

import streamlit as st

from assessment import files
from assessment.errors import ImportProblem, ReportUnavailable
from assessment.messages import message
from assessment.report import Chart, find_chromium, pdf_from_html, render_report
from csirt_data import Catalogue

from .chart_export import png
from .i18n import lang, tr
from .labels import md
from .results_view import flow_diagram_figure, function_radar_figure, role_radar_figure
from .state import assessment, swap_in

MIME = {"yaml": "application/x-yaml", "json": "application/json", "csv": "text/csv",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "html": "text/html", "pdf": "application/pdf", "png": "image/png"}


def _charts(cat: Catalogue) -> list[tuple[str, object, bool]]:
    """(title, figure, wide) for the report and the PNG downloads, built in this run (they need
    the session's language); the images are drawn later, on click."""
    L = lang()
    out = [(tr("chart.role_radar_title"), role_radar_figure(cat), False),
           (tr("chart.function_title"), function_radar_figure(cat), False)]
    for t in cat.flows.times:
        out.append((tr("files.flow_png", time=t.name.get(L)), flow_diagram_figure(cat, t.id), True))
    return out


def exports(cat: Catalogue) -> None:
    L = lang()
    # A snapshot of the work as it is now: the generators run on another thread, after this run.
    a = copy.deepcopy(assessment())
    st.subheader(tr("files.export_heading"))
    c1, c2, c3, c4 = st.columns(4)
    c1.download_button(tr("files.yaml"), lambda: files.export_yaml(a, cat), files.file_name(a, "yaml"),
                       MIME["yaml"], key="dl_yaml", icon=":material/description:", help=tr("files.yaml_help"))
    c2.download_button(tr("files.json"), lambda: files.export_json(a, cat), files.file_name(a, "json"),
                       MIME["json"], key="dl_json", icon=":material/data_object:")
    c3.download_button(tr("files.xlsx"), lambda: files.export_xlsx(a, L, cat), files.file_name(a, "xlsx"),
                       MIME["xlsx"], key="dl_xlsx", icon=":material/table_view:")
    c4.download_button(tr("files.csv"), lambda: files.export_ratings_csv(a, cat), files.file_name(a, "csv"),
                       MIME["csv"], key="dl_csv", icon=":material/csv:", help=tr("files.csv_help"))

    st.subheader(tr("files.report_heading"))
    st.caption(tr("files.report_help"))
    charts = _charts(cat)

    def report_html() -> str:
        images = [Chart(title, png_base64=base64.b64encode(png(fig, 1400 if wide else 900)).decode("ascii"),
                        wide=wide) for title, fig, wide in charts]
        return render_report(a, L, images, cat=cat)

    r1, r2 = st.columns(2)
    r1.download_button(tr("files.html"), lambda: report_html().encode("utf-8"), files.file_name(a, "html"),
                       MIME["html"], key="dl_html", icon=":material/article:")
    if find_chromium():
        r2.download_button(tr("files.pdf"), lambda: pdf_from_html(report_html()), files.file_name(a, "pdf"),
                           MIME["pdf"], key="dl_pdf", icon=":material/picture_as_pdf:")
    else:
        r2.caption(message(ReportUnavailable("report.no_chromium"), L))

    st.subheader(tr("files.png_heading"))
    cols = st.columns(len(charts))
    for n, (col, (title, fig, wide)) in enumerate(zip(cols, charts)):
        col.download_button(title, lambda fig=fig, wide=wide: png(fig, 1400 if wide else 900),
                            files.file_name(a, f"chart{n + 1}.png").replace(".chart", "-chart"), MIME["png"],
                            key=f"dl_png_{n}", icon=":material/image:")


def ratings_import(cat: Catalogue) -> None:
    """Ratings from a CSV (as exported, possibly edited in Excel) applied to the current work. All
    rows or none: a bad row names its line and nothing changes."""
    st.subheader(tr("files.import_heading"))
    up = st.file_uploader(tr("files.import_label"), type=["csv"], key="ratings_import", help=tr("files.import_help"))
    if up is None or st.session_state.get("_ratings_imported") == up.file_id:
        return
    st.session_state["_ratings_imported"] = up.file_id
    current = assessment()
    try:
        new = files.import_ratings_csv(current, up.getvalue(), cat)
    except ImportProblem as exc:
        st.error(f"{md(up.name)}: {message(exc, lang())}", icon=":material/error:")
        return
    changed = new.version - current.version
    swap_in(new)
    st.success(tr("files.imported", name=md(up.name), n=changed), icon=":material/check_circle:")
