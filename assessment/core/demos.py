"""One fictional sample organisation per model (A–D), for demos and for `?demo=A|B|C|D`.

Everything here is made up and labelled サンプル: the organisations, the people, the contractors.
Built only through edit.py, like the user's own work, so a demo is always a valid assessment.
Ratings follow a fixed pattern, not chance: every call gives the same organisation."""
from __future__ import annotations

from csirt_data import Catalogue, load_catalogue

from assessment.core.edit import add_person, apply_model, new_assessment, set_ratings, set_role_note, set_role_status
from assessment.core.model import Assessment
from assessment.scores.scoring import skills_to_rate

DEMO_MODELS = ("A", "B", "C", "D")

# Contractors of outsourced roles (fictional), shared by the user-company and university samples.
_SOC = "サンプルセキュリティ社（SOC契約）"
_DIAG = "サンプル診断サービス社（年次脆弱性診断契約）"
_CONSULT = "サンプルコンサルティング社（セキュリティ支援契約）"
_IR = "サンプルセキュリティ社（インシデント対応支援契約）"
_OPS = "サンプルITサービス社（運用保守契約）"

# Per model: organisation, variant, role statuses set by hand, role notes, and the people as
# (name, ITSS level, {role: base level}). A person's rating of a skill is the base level of the
# first of their roles that needs it, nudged by _NUDGES; the bases make some roles strong, some weak.
_DEMOS: dict[str, dict] = {
    "A": {
        "organisation": "サンプル株式会社（モデルA）",
        "statuses": {},
        "notes": {
            "researcher": _SOC, "curator": _SOC, "vulnerability_assessor": _DIAG,
            "self_assessment": _CONSULT, "solution_analyst": _CONSULT, "incident_manager": _IR,
            "incident_handler": _IR, "investigator": _IR, "forensics": _IR, "system_operations": _OPS,
        },
        "people": [
            ("佐藤（サンプル）", 4, {"commander": 4, "triage": 3}),
            ("鈴木（サンプル）", 3, {"poc_external": 3, "poc_internal": 3}),
            ("高橋（サンプル）", 2, {"legal_advisor": 1, "notification": 2}),
            # Deliberately across groups (4 and 1): the warning shows in the demo.
            ("田中（サンプル）", 2, {"educator": 2, "notification": 2}),
            ("伊藤（サンプル）", 3, {"csirt_operations_manager": 3}),
            ("渡辺（サンプル）", 1, {"executive": 0}),
        ],
    },
    "B": {
        "organisation": "サンプル株式会社（モデルB）",
        "statuses": {"investigator": "gap"},
        "notes": {
            "researcher": _SOC, "curator": _SOC, "vulnerability_assessor": _DIAG, "forensics": _IR,
            "investigator": "担当者の異動により後任が未定（サンプル）",
        },
        "people": [
            ("山本（サンプル）", 4, {"commander": 3, "triage": 3}),
            ("中村（サンプル）", 3, {"poc_external": 3, "poc_internal": 3, "notification": 3}),
            ("小林（サンプル）", 2, {"legal_advisor": 1}),
            ("加藤（サンプル）", 3, {"incident_manager": 4, "incident_handler": 3}),
            ("吉田（サンプル）", 2, {"incident_handler": 2}),
            ("山田（サンプル）", 3, {"solution_analyst": 2}),
            ("佐々木（サンプル）", 2, {"self_assessment": 2, "educator": 2}),
            # Deliberately across groups (システム運用担当 and group 5).
            ("山口（サンプル）", 3, {"system_operations": 3, "incident_handler": 2}),
            ("松本（サンプル）", 4, {"csirt_operations_manager": 3}),
            ("井上（サンプル）", 1, {"executive": 0}),
        ],
    },
    "C": {
        "organisation": "サンプルテクノロジー株式会社（モデルC）",
        "statuses": {},
        "notes": {},
        "people": [
            ("木村（サンプル）", 4, {"commander": 4}),
            ("林（サンプル）", 3, {"poc_external": 3, "notification": 3}),
            ("清水（サンプル）", 3, {"poc_internal": 3, "triage": 3}),
            ("山崎（サンプル）", 2, {"legal_advisor": 2, "investigator": 1}),
            ("森（サンプル）", 4, {"researcher": 4, "curator": 3}),
            ("池田（サンプル）", 3, {"curator": 3, "forensics": 2}),
            ("橋本（サンプル）", 4, {"forensics": 4}),
            ("阿部（サンプル）", 3, {"vulnerability_assessor": 4, "solution_analyst": 3}),
            ("石川（サンプル）", 2, {"self_assessment": 2, "educator": 2}),
            ("山下（サンプル）", 4, {"incident_manager": 4}),
            ("中島（サンプル）", 3, {"incident_handler": 3}),
            # Deliberately across groups (5 and 2).
            ("石井（サンプル）", 2, {"incident_handler": 2, "researcher": 2}),
            ("小川（サンプル）", 3, {"system_operations": 3}),
            ("前田（サンプル）", 4, {"csirt_operations_manager": 4}),
            ("岡田（サンプル）", 1, {"executive": 0}),
        ],
    },
    "D": {
        "organisation": "サンプル大学（モデルD）",
        "variant": "D1",
        "statuses": {"csirt_operations_manager": "not_applicable"},
        "notes": {
            "csirt_operations_manager": "大学の情報基盤センター内に設置のため、センターの運営が兼ねる（サンプル）",
            "researcher": _SOC, "curator": _SOC, "vulnerability_assessor": _DIAG,
            "self_assessment": _CONSULT, "solution_analyst": _CONSULT, "incident_manager": _IR,
            "incident_handler": _IR, "investigator": _IR, "forensics": _IR,
            "system_operations": "サンプル情報システム社（学内ネットワーク運用委託）",
        },
        "people": [
            ("長谷川（サンプル）", 3, {"commander": 3, "triage": 2}),
            ("近藤（サンプル）", 2, {"poc_external": 2, "poc_internal": 3}),
            ("後藤（サンプル）", 2, {"notification": 2}),
            # Deliberately across groups (4 and 1).
            ("藤田（サンプル）", 2, {"educator": 3, "poc_internal": 2}),
            ("村上（サンプル）", 1, {"legal_advisor": 1}),
            ("遠藤（サンプル）", 1, {"executive": 0}),
        ],
    },
}

