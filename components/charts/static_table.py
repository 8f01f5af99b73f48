"""A read-only table as one HTML element: the document's own data (付録1, the glossary) and the
Share page's participant links.

st.table draws every cell as its own styled element: the 付録1 table (19 roles × 6 columns) cost
the Model page about 0.15× of bare Streamlit's load, against st.html's one piece of HTML (measured
with `make bench`'s loads, issue 13). pandas writes the HTML (DataFrame.to_html, or a Styler's
to_html where cells have their own styles, the yellow ✓) and escapes every value and header, so a
text is always text."""
from __future__ import annotations

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from components.session.labels import EMPTY_CELL

# The look of Streamlit's own table, from its theme's colours; scoped to this table's class.
CSS = """<style>
.csc-table-wrap { overflow-x: auto; margin-bottom: 1rem; }
.csc-table { border-collapse: collapse; width: 100%; font-size: .875rem; }
.csc-table th, .csc-table td { border: 1px solid rgba(49, 51, 63, .15); padding: .3rem .5rem; text-align: left;
                               vertical-align: top; overflow-wrap: break-word; }
.csc-table thead th { font-weight: 600; color: rgba(49, 51, 63, .75); }
</style>"""


def static_table(data: pd.DataFrame | Styler, name: str, *, index: bool = False, break_anywhere=()) -> None:
    """`data` as one HTML table, every value and header escaped. A DataFrame goes through
    DataFrame.to_html (about 1.5 ms for 100 rows); a Styler, for per-cell styles, through its own
    to_html (about 5 ms for 100 rows). `name` gives the table its class (csc-t-<name>) and stable ids.
    An empty cell shows EMPTY_CELL. The columns in `break_anywhere` (links) may break inside a
    word, so a narrow screen shows them whole; other text breaks between words."""
    classes = f"csc-table csc-t-{name}"
    if isinstance(data, Styler):
        styler = data.format(escape="html", na_rep=EMPTY_CELL).format_index(escape="html", axis=1).set_uuid(name)
        styler = styler.format_index(escape="html", axis=0) if index else styler.hide(axis="index")
        columns, html = list(data.data.columns), styler.set_table_attributes(f'class="{classes}"').to_html()
    else:
        columns = list(data.columns)
        shown = data.astype(object).where(data.notna(), EMPTY_CELL)  # to_html would print None as "None"
        html = shown.to_html(escape=True, index=index, border=0, classes=classes)
    first = 2 if index else 1  # nth-child counts from 1, after the index's cell
    anywhere = "".join(f".csc-t-{name} td:nth-child({columns.index(c) + first}) {{ overflow-wrap: anywhere; }}"
                       for c in break_anywhere)
    st.html(CSS + (f"<style>{anywhere}</style>" if anywhere else "") + f'<div class="csc-table-wrap">{html}</div>')
