"""Pages of issue #11 under streamlit.testing: the Skills page opens on someone with skills to
rate and tells a 経営者 holder the truth; clearing a rating in the rating widget makes it 未評価; the Files
page's report names switch is off whenever the page opens."""
import pytest

from assessment.core.edit import add_person, new_assessment, set_ratings
from csirt_data import load_catalogue
from csirt_data.i18n import translate
from tests.app.helpers import PAGES, app, assessment, goto, no_errors
from tests.app.rating_widget import rate, widget_data
from tests.half_rated import unrate

CAT = load_catalogue()


def _team(at):
    """A new model C assessment in the session: Boss (経営者 only) first, then Ops (system_operations)."""
    a = assessment(at)
    fresh = new_assessment("t", model="C", cat=CAT, assessment_id=a.id)
    boss = add_person(fresh, "Boss", roles=["executive"]).id
    ops = add_person(fresh, "Ops", roles=["system_operations"]).id
    set_ratings(fresh, ops, {"maintain_csirt_infra": 2}, cat=CAT)
    fresh.version = a.version + 1
    at.session_state["assessment"] = fresh
    return boss, ops


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_skills_page_opens_on_someone_to_rate_and_explains_the_executive(lang):
    at = app(lang=lang)
    boss, ops = _team(at)
    goto(at, "skills")
    no_errors(at)
    pick = at.selectbox(key="skills_person_pick")
    assert pick.value == ops  # not Boss, the first person, who has nothing to rate
    pick.set_value(boss).run()
    no_errors(at)
    infos = [i.value for i in at.info]
    role = CAT.role("executive").name.get(lang)
    assert translate("trust.no_skills_roles", lang, roles=role) in infos
    assert translate("skills.no_roles", lang) not in infos


def test_clearing_a_rating_in_the_widget_makes_it_not_rated():
    at = app(lang="en")
    _boss, ops = _team(at)
    goto(at, "skills")
    data = widget_data(at)
    assert [r["mine"] for r in data["rows"]] == [2]
    assert data["text"]["not_rated"] == translate("trust.not_rated", "en")
    rate(at, {0: None})
    no_errors(at)
    assert "maintain_csirt_infra" not in assessment(at).ratings.get(ops, {})
    assert [r["mine"] for r in widget_data(at)["rows"]] == [None]  # not rated, not 0


def test_report_names_switch_is_off_when_the_files_page_opens():
    at = app(demo="B", page="files")
    no_errors(at)
    switch = at.toggle(key="report_names")
    assert switch.value is False and switch.label == translate("trust.report_names", "ja")


def test_every_page_and_results_tab_renders_for_the_half_rated_team():
    at = app(demo="B")
    unrate(assessment(at), CAT)
    for page in PAGES:
        goto(at, page)
        no_errors(at)
    goto(at, "results")
    for key in ("results.tab_radar", "results.tab_people", "results.tab_flow", "results.tab_gaps"):
        at.session_state["results_tab"] = translate(key, "ja")
        at.run()
        no_errors(at)
    # Someone nobody has rated: their own radar tab renders too.
    at.session_state["results_tab"] = translate("results.tab_people", "ja")
    at.run()
    unrated = assessment(at).people[-1].id
    at.selectbox(key="radar_person").set_value(unrated).run()
    no_errors(at)
