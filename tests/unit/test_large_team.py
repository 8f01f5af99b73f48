"""Issue 12 item 11: what the app writes, it reads back, for a large team (200 people, every role,
every skill rated by both raters: the 4 MB ratings CSV that a 2 MB limit refused), and the limits
leave room for files.LARGEST_TEAM such people."""
from __future__ import annotations

import pytest

from assessment.core.edit import add_person, new_assessment, set_ratings, set_role_status
from assessment.exchange.files import (LARGEST_TEAM, MAX_CSV_BYTES, MAX_IMPORT_BYTES, export_json, export_ratings_csv, export_yaml, import_json,
                                       import_ratings_csv)
from csirt_data import load_catalogue

CAT = load_catalogue()
TEAM = 200


@pytest.fixture(scope="module")
def big():
    a = new_assessment("大規模チーム", "A", cat=CAT)
    for role in CAT.role_ids:
        set_role_status(a, role, "in_house")
    for n in range(TEAM):
        p = add_person(a, f"担当者{n:03d}（情報セキュリティ推進部）", 3, list(CAT.role_ids))
        set_ratings(a, p.id, {k: (n + i) % 5 for i, k in enumerate(CAT.skills)}, cat=CAT)
        set_ratings(a, p.id, {k: (n + 2 * i) % 5 for i, k in enumerate(CAT.skills)}, cat=CAT, rater="self")
    return a


def test_the_largest_team_round_trips_through_every_export(big):
    # (the YAML reader is pure Python and slow on a file this size: only its size is checked)
    assert import_json(export_json(big, CAT), CAT) == big
    csv_data = export_ratings_csv(big, CAT)
    assert len(csv_data) > 3_200_000  # larger than the file that could not be imported back
    assert import_ratings_csv(big, csv_data, CAT) == big
    assert len(export_yaml(big, CAT)) <= len(export_json(big, CAT))
    per_person = len(export_json(big, CAT)) / TEAM
    assert per_person * LARGEST_TEAM < MAX_IMPORT_BYTES and len(csv_data) / TEAM * LARGEST_TEAM < MAX_CSV_BYTES
