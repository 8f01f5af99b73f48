"""The action plan page: every demo in both languages, the table as a view of the proposals,
edits through the editor (all-or-nothing), a bad date refused with a message, filters and the
downloads."""
import datetime

import pytest

from assessment.exchange import action_export as ax
from assessment.plans.planning import plan_summary, propose_actions
from components.session.labels import md
from csirt_data import load_catalogue
from csirt_data.i18n import translate
from tests.app.helpers import app, assessment, by_key, no_errors, open_lazy


def _table(at):
    return by_key(at.data_editor, "actions")


def _edit(at, edited: dict):
    at.session_state[_table(at).key] = {"edited_rows": edited, "added_rows": [], "deleted_rows": []}
    return at.run()


def _downloads(at):
    return [e for e in at.get("download_button")]


@pytest.mark.parametrize("demo", ["A", "B", "C", "D"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_renders_the_plan(demo, lang):
    at = app(demo=demo, lang=lang, page="actions")
    no_errors(at)
    assert at.title[0].value == translate("actions.title", lang)
    a = assessment(at)
    actions = propose_actions(a)
    s = plan_summary(actions)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[translate("actions.count_actions", lang)] == str(s.actions)
    assert metrics[translate("actions.count_train", lang)] == str(s.trains)
    df = _table(at).value
    assert len(df) == len(actions)
    assert list(df["kind"]) == [x.kind for x in actions]
    cat = load_catalogue()
    assert list(df["role"]) == [cat.role(x.role).name.get(lang) for x in actions]
    # The "what" column counts the skills below target and the programme items.
    first = actions[0]
    pre = sum(1 for k in first.skills if k.kind == "prerequisite")
    assert df["what"].iloc[0] == translate("actions.what_train", lang, pre=pre, add=len(first.skills) - pre,
                                           items=len(first.education))
    # Each action in full under the table, with every programme item: drawn once the expander opens.
    assert not any(md(i.get(lang)) in m.value for i in first.education for m in at.markdown)
    open_lazy(at, "actions_details")
    details = "\n".join(m.value for m in at.markdown)
    if first.education:
        assert all(md(i.get(lang)) in details for i in first.education)
    assert len(_downloads(at)) == 2


def test_an_edit_through_the_table_is_applied_and_kept():
    at = app(demo="B", page="actions")
    actions = propose_actions(assessment(at))
    hire = next(i for i, x in enumerate(actions) if x.key == "hire:investigator")
    _edit(at, {0: {"owner": "  山田  ", "due": "2027-03-31T00:00:00.000", "status": "planned", "note": "研修A"},
               hire: {"kind": "outsource"}})
    no_errors(at)
    a = assessment(at)
    first = a.actions[actions[0].key]
    assert (first.owner, first.due, first.status, first.note) == ("山田", "2027-03-31", "planned", "研修A")
    assert a.actions["hire:investigator"].kind == "outsource"
    # The new table shows the decisions; the counts follow the effective kinds.
    df = _table(at).value
    assert df["owner"].iloc[0] == "山田" and df["due"].iloc[0].date() == datetime.date(2027, 3, 31)
    assert df["kind"].iloc[hire] == "outsource"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["採用（人）"] == "0" and metrics["アウトソーシング（役割）"] == "1"
    # Choosing the proposed kind again follows the proposal (no override stored).
    _edit(at, {hire: {"kind": "hire"}})
    assert assessment(at).actions["hire:investigator"].kind is None


def test_a_bad_date_is_refused_with_a_message_and_nothing_changes():
    at = app(demo="B", page="actions")
    actions = propose_actions(assessment(at))
    _edit(at, {0: {"owner": "山田"}, 1: {"due": "2027-02-30"}})
    no_errors(at)
    errors = [e.value for e in at.error]
    role = load_catalogue().role(actions[1].role).name.get("ja")
    # The message names the role and quotes the value (Markdown-escaped, shown as typed).
    assert any("2027\\-02\\-30" in e and role in e for e in errors), errors
    assert assessment(at).actions == {}  # the valid owner edit in the same change is not applied


def test_filters_show_only_the_chosen_kinds():
    at = app(demo="B", page="actions")
    at.button_group(key="act_kinds").set_value(["hire"]).run()
    no_errors(at)
    assert list(_table(at).value["kind"]) == ["hire"]
    at.button_group(key="act_kinds").set_value([]).run()
    assert not at.data_editor
    assert any(translate("actions.none_match", "ja") in i.value for i in at.info)


def test_downloads_read_back():
    at = app(demo="C", lang="en", page="actions")
    a = assessment(at)
    table = ax.plan_table(propose_actions(a), a, "en")
    assert ax.read_csv(ax.to_csv(table)) == table
    names = [d.proto.label for d in _downloads(at)]
    assert names == [translate("actions.download_csv", "en"), translate("actions.download_xlsx", "en")]


def test_a_new_assessment_proposes_hires_and_says_a_model_adds_more():
    at = app(page="actions")
    no_errors(at)
    assert any(translate("actions.no_model", "ja") in i.value for i in at.info)
    assert set(_table(at).value["kind"]) == {"hire"}
