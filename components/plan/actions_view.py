"""The action plan: every gap's proposed action (assessment.plans.planning) as an editable table, with
filters, counts and the CSV / Excel downloads."""
from __future__ import annotations

import datetime
import re

import pandas as pd
import streamlit as st

from assessment.exchange import action_export as ax
from assessment.core import edit
from assessment.core.edit import EditError
from assessment.core.model import ACTION_KINDS, ACTION_STATUSES, Assessment
from assessment.plans.planning import Action, plan_summary, propose_actions
from csirt_data import Catalogue

from components.session.editors import editor
from components.session.i18n import lang, tr
from components.session.labels import md
from components.session.lazy import lazy_expander
from components.session.state import assessment, catalogue, derived, scores

MIME = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
WHAT_PX = 300
_MIDNIGHT = re.compile(r"^(\d{4}-\d{2}-\d{2})(T00:00:00(\.0+)?Z?)?$")


def plan() -> list[Action]:
    """The proposals of the current version, merged with the user's decisions."""
    cat = catalogue()
    return derived("actions", lambda a_: propose_actions(a_, cat, scores()))


def counts(actions: list[Action]) -> None:
    s = plan_summary(actions)
    c = st.columns(4)
    c[0].metric(tr("actions.count_actions"), s.actions)
    c[1].metric(tr("actions.count_hire"), s.hires, help=tr("actions.count_hire_help"))
    c[2].metric(tr("actions.count_train"), s.trains, help=tr("actions.count_train_help"))
    c[3].metric(tr("actions.count_outsource"), s.outsource,
                help=tr("actions.count_outsource_help"))
    L = lang()
    st.caption(tr("actions.by_status") + " " + tr("sep.list").join(
        f"{ax.status_label(k, L)} {n}" for k, n in s.by_status.items() if n))


def filters() -> tuple[list[str], list[str]]:
    L = lang()
    left, right = st.columns(2)
    kinds = left.pills(tr("actions.filter_kind"), list(ACTION_KINDS), selection_mode="multi",
                       default=list(ACTION_KINDS), format_func=lambda k: ax.kind_label(k, L), key="act_kinds")
    statuses = right.pills(tr("actions.filter_status"), list(ACTION_STATUSES), selection_mode="multi",
                           default=list(ACTION_STATUSES), format_func=lambda k: ax.status_label(k, L),
                           key="act_statuses")
    return list(kinds or []), list(statuses or [])


def _what(x: Action, cat: Catalogue, L: str) -> str:
    """One short line a row, readable on a projector: what the action is about, counted. The skills
    and programme items themselves are in "each action in full" and in the downloads."""
    if x.proposed == "outsource":
        return ax.skills_text(x, cat, L)  # the RFP's scope: the role's duties, counted
    if x.proposed == "hire":
        return tr("actions.what_hire", n=len(x.skills))
    pre = sum(1 for k in x.skills if k.kind == "prerequisite")
    return tr("actions.what_train", pre=pre, add=len(x.skills) - pre, items=len(x.education))


def details(cat: Catalogue, a: Assessment, actions: list[Action]) -> None:
    """Every shown action in full: its skills and the education programme's items. Drawn only
    while open: at scale that is hundreds of blocks of text a run would build for nothing."""
    L = lang()
    box = lazy_expander(tr("actions.details"), "actions_details")
    if not box.open:
        return
    with box:
        for x in actions:
            who = f" — {md(a.person(x.person).name)}" if x.person else ""
            st.markdown(f"**{ax.kind_label(x.kind, L)}: {md(cat.role(x.role).name.get(L))}{who}**  \n"
                        + md(ax.reason_text(x, L)))
            lines = [f"- {md(line)}" for line in ax.skills_text(x, cat, L).split("\n") if line]
            if x.education:
                lines.append(f"- {tr('actions.col_education')}:")
                lines += [f"    - {md(i.get(L))}" for i in x.education]
            if lines:
                st.markdown("\n".join(lines))


def _frame(cat: Catalogue, a: Assessment, actions: list[Action], L: str) -> pd.DataFrame:
    df = pd.DataFrame({
        "kind": [x.kind for x in actions],
        "role": [cat.role(x.role).name.get(L) for x in actions],
        "person": [a.person(x.person).name if x.person else "—" for x in actions],
        "what": [_what(x, cat, L) for x in actions],
        "owner": [x.owner for x in actions],
        "due": pd.to_datetime(pd.Series([x.due or None for x in actions], dtype="object")),
        "status": [x.status for x in actions],
        "note": [x.note for x in actions],
    })
    return df


