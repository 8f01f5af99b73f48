"""The 表で見る / As a table view under a chart: the same numbers, built only when opened."""
from __future__ import annotations

from typing import Callable

import pandas as pd
import streamlit as st

from components.session.i18n import tr
from components.session.lazy import lazy_expander
from components.session.labels import EMPTY_CELL


def as_table(key: str, build: Callable[[], pd.DataFrame]) -> None:
    box = lazy_expander(tr("chart.as_table"), f"table_{key}", icon=":material/table_rows:")
    if box.open:
        with box:
            st.dataframe(build(), hide_index=True, width="stretch", key=f"table_{key}_df", placeholder=EMPTY_CELL)
