"""A read-only table as one HTML element: the document's own data (付録1, the glossary) and the
Share page's participant links.

st.table draws every cell as its own styled element: the 付録1 table (19 roles × 6 columns) cost
the Model page about 0.15× of bare Streamlit's load, against st.html's one piece of HTML (measured
with `make bench`'s loads, issue 13). pandas' Styler writes the HTML and escapes every value and
header, so a text is always text; its per-cell styles (the yellow ✓) travel in the same element."""
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
    """`data` (a DataFrame, or a Styler for per-cell styles) as one HTML table; `name` makes its
    HTML ids stable, so a rerun sends the same element. An empty cell shows EMPTY_CELL. The
    columns in `break_anywhere` (links) may break inside a word, so a narrow screen shows them whole;
    other text breaks between words."""
    styler = data if isinstance(data, Styler) else data.style
    if break_anywhere:
        styler = styler.set_properties(subset=list(break_anywhere), **{"overflow-wrap": "anywhere"})
    styler = styler.format(escape="html", na_rep=EMPTY_CELL).format_index(escape="html", axis=1).set_uuid(name)
    if not index:
        styler = styler.hide(axis="index")
    else:
        styler = styler.format_index(escape="html", axis=0)
    html = styler.set_table_attributes('class="csc-table"').to_html()
    st.html(f'{CSS}<div class="csc-table-wrap">{html}</div>')
