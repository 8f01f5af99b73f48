"""The rating widget: a bidirectional custom component (st.components.v2, inline HTML/CSS/JS, no
build step, nothing from the internet). Python hands it the rows and every text (through tr); the
JavaScript (rating.js) shows a rating the moment it is made and sends its outbox (outbox.py)."""
from __future__ import annotations

from pathlib import Path

from streamlit.components.v2 import component

from assessment.core.model import LEVELS, Assessment
from assessment.scores.scoring import skills_to_rate
from csirt_data import Catalogue

from components.session.i18n import join, lang, tr
from components.session.labels import level_label, rater_name
from components.session.outbox import BROWSER_JS

KEY = "rating_widget"  # one stable key: the browser keeps the widget, its focus and cursor across reruns
_HERE = Path(__file__).parent

_mount = component("csirt_self_check.rating", css=(_HERE / "rating.css").read_text(encoding="utf-8"),
                   js=BROWSER_JS + (_HERE / "rating.js").read_text(encoding="utf-8"))


def _other(rater: str) -> str:
    return "lead" if rater == "self" else "self"


def widget_data(cat: Catalogue, a: Assessment, person_id: str, rater: str, acked: dict) -> dict:
    """Everything the widget shows, as plain data (JSON). Names and sentences are text: the widget
    sets them with textContent, never as HTML."""
    L = lang()
    mine = a.rater_ratings(rater).get(person_id, {})
    theirs = a.rater_ratings(_other(rater)).get(person_id, {})
    rows = []
    for n, (skill, kind, roles) in enumerate(skills_to_rate(a, person_id, cat), start=1):
        target = max(a.target(r, kind) for r in roles)
        rows.append({
            "skill": skill, "number": n, "text": cat.skill(skill).get(L), "target": target,
            "meta": tr("rating.meta", kind=tr(f"kind.short.{kind}"), roles=join(cat.role(r).name.get(L) for r in roles),
                       target=target),
            "mine": mine.get(skill), "other": theirs.get(skill),
        })
    return {
        "person": person_id, "rater": rater, "lang": L, "acked": acked, "rows": rows,
        "levels": [{"value": lv, "text": tr(f"level.{lv}"), "label": level_label(lv)} for lv in LEVELS],
        "text": {
            "widget": tr("rating.widget", name=a.person(person_id).name, rater=rater_name(rater)),
            "legend": tr("rating.legend"),
            "hint": tr("rating.hint"),
            "queued": tr("rating.queued", n="{n}"),
            # Both raters' progress, counted in the browser so that it moves with each rating.
            "progress": tr("workshop.progress", rater=rater_name(rater), progress=tr("skills.progress", done="{done}", total="{total}")),
            "progress_other": tr("workshop.progress_other", rater=rater_name(_other(rater)), done="{done}", total="{total}"),
            "not_rated": level_label(None),
            "clear": tr("rating.clear"),
            "other": {"lead": tr("workshop.col_other.lead"), "self": tr("workshop.col_other.self")}[_other(rater)],
        },
    }


def rating_widget(data: dict):
    """Mounts the widget; its state's "outbox" is what the browser has queued (outbox.parse)."""
    return _mount(key=KEY, data=data, on_outbox_change=lambda: None, width="stretch", height="content")
