"""The scale organisation: 100 people, all 19 roles in-house, every skill of every person rated.

Built only through assessment.core.edit, like the user's own work and the demos, so it is a valid
Assessment. Deterministic (but for the random ids): person i holds three roles spread over the
catalogue, so every role has about 16 holders, and rates each skill of them 0-4 by a fixed pattern."""
from __future__ import annotations

from assessment.core.edit import add_person, apply_model, new_assessment, set_ratings, set_role_status
from assessment.core.model import Assessment
from assessment.scores.scoring import skills_to_rate
from csirt_data import load_catalogue

PEOPLE = 100
ROLES_PER_PERSON = 3


def scale_assessment(people: int = PEOPLE) -> Assessment:
    cat = load_catalogue()
    a = new_assessment("ベンチマーク株式会社（規模テスト） / Benchmark Corp (scale)", cat=cat)
    apply_model(a, "C", cat=cat)
    roles = list(cat.role_ids)
    ceiling = {skill: 4 - k % 3 for k, skill in enumerate(cat.skills)}
    for r in roles:  # all 19 in-house, whatever the model outsources
        set_role_status(a, r, "in_house")
    for i in range(people):
        held = [roles[(i + k * 7) % len(roles)] for k in range(ROLES_PER_PERSON)]
        p = add_person(a, f"社員{i + 1:03d} / Staff {i + 1:03d}", 1 + i % 7, roles=held)
        # Each skill has a ceiling (4, 3 or 2, by its place in the catalogue) that nobody exceeds:
        # some roles reach their targets and some do not, so the weak-role lists are not empty.
        levels = {skill: min(ceiling[skill], (i + n) % 5)
                  for n, (skill, _kind, _roles) in enumerate(skills_to_rate(a, p.id, cat))}
        set_ratings(a, p.id, levels, cat=cat)
    return a


def describe(a: Assessment) -> str:
    rated = sum(len(r) for r in a.ratings.values())
    in_house = sum(s.status == "in_house" for s in a.roles.values())
    return f"{len(a.people)} people, {in_house} roles in-house, {rated} ratings"


if __name__ == "__main__":
    import time
    t = time.perf_counter()
    a = scale_assessment()
    print(describe(a), f"built in {(time.perf_counter() - t) * 1000:.0f} ms")
