"""edit.py: model defaults (付録1), user-set roles, validation, all-or-nothing, version bumps."""
import pytest

from assessment.core import edit as e
from assessment.core.edit import EditError
from csirt_data import load_catalogue

cat = load_catalogue()

# 付録1, the roles each model outsources, typed from the document.
A_AND_D = {"researcher", "curator", "vulnerability_assessor", "self_assessment", "solution_analyst",
           "incident_manager", "incident_handler", "investigator", "forensics", "system_operations"}
OUTSOURCED = {"A": A_AND_D, "B": {"researcher", "curator", "vulnerability_assessor", "forensics"},
              "C": set(), "D": A_AND_D}


@pytest.mark.parametrize("model", ["A", "B", "C", "D"])
def test_model_defaults_follow_appendix_1(model):
    a = e.new_assessment(model=model, cat=cat)
    assert {r for r, s in a.roles.items() if s.status == "outsourced"} == OUTSOURCED[model]
    assert {r for r, s in a.roles.items() if s.status == "in_house"} == set(cat.role_ids) - OUTSOURCED[model]
    assert len(a.roles) == 19
    assert a.variant == ("D1" if model == "D" else None)
    assert not any(e.differs_from_model(a, r, cat) for r in cat.role_ids)


def test_no_model_means_all_in_house():
    a = e.new_assessment(cat=cat)
    assert a.model is None and {s.status for s in a.roles.values()} == {"in_house"}


def test_applying_a_model_keeps_user_set_roles_unless_overwrite():
    a = e.new_assessment(model="A", cat=cat)
    e.set_role_status(a, "researcher", "in_house")  # by hand, against A's default
    assert e.apply_model(a, "B", cat=cat) == ["researcher"]  # B outsources it too: kept, and said so
    assert a.status("researcher") == "in_house" and a.model == "B"
    assert a.status("incident_manager") == "in_house"  # B's default
    e.set_role_status(a, "commander", "gap")
    # In C the researcher's default is in-house, what the user chose: no longer "kept".
    assert e.apply_model(a, "C", cat=cat) == ["commander"]
    assert a.status("commander") == "gap"
    assert e.apply_model(a, "A", overwrite=True, cat=cat) == []
    assert (a.status("commander"), a.status("researcher")) == ("in_house", "outsourced")
    assert not any(s.user_set for s in a.roles.values())


def test_model_d_variant():
    a = e.new_assessment(model="D", cat=cat)
    e.apply_model(a, "D", "D2", cat=cat)
    assert a.variant == "D2"
    e.apply_model(a, "D", "D9", cat=cat)  # unknown variant: the first
    assert a.variant == "D1"
    with pytest.raises(EditError):
        e.apply_model(a, "E", cat=cat)


def test_set_person_roles_refuses_a_role_not_in_house():
    a = e.new_assessment(model="A", cat=cat)
    p = e.add_person(a, "P", roles=["commander"])
    v = a.version
    with pytest.raises(EditError) as err:
        e.set_person_roles(a, p.id, ["commander", "researcher"])  # researcher is outsourced in A
    assert err.value.key == "error.role_not_in_house"
    assert (p.roles, a.version) == (["commander"], v)
    with pytest.raises(EditError):
        e.add_person(a, "Q", roles=["forensics"])
    assert [x.name for x in a.people] == ["P"]
    with pytest.raises(EditError):
        e.set_person_roles(a, p.id, ["no_such_role"])


def test_an_outsourced_role_stays_dormant_and_comes_back():
    a = e.new_assessment(model="C", cat=cat)
    p = e.add_person(a, "P", roles=["forensics", "triage"])
    e.set_role_status(a, "forensics", "outsourced")
    assert a.holders("forensics") == []
    e.set_person_roles(a, p.id, ["triage", "commander"])
    assert p.roles == ["forensics", "triage", "commander"]
    e.set_role_status(a, "forensics", "in_house")
    assert a.holders("forensics") == [p]


