"""The executive part of the report, in words (issue #11): the executive page's traffic lights with
the basis of every percentage, its top risks and "what closing the gaps takes", then the gaps by
role with their reason. The same functions as the executive page compute it (executive.py,
planning.py), so the report and the page cannot disagree.

Names: a person is named only when `names` is True (the Files page's switch, off by default),
as on the executive page."""
from __future__ import annotations

from csirt_data import Catalogue

from assessment.core.messages import msg
from assessment.core.model import Assessment
from assessment.plans.planning import plan_summary, propose_actions, rate_first
from assessment.scores.executive import (GAP_LIGHTS, HEADCOUNT_LIGHTS, PERCENT_LIGHTS, SINGLE_LIGHTS, Risk,
                                         headline_figures, risks)
from assessment.scores.scoring import Basis, RoleScore, Summary
from assessment.scores.staffing import Staffing

TOP_RISKS = 3  # as many as the executive page shows


def pct(value: float | None, basis: Basis | None = None, lang: str = "ja") -> str:
    """A percentage; 未評価 when it has a basis of which nothing is rated yet; "—" when not scored."""
    if value is None:
        return msg("trust.not_rated", lang) if basis is not None and basis.total else "—"
    return f"{round(value * 100)}%"


def role_pct(score: RoleScore, value: float | None, lang: str) -> str:
    """A role's figure for the role table: 未評価 when nothing of it is rated, the basis beside a
    partly rated one."""
    if score.not_rated:
        return msg("trust.not_rated", lang)
    if value is not None and not score.basis.complete:
        return msg("trust.partly_rated", lang, pct=pct(value), known=score.basis.known, total=score.basis.total)
    return pct(value)


def figures(s: Summary, st_: Staffing, lang: str) -> list[dict]:
    """The six figures of the executive page: label, value, traffic light (word and id), basis."""
    bases = {"coverage": s.coverage_basis, "readiness": s.readiness_basis, "training": s.training_basis}
    out = []
    for f in headline_figures(s, st_):
        if f.id in bases:
            value = pct(f.value, bases[f.id], lang)
            basis = msg("trust.basis", lang, known=bases[f.id].known, total=bases[f.id].total)
        elif f.id == "headcount":
            value, basis = f"{f.value} / {f.minimum}", msg("report.rated_help", lang, rated=s.rated, total=s.to_rate)
        else:
            value, basis = str(f.value), ""
        labels = {"coverage": "executive.fig_coverage", "readiness": "executive.fig_readiness",
                  "training": "executive.fig_training", "headcount": "executive.fig_headcount",
                  "gaps": "executive.fig_gaps", "single_points": "executive.fig_single"}
        out.append({"id": f.id, "label": msg(labels[f.id], lang), "value": value, "basis": basis,
                    "light": f.light or "none", "light_word": msg(f"executive.light_{f.light or 'none'}", lang)})
    return out


def thresholds(lang: str) -> str:
    return msg("executive.thresholds", lang, green=round(PERCENT_LIGHTS[0] * 100), amber=round(PERCENT_LIGHTS[1] * 100),
               head_amber=round(HEADCOUNT_LIGHTS[1] * 100), gaps_amber=GAP_LIGHTS[1], single_amber=SINGLE_LIGHTS[1])


def risk_text(cat: Catalogue, a: Assessment, r: Risk, lang: str, names: bool) -> str:
    """The executive page's sentence for a risk, without its Markdown emphasis."""
    sep = msg("sep.list", lang)
    roles = sep.join(cat.role(x).name.get(lang) for x in r.roles)
    keys = {"ir_gaps": "executive.risk_ir_gaps", "low_readiness": "executive.risk_low_readiness",
            "other_gaps": "executive.risk_other_gaps", "low_training": "executive.risk_low_training"}
    if r.kind == "below_minimum":
        text = msg("executive.risk_below_minimum", lang, have=r.have, need=r.need)
    elif r.kind == "single_points":
        text = msg("executive.risk_single_points", lang, n=len(r.roles), roles=roles)
        if names:
            text += " " + msg("executive.risk_people", lang, names=sep.join(a.person(p).name for p in r.people))
    elif r.kind == "not_rated":
        text = msg("trust.risk_not_rated", lang, n=len(r.roles), roles=roles)
    else:
        text = msg(keys[r.kind], lang, roles=roles)
    return text.replace("**", "")


def executive_part(a: Assessment, cat: Catalogue, scores: dict[str, RoleScore], s: Summary, st_: Staffing,
                   lang: str, names: bool) -> dict:
    found = risks(a, cat, scores, s, st_)
    plan = plan_summary(propose_actions(a, cat, scores))
    waiting = len({x.person for x in rate_first(a, cat)})
    gaps = [{"role": cat.role(r).name.get(lang), "function": cat.function(cat.role(r).function).name.get(lang),
             "note": a.roles[r].note,
             "reason": msg("report.reason_gap" if a.roles[r].status == "gap" else "report.reason_unheld", lang)}
            for r in s.gaps]
    return {
        "figures": figures(s, st_, lang),
        "thresholds": thresholds(lang),
        "risks": [risk_text(cat, a, r, lang, names) for r in found[:TOP_RISKS]],
        "risk_rule": msg("executive.risk_rule", lang),
        "cost": [(msg("executive.cost_hire", lang), plan.hires), (msg("executive.cost_train", lang), plan.trains),
                 (msg("executive.cost_outsource", lang), plan.outsource),
                 (msg("trust.cost_rate_first", lang), waiting)],
        "cost_caption": msg("executive.cost_caption", lang),
        "gaps": gaps,
    }
