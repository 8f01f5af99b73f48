"""What a viewer reads: the same assessment with every person's name replaced by a number."""
from __future__ import annotations

import copy

from assessment.core.model import Assessment


def pseudonyms(a: Assessment, word: str) -> dict[str, str]:
    """person id -> "<word> 1", "<word> 2", … in the order people were added."""
    return {p.id: f"{word} {n}" for n, p in enumerate(a.people, start=1)}


def anonymised(a: Assessment, word: str) -> Assessment:
    """A copy whose people are named only by pseudonyms; ratings, roles and version unchanged.
    Not an edit: the copy is for reading and is never saved."""
    out = copy.deepcopy(a)
    names = pseudonyms(out, word)
    for p in out.people:
        p.name = names[p.id]
    return out
