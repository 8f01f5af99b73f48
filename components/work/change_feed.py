"""History's change feed: the latest saved changes from the store's log, in plain words and
grouped per change («田中さんが自己評価を 5 件更新»), with who and when."""
from __future__ import annotations

import streamlit as st

from assessment.core.errors import StoreError
from assessment.core.messages import message
from assessment.team.feed import summary

from components.session import persistence
from components.session.actor import current_actor
from components.session.i18n import join, lang, tr
from components.session.state import assessment
from components.session.team_labels import actor_name, when

LATEST = 12
DID = {  # the feed's kinds of change (assessment.team.feed) in words
    "self_ratings": lambda n: tr("feed.did.self_ratings", n=n), "lead_ratings": lambda n: tr("feed.did.lead_ratings", n=n),
    "role_statuses": lambda n: tr("feed.did.role_statuses", n=n), "role_notes": lambda n: tr("feed.did.role_notes", n=n),
    "organisation": lambda n: tr("feed.did.organisation"), "model": lambda n: tr("feed.did.model"),
    "rating_rule": lambda n: tr("feed.did.rating_rule"), "people_added": lambda n: tr("feed.did.people_added", n=n),
    "people_removed": lambda n: tr("feed.did.people_removed", n=n),
    "people_changed": lambda n: tr("feed.did.people_changed", n=n), "targets": lambda n: tr("feed.did.targets", n=n),
    "actions": lambda n: tr("feed.did.actions", n=n), "scenarios": lambda n: tr("feed.did.scenarios", n=n),
    "created": lambda n: tr("feed.did.created"), "replaced": lambda n: tr("feed.did.replaced"),
}


def change_feed() -> None:
    a, s = assessment(), persistence.store()
    if s is None or not persistence.is_stored(a):
        return
    st.subheader(tr("feed.heading"))
    try:
        rows = s.changes(a.id, limit=LATEST)
    except StoreError as exc:
        st.warning(message(exc, lang()))
        return
    names = current_actor().kind == "editor"  # participants' names are for editors only
    lines = [line(ch, a, names) for ch in rows]
    st.markdown("\n".join(f"- {text}" for text in lines))


def line(change, a, names: bool = True) -> str:
    who = actor_name(change.actor, a, names)
    what = join(DID.get(kind, lambda n: tr("feed.did.other"))(n) for kind, n in summary(change))
    text = tr("feed.line", who=who, what=what or tr("feed.did.other"), when=when(change.at))
    return text[:1].upper() + text[1:] if lang() == "en" else text
