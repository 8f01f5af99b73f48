"""The executive report: one self-contained HTML page (no external URL: it works offline and can be
forwarded as one file), printable on A4, and a PDF of it printed by headless Chromium.

Charts come in already rendered (the UI renders its Plotly figures to SVG or PNG) and are embedded
as data: URIs in <img> elements, so the page needs nothing else, and a script inside an SVG never
runs. Every text a person typed goes through Jinja2 with autoescape on: a name like
`<script>…</script>` is shown as text."""
from __future__ import annotations

import base64
import binascii
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Sequence

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from csirt_data import Catalogue, load_catalogue

from assessment.core.errors import ReportUnavailable
from assessment.core.messages import msg
from assessment.core.model import Assessment
from assessment.exchange.report_summary import executive_part, role_pct
from assessment.scores.scoring import score_roles, summarise
from assessment.scores.staffing import staffing

TEMPLATES = Path(__file__).with_name("templates")
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True,
                   default_for_string=True), undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@dataclass(frozen=True)
class Chart:
    """A chart for the report: its caption, and the image as SVG text or as base64 PNG data
    (one of the two). `wide` spans both columns of the chart grid."""

    title: str
    svg: str | None = None
    png_base64: str | None = None
    wide: bool = False

    def data_uri(self) -> str:
        if (self.svg is None) == (self.png_base64 is None):
            raise ValueError("a Chart needs exactly one of svg or png_base64")
        if self.svg is not None:
            if "<svg" not in self.svg[:2000]:
                raise ValueError("Chart.svg is not SVG text")
            return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode("utf-8")).decode("ascii")
        data = self.png_base64.split(",", 1)[1] if self.png_base64.startswith("data:") else self.png_base64
        try:
            raw = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("Chart.png_base64 is not base64") from None
        if not raw.startswith(PNG_SIGNATURE):
            raise ValueError("Chart.png_base64 is not a PNG image")
        return "data:image/png;base64," + data


def render_report(a: Assessment, lang: str = "ja", charts: Sequence[Chart] = (), *,
                  cat: Catalogue | None = None, when: date | None = None, names: bool = False) -> str:
    """The report as one HTML string, in `lang` ("ja" or "en"): the executive summary first (traffic
    lights, top risks, what closing the gaps takes, the gaps), then the charts, the role table and
    the method. No person is named unless `names` (off by default, as on the executive page)."""
    cat = cat or load_catalogue()
    when = when or date.today()
    scores = score_roles(a, cat)
    s = summarise(a, cat, scores)
    st_ = staffing(a, cat)
    people = {p.id: p.name for p in a.people}
    role_name = lambda r: cat.role(r).name.get(lang)  # noqa: E731
    function_name = lambda r: cat.function(cat.role(r).function).name.get(lang)  # noqa: E731

    model = cat.model_label(a.model, a.variant, lang) or msg("report.no_model", lang)
    doc = cat.document
    labels = ("report.title", "report.sample", "report.organisation", "report.model", "report.date",
              "report.headline", "report.charts", "report.gap_list", "report.no_gaps", "report.role_table",
              "report.function", "report.role", "report.status", "report.holders", "report.coverage",
              "report.readiness", "report.training", "report.method", "report.privacy",
              "executive.risks_heading", "executive.cost_heading", "executive.no_risks")
    t = {key.split(".", 1)[1]: msg(key, lang) for key in labels}
    t["report_basis"], t["report_page"] = msg("trust.report_basis", lang), msg("trust.report_page", lang)
    t["source"] = msg("report.source_cited", lang, title=doc.title.get(lang),
                     publisher=doc.publisher.get(lang), date=doc.date)
    t["names"] = msg("trust.report_names_on", lang) if names else msg("trust.report_names_off", lang)

    def holders(sc) -> str:
        if not sc.holders:
            return ""
        if names:
            return ", ".join(people.get(pid, pid) for pid in sc.holders)
        return msg("trust.holders_count", lang, n=len(sc.holders))

    roles = [{"function": function_name(r), "role": role_name(r), "status_id": sc.state,
              "status": msg(f"status.{sc.status}", lang) + (msg("trust.report_unheld", lang) if sc.gap
                                                           and sc.status == "in_house" else ""),
              "holders": holders(sc), "note": a.roles[r].note if sc.status != "in_house" else "",
              "total": role_pct(sc, sc.total, lang), "prerequisite": role_pct(sc, sc.prerequisite, lang),
              "additional": role_pct(sc, sc.additional, lang)}
             for r, sc in scores.items()]
    return _env.get_template("report.html.j2").render(
        lang=lang, t=t, organisation=a.organisation or "—", model=model, when=when.isoformat(),
        sample=a.sample, exec=executive_part(a, cat, scores, s, st_, lang, names), roles=roles,
        charts=[{"title": c.title, "src": c.data_uri(), "wide": c.wide} for c in charts],
    )


def find_chromium() -> str | None:
    """The Chromium to print with: $CSIRT_SELFCHECK_CHROMIUM, else the first found on the system."""
    configured = os.environ.get("CSIRT_SELFCHECK_CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() and os.access(configured, os.X_OK) else None
    for candidate in CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def pdf_from_html(html: str, *, chromium: str | None = None, timeout: float = 90) -> bytes:
    """The HTML printed to PDF (A4, from the page's @page rule) by headless Chromium.

    Raises ReportUnavailable("report.no_chromium") when no Chromium is found, and
    ReportUnavailable("report.pdf_failed" / "report.pdf_timeout") when printing fails."""
    chromium = chromium or find_chromium()
    if not chromium:
        raise ReportUnavailable("report.no_chromium")
    with tempfile.TemporaryDirectory(prefix="csirt-report-") as tmp:
        page, pdf = Path(tmp) / "index.html", Path(tmp) / "printed.pdf"
        page.write_text(html, encoding="utf-8")
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                   "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                   f"--user-data-dir={Path(tmp) / 'profile'}", "--no-pdf-header-footer",
                   f"--print-to-pdf={pdf}", page.as_uri()]
        try:
            # Its own session, so that a timeout can end Chromium's helper processes too; no pipes,
            # so a helper left running can never keep this call waiting.
            proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL, start_new_session=True)
        except (FileNotFoundError, PermissionError, NotADirectoryError):
            raise ReportUnavailable("report.no_chromium") from None
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise ReportUnavailable("report.pdf_timeout", seconds=round(timeout)) from None
        _kill_group(proc)  # helpers that outlived the browser
        data = pdf.read_bytes() if pdf.exists() else b""
        if not data.startswith(b"%PDF"):
            raise ReportUnavailable("report.pdf_failed", code=code)
        return data


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()
