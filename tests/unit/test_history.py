"""History: the trend of headline figures over snapshots, and the comparison of two assessments."""
from __future__ import annotations

import copy

from assessment.core.demos import demo_assessment
from assessment.core.edit import (add_person, remove_person, rename_person, set_person_roles, set_rating,
                             set_role_status)
from assessment.exchange.files import export_yaml, import_yaml
from assessment.scores.history import RatingChange, RoleChange, compare, trend
from assessment.scores.scoring import score_functions, score_roles, summarise
from assessment.storage.store import Store
from csirt_data import load_catalogue

CAT = load_catalogue()


def test_trend_over_stored_snapshots(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'h.db'}")
    a = demo_assessment("B")
    v = store.save(a, 0)
    store.snapshot(a.id, "前")
    before = summarise(a, CAT)
    investigator = next(p for p in a.people if p.name.startswith("加藤"))
    set_role_status(a, "investigator", "in_house")
    set_person_roles(a, investigator.id, investigator.roles + ["investigator"])
    v = store.save(a, v)
    store.snapshot(a.id, "後")
    points = trend(store.snapshot_assessments(a.id))
    assert [p.name for p in points] == ["前", "後"]
    assert points[0].created_at <= points[1].created_at
    assert points[0].gaps == 1 and points[1].gaps == 0
    after = summarise(a, CAT)
    assert points[1].coverage == after.coverage and points[1].readiness == after.readiness
    assert (points[1].headcount, points[1].minimum_headcount) == (after.headcount, after.minimum_headcount)
    assert (points[1].rated, points[1].to_rate) == (after.rated, after.to_rate)
    # The gap's links were a known 0; held but not yet rated they are unknown and leave the basis
    # (not rated is not 0), so the figure rises and says it rests on fewer links.
    links = len(CAT.role_links("investigator"))
    assert after.coverage_basis.known == before.coverage_basis.known - links
    assert after.coverage_basis.total == before.coverage_basis.total
    assert points[0].coverage == before.coverage < points[1].coverage
    assert points[1].to_rate > points[0].to_rate
    store.close()


def test_trend_of_nothing():
    assert trend([]) == []


def test_compare_identical_is_unchanged():
    a = demo_assessment("C")
    c = compare(a, import_yaml(export_yaml(a)))
    assert c.unchanged
    assert all(before == after for before, after in c.role_coverage.values())


def test_compare_lists_every_kind_of_change():
    before = demo_assessment("B")
    after = copy.deepcopy(before)
    set_role_status(after, "forensics", "in_house")
    set_role_status(after, "educator", "not_applicable")
    first, second, third = after.people[0], after.people[1], after.people[2]
    rename_person(after, first.id, "山本（改名）")
    remove_person(after, second.id)
    newcomer = add_person(after, "新人（サンプル）", 1, ["forensics"])
    set_person_roles(after, third.id, ["legal_advisor", "notification"])
    skill, level = next(iter(before.ratings[first.id].items()))
    set_rating(after, first.id, skill, (level + 1) % 5)
    set_rating(after, first.id, "communicate_accurately", 4)  # not rated before
    set_rating(after, third.id, next(iter(before.ratings[third.id])), None)  # cleared

    c = compare(before, after)
    assert not c.unchanged
    assert c.role_changes == (RoleChange("forensics", "outsourced", "in_house"),
                              RoleChange("educator", "in_house", "not_applicable"))
    assert [(p.id, p.name) for p in c.people_added] == [(newcomer.id, "新人（サンプル）")]
    assert [(p.id, p.name) for p in c.people_removed] == [(second.id, second.name)]
    assert [(r.id, r.before, r.after) for r in c.people_renamed] == [(first.id, before.people[0].name, "山本（改名）")]
    assert [(r.id, r.added, r.removed) for r in c.people_roles] == [(third.id, ("notification",), ())]
    changes = {(r.person, r.skill): r for r in c.rating_changes}
    assert changes[first.id, skill] == RatingChange(first.id, "山本（改名）", skill, level, (level + 1) % 5)
    assert changes[first.id, "communicate_accurately"].before is None
    assert changes[first.id, "communicate_accurately"].after == 4
    cleared = [r for r in c.rating_changes if r.person == third.id]
    assert len(cleared) == 1 and cleared[0].after is None
    assert not [r for r in c.rating_changes if r.person in (second.id, newcomer.id)]

    # coverage before/after per role and per function, as scoring computes them (radar overlay)
    sb, sa = score_roles(before, CAT), score_roles(after, CAT)
    assert list(c.role_coverage) == list(CAT.role_ids)
    assert all(c.role_coverage[r] == (sb[r].total, sa[r].total) for r in CAT.role_ids)
    # Outsourced before; held now by a newcomer nobody has rated: not rated, not 0.
    assert c.role_coverage["forensics"] == (None, None) and sa["forensics"].not_rated
    fb, fa = score_functions(before, CAT), score_functions(after, CAT)
    assert all(c.function_coverage[f] == (fb[f], fa[f]) for f in fb)
    assert c.summary[0].coverage == summarise(before, CAT).coverage
    assert c.summary[1].headcount == len(after.people)


def test_compare_model_change():
    a = demo_assessment("A")
    b = copy.deepcopy(a)
    from assessment.core.edit import apply_model

    apply_model(b, "D", "D2")
    c = compare(a, b)
    assert c.model == ("A", "D") and c.variant == (None, "D2")
    assert not c.unchanged
