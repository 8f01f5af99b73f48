"""Editable tables (st.data_editor) as views of the Assessment.

st.data_editor loses or repeats edits when its output is fed back as its input. Here the input is
always built from the Assessment, the editor's key carries the assessment version, and its edits
(the delta in session state) are applied once, through assessment.edit: the version moves on, the
key changes, and the next editor starts clean from the Assessment."""
from __future__ import annotations

from typing import Callable

import pandas as pd
import streamlit as st

from assessment.model import Assessment

from .state import run_edits, wkey

_ROWS = "_editor_rows"  # editor key -> row ids of the table it showed

Apply = Callable[[Assessment, dict], None]


def has_edits(delta) -> bool:
    return isinstance(delta, dict) and any(delta.get(k) for k in ("edited_rows", "added_rows", "deleted_rows"))


def _apply(key: str, apply: Apply) -> None:
    delta = st.session_state.get(key)
    rows = st.session_state.get(_ROWS, {}).get(key)
    if rows is None or not has_edits(delta):
        return
    # Row positions in the delta refer to the table as shown; translate them to ids.
    named = {
        "edited": {rows[int(i)]: v for i, v in delta.get("edited_rows", {}).items() if int(i) < len(rows)},
        "added": list(delta.get("added_rows", [])),
        "deleted": [rows[int(i)] for i in delta.get("deleted_rows", []) if int(i) < len(rows)],
    }
    run_edits(lambda a: apply(a, named))
    st.session_state[_ROWS].pop(key, None)  # this key's edits are spent


def editor(name: str, df: pd.DataFrame, row_ids: list[str], apply: Apply, **kwargs) -> None:
    """Shows `df` (one row per id in `row_ids`) for editing; `apply(a, named_delta)` makes the
    change, where named_delta has 'edited' {row id: {column: value}}, 'added' and 'deleted'."""
    key = wkey(name)
    registry = st.session_state.setdefault(_ROWS, {})
    for old in [k for k in registry if k.startswith(name + "@") and k != key]:
        del registry[old]
    registry[key] = list(row_ids)
    st.data_editor(df, key=key, on_change=_apply, args=(key, apply), **kwargs)
    # Edits that reached session state without the callback (a test seeding them) are applied too.
    if has_edits(st.session_state.get(key)) and key in st.session_state.get(_ROWS, {}):
        _apply(key, apply)
        st.rerun()
