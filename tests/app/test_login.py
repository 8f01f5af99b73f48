"""Login in the real app (streamlit.testing, which seeds st.user from AppTest.user): the login
screen and nothing else without a user; each user lists only what they own or were granted; a
bare ?a= of another's work shows a message and no data; a viewer grant opens the viewer's view; an
administrator lists all; the change log names the logged-in user. The browser test
(tests/e2e/test_login.py) does the same with a real OpenID Connect provider."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from assessment.access.grants import Grants
from assessment.core.demos import demo_assessment
from components.session.labels import md
from csirt_data.i18n import translate
from tests.app.helpers import ROOT, assessment, no_errors
from tests.app.test_team_access import VIEW_KEYS, leaks, rendered, store, widget_keys

AUTH = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "x" * 43,
        "client_id": "selfcheck", "client_secret": "not-a-secret",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}


def app(user: dict | None, *, admins=(), lang="ja", **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.secrets["selfcheck"] = {"admins": list(admins)}
    at.user = {"is_logged_in": False} if user is None else {"is_logged_in": True, "email_verified": True, **user}
    at.query_params["lang"] = lang
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def owned_by(email: str, model: str = "B"):
    a = demo_assessment(model)
    store().save(a, 0)
    Grants(store()).claim(a.id, email)
    return a


ALICE = {"email": "alice@example.org", "name": "Alice"}
BOB = {"email": "bob@example.org", "name": "Bob"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_without_a_user_only_the_login_screen_shows_and_the_url_keeps_no_assessment(lang):
    a = owned_by("alice@example.org")
    at = app(None, lang=lang, a=a.id)
    no_errors(at)
    assert [t.value for t in at.subheader] == [translate("login.title", lang)]
    assert [b.label for b in at.button] == [translate("login.button", lang)]
    assert [w.key for w in at.button_group] == ["lang_switch"]  # and nothing else to use
    assert "a" not in at.query_params and at.query_params["lang"] == lang
    assert not leaks(at, [a.organisation, *[p.name for p in a.people]])


def test_a_user_without_a_verified_email_is_refused_with_the_reason():
    at = app({"email": "eve@example.org", "email_verified": False})
    no_errors(at)
    assert translate("login.unverified", "ja") in [e.value for e in at.error]
    assert [b.label for b in at.button] == [translate("login.logout", "ja")]


def test_each_user_lists_only_their_own_and_a_bare_a_of_anothers_shows_nothing():
    mine, theirs = owned_by("alice@example.org", "B"), owned_by("bob@example.org", "C")
    alice = app(ALICE)
    no_errors(alice)
    listing = rendered(alice)
    assert mine.id[:6] in listing and theirs.id[:6] not in listing
    assert translate("login.signed_in_as", "ja", who=md("Alice <alice@example.org>")) in [c.value for c in alice.sidebar.caption]

    peek = app(ALICE, a=theirs.id)
    no_errors(peek)
    assert translate("login.not_yours", "ja") in [w.value for w in peek.warning]
    assert assessment(peek).id != theirs.id and "a" not in peek.query_params
    assert not leaks(peek, [p.name for p in theirs.people])

    own = app(ALICE, a=mine.id)
    no_errors(own)
    assert assessment(own).id == mine.id


def test_a_viewer_grant_opens_the_viewers_view_and_revoking_it_closes_it_at_once():
    theirs = owned_by("bob@example.org", "C")
    Grants(store()).grant(theirs.id, "alice@example.org", "viewer", by="bob@example.org")
    at = app(ALICE, a=theirs.id)
    no_errors(at)
    assert assessment(at).id == theirs.id and at.query_params["a"] == theirs.id
    extra = {k for k in widget_keys(at) if not k.startswith(("dl_png_", "table_"))}  # table_: 表で見る
    assert extra <= VIEW_KEYS | {"login_back", "login_logout_sidebar"}
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("app_pages/roles.py")  # only the viewer's pages
    assert not leaks(at, [p.name for p in theirs.people])  # anonymised, as a viewer link
    assert store().stored_version(theirs.id) == 1
    Grants(store()).revoke(theirs.id, "alice@example.org")
    at.run()
    no_errors(at)
    assert translate("login.revoked", "ja") in [w.value for w in at.warning]
    assert assessment(at).id != theirs.id and not leaks(at, [theirs.organisation])


def test_an_editor_grant_edits_and_the_change_log_names_the_user():
    theirs = owned_by("bob@example.org", "B")
    Grants(store()).grant(theirs.id, "alice@example.org", "editor", by="bob@example.org")
    at = app(ALICE, a=theirs.id)
    no_errors(at)
    assert assessment(at).id == theirs.id
    at.sidebar.text_input[0].input("アリス編集株式会社").run()
    no_errors(at)
    assert store().load(theirs.id).organisation == "アリス編集株式会社"
    assert store().changes(theirs.id, limit=1)[0].actor.label == "Alice <alice@example.org>"


def test_what_a_user_creates_is_theirs_and_an_administrator_lists_everything():
    at = app(BOB, demo="A")
    at.sidebar.text_input[0].input("ボブ新規株式会社").run()
    no_errors(at)
    made = assessment(at).id
    at.run()  # the run after the first save has claimed it
    assert Grants(store()).owner(made) == "bob@example.org"
    other = owned_by("carol@example.org", "C")
    boss = app({"email": "boss@example.org"}, admins=["Boss@example.org"])
    no_errors(boss)
    listing = rendered(boss)
    assert made[:6] in listing and other.id[:6] in listing
    alice = app(ALICE)
    assert made[:6] not in rendered(alice)


def test_a_link_without_login_still_opens_and_reaches_nothing_else():
    from assessment.team.access import Links

    mine, other = owned_by("alice@example.org", "B"), owned_by("bob@example.org", "C")
    secret = Links(store()).issue(mine.id, "editor").secret
    at = app(None, k=secret)  # nobody logged in: the link is enough
    no_errors(at)
    assert assessment(at).id == mine.id
    at.query_params["a"] = other.id
    at.run()
    no_errors(at)
    assert translate("login.not_yours", "ja") in [w.value for w in at.warning]
    assert assessment(at).id == mine.id and not leaks(at, [p.name for p in other.people])
    at.switch_page("app_pages/start.py").run()
    listing = rendered(at)
    assert mine.id[:6] in listing and other.id[:6] not in listing


def test_the_owner_grants_changes_and_withdraws_on_the_share_page_and_an_editor_only_reads_it():
    mine = owned_by("bob@example.org", "B")
    G = Grants(store())
    bob = app(BOB, a=mine.id)
    bob.switch_page("app_pages/share.py").run()
    no_errors(bob)
    form = bob.text_input(key="grant_email")
    form.input("not-an-address").run()
    bob.button(key="grant_submit").click().run()
    assert translate("login.email_bad", "ja") in [e.value for e in bob.error]
    assert G.of(mine.id) == [] and bob.text_input(key="grant_email").value == "not-an-address"
    bob.text_input(key="grant_email").input(" Alice@Example.org ").run()
    bob.button(key="grant_submit").click().run()
    no_errors(bob)
    assert [(g.email, g.role) for g in G.of(mine.id)] == [("alice@example.org", "viewer")]
    assert bob.text_input(key="grant_email").value == ""
    grant = G.of(mine.id)[0]
    bob.button(key=f"grant_role_{grant.id}").click().run()
    assert G.find(mine.id, "alice@example.org").role == "editor"

    alice = app(ALICE, a=mine.id)  # now an editor: she edits, but the sharing is the owner's
    alice.switch_page("app_pages/share.py").run()
    no_errors(alice)
    assert translate("login.only_owner", "ja") in [c.value for c in alice.caption]
    assert not [b for b in alice.button if (b.key or "").startswith(("grant_revoke_", "grant_role_", "grant_submit"))]

    bob.button(key=f"grant_revoke_{grant.id}").click().run()
    no_errors(bob)
    assert G.of(mine.id) == []
    alice.run()  # her next click: the assessment is closed
    assert translate("login.revoked", "ja") in [w.value for w in alice.warning]
    assert assessment(alice).id != mine.id


def test_back_from_a_viewers_view_to_ones_own_list():
    theirs = owned_by("bob@example.org", "C")
    Grants(store()).grant(theirs.id, "alice@example.org", "viewer", by="bob@example.org")
    at = app(ALICE, a=theirs.id)
    at.sidebar.button(key="login_back").click().run()
    no_errors(at)
    assert at.title[0].value == translate("start.title", "ja")  # the Start page of her own session
    assert assessment(at).id != theirs.id and "a" not in at.query_params
    assert at.sidebar.text_input[0].value == ""  # an editor's sidebar again, on a new assessment
