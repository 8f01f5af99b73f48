"""Personal links in the real app (streamlit.testing): a participant sees and rates only their own
person, a viewer reaches read-only pages with no edit widget and no names, refused links show a
message and no data, and shared mode lists nothing of other sessions and refuses a bare ?a=."""
from __future__ import annotations

import ast
import json

import pytest
from google.protobuf import text_format
from streamlit.testing.v1 import AppTest

from assessment.core.demos import demo_assessment
from assessment.storage.store import default_url
from assessment.team.access import Links
from components.session.persistence import _store
from csirt_data.i18n import translate
from tests.app.helpers import ROOT, assessment, no_errors

# The widgets a viewer may have: they change what is shown, never the work.
VIEW_KEYS = {"lang_switch", "results_tab", "radar_by", "radar_role", "flow_time", "exec_show_names", "report_names",
             "dl_html", "dl_pdf", "role_skills.ja", "role_skills.en",  # role_skills: the lazy expander of a role's skills
             "live_watch"}  # components/live: asks whether the work moved; it edits nothing


def store():
    return _store(default_url())


def saved_demo(model: str = "B"):
    a = demo_assessment(model)
    store().save(a, 0)
    return a


def open_link(secret: str, lang: str = "ja", **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["k"] = secret
    at.query_params["lang"] = lang
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def nodes(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from nodes(child)


def rendered(at: AppTest) -> str:
    """Every element's content on the page and in the sidebar, as readable text."""
    parts = []
    for node in nodes(at._tree):
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "DESCRIPTOR"):
            parts.append(text_format.MessageToString(proto, as_utf8=True))
    return "\n".join(parts)


def leaks(at: AppTest, names) -> list[str]:
    text = rendered(at)
    # A chart's JSON may write non-ASCII as \\uXXXX escapes: look for those spellings too.
    return [n for n in names if n in text or json.dumps(n)[1:-1] in text]


def widget_keys(at: AppTest) -> set[str]:
    keys = set()
    for n in nodes(at._tree):
        proto = getattr(n, "proto", None)
        ident = getattr(proto, "id", "") if proto is not None else ""
        # Charts carry a widget id too (for selections); they change nothing.
        if isinstance(ident, str) and ident.startswith("$$ID") and proto.DESCRIPTOR.name != "PlotlyChart":
            key = getattr(n, "key", None) or ident
            keys.add(key.split("@")[0])
    return keys


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_participant_sees_and_rates_only_their_own_person(lang):
    a = saved_demo("B")
    me, others = a.people[1], [p.name for p in a.people if p.id != a.people[1].id]
    secret = Links(store()).issue(a.id, "participant", me.id).secret
    at = open_link(secret, lang)
    no_errors(at)
    assert at.title[0].value == translate("page.me", lang)
    assert translate("me.who", lang, name=me.name) in [m.value for m in at.markdown]
    assert not leaks(at, others), "another person's name is on the participant page"
    assert me.name in rendered(at)
    # Nothing of the team: no sidebar figures or organisation field, no page links.
    assert widget_keys(at) <= {"lang_switch"} | {f"me_{k}" for k in a.self_ratings.get(me.id, {})} | \
        {k for k in widget_keys(at) if k.startswith("me_")}
    assert not at.sidebar.text_input and not at.sidebar.get("progress")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("app_pages/results.py")  # a participant reaches its own page only
    assert not any(n.type == "page_link" for n in nodes(at._tree) if hasattr(n, "type"))

    lead_before = json.dumps(store().load(a.id).ratings, sort_keys=True)
    radios = at.radio
    total = len(radios)
    for n, r in enumerate(radios[:5]):
        r.set_value(r.options[n]).run()
        no_errors(at)
    stored = store().load(a.id)
    assert len(stored.self_ratings[me.id]) == 5
    assert list(stored.self_ratings[me.id].values()) == [0, 1, 2, 3, 4]
    assert json.dumps(stored.ratings, sort_keys=True) == lead_before  # the lead's ratings untouched
    assert not any(stored.self_ratings.get(p.id) for p in stored.people if p.id != me.id)
    assert translate("me.progress", lang, done=5, total=total) in rendered(at)
    assert not leaks(at, others)


def test_participant_of_a_removed_person_is_refused():
    a = saved_demo("B")
    pid = a.people[0].id
    secret = Links(store()).issue(a.id, "participant", pid).secret
    at = open_link(secret)
    no_errors(at)
    from assessment.core.edit import remove_person
    got = store().get(a.id)
    remove_person(got.assessment, pid)
    store().save(got.assessment, got.stored_version)
    at.run()
    assert [e.value for e in at.error] == [translate("access.person_removed", "ja")]
    again = open_link(secret)
    assert [e.value for e in again.error] == [translate("access.person_removed", "ja")]


def _viewer_pages(at: AppTest):
    for page in ("results", "executive", "files"):
        at.switch_page(f"app_pages/{page}.py").run()
        no_errors(at)
        yield page


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_viewer_has_no_edit_widget_and_no_names(lang):
    a = saved_demo("C")
    version = store().stored_version(a.id)
    names = [p.name for p in a.people]
    secret = Links(store()).issue(a.id, "viewer").secret
    at = open_link(secret, lang)
    no_errors(at)
    assert at.title[0].value == translate("results.title", lang)
    seen = set()
    for page in _viewer_pages(at):
        keys = widget_keys(at)
        seen |= keys
        extra = {k for k in keys if k not in VIEW_KEYS and not k.startswith(("dl_png_", "table_"))}  # table_: 表で見る
        assert not extra, f"{page}: widgets a viewer must not have: {extra}"
        assert not leaks(at, names), page
        # Every view control used: the stored work does not move.
        for t in at.toggle:
            t.set_value(True).run()
            assert not leaks(at, names), page
        for sc in at.button_group:
            if sc.key != "lang_switch":
                sc.set_value(sc.options[-1] if sc.options else None)
                at.run()
        no_errors(at)
    assert {"results_tab", "dl_html"} <= seen
    # Only the report part of Files: no data exports, no import.
    assert not any(k in seen for k in ("dl_yaml", "dl_json", "dl_xlsx", "dl_csv", "ratings_import"))
    assert store().stored_version(a.id) == version
    # The pages not meant for viewers are not in its navigation at all.
    with pytest.raises(ValueError, match="Could not find a navigation page") as exc:
        at.switch_page("app_pages/roles.py")
    known = str(exc.value).split("Known pages:")[1]
    files = [p.rsplit("/", 1)[1] for p in ast.literal_eval(known.strip(" .")) if p.endswith(".py")]
    assert sorted(files) == ["executive.py", "files.py", "results.py"]  # and the landing page of "/"


def test_viewer_names_when_the_lead_allows_them():
    a = saved_demo("C")
    L = Links(store())
    issued = L.issue(a.id, "viewer")
    L.set_names(issued.link.id, True)
    at = open_link(issued.secret)
    no_errors(at)
    assert [p.name for p in assessment(at).people] == [p.name for p in a.people]
    assert translate("results.tab_people", "ja") in rendered(at)


def test_revoked_wrong_and_other_assessments_links_are_refused():
    a, b = saved_demo("B"), saved_demo("D")
    L = Links(store())
    names = [p.name for p in a.people] + [p.name for p in b.people]
    revoked = L.issue(a.id, "viewer")
    L.revoke(revoked.link.id)
    of_b = L.issue(b.id, "viewer").secret
    cases = [(revoked.secret, {}, "access.revoked"), ("Z" * 32, {}, "access.unknown"),
             ("nonsense", {}, "access.malformed"), (of_b, {"a": a.id}, "access.other_assessment")]
    for secret, extra, key in cases:
        at = open_link(secret, **extra)
        no_errors(at)
        assert [e.value for e in at.error] == [translate(key, "ja")], key
        assert not leaks(at, names) and a.organisation not in rendered(at)
        assert not at.sidebar.text_input


def test_a_link_revoked_while_open_stops_at_once():
    a = saved_demo("B")
    L = Links(store())
    issued = L.issue(a.id, "participant", a.people[0].id)
    at = open_link(issued.secret)
    assert at.radio
    L.revoke(issued.link.id)
    at.radio[0].set_value(at.radio[0].options[2]).run()
    assert [e.value for e in at.error] == [translate("access.revoked", "ja")]
    assert not at.radio and a.people[0].id not in store().load(a.id).self_ratings


def test_shared_mode_lists_nothing_of_other_sessions_and_refuses_bare_a(monkeypatch):
    monkeypatch.setenv("CSIRT_SELFCHECK_SHARED", "1")
    other = saved_demo("B")
    first = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    first.query_params["demo"] = "A"
    first.run()
    first.switch_page("app_pages/start.py").run()
    no_errors(first)
    # A change stores it; the creator then gets its editor link at once.
    first.sidebar.text_input[0].input("共有モード株式会社").run()
    no_errors(first)
    mine = assessment(first).id
    assert store().exists(mine)
    assert translate("access.creator_notice", "ja") in [s.value for s in first.success]
    link = first.code[0].value
    assert "?k=" in link and link.split("?k=")[1]

    second = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    second.run()
    no_errors(second)
    listing = rendered(second)
    assert "共有モード株式会社" not in listing and other.id[:6] not in listing and mine[:6] not in listing
    assert translate("access.start_shared", "ja") in [c.value for c in second.caption]

    bare = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    bare.query_params["a"] = mine
    bare.run()
    no_errors(bare)
    assert translate("access.bare_a", "ja") in [w.value for w in bare.warning]
    assert assessment(bare).id != mine and "a" not in bare.query_params

    # The editor link opens it again, in a new session, and the Start page lists it there.
    back = open_link(link.split("?k=")[1])
    no_errors(back)
    assert assessment(back).id == mine and "k" not in back.query_params
    back.switch_page("app_pages/start.py").run()
    assert mine[:6] in rendered(back) and other.id[:6] not in rendered(back)


def test_local_mode_keeps_bare_a_links_and_lists_everything(monkeypatch):
    monkeypatch.delenv("CSIRT_SELFCHECK_SHARED", raising=False)
    a = saved_demo("B")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["a"] = a.id
    at.run()
    no_errors(at)
    assert assessment(at).id == a.id
    at.switch_page("app_pages/start.py").run()
    assert a.id[:6] in rendered(at)


def test_share_page_makes_revokes_and_reissues():
    a = saved_demo("B")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["a"] = a.id
    at.run()
    at.switch_page("app_pages/share.py").run()
    no_errors(at)
    at.button(key="share_make_all").click().run()
    no_errors(at)
    L = Links(store())
    active = L.active(a.id)
    assert sorted(x.person_id for x in active) == sorted(p.id for p in a.people)
    urls = [c.value for c in at.code]
    assert len(urls) == len(a.people) and all("/me?k=" in u for u in urls)
    assert len(at.get("image")) == len(a.people)  # one QR code each
    pid = a.people[0].id
    old = next(x for x in active if x.person_id == pid)
    first_url = next(u for u in urls if L.verify(u.split("?k=")[1]).id == old.id)
    at.button(key=f"share_reissue_participant_{pid}").click().run()
    new = next(x for x in L.active(a.id) if x.person_id == pid)
    assert new.id != old.id
    refused = open_link(first_url.split("?k=")[1])
    assert [e.value for e in refused.error] == [translate("access.revoked", "ja")]
    at.button(key=f"share_revoke_participant_{pid}").click().run()
    assert all(x.person_id != pid for x in L.active(a.id))
    # A new session of the editor sees when links were issued, never their secrets again.
    later = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    later.query_params["a"] = a.id
    later.run()
    later.switch_page("app_pages/share.py").run()
    assert not later.code
    assert translate("share.secret_gone", "ja") in [c.value for c in later.caption]
