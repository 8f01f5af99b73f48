"""The Scenarios page under streamlit.testing: one-click 「モデルBへ移行」 on the model A sample, the
comparison table, flipping a role in the scenario, planned hires, rename / copy / delete, and bad
names refused with a message and nothing changed; in Japanese and English."""
import pytest

from assessment.scores.compare import CURRENT
from csirt_data import load_catalogue
from csirt_data.i18n import translate
from tests.app.helpers import app, assessment, by_key, no_errors, static_table, static_table_html

CAT = load_catalogue()
OUT_A = CAT.outsourced_by_default("A")
OUT_B = CAT.outsourced_by_default("B")


def t(key, lang, **args):
    return translate(key, lang, **args)


def _move_b(at):
    at.button(key="sc_move_B").click().run()
    no_errors(at)
    return assessment(at).scenarios[-1]


def _figures(at):
    return static_table(at, "scenario_figures", index=True)


def _statuses(at):
    return static_table(at, "scenario_roles", index=True)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_one_click_move_to_model_b_and_compare(lang):
    at = app(demo="A", lang=lang, page="scenarios")
    no_errors(at)
    assert at.title[0].value == t("scenarios.title", lang)
    assert any(i.value == t("scenarios.empty", lang) for i in at.info)
    assert at.button(key="sc_move_A").disabled  # already model A

    s = _move_b(at)
    name = t("scenarios.move_name", lang, model=CAT.model("B").name.get(lang))
    assert s.name == name and s.model == "B"
    assert any(name in x.value for x in at.success)
    a = assessment(at)
    assert a.model == "A" and {r for r in CAT.role_ids if a.status(r) == "outsourced"} == OUT_A

    fig = _figures(at)
    assert list(fig.columns) == [t("scenarios.current", lang), name]
    assert fig.loc[t("scenarios.row_model", lang)].tolist() == [CAT.model("A").name.get(lang),
                                                               CAT.model("B").name.get(lang)]
    assert fig.loc[t("results.outsourced", lang)].tolist() == ["10", "4 (−6)"]
    assert fig.loc[t("scenarios.row_minimum", lang)].tolist() == ["4", "7 (+3)"]
    assert fig.loc[t("scenarios.row_headcount", lang)].tolist() == ["6", "6 (±0)"]
    # Only the roles that differ: those model A outsources and model B keeps in-house.
    roles = _statuses(at)
    assert set(roles.index) == {CAT.role(r).name.get(lang) for r in OUT_A - OUT_B}
    assert all(t("status.outsourced", lang) in v for v in roles.iloc[:, 0])
    assert all(t("status.in_house", lang) in v for v in roles.iloc[:, 1])
    body = static_table_html(at, "scenario_roles")  # statuses as coloured badges that name them
    assert body.count("csc-badge-yellow\">") == body.count("csc-badge-blue\">") == len(roles) and "✎" in body
    # Radar overlay and two flow diagrams.
    charts = at.get("plotly_chart")
    assert len(charts) == 3


def test_flipping_a_role_in_the_scenario_changes_the_comparison():
    at = app(demo="A", page="scenarios")
    s = _move_b(at)
    before = _figures(at).loc[t("results.outsourced", "ja")].tolist()
    box = by_key(at.selectbox, f"sc_status_{s.id}_incident_handler")
    box.select("outsourced").run()
    no_errors(at)
    a = assessment(at)
    assert a.scenario(s.id).roles["incident_handler"].status == "outsourced"
    assert a.roles["incident_handler"].status == "outsourced"  # model A outsources it anyway
    after = _figures(at).loc[t("results.outsourced", "ja")].tolist()
    assert before == ["10", "4 (−6)"] and after == ["10", "5 (−5)"]
    assert CAT.role("incident_handler").name.ja not in _statuses(at).index
    assert any("インシデントハンドラー" in c.value for c in at.caption)  # listed as changed from model B


