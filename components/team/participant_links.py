"""The Share page's participant links. A small team sees one card per person. A larger one (a
hundred at the scale organisation) sees one table of who has a link, a picker that opens one
person's card, and the links made in this session in that table and as a CSV to hand out: a
hundred cards took 33 ms of every run and loaded at 1.95× bare Streamlit (issue 13)."""
from __future__ import annotations

from typing import Callable

import pandas as pd
import streamlit as st

from assessment.core.model import Assessment
from assessment.exchange.link_list import links_csv
from assessment.team.access import Link

from components.session.i18n import tr
from components.charts.static_table import static_table
from components.session.labels import md
from components.team import gate
from components.team.access_view import issued_when, link_url

CARDS_UP_TO = 12  # four rows of three cards; beyond that, the table and the picker
TABLE_HEIGHT = 420  # about ten people in view at 1280 × 720; the rest scroll
PICK = "share_pick"

Find = Callable[[str], Link | None]  # a person's id → their active participant link
Card = Callable[[str, str | None, Link | None], None]  # title, person id, link → one card


def _fresh_url(link: Link | None) -> str | None:
    secret = gate.fresh(link.id) if link is not None else None
    return link_url("participant", secret) if secret else None


def _table(a: Assessment, find: Find) -> list[tuple[str, str]]:
    """Everyone's link state in one table; returns the (name, URL) of the links made just now."""
    links = [(p.name, find(p.id)) for p in a.people]
    rows = [(name, tr("share.none") if x is None else issued_when(x), _fresh_url(x)) for name, x in links]
    df = pd.DataFrame(rows, columns=[tr("share.col_name"), tr("share.col_state"), tr("share.col_url")])
    # One HTML table in a box that scrolls, not a data grid: read-only, far lighter to load, and a
    # long link wraps whole instead of being cut in its cell (names and links escaped as text).
    with st.container(height=TABLE_HEIGHT):
        static_table(df, "share_links", break_anywhere=[tr("share.col_url")])
    st.caption(tr("share.col_url_help"))
    return [(name, url) for name, _state_, url in rows if url]


def _picker(a: Assessment, find: Find, card: Card) -> None:
    names = {p.id: p.name for p in a.people}
    pid = st.selectbox(tr("share.pick"), list(names), format_func=names.get, index=None, key=PICK,
                       placeholder=tr("widget.choose_one"), help=tr("share.pick_help"))
    if pid is not None:
        card(md(names[pid]), pid, find(pid))


def render(a: Assessment, find: Find, card: Card) -> None:
    if len(a.people) <= CARDS_UP_TO:
        cols = st.columns(3)
        for n, p in enumerate(a.people):
            with cols[n % 3]:
                card(md(p.name), p.id, find(p.id))
        return
    made = _table(a, find)
    _picker(a, find, card)
    if made:
        st.download_button(tr("share.download_new", n=len(made)),
                           lambda: links_csv((tr("share.col_name"), tr("share.col_url")), made),
                           file_name="participant_links.csv", mime="text/csv", key="share_download_new",
                           icon=":material/download:", help=tr("share.download_new_help"))
