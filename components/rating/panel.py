"""The Skills page's rating panel, a fragment: a rating reruns the panel (the widget, which shows
both raters' progress itself, and the rater comparison), not the page. What the widget queued is applied here, one recorded edit per
rating, and saved at once, since a fragment run does not reach app.py's autosave."""
from __future__ import annotations

import streamlit as st

from assessment.core.model import Assessment
from assessment.scores.scoring import skills_to_rate
from csirt_data import Catalogue

from components.rating import outbox
from components.rating.widget import KEY, rating_widget, widget_data
from components.session import outbox_take, persistence
from components.session.actor import current_actor
from components.session.i18n import join, lang, tr
from components.session.sidebar import work_status_lines
from components.session.lazy import lazy_expander
from components.session.state import assessment, catalogue, in_fragment_run, refusal_text
from components.steps.rater_compare import rater_differences
from components.team import gate

ACKED = "_rating_acked"  # {"token": the widget mount last heard from, "seq": the last rating applied}
REFUSED = "_rating_refused"


def first_to_rate(cat: Catalogue, a: Assessment) -> str:
    """The person the page opens on: the first with skills to rate (a 経営者 holder has
    responsibilities, not skills), else the first person."""
    return next((p.id for p in a.people if skills_to_rate(a, p.id, cat)), a.people[0].id)


def take_outbox(cat: Catalogue) -> bool:
    """Applies the ratings the widget queued since the last acknowledged one and saves them.
    Returns whether anything was applied."""
    refused = outbox_take.take(KEY, ACKED, outbox.parse,
                               lambda a, ratings, last: outbox.apply(a, cat, ratings, last))
    if refused:
        st.session_state[REFUSED] = [refusal_text(e) for e in refused]
    return refused is not None


def _outcome() -> tuple[bool, int]:
    """Failed, held back: what a save may change that only a full run shows."""
    return bool(st.session_state.get(persistence.SAVE_ERROR)), len(st.session_state.get(persistence.HELD) or [])


def _save_now() -> None:
    """Saves this run's ratings, with the short busy timeout: a locked database must not hold the
    panel (and the ratings queued behind it) for seconds. A failure, or a change held back as a
    conflict, is shown by the page's status (persistence.status, with its retry): a full run draws it."""
    if not gate.may_save():
        return
    before = _outcome()
    persistence.autosave(persistence.quick_store())
    after = _outcome()
    # A full run shows a new failure or a held change (the retry fragment redraws the page once a
    # failure is over): a fragment run does not reach those parts of the page.
    if in_fragment_run() and any(x > y for x, y in zip(after, before)):
        st.rerun(scope="app")


def _no_skills(cat: Catalogue, a: Assessment, person_id: str) -> None:
    """Why this person has nothing to rate, truthfully: 経営者 has responsibilities instead of skills."""
    L = lang()
    held = [r for r in a.person(person_id).roles if a.status(r) == "in_house"]
    if held and not any(cat.role_links(r) for r in held):
        st.info(tr("trust.no_skills_roles", roles=join(cat.role(r).name.get(L) for r in held)))
    else:
        st.info(tr("skills.no_roles"))


def sidebar_status() -> None:
    """The sidebar's last lines (saved or not, how much is rated), drawn from here on the Skills
    page so that they follow each rating (app.py leaves them to this page)."""
    if current_actor().kind == "editor":
        with st.sidebar:
            work_status_lines()


@st.fragment
def rating_panel(person_id: str, rater: str) -> None:
    cat = catalogue()
    if take_outbox(cat):
        _save_now()
    a = assessment()
    sidebar_status()
    for msg in st.session_state.pop(REFUSED, []):
        st.warning(msg, icon=":material/block:")
    if all(p.id != person_id for p in a.people):  # removed in another browser meanwhile
        st.rerun(scope="app")
    if not skills_to_rate(a, person_id, cat):
        _no_skills(cat, a, person_id)
        return
    rating_widget(widget_data(cat, a, person_id, rater, st.session_state.get(ACKED) or {}))
    # Built only while open: the widget is what a rating must redraw quickly.
    differences = lazy_expander(tr("workshop.compare_heading"), "rater_differences", icon=":material/compare_arrows:")
    if differences.open:
        with differences:
            rater_differences(cat, a, person_id)
