"""The executive report: what it says, that typed text stays text, that it needs no network, and
that headless Chromium prints it to an A4 PDF (or a clear ReportUnavailable says why not)."""
from __future__ import annotations

import base64
import os
import re
import stat
import struct
import zlib
from datetime import date

import pytest

from assessment.core.demos import DEMO_MODELS, demo_assessment
from assessment.core.edit import add_person, new_assessment, set_organisation, set_role_note, set_role_status
from assessment.core.errors import ReportUnavailable
from assessment.core.messages import message, msg
from assessment.exchange.report import Chart, find_chromium, pdf_from_html, render_report
from assessment.scores.scoring import summarise
from csirt_data import load_catalogue

CAT = load_catalogue()
EVIL = "<script>alert('x')</script>"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#1f4e79"/></svg>'


def _png() -> str:
    """A 1×1 PNG, built here so the test needs no file."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")
    return base64.b64encode(raw).decode()


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("model", DEMO_MODELS)
def test_report_says_what_an_executive_needs(model, lang):
    a = demo_assessment(model)
    html = render_report(a, lang, when=date(2024, 5, 6))
    s = summarise(a, CAT)
    assert f'<html lang="{lang}">' in html
    assert a.organisation in html and "2024-05-06" in html
    assert CAT.model(model).name.get(lang) in html
    assert f"{round(s.coverage * 100)}%" in html and f"{round(s.readiness * 100)}%" in html
    assert f"{s.headcount} / {s.minimum_headcount}" in html
    for role in CAT.roles:
        assert role.name.get(lang) in html
    for gap in s.gaps:
        assert CAT.role(gap).name.get(lang) in html
    assert msg("report.sample", lang) in html  # demos are labelled as fictional
    assert "@page { size: A4;" in html
    assert "⟨" not in html  # every label found in both languages


def test_report_in_english_has_no_japanese_labels():
    html = render_report(new_assessment("Example Corp"), "en")
    body = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    # Japanese only where it is the document's own title in the source line: none in English
    assert not re.search(r"[\u3040-\u30ff]", body), re.findall(r".{20}[\u3040-\u30ff].{20}", body)[:3]


def test_typed_text_is_escaped_everywhere():
    a = demo_assessment("B")
    set_organisation(a, EVIL)
    add_person(a, "<img src=x onerror=alert(1)>", 3, ["commander"])
    set_role_note(a, "forensics", "</td></tr></table><script>bad()</script>")
    set_role_status(a, "educator", "gap")
    set_role_note(a, "educator", "<b>&amp;</b>")
    html = render_report(a, "ja", [Chart('"><script>x</script>', svg=SVG)], names=True)
    assert "<script" not in html.lower()
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;&amp;amp;&lt;/b&gt;" in html
    assert 'alt="&#34;&gt;&lt;script&gt;x&lt;/script&gt;"' in html


def test_works_offline_charts_embedded():
    a = demo_assessment("C")
    svg_with_script = SVG.replace("</svg>", "<script>alert(1)</script></svg>")
    html = render_report(a, "en", [Chart("Radar", svg=SVG), Chart("Flows", png_base64=_png(), wide=True),
                                   Chart("Hostile", svg=svg_with_script)])
    # every src and href is inline data; nothing is fetched, so it works offline and forwarded
    refs = re.findall(r"""(?:src|href)\s*=\s*["']?([^"' >]+)""", html)
    assert len(refs) == 3 and all(r.startswith("data:image/") for r in refs)
    assert not re.search(r"https?://|@import|url\(", html)
    assert "<script" not in html  # an SVG is an <img>: a script inside it never runs
    svg_src = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', html).group(1)
    assert base64.b64decode(svg_src).decode() == SVG
    assert 'class="wide"' in html


def test_bad_charts_are_a_programming_error():
    a = new_assessment()
    for chart in (Chart("x"), Chart("x", svg=SVG, png_base64=_png()), Chart("x", svg="not svg"),
                  Chart("x", png_base64="!!!"), Chart("x", png_base64=base64.b64encode(b"GIF89a").decode())):
        with pytest.raises(ValueError):
            render_report(a, "ja", [chart])
    render_report(a, "ja", [Chart("x", png_base64="data:image/png;base64," + _png())])


def test_empty_assessment_report():
    html = render_report(new_assessment(), "ja")
    assert msg("report.no_model", "ja") in html
    assert html.count("<tr>") == 1 + 19


# --- PDF ----------------------------------------------------------------------------------------

def _need_chromium():
    if find_chromium() is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing in CI (scripts/ensure_browser.sh installs it)")
        pytest.skip("Chromium not installed: sudo apt-get install -y chromium")


def test_pdf_is_a_valid_a4_pdf():
    _need_chromium()
    a = demo_assessment("B")
    set_organisation(a, EVIL)
    pdf = pdf_from_html(render_report(a, "ja", [Chart("Radar", svg=SVG)]))
    assert pdf.startswith(b"%PDF-")
    assert b"%%EOF" in pdf[-1024:]
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes, "no page size in the PDF"
    for w, h in boxes:  # A4 is 595 × 842 points
        assert abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2


def test_no_chromium(monkeypatch):
    monkeypatch.setenv("CSIRT_SELFCHECK_CHROMIUM", "/nonexistent/chromium")
    assert find_chromium() is None
    with pytest.raises(ReportUnavailable) as err:
        pdf_from_html("<p>x</p>")
    assert err.value.key == "report.no_chromium"
    assert "Chromium" in message(err.value, "en") and "Chromium" in message(err.value, "ja")
    with pytest.raises(ReportUnavailable) as err:
        pdf_from_html("<p>x</p>", chromium="/nonexistent/chromium")
    assert err.value.key == "report.no_chromium"


def _script(tmp_path, body: str) -> str:
    path = tmp_path / "fake-chromium"
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


def test_chromium_that_fails(tmp_path):
    with pytest.raises(ReportUnavailable) as err:
        pdf_from_html("<p>x</p>", chromium=_script(tmp_path, "exit 3"))
    assert (err.value.key, err.value.args_) == ("report.pdf_failed", {"code": 3})


def test_chromium_that_writes_no_pdf(tmp_path):
    # exits 0 but writes something that is not a PDF where the PDF should be
    fake = _script(tmp_path, 'for a in "$@"; do case "$a" in --print-to-pdf=*) echo nope > "${a#--print-to-pdf=}";; esac; done')
    with pytest.raises(ReportUnavailable) as err:
        pdf_from_html("<p>x</p>", chromium=fake)
    assert (err.value.key, err.value.args_) == ("report.pdf_failed", {"code": 0})


def test_chromium_that_hangs(tmp_path):
    import time

    start = time.perf_counter()
    with pytest.raises(ReportUnavailable) as err:
        pdf_from_html("<p>x</p>", chromium=_script(tmp_path, "sleep 30 & exec sleep 30"), timeout=0.5)
    assert err.value.key == "report.pdf_timeout"
    assert time.perf_counter() - start < 5  # its helper is ended too: nothing keeps us waiting
