"""Files in and out: the assessment as YAML/JSON, the Excel workbook, ratings CSV, the executive
report (HTML and PDF) and the charts as PNG. Each file is generated only when its button is
clicked (Streamlit runs the generator on its own thread, so the page stays responsive)."""
from __future__ import annotations

import base64
import copy

import plotly.graph_objects as go
import streamlit as st

from assessment.exchange import files
from assessment.core.errors import ImportProblem, ReportUnavailable
from assessment.core.messages import message
from assessment.scores.flows import flow_graph
from assessment.exchange.report import Chart, find_chromium, pdf_from_html, render_report
from assessment.scores.scoring import score_functions, score_roles, summarise
from csirt_data import Catalogue

from components.charts.chart_export import png
from components.charts.print_fonts import for_print
from components.charts.flow_diagram import flow_figure
from components.session.i18n import fixed_lang, lang, tr
from components.session.labels import md
from components.charts.radar import grouped_radar
from components.charts.role_bars import role_coverage_bars
from components.session.state import assessment, swap_in
from components.session.safe_text import error_text

MIME = {"yaml": "application/x-yaml", "json": "application/json", "csv": "text/csv",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "html": "text/html", "pdf": "application/pdf", "png": "image/png"}
# Report images: pixels drawn, and the box each is printed in (width, height in mm; report.html.j2:
# a chart spans the A4 text width, 184 mm less its frame, at most 118 mm tall; a wide one has a
# landscape page of its own, 268 × 172 mm). The image is scaled to fit its box.
PRINT_PX = {True: 1400, False: 1000}
PRINT_BOX = {True: (268, 172), False: (180, 118)}


def print_mm(fig: go.Figure, wide: bool) -> float:
    """How wide the image of `fig` prints: its box's width, or less where its height is the limit."""
    width, height = PRINT_PX[wide], int(fig.layout.height or 700)
    box_w, box_h = PRINT_BOX[wide]
    return min(box_w, box_h * width / height)


def _charts(cat: Catalogue) -> list[tuple[str, str, bool]]:
    """(title, which figure, wide) for the report and the PNG downloads. The figures are built on click,
    from the snapshot `a` of the work (a page run builds none: at scale the two flow diagrams
    alone cost ~100 ms), in the language of this run."""
    L = lang()
    out = [(tr("chart.role_radar_title"), "roles", False), (tr("chart.function_title"), "functions", False)]
    out += [(tr("files.flow_png", time=t.name.get(L)), t.id, True) for t in cat.flows.times]
    return out


def _build(cat: Catalogue, a, L: str, which: str) -> go.Figure:
    with fixed_lang(L):
        scores = score_roles(a, cat)
        if which == "roles":
            return role_coverage_bars(cat, scores, set(summarise(a, cat, scores).gaps), L)
        if which == "functions":
            values = score_functions(a, cat, scores)
            fs = [f for f in cat.functions if values.get(f.id) is not None]
            return grouped_radar([f.name.get(L) for f in fs], [values[f.id] for f in fs], tr("chart.function_title"))
        return flow_figure(cat, a, flow_graph(a, which, cat), which, scores, L)


def exports(cat: Catalogue) -> None:
    data_exports(cat)
    report_exports(cat)


def data_exports(cat: Catalogue) -> None:
    """The whole assessment (names and every rating): for editors only."""
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


def report_exports(cat: Catalogue) -> None:
    """The report and the charts: what a viewer link may download too."""
    L = lang()
    a = copy.deepcopy(assessment())
    st.subheader(tr("files.report_heading"))
    st.caption(tr("files.report_help"))
    # Off whenever the page opens, never saved: the report names nobody unless asked to, as the
    # executive page (ratings of named people are personal data).
    names = st.toggle(tr("trust.report_names"), value=False, key="report_names", help=tr("trust.report_names_help"))
    charts = _charts(cat)

    def image(which: str, wide: bool) -> bytes:
        return png(_build(cat, a, L, which), 1400 if wide else 900)

    def print_image(which: str, wide: bool) -> bytes:
        # Drawn for its place on the A4 page, every label at 9 pt or more there.
        fig, width = _build(cat, a, L, which), PRINT_PX[wide]
        return png(for_print(fig, width, print_mm(fig, wide)), width)

    def report_html() -> str:
        images = [Chart(title, png_base64=base64.b64encode(print_image(which, wide)).decode("ascii"), wide=wide)
                  for title, which, wide in charts]
        return render_report(a, L, images, cat=cat, names=names)

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
    for n, (col, (title, which, wide)) in enumerate(zip(cols, charts)):
        col.download_button(title, lambda which=which, wide=wide: image(which, wide),
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
        st.error(f"{md(up.name)}: {error_text(exc)}", icon=":material/error:")
        return
    changed = new.version - current.version
    swap_in(new)
    st.success(tr("files.imported", name=md(up.name), n=changed), icon=":material/check_circle:")
