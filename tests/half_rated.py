"""The issue #11 team: the model B sample with two people fully rated, one partly (the first half
of their ratings kept) and the others not rated at all. Built through edit.py, like real work."""
from assessment.core.demos import demo_assessment
from assessment.core.edit import set_ratings
from csirt_data import load_catalogue


def unrate(a, cat=None):
    cat = cat or load_catalogue()
    for n, p in enumerate(a.people):
        mine = dict(a.ratings.get(p.id, {}))
        keep = list(mine)[: len(mine) // 2] if n == 2 else list(mine) if n < 2 else []
        set_ratings(a, p.id, {k: None for k in mine if k not in keep}, cat=cat)
    return a


def half_rated_team(cat=None):
    return unrate(demo_assessment("B", cat=cat) if cat else demo_assessment("B"), cat)
