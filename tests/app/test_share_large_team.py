"""The Share page for a team larger than a page of cards (issue 13: a hundred cards cost every run
33 ms at scale): one table of who has a link, a picker that opens one person's card, the links made
now in the table and behind a CSV download (tests/unit/test_link_list.py: its content) to hand out; a small team keeps its cards."""
from __future__ import annotations

import io
import re

import pandas as pd
from streamlit.testing.v1 import AppTest

from assessment.core.edit import add_person
from assessment.core.demos import demo_assessment
from assessment.team.access import Links
from components.session.labels import EMPTY_CELL
from components.team.participant_links import CARDS_UP_TO, PICK
from csirt_data.i18n import translate
from tests.app.helpers import ROOT, no_errors
from tests.app.test_team_access import open_link, store

TEAM = CARDS_UP_TO + 8


def _saved_team():
    a = demo_assessment("B")
    add_person(a, "=HYPERLINK(\"http://x\")", 3, roles=[])  # a name a spreadsheet would run
    while len(a.people) < TEAM:
        add_person(a, f"要員{len(a.people):02d} <b>", 2, roles=[])
    store().save(a, 0)
    return a


def _share(a, lang="ja") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["a"] = a.id
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("app_pages/share.py").run()
    no_errors(at)
    return at


def _table(at, lang="ja"):
    """The participant table as the page shows it, read back from its HTML (columns name, state,
    url; an empty cell None)."""
    [body] = [h.proto.body for h in at.get("html") if "csc-t-share_links" in h.proto.body]
    df = pd.read_html(io.StringIO(body), flavor="lxml")[0].astype(object)
    assert list(df.columns) == [translate(f"share.col_{c}", lang) for c in ("name", "state", "url")]
    df.columns = ["name", "state", "url"]
    return df.mask(df == EMPTY_CELL, None)


def _participant_buttons(at):
    return [b.key for b in at.button if b.key and "_participant_" in b.key]


def test_a_large_team_gets_one_table_and_a_picker_not_a_card_each():
    a = _saved_team()
    at = _share(a)
    assert _participant_buttons(at) == []  # no card until a person is picked
    df = _table(at)
    assert list(df["name"]) == [p.name for p in a.people]  # the names as typed, as text
    assert set(df["state"]) == {translate("share.none", "ja")}
    assert all(u is None for u in df["url"])
    at.selectbox(key=PICK).set_value(a.people[3].id).run()
    assert _participant_buttons(at) == [f"share_make_participant_{a.people[3].id}"]
    assert not at.get("download_button")


def test_links_made_for_all_are_listed_and_downloadable_and_each_opens_its_person():
    a = _saved_team()
    at = _share(a)
    at.button(key="share_make_all").click().run()
    no_errors(at)
    df = _table(at)
    L = Links(store())
    assert len(L.active(a.id)) == TEAM
    assert not at.get("image")  # no QR code drawn for all: only in the picked card
    by_name = dict(zip(df["name"], df["url"]))
    for p in a.people:
        link = L.verify(by_name[p.name].split("?k=")[1])
        assert link.person_id == p.id and by_name[p.name].startswith("http") and "/me?k=" in by_name[p.name]
    [dl] = at.get("download_button")
    assert translate("share.download_new", "ja", n=TEAM) == dl.proto.label

    # The picked person's card: the QR code of the new link, and re-issue makes the old one stop.
    pid = a.people[0].id
    at.selectbox(key=PICK).set_value(pid).run()
    assert len(at.get("image")) == 1
    at.button(key=f"share_reissue_participant_{pid}").click().run()
    refused = open_link(by_name[a.people[0].name].split("?k=")[1])
    assert [e.value for e in refused.error] == [translate("access.revoked", "ja")]
    assert _table(at)["url"].iloc[0] != by_name[a.people[0].name]

    # A new session knows when links were made, never their secrets.
    later = _share(a, "en")
    df = _table(later, "en")
    assert all(u is None for u in df["url"]) and not later.get("download_button")
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", s) for s in df["state"])  # when each was issued


def test_a_small_team_keeps_a_card_per_person():
    a = demo_assessment("B")
    assert len(a.people) <= CARDS_UP_TO
    store().save(a, 0)
    at = _share(a)
    assert sorted(_participant_buttons(at)) == sorted(f"share_make_participant_{p.id}" for p in a.people)
    assert not [h for h in at.get("html") if "csc-t-share_links" in h.proto.body]

