"""CSIRT Self-Check: the router. Page config, the shared sidebar, and navigation over app_pages/.

The page files live in app_pages/, not pages/: Streamlit 1.67 runs its legacy multipage mode when a
folder named pages/ sits beside the entry script, and then a deep link opened first on a fresh
server runs the page file alone, without this router (no sidebar, no ?demo=, no ?lang=)."""
from pathlib import Path

import streamlit as st

from components.account import rights
from components.account.login_view import account_box, go_start_if_asked, login_page
from components.live.follow import follow_others
from components.session import persistence
from components.session import sidebar
from components.session.i18n import tr
from components.session.reconnect import replay as replay_reconnected_edits
from components.session.state import apply_url, show_url_error
from components.team import gate
from components.team.access_view import creator_notice, denied_page, navigation

# The icon is a file served by this server: a :material/…: icon is fetched from a font server on the
# internet on every page load (issue 12.8).
st.set_page_config(page_title="CSIRT Self-Check", page_icon=str(Path(__file__).with_name("assets") / "favicon.png"),
                   layout="wide")
apply_url()
gate.open_link()  # ?k=<secret>: who this session is (editor, participant, viewer); see README
if rights.needs_login():  # login configured (docs/login.md), nobody logged in and no link
    login_page()
    st.stop()
rights.enforce()  # with login: the user's rights to what is open and to ?a=
persistence.open_from_url()
if gate.may_save():
    persistence.autosave()  # what this run's callbacks changed is saved before the page shows it
if gate.denied():
    denied_page()  # a refused link: its reason and nothing else
    st.stop()

SECTIONS = {  # section title key -> [(file, url path, title key, icon)]
    "nav.walkthrough": [
        ("app_pages/start.py", "start", "page.start", ":material/flag:"),
        ("app_pages/model.py", "model", "page.model", ":material/apartment:"),
        ("app_pages/roles.py", "roles", "page.roles", ":material/extension:"),
        ("app_pages/people.py", "people", "page.people", ":material/groups:"),
        ("app_pages/skills.py", "skills", "page.skills", ":material/edit_note:"),
        ("app_pages/results.py", "results", "page.results", ":material/monitoring:"),
    ],
    "nav.plan": [
        ("app_pages/staffing.py", "staffing", "page.staffing", ":material/badge:"),
        ("app_pages/scenarios.py", "scenarios", "page.scenarios", ":material/compare:"),
        ("app_pages/actions.py", "actions", "page.actions", ":material/checklist:"),
        ("app_pages/postings.py", "postings", "page.postings", ":material/work:"),
        ("app_pages/executive.py", "executive", "page.executive", ":material/insights:"),
    ],
    "nav.work": [
        ("app_pages/history.py", "history", "page.history", ":material/history:"),
        ("app_pages/files.py", "files", "page.files", ":material/folder_open:"),
        ("app_pages/share.py", "share", "page.share", ":material/share:"),
    ],
    "nav.reference": [
        ("app_pages/reference.py", "reference", "page.reference", ":material/menu_book:"),
    ],
}
PAGES = [p for section in SECTIONS.values() for p in section]
pages = {u: st.Page(f, url_path=u, title=tr(t), icon=i) for f, u, t, i in PAGES}


def root():
    # Streamlit serves the default page at "/" and not at its own path; so "/" leads to /start,
    # and /start is a link that works like every other page's.
    st.switch_page(pages["start"], query_params=dict(st.query_params))


home = st.Page(root, url_path="home", title=tr("page.start"), default=True, visibility="hidden")
# expanded: every page stays listed (Streamlit folds a menu of more than 12 behind "View more").
# A participant or viewer link reaches only its own pages (navigation() in access_view).
nav = navigation(pages, lambda: st.navigation({tr(title): [pages[u] for _f, u, _t, _i in section]
                                               for title, section in SECTIONS.items() if section} | {"": [home]},
                                              expanded=True))
go_start_if_asked(pages["start"])
sidebar.render(work_status=nav.url_path != "skills")  # Skills draws it from its rating fragment
account_box()
if nav is not home:  # "/" only leads on to /start: the messages show there, not lost on the way
    show_url_error()
persistence.status()
follow_others(nav.url_path)  # others' saved changes appear without a reload
notice = st.container()
nav.run()
replay_reconnected_edits()  # an edit made in a tab open before a server restart (reconnect.py)
if gate.may_save():
    persistence.autosave()  # and what the page itself changed (forms, imports)
rights.claim_created()  # with login: what this session stored first is the user's own
gate.ensure_creator_link()
with notice:
    creator_notice()  # shared mode: the new assessment's editor link, to come back with