def test_changing_the_scenario_model_and_adding_a_hire():
    at = app(demo="A", lang="en", page="scenarios")
    s = _move_b(at)
    by_key(at.selectbox, f"sc_model_{s.id}").select("C").run()
    no_errors(at)
    assert assessment(at).scenario(s.id).model == "C"
    fig = _figures(at)
    assert fig.loc["Outsourced"].tolist() == ["10", "0 (−10)"]
    gaps_before = fig.loc["Gaps"].tolist()[1]

    by_key(at.text_input, f"sc_hire_name_{s.id}").set_value("New hire <b>")
    by_key(at.multiselect, f"sc_hire_new_roles_{s.id}").select("incident_manager").select("incident_handler")
    at.button(key=f"sc_hire_add_{s.id}").click().run()
    no_errors(at)
    sc = assessment(at).scenario(s.id)
    assert [(h.name, h.roles) for h in sc.hires] == [("New hire <b>", ["incident_manager", "incident_handler"])]
    fig = _figures(at)
    assert fig.loc["People"].tolist() == ["6", "7 (incl. 1 planned) (+1)"]
    assert int(fig.loc["Gaps"].tolist()[1].split()[0]) == int(gaps_before.split()[0]) - 2
    # The name is user text: escaped where rendered as Markdown.
    assert any("New hire \\<b\\>" in m.value for m in at.markdown)
    at.button(key=f"sc_hire_rm_{sc.hires[0].id}").click().run()
    assert assessment(at).scenario(s.id).hires == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_rename_copy_delete_and_bad_names(lang):
    at = app(demo="A", lang=lang, page="scenarios")
    s = _move_b(at)
    a = assessment(at)
    version = a.version

    by_key(at.text_input, f"sc_rename_{s.id}").set_value("   ").run()
    no_errors(at)
    assert any(e.value == t("error.empty_scenario_name", lang) for e in at.error)
    assert assessment(at).scenario(s.id).name == t("scenarios.move_name", lang, model=CAT.model("B").name.get(lang))
    assert assessment(at).version == version

    at.button(key=f"sc_copy_{s.id}").click().run()
    no_errors(at)
    copy = assessment(at).scenarios[-1]
    assert copy.name == t("scenarios.copy_name", lang, name=s.name) and copy.model == "B"
    # The copy is now the one edited; renaming it to the first one's name is refused.
    by_key(at.text_input, f"sc_rename_{copy.id}").set_value(s.name).run()
    assert any(e.value == t("error.duplicate_scenario_name", lang, name=s.name) for e in at.error)
    assert [x.name for x in assessment(at).scenarios] == [s.name, copy.name]

    by_key(at.text_input, f"sc_rename_{copy.id}").set_value("SOC を外部委託").run()
    no_errors(at)
    assert assessment(at).scenarios[-1].name == "SOC を外部委託"
    assert list(_figures(at).columns) == [t("scenarios.current", lang), "SOC を外部委託"]

    at.button(key=f"sc_delete_{copy.id}").click().run()
    no_errors(at)
    assert [x.name for x in assessment(at).scenarios] == [s.name]
    assert any(t("scenarios.deleted", lang, name="SOC を外部委託") == x.value for x in at.success)
    assert list(_figures(at).columns) == [t("scenarios.current", lang), s.name]


def test_new_scenario_from_current_state_and_a_scenario_named_like_the_current_state():
    at = app(demo="B", page="scenarios")
    key = next(w.key for w in at.text_input if w.key and w.key.startswith("sc_new_name@"))
    assert at.text_input(key=key).value == "シナリオ1"
    at.text_input(key=key).set_value("現状")
    at.button(key="sc_new_create").click().run()
    no_errors(at)
    s = assessment(at).scenarios[-1]
    assert s.name == "現状" and s.model == "B" and s.roles == assessment(at).roles
    # Columns stay distinct although the names agree;
    # nothing differs from the current state.
    assert list(_figures(at).columns) == ["現状", "現状 (2)"]
    assert any(i.value == t("scenarios.same_roles", "ja") for i in at.info)
    key = next(w.key for w in at.text_input if w.key and w.key.startswith("sc_new_name@"))
    assert at.text_input(key=key).value == "シナリオ1"
    at.text_input(key=key).set_value("現状")
    at.button(key="sc_new_create").click().run()
    assert any(e.value == t("error.duplicate_scenario_name", "ja", name="現状") for e in at.error)
    assert len(assessment(at).scenarios) == 1


def test_compare_three_columns_and_fewer_than_two():
    at = app(demo="A", page="scenarios")
    first = _move_b(at)
    at.button(key="sc_move_C").click().run()
    second = assessment(at).scenarios[-1]
    box = by_key(at.multiselect, "sc_compare")
    assert box.value == [CURRENT, second.id]
    box.select(first.id).run()
    no_errors(at)
    assert list(_figures(at).columns) == ["現状", "モデルCへ移行", "モデルBへ移行"]
    assert len(at.get("plotly_chart")) == 1 + 3  # radar and three diagrams
    by_key(at.multiselect, "sc_compare").set_value([CURRENT]).run()
    no_errors(at)
    assert any(i.value == t("scenarios.pick_two", "ja", n=4) for i in at.info)
    assert static_table_html(at, "scenario_figures") is None and not at.table


def test_a_scenario_name_is_text_in_the_comparison():
    at = app(demo="A", page="scenarios")
    s = _move_b(at)
    by_key(at.text_input, f"sc_rename_{s.id}").set_value("<b>x</b> *y*").run()
    no_errors(at)
    assert list(_figures(at).columns) == ["現状", "<b>x</b> *y*"]
    for name in ("scenario_figures", "scenario_roles"):
        body = static_table_html(at, name)
        assert "<b>x" not in body and "&lt;b&gt;x&lt;/b&gt; *y*" in body
