"""The store's merging save and change log, on SQLite and PostgreSQL: pending ops re-applied onto a
newer stored version, conflicts held back, one change row per stored version, writers racing."""
from __future__ import annotations

import copy
import threading

import pytest

from assessment.core import edit as e
from assessment.core.demos import demo_assessment
from assessment.storage.store import Store
from assessment.team.actor import LOCAL, Actor
from assessment.team.paths import ALL

from tests.unit.test_store import url  # noqa: F401  (the sqlite / postgresql fixture)

ROLES = ("commander", "triage", "educator", "incident_handler", "investigator", "poc_internal")


def session(store: Store, ident: str):
    got = store.get(ident)
    return got.assessment, got.stored_version


def save(store, a, base, actor=LOCAL):
    """What the session does: save the journal, show the merged state, start a new journal."""
    res = store.save_changes(a, base, a.journal, actor)
    shown = res.merged if res.merged is not None else a
    shown.journal = []
    return shown, res


def two_sessions(store):
    """A stored sample and two sessions that opened it at the same version."""
    a = demo_assessment("B")
    store.save(a, 0)
    return a, session(store, a.id), session(store, a.id)


@pytest.fixture
def store(url):  # noqa: F811
    s = Store(url)
    yield s
    s.close()


def test_changes_of_different_roles_in_two_sessions_are_both_kept(store):
    a, (mine, base1), (theirs, base2) = two_sessions(store)
    e.set_role_status(theirs, "triage", "gap")
    theirs, r2 = save(store, theirs, base2, Actor("editor", None, "Tanaka"))
    e.set_role_note(mine, "commander", "mine")
    mine, r1 = save(store, mine, base1)
    assert r2.merged is None and r1.merged is not None and r1.held == ()
    assert r1.stored_version == 3
    stored = store.load(a.id)
    assert stored.roles["triage"].status == "gap" and stored.roles["commander"].note == "mine"
    assert mine == stored  # the session shows the merged state


def test_a_change_of_the_same_role_is_held_back_with_who_and_both_values(store):
    a, (mine, base1), (theirs, base2) = two_sessions(store)
    e.set_role_status(theirs, "commander", "gap")
    save(store, theirs, base2, Actor("editor", None, "Tanaka"))
    e.set_role_status(mine, "commander", "outsourced")
    e.set_role_note(mine, "educator", "kept")
    mine, res = save(store, mine, base1)
    assert res.stored_version == 3  # the note was saved; the status held back
    (held,) = res.held
    assert held.paths == (("role", "commander", "status"),)
    assert held.theirs == ("gap",) and held.mine == ("outsourced",)
    assert held.by.actor == Actor("editor", None, "Tanaka") and held.by.version == 2
    assert store.load(a.id).roles["commander"].status == "gap"
    assert mine.roles["educator"].note == "kept"


def test_only_conflicting_values_conflict_same_value_is_kept_quietly(store):
    a, (mine, base1), (theirs, base2) = two_sessions(store)
    e.set_role_status(theirs, "commander", "gap")
    save(store, theirs, base2)
    e.set_role_status(mine, "commander", "gap")
    mine, res = save(store, mine, base1)
    assert res.held == () and res.stored_version == 2  # nothing new to write


def test_change_rows_one_per_version_with_actor_ops_and_paths(store):
    a = e.new_assessment("Org", "B")
    store.save(a, 0)
    a.journal.clear()
    e.set_role_status(a, "triage", "gap")
    e.add_person(a, "Pat", person_id="p")
    v = store.save_changes(a, 1, a.journal, Actor("editor", None, "lead")).stored_version
    rows = store.changes(a.id)
    assert [r.version for r in rows] == [v, 1]
    assert [o.name for o in rows[0].ops] == ["set_role_status", "add_person"]
    assert rows[0].paths == (("role", "triage", "status"), ("person", "p"))
    assert rows[0].actor == Actor("editor", None, "lead")
    assert rows[1].ops[0].name == "create"
    assert store.changes(a.id, since=1) == rows[:1]


