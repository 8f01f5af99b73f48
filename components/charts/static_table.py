"""A read-only table as one HTML element: the document's own data (付録1, the glossary) and the
Share page's participant links.

st.table draws every cell as its own styled element: the 付録1 table (19 roles × 6 columns) cost
the Model page about 0.15× of bare Streamlit's load, against st.html's one piece of HTML (measured
with `make bench`'s loads, issue 13). pandas writes the HTML (DataFrame.to_html, or a Styler's
to_html where cells have their own styles, the yellow ✓); every value and header is escaped, so a
text is always text. Cells may be badges or bold labels (components/charts/table_cells.py)."""
from __future__ import annotations

from html import escape

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from components.charts.table_cells import BADGE_CSS, cell_html
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
        html = _frame_html(data, index, classes)
    first = 2 if index else 1  # nth-child counts from 1, after the index's cell
    anywhere = "".join(f".csc-t-{name} td:nth-child({columns.index(c) + first}) {{ overflow-wrap: anywhere; }}"
                       for c in break_anywhere)
    badges = BADGE_CSS if "csc-badge" in html else ""
    st.html(CSS + badges + (f"<style>{anywhere}</style>" if anywhere else "") + f'<div class="csc-table-wrap">{html}</div>')


def _frame_html(data: pd.DataFrame, index: bool, classes: str) -> str:
    """DataFrame.to_html of the cells' own HTML (each escaped, or a badge drawing itself), with the
    headers and the index escaped here: to_html escapes all or nothing."""
    shown = data.astype(object).map(lambda v: EMPTY_CELL if _empty(v) else cell_html(v))
    shown.columns = [escape(str(c)) for c in data.columns]
    shown.index = [escape(str(i)) for i in data.index]
    return shown.to_html(escape=False, index=index, border=0, classes=classes)


def _empty(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)  # None, or pandas' NaN