def table(cat: Catalogue, a: Assessment, actions: list[Action]) -> None:
    L = lang()
    # Built once per version, language and filter: a rerun that changed nothing rebuilds no text.
    df = derived("actions_frame", lambda a_: _frame(cat, a_, actions, L), L, tuple(x.key for x in actions))
    config = {
        "kind": st.column_config.SelectboxColumn(tr("actions.col_kind"), options=list(ACTION_KINDS), required=True,
                                                 format_func=lambda k: ax.kind_label(k, L), width=100),
        "role": st.column_config.TextColumn(tr("actions.col_role"), disabled=True, width=140),
        "person": st.column_config.TextColumn(tr("actions.col_person"), disabled=True, width=120),
        "what": st.column_config.TextColumn(tr("actions.col_what"), disabled=True, width=WHAT_PX,
                                            help=tr("actions.col_what_help")),
        "owner": st.column_config.TextColumn(tr("actions.col_owner"), max_chars=80, width=90),
        "due": st.column_config.DateColumn(tr("actions.col_due"), format="YYYY-MM-DD", width=100),
        "status": st.column_config.SelectboxColumn(tr("actions.col_status"), options=list(ACTION_STATUSES),
                                                   required=True, format_func=lambda k: ax.status_label(k, L),
                                                   width=80),
        "note": st.column_config.TextColumn(tr("actions.col_note"), max_chars=500, width=110),
    }
    editor("actions", df, [x.key for x in actions], _apply, column_config=config, hide_index=True,
           num_rows="fixed", width="stretch", height=38 + 35 * min(len(df), 12) + 16)  # + the scroll bar
    st.caption(tr("actions.table_help"))
    details(cat, a, actions)


def due_value(value) -> str:
    """A due date from the editor ('2027-03-31', a midnight timestamp, a date, or empty) as ISO
    text; anything else is passed on as typed, for edit.set_action to refuse with a message."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    text = str(value).strip()
    m = _MIDNIGHT.match(text)
    return m.group(1) if m else text


def _apply(a: Assessment, delta: dict) -> None:
    proposals = {x.key: x for x in propose_actions(a, catalogue())}
    for key, changes in delta["edited"].items():
        if key not in proposals:  # the gap closed since the table was drawn
            continue
        kw = {}
        if "kind" in changes:
            kind = changes["kind"]
            kw["kind"] = None if kind in (None, proposals[key].proposed) else kind
        for name in ("owner", "note"):
            if name in changes:
                kw[name] = changes[name] or ""
        if "status" in changes:
            kw["status"] = changes["status"] or "proposed"
        if "due" in changes:
            kw["due"] = due_value(changes["due"])
        try:
            edit.set_action(a, key, **kw)
        except EditError as exc:
            if exc.key == "error.bad_date":
                raise EditError("actions.bad_due", role=proposals[key].role, value=kw["due"]) from exc
            raise


def downloads(cat: Catalogue, a: Assessment, actions: list[Action]) -> None:
    # The files are built when a button is clicked, on a worker thread without session state:
    # everything they need is taken here.
    L, sheet = lang(), tr("actions.title")
    table_ = lambda: ax.plan_table(actions, a, L, cat)  # noqa: E731
    c1, c2 = st.columns(2)
    c1.download_button(tr("actions.download_csv"), lambda: ax.to_csv(table_()), ax.file_name(a, "csv"), MIME["csv"],
                       key="dl_actions_csv", icon=":material/csv:", on_click="ignore",
                       help=tr("actions.download_csv_help"))
    c2.download_button(tr("actions.download_xlsx"), lambda: ax.to_xlsx(table_(), sheet),
                       ax.file_name(a, "xlsx"), MIME["xlsx"], key="dl_actions_xlsx", icon=":material/table_view:",
                       on_click="ignore")


def postings_hint(actions: list[Action]) -> None:
    if not any(x.kind in ("hire", "outsource") for x in actions):
        return
    st.page_link("app_pages/postings.py", label=tr("actions.to_postings"), icon=":material/work:")


def render(cat: Catalogue) -> None:
    a = assessment()
    actions = plan()
    if not actions:
        st.success(tr("actions.none"), icon=":material/check_circle:")
        return
    counts(actions)
    kinds, statuses = filters()
    shown = [x for x in actions if x.kind in kinds and x.status in statuses]
    if shown:
        table(cat, a, shown)
    else:
        st.info(tr("actions.none_match"))
    postings_hint(actions)
    st.subheader(tr("actions.download_heading"))
    downloads(cat, a, actions)
