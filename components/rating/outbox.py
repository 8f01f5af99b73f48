"""The rating widget's outbox turned into edits. Pure Python (no Streamlit): the browser's state
is untrusted input, so its shape is checked here and a bad item is skipped, never raised.

The widget sends its whole outbox on every rating: {"token": <this mount>, "items": [{"seq",
"person", "rater", "skill", "level"}]}, items in the order they were made. An item is applied once:
`acked` remembers, per token, the highest seq applied, and the browser drops what was acknowledged.
Each rating is its own recorded edit (edit.set_rating), so team mode's journal merges it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from assessment.core import edit
from assessment.core.edit import EditError
from assessment.core.model import LEVELS, RATERS, Assessment
from assessment.scores.scoring import skills_to_rate
from csirt_data import Catalogue

TOKEN = re.compile(r"^[0-9a-f]{32}$")
MAX_ITEMS = 500  # a whole big team's list several times over; more is not a person typing


@dataclass(frozen=True)
class Rating:
    seq: int
    person: str
    rater: str
    skill: str
    level: int | None


def parse(state) -> tuple[str, list[Rating]] | None:
    """(token, ratings in order) from the widget's state, or None when it is no outbox at all.
    Items of the wrong shape are left out (the rest still apply)."""
    if not isinstance(state, dict) or not isinstance(state.get("token"), str) or not TOKEN.match(state["token"]):
        return None
    items = state.get("items")
    if not isinstance(items, list):
        return None
    out = []
    for it in items[:MAX_ITEMS]:
        if not isinstance(it, dict):
            continue
        seq, level = it.get("seq"), it.get("level")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            continue
        if level is not None and (isinstance(level, bool) or level not in LEVELS):
            continue
        if not all(isinstance(it.get(k), str) for k in ("person", "rater", "skill")) or it["rater"] not in RATERS:
            continue
        out.append(Rating(seq, it["person"], it["rater"], it["skill"], level))
    return state["token"], sorted(out, key=lambda r: r.seq)


def apply(a: Assessment, cat: Catalogue, token: str, ratings: list[Rating], acked: int) -> tuple[int, list[EditError]]:
    """Applies, in order, the ratings after `acked` to `a`, one edit each. Returns the new acked
    seq and the refusals (a person removed meanwhile, a skill no longer theirs to rate)."""
    refused: list[EditError] = []
    known: dict[str, set[str]] = {}
    for r in ratings:
        if r.seq <= acked:
            continue
        acked = r.seq
        try:
            if r.person not in known:
                if all(p.id != r.person for p in a.people):
                    raise EditError("rating.person_gone")  # removed meanwhile (in another browser)
                known[r.person] = {s for s, _, _ in skills_to_rate(a, r.person, cat)}
            if r.skill not in known[r.person]:
                raise EditError("rating.not_theirs")
            edit.set_rating(a, r.person, r.skill, r.level, cat=cat, rater=r.rater)
        except EditError as exc:
            refused.append(exc)
    return acked, refused
