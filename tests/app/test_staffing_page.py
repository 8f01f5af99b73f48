"""The Staffing page (AppTest): every demo in both languages, the empty start, applying the
suggested assignment (once, after a confirmation), and names shown as typed."""
import pytest

from assessment.plans.assignment import person_roles, suggest
from assessment.core.edit import add_person
from assessment.scores.staffing import staffing
from components.session.labels import md
from csirt_data import load_catalogue
from csirt_data.i18n import translate
from tests.app.helpers import app, assessment, by_key, no_errors, open_lazy, static_table, static_table_html

cat = load_catalogue()


def _texts(at, *kinds) -> str:
    return "\n".join(e.value for k in kinds for e in getattr(at, k))


def _plan(at, lang):
    """The suggestion table as shown, with the column names as keys (person, fit, backups, group …)."""
    df = static_table(at, "staffing_plan")
    cols = {translate(f"staffing.col_{c}", lang): c for c in ("group", "person", "fit", "backups", "holders", "roles")}
    return df.rename(columns=cols)


@pytest.mark.parametrize("demo", ["A", "B", "C", "D"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_demo(demo, lang):
    at = app(demo=demo, lang=lang, page="staffing")
    no_errors(at)
    assert at.title[0].value == translate("staffing.title", lang)
    assert "⟨" not in _texts(at, "markdown", "caption", "info", "warning", "error", "success", "subheader")
    a = assessment(at)
    st = staffing(a, cat)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[translate("staffing.minimum", lang)] == str(st.minimum)
    assert metrics[translate("staffing.headcount", lang)] == str(len(a.people))
    # The suggestion: one row per needed group, with its suggested holder; everyone else a backup.
    plan, sug = _plan(at, lang), suggest(a, cat)
    assert len(plan) == st.minimum == len(sug.groups)
    names = {p.id: p.name for p in a.people}
    assert list(plan["person"]) == [names[g.main.person] for g in sug.groups]
    backups = "\n".join(plan["backups"])
    assert all(names[p.person] in backups for g in sug.groups for p in g.picks[1:])
    groups = [g.short.get(lang) for g in cat.groups] + [cat.role(r).name.get(lang) for r in cat.groups_file.ungrouped]
    assert list(plan["group"]) == [x for x in groups if x in set(plan["group"])]
    assert static_table_html(at, "staffing_plan").count("<strong>") == len(plan)  # each group in bold
    # Fits as badges with the whole percent; 経営者 (no skills) has none.
    for cell, g in zip(plan["fit"], sug.groups):
        assert cell == "—" if g.main.fit is None else cell == f"{round(g.main.fit * 100)}%", cell
    fits = [g for g in sug.groups if g.main and g.main.fit is not None]
    assert static_table_html(at, "staffing_plan").count('<span class="csc-badge csc-badge-') >= len(fits)
    # The rule names the groups as the catalogue does (built when its expander opens).
    open_lazy(at, "staffing_rule")
    rule = _texts(at, "markdown")
    assert all(g.name.get(lang) in rule for g in cat.groups)
    # Single points of failure in words: each role with one holder, with the holder's name.
    spof = _texts(at, "warning")
    for role, pid in st.single_holder.items():
        assert cat.role(role).name.get(lang) in spof and a.person(pid).name in spof


def test_demo_b_shows_what_the_team_lacks_and_holds_across_groups():
    at = app(demo="B", lang="ja", page="staffing")
    text = _texts(at, "warning")
    assert "山口（サンプル）：インシデント対応、システム運用担当" in text
    assert "コマンダー：山本（サンプル）のみ" in text
    n = len(staffing(assessment(at), cat).single_skill_holders)
    assert n > 0 and f"次の {n} 個のスキルは" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_empty_start_explains_instead_of_failing(lang):
    at = app(lang=lang, page="staffing")
    no_errors(at)
    infos = _texts(at, "info")
    assert translate("staffing.no_model", lang) in infos and translate("staffing.no_people", lang) in infos
    assert static_table_html(at, "staffing_plan") is None and not at.table and not at.button
    # Every group is needed (no model: all in-house) and nobody holds one.
    assert {m.label: m.value for m in at.metric}[translate("staffing.unfilled_count", lang)] == "8"
    assert translate("staffing.unfilled", lang, groups="").rstrip() in _texts(at, "error")


def test_apply_the_suggestion_once_after_confirming():
    at = app(demo="B", lang="en", page="staffing")
    a = assessment(at)
    wanted = person_roles(suggest(a, cat))
    before = a.version
    by_key(at.button, "staffing_apply").click().run()
    no_errors(at)
    assert assessment(at).version == before  # nothing changes before the confirmation
    assert translate("staffing.confirm", "en", n=5).split("**")[0] in _texts(at, "warning")
    by_key(at.button, "staffing_confirm").click().run()
    no_errors(at)
    a = assessment(at)
    assert a.version > before
    assert {p.id: [r for r in p.roles if a.status(r) == "in_house"] for p in a.people} == wanted
    assert translate("staffing.applied", "en") in _texts(at, "success")
    assert translate("staffing.already_applied", "en") in _texts(at, "success")
    applied = a.version
    at.run()
    assert assessment(at).version == applied  # a rerun applies nothing again
    assert not [b for b in at.button if b.key and b.key.startswith("staffing_")]


def test_cancel_changes_nothing():
    at = app(demo="A", lang="ja", page="staffing")
    before = assessment(at).version
    roles = {p.id: list(p.roles) for p in assessment(at).people}
    by_key(at.button, "staffing_apply").click().run()
    by_key(at.button, "staffing_cancel").click().run()
    no_errors(at)
    a = assessment(at)
    assert a.version == before and {p.id: p.roles for p in a.people} == roles
    assert by_key(at.button, "staffing_apply")


def test_names_are_shown_as_typed():
    at = app(demo="B", lang="ja", page="staffing")
    add_person(assessment(at), "<b>X</b>*", roles=["commander", "system_operations"])
    at.run()
    no_errors(at)
    warning = _texts(at, "warning")
    assert md("<b>X</b>*") in warning and "<b>X</b>*：" not in warning
    plan = _plan(at, "ja")
    cells = "\n".join([*plan["person"], *plan["backups"], *plan["holders"]])
    assert "<b>X</b>*" in cells and "\\" not in cells  # text as typed, never Markdown's escapes
    body = static_table_html(at, "staffing_plan")
    assert "<b>X" not in body and "&lt;b&gt;X&lt;/b&gt;*" in body  # and never HTML
