"""The walk-through under streamlit.testing: model → roles → people → skills → results, through the
widgets, checking the Assessment (the single source of truth) after each step."""
from tests.app.helpers import app, assessment, by_key, goto, no_errors, open_lazy, whole_page
from tests.app.rating_widget import rate, widget_data
from tests.app.role_board import board_roles, set_note, set_status


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _add_person(at, name: str, itss: int, roles: list[str]):
    form_name = next(t for t in at.text_input if t.label == "氏名（呼び名）")
    form_name.input(name)
    next(s for s in at.selectbox if s.label == "ITSSレベル").select(itss)
    next(m for m in at.multiselect if m.label == "担う役割").set_value(roles)
    return next(b for b in at.button if b.label == "追加").click().run()


def test_full_walkthrough():
    at = app()
    at.button(key="start_new").click().run()
    no_errors(at)
    assert at.title[0].value == "モデルの選択"

    at.button(key="choose_B").click().run()
    a = assessment(at)
    assert a.model == "B"
    assert sorted(r for r, s in a.roles.items() if s.status == "outsourced") == [
        "curator", "forensics", "researcher", "vulnerability_assessor"]

    goto(at, "roles")
    whole_page(set_status(at, "incident_handler", "outsourced"))
    no_errors(at)
    assert assessment(at).roles["incident_handler"].status == "outsourced"
    assert assessment(at).roles["incident_handler"].user_set
    shown = board_roles(at)["incident_handler"]  # the board marks a status other than the default
    assert shown["status"] == "outsourced" and shown["default"] == "in_house"
    set_note(at, "incident_handler", "サンプル委託先")
    assert assessment(at).roles["incident_handler"].note == "サンプル委託先"

    goto(at, "people")
    _add_person(at, "佐藤", 3, ["commander", "triage"])
    _add_person(at, "鈴木", 2, ["commander", "incident_manager"])
    no_errors(at)
    people = assessment(at).people
    assert [(p.name, p.itss_level, p.roles) for p in people] == [
        ("佐藤", 3, ["commander", "triage"]), ("鈴木", 2, ["commander", "incident_manager"])]
    # The form only offers in-house roles: the role just outsourced is not among them.
    assert "incident_handler" not in next(m for m in at.multiselect if m.label == "担う役割").options

    goto(at, "skills")
    assert at.selectbox(key="skills_person_pick").value == people[0].id
    # 佐藤: commander (4 + 3) and triage (2 + 1), where triage's 4 recur in commander: 7 skills.
    assert len(widget_data(at)["rows"]) == 7
    rate(at, {0: 3})
    no_errors(at)
    assert assessment(at).ratings[people[0].id] == {"outage_command": 3}
    version = assessment(at).version
    at.run()  # a rerun that changed nothing applies nothing again
    assert assessment(at).version == version
    rate(at, {1: 4})
    assert assessment(at).ratings[people[0].id] == {"outage_command": 3, "own_architecture_business": 4}
    rate(at, {1: None})  # clearing (Delete, or ×) removes that rating only
    assert assessment(at).ratings[people[0].id] == {"outage_command": 3}

    # Targets: the common prerequisite target 4, then commander's own target 3 again.
    open_lazy(at, "targets")  # built when its expander opens
    by_key(at.selectbox, "target_prerequisite").select(4).run()
    assert assessment(at).targets["prerequisite"] == 4
    targets = next(e for e in at.data_editor if e.key.startswith("role_targets"))
    row = list(targets.value["role"]).index("コマンダー")
    at.session_state[targets.key] = {"edited_rows": {row: {"prerequisite": 3}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert assessment(at).role_targets == {"commander": {"prerequisite": 3}}
    assert assessment(at).target("triage", "prerequisite") == 4

    goto(at, "results")
    no_errors(at)
    assert _metric(at, "全体の充足度") != "0%"
    assert _metric(at, "アウトソーシング") == "5"
    assert _metric(at, "要員／最少人数") == "2 / 7"


def test_work_survives_leaving_pages_in_any_order():
    at = app(demo="A")
    goto(at, "people")
    _add_person(at, "新人", 1, ["educator"])
    for page in ["results", "reference", "model", "skills", "start", "roles", "people"]:
        goto(at, page)
        no_errors(at)
    names = [p.name for p in assessment(at).people]
    assert "新人" in names and len(names) == 7
    assert "新人" in list(at.data_editor[0].value["name"])


def test_applying_a_model_keeps_hand_set_roles_unless_asked():
    at = app(page="model")
    at.button(key="choose_A").click().run()
    goto(at, "roles")
    set_status(at, "researcher", "in_house")
    goto(at, "model")
    at.button(key="choose_B").click().run()
    a = assessment(at)
    assert a.model == "B" and a.roles["researcher"].status == "in_house"
    assert any("リサーチャー" in i.value for i in at.info)
    at.checkbox(key="model_overwrite").check().run()
    at.button(key="choose_C").click().run()
    assert all(s.status == "in_house" for s in assessment(at).roles.values())
    at.button(key="choose_B").click().run()
    assert assessment(at).roles["researcher"].status == "outsourced"


def test_model_d_asks_its_variant():
    at = app(page="model")
    at.button(key="choose_D").click().run()
    assert assessment(at).variant == "D1"
    by_key(at.radio, "variant").set_value("D2").run()
    assert assessment(at).variant == "D2"


def test_language_switch_keeps_the_work():
    at = app(demo="C", page="results")
    version = assessment(at).version
    at.sidebar.segmented_control[0].set_value("English").run()
    no_errors(at)
    assert at.title[0].value == "Results"
    assert assessment(at).version == version and assessment(at).model == "C"
    goto(at, "roles")
    assert at.title[0].value == "Roles"