def test_set_ratings_is_all_or_nothing():
    a = e.new_assessment(model="C", cat=cat)
    p = e.add_person(a, "P", roles=["triage"])
    e.set_ratings(a, p.id, {"business_impact_outage": 2}, cat=cat)
    v = a.version
    with pytest.raises(EditError) as err:
        e.set_ratings(a, p.id, {"own_architecture_business": 3, "business_impact_outage": 7}, cat=cat)
    assert err.value.key == "error.bad_level"
    with pytest.raises(EditError) as err:
        e.set_ratings(a, p.id, {"own_architecture_business": 3, "no_such_skill": 1}, cat=cat)
    assert err.value.key == "error.unknown_skill"
    assert (a.ratings[p.id], a.version) == ({"business_impact_outage": 2}, v)
    e.set_ratings(a, p.id, {"own_architecture_business": 3, "business_impact_outage": None}, cat=cat)
    assert (a.ratings[p.id], a.version) == ({"own_architecture_business": 3}, v + 1)


def test_validation_messages():
    a = e.new_assessment(cat=cat)
    e.add_person(a, "佐藤")
    for call, key in [
        (lambda: e.add_person(a, "  "), "error.empty_name"),
        (lambda: e.add_person(a, " 佐藤 "), "error.duplicate_name"),
        (lambda: e.add_person(a, "X", itss_level=8), "error.bad_itss"),
        (lambda: e.set_role_status(a, "triage", "maybe"), "error.unknown_status"),
        (lambda: e.set_role_status(a, "nope", "gap"), "error.unknown_role"),
        (lambda: e.set_role_note(a, "nope", "x"), "error.unknown_role"),
        (lambda: e.set_target(a, "prerequisite", 0), "error.bad_target"),
        (lambda: e.set_target(a, "bonus", 2), "error.unknown_kind"),
    ]:
        with pytest.raises(EditError) as err:
            call()
        assert err.value.key == key
    assert len(a.people) == 1


def test_version_bumps_on_each_change_and_not_on_a_no_op():
    a = e.new_assessment(model="C", cat=cat)
    p = e.add_person(a, "P", itss_level=2, roles=["triage"])
    changes = [
        lambda: e.set_organisation(a, "Org"),
        lambda: e.set_role_status(a, "forensics", "outsourced"),
        lambda: e.set_role_note(a, "forensics", "vendor"),
        lambda: e.rename_person(a, p.id, "P2"),
        lambda: e.set_person_itss(a, p.id, 3),
        lambda: e.set_person_roles(a, p.id, ["triage", "commander"]),
        lambda: e.set_rating(a, p.id, "outage_command", 2, cat=cat),
        lambda: e.set_ratings(a, p.id, {"outage_command": 3, "attack_ttp": 1}, cat=cat),
        lambda: e.set_target(a, "prerequisite", 4),
        lambda: e.set_target(a, "additional", 3, role_id="triage"),
        lambda: e.clear_role_targets(a, "triage"),
        lambda: e.apply_model(a, "B", cat=cat),
    ]
    no_ops = [  # the same values again
        lambda: e.set_organisation(a, " Org "),
        lambda: e.set_role_status(a, "forensics", "outsourced"),
        lambda: e.set_role_note(a, "forensics", "vendor"),
        lambda: e.rename_person(a, p.id, "P2"),
        lambda: e.set_person_itss(a, p.id, 3),
        lambda: e.set_person_roles(a, p.id, ["triage", "commander"]),
        lambda: e.set_rating(a, p.id, "outage_command", 3, cat=cat),
        lambda: e.set_ratings(a, p.id, {"outage_command": 3, "attack_ttp": 1}, cat=cat),
        lambda: e.set_target(a, "prerequisite", 4),
        lambda: e.clear_role_targets(a, "triage"),
        lambda: e.set_rating(a, p.id, "security_incident_command", None, cat=cat),  # was never rated
    ]
    for change in changes:
        v = a.version
        change()
        assert a.version == v + 1
    v = a.version
    for no_op in no_ops:
        no_op()
        assert a.version == v
    e.remove_person(a, p.id)
    assert a.version == v + 1 and a.ratings == {}


def test_a_role_target_can_be_removed_so_the_common_one_applies():
    a = e.new_assessment(model="C")
    e.set_target(a, "additional", 4, role_id="triage")
    assert a.target("triage", "additional") == 4
    v = a.version
    e.set_target(a, "additional", None, role_id="triage")
    assert a.target("triage", "additional") == 2 and a.role_targets == {} and a.version == v + 1
    e.set_target(a, "additional", None, role_id="triage")  # nothing to remove: no change
    assert a.version == v + 1
    with pytest.raises(e.EditError):
        e.set_target(a, "additional", None)  # the common target cannot be blank
    with pytest.raises(e.EditError):
        e.set_target(a, "additional", 2, role_id="nobody")
