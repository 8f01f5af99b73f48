"""Above every page: my changes held back because someone else changed the same thing first
(both values, who and when, and a choice per change), and an assessment deleted while open."""
from __future__ import annotations

import streamlit as st

from assessment.core.edit import EditError
from assessment.team.merge import Held
from assessment.team.ops import apply_op

from components.session import persistence
from components.session.i18n import tr
from components.session.state import assessment, catalogue, run_edit
from components.session.team_labels import actor_name, cut, thing, value_text, when


def show() -> None:
    a = assessment()
    if st.session_state.get(persistence.DELETED) == a.id:
        st.error(tr("merge.deleted"), icon=":material/delete_forever:")
        st.button(tr("merge.save_as_new"), key="merge_save_as_new", type="primary",
                  on_click=persistence.save_as_new)
    held: list[Held] = st.session_state.get(persistence.HELD) or []
    if not held:
        return
    cat = catalogue()
    with st.container(border=True):
        st.markdown(f"**{tr('merge.heading', n=len(held))}**")
        for n, h in enumerate(held):
            st.warning(describe(h, a, cat), icon=":material/sync_problem:")
            c1, c2, _ = st.columns([1, 1, 2])
            if h.mine is not None:
                c1.button(tr("merge.keep_mine"), key=f"merge_mine_{n}", on_click=_keep_mine, args=(n,))
                c2.button(tr("merge.take_theirs"), key=f"merge_theirs_{n}", on_click=_drop, args=(n,))
            else:
                c1.button(tr("merge.dismiss"), key=f"merge_dismiss_{n}", on_click=_drop, args=(n,))


def describe(h: Held, a, cat) -> str:
    """One held-back change in plain words: the thing, their value (who, when) and mine."""
    who = actor_name(h.by.actor, a) if h.by else tr("merge.someone")
    at = when(h.by.at) if h.by else ""
    path = h.paths[0]
    what = thing(path, a, cat, h.theirs[0] if h.theirs else None)
    if h.removed is not None:
        return tr("merge.removed", thing=what, who=who, when=at)
    if h.mine is None:
        reason = tr(h.refused[0], **{k: cut(v) for k, v in h.refused[1].items()}) if h.refused else ""
        return tr("merge.refused", thing=what, who=who, when=at, reason=reason)
    more = len(h.paths) - 1
    return tr("merge.conflict", thing=what, who=who, when=at, theirs=value_text(path, h.theirs[0], cat),
              mine=value_text(path, h.mine[0], cat)) + (tr("merge.and_more", n=more) if more else "")


def _keep_mine(n: int) -> None:
    """Mine wins: the op is applied again on what is shown now, as a new change to save."""
    h = _pop(n)
    if h is not None:
        run_edit(lambda a: _apply(a, h))


def _apply(a, h: Held) -> None:
    try:
        apply_op(a, h.op)
    except KeyError:
        raise EditError("error.removed") from None


def _drop(n: int) -> None:
    _pop(n)


def _pop(n: int) -> Held | None:
    held = list(st.session_state.get(persistence.HELD) or [])
    if n >= len(held):
        return None
    h = held.pop(n)
    st.session_state[persistence.HELD] = held
    return h
