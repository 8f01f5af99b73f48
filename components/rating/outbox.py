"""The rating widget's outbox turned into edits. Pure Python (no Streamlit). The outbox's envelope
and its once-only rule are components/session/outbox.py's; an item here is {"seq", "person",
"rater", "skill", "level"}. Each rating is its own recorded edit (edit.set_rating), so team mode's
journal merges it."""
from __future__ import annotations

from dataclasses import dataclass

from assessment.core import edit
from assessment.core.edit import EditError
from assessment.core.model import LEVELS, RATERS, Assessment
from assessment.scores.scoring import skills_to_rate
from csirt_data import Catalogue

from components.session import outbox as envelope
from components.session.outbox import MAX_ITEMS  # noqa: F401 - part of this module's interface (tests)


@dataclass(frozen=True)
class Rating:
    seq: int
    person: str
    rater: str
    skill: str
    level: int | None


def _rating(it: dict, seq: int) -> Rating | None:
    level = it.get("level")
    if level is not None and (isinstance(level, bool) or level not in LEVELS):
        return None
    if not all(isinstance(it.get(k), str) for k in ("person", "rater", "skill")) or it["rater"] not in RATERS:
        return None
    return Rating(seq, it["person"], it["rater"], it["skill"], level)


def parse(state) -> tuple[str, list[Rating]] | None:
    """(token, ratings in order) from the widget's state, or None when it is no outbox at all.
    Items of the wrong shape are left out (the rest still apply)."""
    return envelope.parse(state, _rating)


def apply(a: Assessment, cat: Catalogue, ratings: list[Rating], acked: int) -> tuple[int, list[EditError]]:
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
