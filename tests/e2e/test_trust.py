"""The issue #11 team in a real browser: the model B sample with two people fully rated, one partly
and the rest not rated, imported as a file. Read from the rendered pages: the figures say how
complete their basis is, an unrated role reads 未評価 (not 0 %), the grid shows 未評価 (never
"None"), gaps and skills below target are separate lists, and Results and the executive page agree."""
import re

from playwright.sync_api import expect

from assessment.exchange.files import export_yaml
from assessment.scores.scoring import summarise
from csirt_data import load_catalogue
from tests.e2e.conftest import wait_for_app
from tests.e2e.ui import assert_clean, go, metrics, open_page, rating_levels, rating_widget, t
from tests.half_rated import half_rated_team

CAT = load_catalogue()


def test_a_half_rated_team_reads_truthfully(app_server, page, tmp_path):
    a = half_rated_team(CAT)
    s = summarise(a, CAT)
    pct = lambda x: f"{round(x * 100)}%"  # noqa: E731
    path = tmp_path / "half.yaml"
    path.write_bytes(export_yaml(a, CAT))

    open_page(page, app_server, "/start")
    page.get_by_test_id("stFileUploader").locator("input[type=file]").set_input_files(str(path))
    wait_for_app(page)
    expect(page.get_by_test_id("stAlert").filter(has_text=t("library.imported", name="half.yaml"))).to_be_visible()

    go(page, "results")
    m = metrics(page)
    assert m[t("results.coverage")] == pct(s.coverage) and m[t("results.gaps")] == str(len(s.gaps))
    assert m[t("results.headcount")] == f"{s.headcount} / {s.minimum_headcount}"
    basis = t("trust.basis", known=s.coverage_basis.known, total=s.coverage_basis.total)
    expect(page.get_by_test_id("stCaptionContainer").filter(has_text=basis).first).to_be_visible()
    assert_clean(page)

    # The gap list and the skills below target, each under its own name.
    page.get_by_role("tab", name=t("results.tab_gaps")).click()
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text(t("trust.gaps_heading", n=len(s.gaps)))).to_be_visible()
    expect(main.get_by_text(re.compile("^" + re.escape(t("trust.below_heading", n=0)).replace("0", r"\d+")))).to_be_visible()
    expect(main.get_by_text(t("trust.rate_heading", n=len(_waiting(a))))).to_be_visible()

    go(page, "executive")
    m = metrics(page)
    assert m[t("executive.fig_coverage")] == pct(s.coverage)
    assert m[t("executive.fig_headcount")] == t("executive.headcount_value", have=s.headcount, need=s.minimum_headcount)
    expect(main.get_by_text(basis).first).to_be_visible()
    # What closing the gaps takes: the people to rate first, apart from those to train.
    assert m[t("trust.cost_rate_first")] == str(len(_waiting(a)))

    # A person nobody has rated: every row of the rating widget reads 未評価.
    go(page, "skills")
    unrated = next(p for p in a.people[3:] if p.roles and CAT.role_links(p.roles[0]))
    page.get_by_test_id("stSelectbox").filter(has_text=t("skills.person")).click()
    page.get_by_role("option", name=unrated.name, exact=True).click()
    wait_for_app(page)
    widget = rating_widget(page)
    expect(widget.locator(".row").first).to_contain_text(t("trust.not_rated"))
    assert set(rating_levels(page)) == {t("trust.not_rated")}
    assert "None" not in widget.inner_text()


def _waiting(a):
    from assessment.plans.planning import rate_first
    return {x.person for x in rate_first(a, CAT)}
