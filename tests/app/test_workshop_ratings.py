"""Workshop ratings on the Skills page under streamlit.testing, in Japanese and English: the rater
switch makes the rating widget edit the self-rating and leaves the lead's alone, the other rater's value is
shown beside it, the rule "lower" changes Results at once, and the rater differences list the gaps."""
import json

import pytest

from assessment.scores.scoring import skills_to_rate, summarise
from csirt_data import load_catalogue
from csirt_data.i18n import translate
from tests.app.helpers import app, assessment, by_key, goto, no_errors, open_lazy
from tests.app.rating_widget import rate, widget_data

CAT = load_catalogue()


def _level(lang: str, n: int) -> str:
    return f"{n} {translate(f'level.{n}', lang)}"


def _metric(at, lang: str, key: str) -> str:
    return next(m.value for m in at.metric if m.label == translate(key, lang))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_self_rating_through_the_widget_and_the_rule(lang):
    at = app(demo="B", lang=lang, page="skills")
    no_errors(at)
    a = assessment(at)
    person = a.people[0]
    skills = [k for k, _, _ in skills_to_rate(a, person.id, CAT)]
    lead_before = {k: dict(v) for k, v in a.ratings.items()}
    switch = at.button_group(key="skills_rater_pick")
    assert switch.value == "lead" and switch.options == [translate("workshop.rater.lead", lang),
                                                     translate("workshop.rater.self", lang)]
    data = widget_data(at)
    assert (data["person"], data["rater"]) == (person.id, "lead")
    coverage_lead = _metric_after(at, lang)

    # As the person: the widget edits the self-rating; the lead's value shows, read-only, beside it.
    goto(at, "skills")
    at.button_group(key="skills_rater_pick").set_value("self").run()
    no_errors(at)
    data = widget_data(at)
    assert (data["person"], data["rater"]) == (person.id, "self")
    # Not rated yet: None, which the widget shows in words (never "None", nor as 0).
    assert [r["mine"] for r in data["rows"]] == [None] * len(skills)
    assert [r["other"] for r in data["rows"]] == [a.ratings[person.id][k] for k in skills]
    assert data["text"]["not_rated"] == translate("trust.not_rated", lang)
    assert data["text"]["other"] == translate("workshop.col_other.lead", lang)
    # Progress per rater, counted by the widget: the chosen one's (self), then the lead's.
    assert data["text"]["progress"] == translate("workshop.progress", lang, rater=translate("workshop.rater.self", lang),
                                                 progress=translate("skills.progress", lang, done="{done}", total="{total}"))
    assert data["text"]["progress_other"] == translate("workshop.progress_other", lang,
                                                       rater=translate("workshop.rater.lead", lang), done="{done}", total="{total}")
    rate(at, {i: 0 for i in range(len(skills))})
    no_errors(at)
    a = assessment(at)
    assert a.self_ratings[person.id] == {k: 0 for k in skills}
    assert a.ratings == lead_before  # the lead's rating is untouched
    assert at.button_group(key="skills_rater_pick").value == "self"  # the switch stays on self
    assert [r["mine"] for r in widget_data(at)["rows"]] == [0] * len(skills)
    # The default rule (lead's) scores as before.
    assert _metric_after(at, lang) == coverage_lead

    # The rule "lower": the self-ratings of 0 now count, everywhere at once.
    goto(at, "skills")
    rule = by_key(at.radio, f"rating_rule.{lang}")
    assert rule.value == "lead" and rule.options == [translate(f"workshop.rule.{r}", lang)
                                                     for r in ("lead", "self", "lower", "higher")]
    rule.set_value("lower").run()
    no_errors(at)
    a = assessment(at)
    assert a.rating_rule == "lower"
    assert any(c.value == translate("workshop.rule_statement.lower", lang) for c in at.caption)
    expected = summarise(a, CAT).coverage
    coverage_lower = _metric_after(at, lang)
    assert coverage_lower == f"{round(expected * 100)}%" and coverage_lower != coverage_lead


def _metric_after(at, lang):
    goto(at, "results")
    no_errors(at)
    return _metric(at, lang, "results.coverage")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_rater_differences_list_the_gaps(lang):
    at = app(demo="B", lang=lang, page="skills")
    # Drawn only while the expander is open.
    assert not any(i.value == translate("workshop.none_both", lang) for i in at.info)
    open_lazy(at, "rater_differences")
    a = assessment(at)
    person = a.people[0]
    skills = [k for k, _, _ in skills_to_rate(a, person.id, CAT)]
    lead = a.ratings[person.id]
    # Before any self-rating: nothing to compare yet, said so.
    assert any(i.value == translate("workshop.none_both", lang) for i in at.info)
    at.button_group(key="skills_rater_pick").set_value("self").run()
    # Self-rate the first skill 2 below... or above the lead's, the second the same; the rest not.
    first = lead[skills[0]]
    own = first - 2 if first >= 2 else first + 2
    rate(at, {0: own, 1: lead[skills[1]]})
    no_errors(at)
    counts = translate("workshop.counts", lang, total=len(skills), both=2, same=1, lead_only=len(skills) - 2,
                       self_only=0, neither=0)
    assert any(m.value == counts for m in at.markdown), [m.value for m in at.markdown]
    gaps = at.dataframe[-1].value
    assert list(gaps["no"]) == [1]
    assert list(gaps["skill"]) == [CAT.skill(skills[0]).get(lang)]
    assert list(gaps["lead"]) == [_level(lang, first)] and list(gaps["self"]) == [_level(lang, own)]
    assert list(gaps["diff"]) == [f"{own - first:+d}"]
    assert list(gaps["used"]) == [_level(lang, first)]  # the rule is the lead's
    # The radar carries both raters over the person's skills, and the target.
    figures = [json.loads(c.proto.spec) for c in at.main.get("plotly_chart")]
    radar = next(f for f in figures if translate("workshop.rater.self", lang) in [t.get("name") for t in f["data"]])
    by_name = {t["name"]: t for t in radar["data"]}
    assert list(by_name) == [translate("workshop.rater.lead", lang), translate("workshop.rater.self", lang),
                             translate("chart.target", lang)]
    lead_r = by_name[translate("workshop.rater.lead", lang)]["r"]
    self_r = by_name[translate("workshop.rater.self", lang)]["r"]
    assert lead_r[:-1] == [lead[k] for k in skills]  # closed: the first point again at the end
    assert self_r[:-1] == [own, lead[skills[1]]] + [None] * (len(skills) - 2)
