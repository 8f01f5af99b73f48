"""The CSV of participant links made in a session: readable by Excel (BOM), one row per person,
names kept as text even when a spreadsheet would run them as a formula."""
import csv
import io

from assessment.exchange.files import unescape_cell
from assessment.exchange.link_list import links_csv


def test_rows_read_back_and_formulas_stay_text():
    rows = [("山本", "http://h/me?k=abc"), ("=HYPERLINK(\"http://x\")", "http://h/me?k=def"), ("'quoted", "u"),
            ("a,b \"c\"\nd", "http://h/me?k=ghi")]
    data = links_csv(("氏名", "リンク"), rows)
    assert data.startswith("\ufeff".encode())
    back = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert back[0] == ["氏名", "リンク"]
    assert back[2][0].startswith("'=")  # never a formula in Excel
    assert [(unescape_cell(n), u) for n, u in back[1:]] == rows
