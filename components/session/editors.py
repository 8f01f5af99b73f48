"""Editable tables (st.data_editor) as views of the Assessment.

st.data_editor loses or repeats edits when its output is fed back as its input. Here the input is
always built from the Assessment, the editor's key carries a digest of the table it shows, and its
edits (the delta in session state) are applied once, through assessment.core.edit: the table changes,
so does the key, and the next editor starts clean from the Assessment. A change elsewhere that
leaves this table as it was keeps the editor (the browser redraws a kept widget much faster)."""
from __future__ import annotations

from typing import Callable

import hashlib
import json

import pandas as pd
import streamlit as st

from assessment.core.model import Assessment

from components.session.state import assessment, run_edits
from components.session.labels import EMPTY_CELL

_ROWS = "_editor_rows"  # editor key -> row ids of the table it showed
_SPENT = "_editor_spent"  # editor key -> the delta last applied from it
_DIGESTS = "_editor_digests"  # editor name -> (the table, its row ids, its digest)

Apply = Callable[[Assessment, dict], None]


def has_edits(delta) -> bool:
    return isinstance(delta, dict) and any(delta.get(k) for k in ("edited_rows", "added_rows", "deleted_rows"))


def _pending(key: str) -> bool:
    """The editor holds edits not applied yet. A delta stays in the editor's state while its key
    stays (an edit that changed nothing keeps the table, so the key): it must not apply twice."""
    delta = st.session_state.get(key)
    return (has_edits(delta) and key in st.session_state.get(_ROWS, {})
            and json.dumps(delta, sort_keys=True, default=str) != st.session_state.get(_SPENT, {}).get(key))


def _apply(key: str, apply: Apply) -> None:
    if not _pending(key):
        return
    delta, rows = st.session_state[key], st.session_state[_ROWS][key]
    st.session_state.setdefault(_SPENT, {})[key] = json.dumps(delta, sort_keys=True, default=str)
    # Row positions in the delta refer to the table as shown; translate them to ids.
    named = {
        "edited": {rows[int(i)]: v for i, v in delta.get("edited_rows", {}).items() if int(i) < len(rows)},
        "added": list(delta.get("added_rows", [])),
        "deleted": [rows[int(i)] for i in delta.get("deleted_rows", []) if int(i) < len(rows)],
    }
    run_edits(lambda a: apply(a, named))


def editor(name: str, df: pd.DataFrame, row_ids: list[str], apply: Apply, placeholder: str = EMPTY_CELL,
           **kwargs) -> None:
    """Shows `df` (one row per id in `row_ids`) for editing; `apply(a, named_delta)` makes the
    change, where named_delta has 'edited' {row id: {column: value}}, 'added' and 'deleted'."""
    key = f"{name}@{assessment().id}.{_digest(name, df, row_ids)}.{st.session_state.get('_nonce', 0)}"
    registry = st.session_state.setdefault(_ROWS, {})
    spent = st.session_state.setdefault(_SPENT, {})
    for old in [k for k in registry if k.startswith(name + "@") and k != key]:
        registry.pop(old, None)
        spent.pop(old, None)
    registry[key] = list(row_ids)
    st.data_editor(df, key=key, on_change=_apply, args=(key, apply), placeholder=placeholder, **kwargs)
    # Edits that reached session state without the callback (a test seeding them) are applied too.
    if _pending(key):
        _apply(key, apply)
        st.rerun()


def _digest(name: str, df: pd.DataFrame, row_ids: list[str]) -> str:
    """What the editor shows: its rows, columns and values (a refused edit bumps the nonce instead).
    A table built once per version (a `derived` one) comes back as the same object on the next run:
    its digest is kept with it rather than computed on every run (a few ms for a large table)."""
    memo = st.session_state.setdefault(_DIGESTS, {})
    kept = memo.get(name)
    if kept and kept[0] is df and kept[1] == row_ids:
        return kept[2]
    text = json.dumps([row_ids, list(map(str, df.columns)), df.astype(str).values.tolist()], ensure_ascii=False)
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()
    memo[name] = (df, list(row_ids), digest)  # the table itself is held, so `is` cannot match a new one
    return digest
