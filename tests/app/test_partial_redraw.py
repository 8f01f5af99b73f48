"""What a click redraws. A role's status or note (in the role board) reruns the whole page (issue 13
tried rerunning only the labels, the count and the sidebar: no gain at scale, and with the live
poll beside it other browsers' changes went unshown), so every figure it changes is redrawn: the
board (badge, mark and count follow from its data), the sidebar.
(A widget inside a fragment, such as the flow diagram's switch, reruns its fragment only in a
browser: AppTest runs the whole page for it. tests/e2e/test_partial_redraw.py covers those.)"""
from collections import Counter

from tests.app.helpers import app, assessment, by_key, no_errors, whole_page
from tests.app.test_team_merge import store, two_sessions
from tests.app.role_board import TOKEN, board_data, board_roles, note_shown, set_note, set_status, status_shown


def shown(at) -> Counter:
    """Every text the tree holds: markdown and captions (badges, the sidebar's figures), metrics,
    progress bars, alerts, chart titles, and each widget's label and value."""
    out = Counter()
    for kind in ("markdown", "caption", "warning", "error", "info", "success", "title", "subheader"):
        out.update(e.value for e in getattr(at, kind))
    for m in at.metric:
        out[f"metric {m.label}: {m.value}"] += 1
    for p in at.get("progress"):
        out[f"progress {p.proto.text}: {p.proto.value}"] += 1
    for c in at.get("plotly_chart"):
        out[f"chart {c.proto.spec[:4000]}"] += 1
    return out


def stored_roles_page():
    """Sample B on Roles, already stored (its first change stores it and reruns the whole page)."""
    at = app(demo="B", page="roles")
    whole_page(set_status(at, "educator", "gap"))
    assert store().exists(assessment(at).id)
    return at


def test_a_role_status_click_redraws_the_whole_page_its_board_and_the_sidebar():
    """A status click reruns the whole page (a partial rerun left others' live changes unshown): the
    board gets the new status (its badge, mark and count follow from it) and the sidebar its figures."""
    at = stored_roles_page()
    before = shown(at)
    set_status(at, "incident_handler", "outsourced")
    no_errors(at)
    assert at.title, "a status click reruns the whole page"
    after = shown(at)
    role = board_roles(at)["incident_handler"]
    assert role["status"] == "outsourced" and role["default"] == "in_house"
    assert board_data(at)["acked"] == {"token": TOKEN, "seq": 2}  # the browser drops what it queued
    assert store().get(assessment(at).id).assessment.roles["incident_handler"].status == "outsourced"  # saved
    # The sidebar's rating progress moved (the handler's skills are no longer to be rated in-house).
    assert any(p.startswith("progress") for p in after - before), after - before


def test_a_role_note_is_saved_and_the_sidebar_says_so():
    at = stored_roles_page()
    set_note(at, "triage", "後任を募集中")
    no_errors(at)
    assert "変更は自動で保存されています" in shown(at), "the sidebar's save status was not redrawn"
    assert store().get(assessment(at).id).assessment.roles["triage"].note == "後任を募集中"
    assert note_shown(at, "triage") == "後任を募集中"


def test_a_status_click_that_merges_someone_elses_change_redraws_the_whole_page():
    first, second, a_id = two_sessions("A")
    whole_page(set_status(first, "commander", "gap"))
    set_status(second, "triage", "not_applicable")  # based on an older version
    no_errors(second)
    assert second.title, "a merged save changes more than the clicked role: the whole page must rerun"
    assert status_shown(second, "commander") == "gap"  # the other's change shows
