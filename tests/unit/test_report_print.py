"""The report in print (issue #11): page numbers on every page, no blank last page, and no label
below 9 pt — neither in the page's own styles nor in a chart once it is scaled to its place."""
from __future__ import annotations

import io
import re

import plotly.graph_objects as go
import pytest
from pypdf import PdfReader

from assessment.core.demos import DEMO_MODELS, demo_assessment
from assessment.exchange.report import Chart, find_chromium, pdf_from_html, render_report
from components.charts.print_fonts import MM_PER_PT, for_print, min_font_px
from csirt_data import load_catalogue
from csirt_data.i18n import translate

CAT = load_catalogue()
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300"/></svg>'


def test_no_font_below_9pt_in_the_reports_styles():
    html = render_report(demo_assessment("B"), "ja", cat=CAT)
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    sizes = [float(x) for x in re.findall(r"font-size:\s*([\d.]+)pt", style)]
    assert sizes and min(sizes) >= 9
    assert not re.search(r"font-size:\s*[\d.]+(px|em|rem|%)", style)


@pytest.mark.parametrize("model", DEMO_MODELS)
def test_pages_are_numbered_and_the_last_one_is_not_blank(model):
    if find_chromium() is None:
        pytest.skip("Chromium not installed: sudo apt-get install -y chromium")
    charts = [Chart("radar", svg=SVG), Chart("flow", svg=SVG, wide=True)]
    pdf = PdfReader(io.BytesIO(pdf_from_html(render_report(demo_assessment(model), "en", charts, cat=CAT))))
    texts = [p.extract_text() for p in pdf.pages]
    n = len(texts)
    label = translate("trust.report_page", "en")
    for i, text in enumerate(texts, start=1):
        assert f"{label} {i} / {n}" in text, (i, text[-80:])
    # The last page holds more than its number: the end of the report, not a blank sheet.
    assert len(texts[-1].replace(f"{label} {n} / {n}", "").strip()) > 40
    assert translate("trust.report_names_off", "en").split(" (")[0] in "".join(texts).replace("\n", " ")


def test_charts_are_drawn_for_print_with_no_label_below_9pt():
    fig = go.Figure([go.Scatterpolar(r=[1, 2], theta=["a", "b"], textfont={"size": 8}),
                     go.Bar(x=[1], y=[2], textfont={"size": [6, 30]})],
                    layout={"font": {"size": 11}, "xaxis": {"tickfont": {"size": 7}},
                            "annotations": [{"text": "x", "font": {"size": 5}}], "legend": {"font": {"size": 10}}})
    width, mm = 1000, 180
    floor = min_font_px(width, mm)
    assert floor * mm / width / MM_PER_PT >= 9 > (floor - 1) * mm / width / MM_PER_PT
    out = for_print(fig, width, mm).to_dict()
    lay = out["layout"]
    assert lay["font"]["size"] == lay["xaxis"]["tickfont"]["size"] == lay["annotations"][0]["font"]["size"] == floor
    assert lay["legend"]["font"]["size"] == floor
    assert out["data"][0]["textfont"]["size"] == floor
    assert out["data"][1]["textfont"]["size"] == [floor, 30]  # larger sizes are kept
    assert lay["margin"]["l"] >= 10 * floor  # a radar's labels have room: nothing clipped
    assert fig.layout.font.size == 11  # the screen's figure is untouched