# Added to a base level, skill by skill, so a person is not flat across a role.
_NUDGES = (0, 1, 0, -1, 0, -1, 1, 0, -2)
# The model C sample also carries self-ratings (a workshop's), so that the rater comparison has
# something to show: per person, how far their own view sits from the lead's, skill by skill.
_SELF_VIEW = {"C": ((1, 0, 1, 2, 0), (-1, 0, -2, 0, -1), (0, 0, 1, 0, 0))}


def _level(base: int, person_no: int, skill_no: int) -> int:
    return max(0, min(4, base + _NUDGES[(3 * person_no + skill_no) % len(_NUDGES)]))


def demo_assessment(model_id: str, cat: Catalogue | None = None) -> Assessment:
    """A new sample organisation of the model, the same every call (but for the random ids)."""
    if model_id not in _DEMOS:
        raise ValueError(f"no demo for model {model_id!r}: expected one of {DEMO_MODELS}")
    cat = cat or load_catalogue()
    spec = _DEMOS[model_id]
    a = new_assessment(spec["organisation"], cat=cat)
    apply_model(a, model_id, spec.get("variant"), cat=cat)
    a.sample = True  # a flag of the object, not of the user's work: no edit function for it
    for role_id, status in spec["statuses"].items():
        set_role_status(a, role_id, status)
    for role_id, note in spec["notes"].items():
        set_role_note(a, role_id, note)
    for person_no, (name, itss, bases) in enumerate(spec["people"]):
        person = add_person(a, name, itss, roles=list(bases))
        levels = {skill: _level(bases[roles[0]], person_no, skill_no)
                  for skill_no, (skill, _kind, roles) in enumerate(skills_to_rate(a, person.id, cat))}
        if levels:
            set_ratings(a, person.id, levels, cat=cat)
        views = _SELF_VIEW.get(model_id)
        if views and levels:
            view = views[person_no % len(views)]
            own = {skill: max(0, min(4, level + view[n % len(view)])) for n, (skill, level) in enumerate(levels.items())}
            set_ratings(a, person.id, own, cat=cat, rater="self")
    return a
