"""The report names nobody unless asked (issue #11): with names off (the default) no person's name
is in the HTML, in the PDF's text or in an image's alt text; turned on, the holders are named.
Read from the files themselves (the PDF's text through pypdf), with a positive control each."""
from __future__ import annotations

import io
import re

import pytest
from markupsafe import escape
from pypdf import PdfReader

from assessment.core.demos import demo_assessment
from assessment.core.edit import add_person
from assessment.exchange.report import Chart, find_chromium, pdf_from_html, render_report
from csirt_data import load_catalogue
from csirt_data.i18n import translate

CAT = load_catalogue()
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>'
# The Files page's chart titles (components/work/files_view.py _charts), in both languages.
TITLES = ("chart.role_radar_title", "chart.function_title")


def _team():
    a = demo_assessment("B")
    add_person(a, "Zebedee Quill", 3, ["commander"])  # a Latin name: plain to find in any text
    return a


def _names(a) -> list[str]:
    out = []
    for p in a.people:
        out += [p.name, p.name.split("（")[0]]
    return out


def _charts(lang):
    return [Chart(translate(k, lang), svg=SVG) for k in TITLES]


def _pdf_text(html: str) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_from_html(html))).pages)
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_html_and_alt_texts_name_nobody_by_default(lang):
    a = _team()
    html = render_report(a, lang, _charts(lang), cat=CAT)
    for name in _names(a):
        assert name not in html, name
    alts = re.findall(r'alt="([^"]*)"', html)
    assert len(alts) == len(TITLES) and not any(n in alt for alt in alts for n in _names(a))
    # Holders are counted instead.
    assert translate("trust.holders_count", lang, n=1) in html
    assert str(escape(translate("trust.report_names_off", lang))) in html


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_names_on_names_the_holders(lang):
    a = _team()
    html = render_report(a, lang, _charts(lang), cat=CAT, names=True)
    assert "Zebedee Quill" in html and a.people[0].name in html
    assert translate("trust.report_names_on", lang) in html


def test_pdf_text_names_nobody_by_default_and_the_holders_when_on():
    if find_chromium() is None:
        pytest.skip("Chromium not installed: sudo apt-get install -y chromium")
    a = _team()
    off = _pdf_text(render_report(a, "en", _charts("en"), cat=CAT))
    on = _pdf_text(render_report(a, "en", _charts("en"), cat=CAT, names=True))
    assert "ZebedeeQuill" in on  # the control: a name the PDF holds is found in its text
    for name in _names(a):
        assert re.sub(r"\s+", "", name) not in off, name