def test_replace_overwrites_and_logs_it(store):
    a = demo_assessment("C")
    store.save(a, 0)
    mine, base = session(store, a.id)
    other = copy.deepcopy(a)
    e.set_organisation(other, "Imported")
    assert store.replace(other) == 2
    assert store.changes(a.id, limit=1)[0].paths == (ALL,)
    e.set_organisation(mine, "Typed")
    mine, res = save(store, mine, base)
    assert len(res.held) == 1 and res.held[0].theirs == ("Imported",)  # a replace touches everything


def test_a_snapshot_records_what_the_session_shows(store):
    a = demo_assessment("A")
    store.save(a, 0)
    shown = copy.deepcopy(a)
    e.set_organisation(shown, "As shown")
    sid = store.snapshot(a.id, "mine", shown)
    assert store.load_snapshot(sid).organisation == "As shown"


def test_deleting_an_assessment_deletes_its_change_log(store):
    a = demo_assessment("A")
    store.save(a, 0)
    store.delete(a.id)
    assert store.changes(a.id) == []


def test_writers_racing_keep_every_edit_and_consecutive_versions(url):  # noqa: F811
    """Six writers, each its own store (own connections) and its own things, 50 edits each,
    interleaved: every edit kept, versions 1..301 with one change row each."""
    first = Store(url)
    a = e.new_assessment("Race", "B")
    for n, role in enumerate(ROLES):
        e.add_person(a, f"P{n}", None, [role], person_id=f"p{n}")
    first.save(a, 0)
    skills = sorted(first.cat.skills)[:25]
    errors = []

    def writer(n: int):
        s = Store(url)
        try:
            mine, base = session(s, a.id)
            for k in range(50):
                if k % 2:
                    e.set_ratings(mine, f"p{n}", {skills[k // 2]: (k + n) % 5})
                else:
                    e.set_role_note(mine, ROLES[n], f"note {k}")
                mine, res = save(s, mine, base)
                assert res.held == (), res.held
                base = res.stored_version
        except Exception as exc:  # reported below, with the writer that failed
            errors.append((n, repr(exc)))
        finally:
            s.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(len(ROLES))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    stored = first.load(a.id)
    for n, role in enumerate(ROLES):
        assert stored.roles[role].note == "note 48"
        assert stored.ratings[f"p{n}"] == {skills[k // 2]: (k + n) % 5 for k in range(1, 50, 2)}
    rows = first.changes(a.id)
    total = 1 + 50 * len(ROLES)
    assert first.stored_version(a.id) == total
    assert sorted(r.version for r in rows) == list(range(1, total + 1))
    assert sum(len(r.ops) for r in rows[:-1]) == 50 * len(ROLES)  # every edit in exactly one row
    first.close()


def test_a_participant_link_saves_only_its_own_self_ratings(store):
    a = e.new_assessment("Org", "B")
    e.add_person(a, "Pat", person_id="p")
    e.add_person(a, "Quinn", person_id="q")
    store.save(a, 0)
    mine, base = session(store, a.id)
    skill = sorted(store.cat.skills)[0]
    e.set_ratings(mine, "p", {skill: 3}, rater="self")
    e.set_ratings(mine, "q", {skill: 1}, rater="self")  # someone else's: refused
    e.set_ratings(mine, "p", {skill: 4})  # the lead's rating: refused
    e.set_organisation(mine, "Hijacked")  # refused
    mine, res = save(store, mine, base, Actor("participant", "p"))
    stored = store.load(a.id)
    assert stored.self_ratings["p"] == {skill: 3} and not stored.self_ratings.get("q")
    assert stored.ratings["p"] == {} and stored.organisation == "Org"
    assert [o.name for o in store.changes(a.id, limit=1)[0].ops] == ["set_ratings"]
    viewer, vbase = session(store, a.id)
    e.set_organisation(viewer, "Viewer")
    save(store, viewer, vbase, Actor("viewer"))
    assert store.load(a.id).organisation == "Org" and store.stored_version(a.id) == res.stored_version
