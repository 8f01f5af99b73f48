"""The sample organisations: deterministic, valid, labelled サンプル, and worth demoing."""
import pytest

from assessment.core.demos import DEMO_MODELS, demo_assessment
from assessment.scores.scoring import score_roles, summarise
from assessment.scores.staffing import staffing
from csirt_data import load_catalogue

cat = load_catalogue()
HEADCOUNT = {"A": (5, 6), "B": (8, 10), "C": (12, 15), "D": (5, 6)}


def content(a):
    """Everything but the random ids, people keyed by their (unique) names."""
    names = {p.id: p.name for p in a.people}
    return (a.organisation, a.model, a.variant, a.sample, a.targets, a.role_targets,
            {r: (s.status, s.note) for r, s in a.roles.items()},
            [(p.name, p.itss_level, p.roles) for p in a.people],
            {names[pid]: dict(levels) for pid, levels in a.ratings.items()})


def test_demo_models():
    assert DEMO_MODELS == ("A", "B", "C", "D")
    with pytest.raises(ValueError):
        demo_assessment("E", cat)


@pytest.mark.parametrize("model", DEMO_MODELS)
def test_deterministic_new_object_each_call(model):
    first, second = demo_assessment(model, cat), demo_assessment(model, cat)
    assert first is not second and first.people[0] is not second.people[0]
    assert content(first) == content(second)
    assert summarise(first, cat) == summarise(second, cat)


@pytest.mark.parametrize("model", DEMO_MODELS)
def test_valid_and_labelled(model):
    a = demo_assessment(model, cat)
    assert a.sample is True and a.model == model
    assert "サンプル" in a.organisation and f"モデル{model}" in a.organisation
    low, high = HEADCOUNT[model]
    assert low <= len(a.people) <= high
    for p in a.people:
        assert "サンプル" in p.name
        assert p.itss_level in (1, 2, 3, 4)
        assert p.roles and all(a.status(r) == "in_house" for r in p.roles)
        needed = {l.skill for r in p.roles for l in cat.role_links(r)}
        # Every skill of their roles is rated 0–4, and nothing else is.
        assert set(a.ratings[p.id]) == needed
        assert set(a.ratings[p.id].values()) <= {0, 1, 2, 3, 4}
    for r, s in a.roles.items():
        if s.status == "outsourced":
            assert "サンプル" in s.note, r  # the (fictional) contractor


def test_each_demo_has_its_story():
    a, b, c, d = (demo_assessment(m, cat) for m in DEMO_MODELS)
    assert a.organisation == "サンプル株式会社（モデルA）"
    assert d.organisation == "サンプル大学（モデルD）" and d.variant == "D1"
    assert "株式会社" in c.organisation
    # B: the investigator is a gap, with a note saying why.
    assert b.status("investigator") == "gap" and b.roles["investigator"].note
    assert summarise(b, cat).gaps == ("investigator",)
    # D: csirt_operations_manager does not apply, with a note.
    assert d.status("csirt_operations_manager") == "not_applicable"
    assert d.roles["csirt_operations_manager"].note
    # Otherwise each follows its model's 付録1 defaults.
    assert {r for r, s in c.roles.items() if s.status != "in_house"} == set()
    assert {r for r, s in b.roles.items() if s.status == "outsourced"} == {
        "researcher", "curator", "vulnerability_assessor", "forensics"}


@pytest.mark.parametrize("model", DEMO_MODELS)
def test_a_realistic_mix(model):
    a = demo_assessment(model, cat)
    scores = [s.total for s in score_roles(a, cat).values() if s.status == "in_house" and s.total is not None]
    assert max(scores) >= 0.9 and min(scores) <= 0.6  # some roles well covered, some weak
    s = staffing(a, cat)
    assert len(s.across_groups) == 1  # one deliberate cross-group person, so the warning shows
    assert s.single_holder and s.single_skill_holders  # single points of failure
    assert s.unheld == ()  # every in-house role has someone
    assert s.headcount >= s.minimum
    summary = summarise(a, cat)
    assert summary.rated == summary.to_rate > 0


def test_the_model_c_sample_has_a_workshop_s_self_ratings():
    """Every person of the model C sample has rated themselves on every skill the lead rated, and
    some differ: the rater comparison has something to show. With the default rule (the lead's)
    the scores are exactly those of the lead's ratings alone."""
    a = demo_assessment("C")
    rated = {pid for pid, mine in a.ratings.items() if mine}  # the executive has no skills to rate
    assert rated == set(a.self_ratings)
    for pid in rated:
        assert set(a.self_ratings[pid]) == set(a.ratings[pid])
    differing = sum(a.self_ratings[p][k] != a.ratings[p][k] for p in rated for k in a.ratings[p])
    assert differing > 20
    lead_only = demo_assessment("C")
    lead_only.self_ratings = {}
    assert a.rating_rule == "lead" and summarise(a) == summarise(lead_only)
    assert all(not demo_assessment(m).self_ratings for m in "ABD")
