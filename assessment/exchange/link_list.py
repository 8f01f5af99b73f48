"""The participant links made in one session, as a CSV a lead can mail-merge or print: one row
per person, the name and the link. UTF-8 with BOM for Excel; a name is kept as text, never run as
a formula (the same guard as the ratings CSV)."""
from __future__ import annotations

import csv
import io

from assessment.exchange.files import escape_cell


def links_csv(header: tuple[str, str], rows: list[tuple[str, str]]) -> bytes:
    """`header` (name, link) in the user's language, then (name, URL) per person."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for name, url in rows:
        writer.writerow([escape_cell(name), url])
    return out.getvalue().encode("utf-8-sig")
