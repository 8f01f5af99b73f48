"""Clicks that rerun only some fragments (components/session/redraw.py) must still leave no figure
stale: every text that a full run shows differently after the click must have been redrawn by the
click's own (partial) run. AppTest's tree after a run holds exactly what that run drew, so the check
is: (texts of a full run after the click) − (texts before the click) ⊆ (texts the click's run drew).
Clicks the plain path does not cover (a merge with someone else's change) rerun the whole page.
(A widget inside a fragment, such as the flow diagram's switch, reruns its fragment only in a
browser: AppTest runs the whole page for it. tests/e2e/test_partial_redraw.py covers those.)"""
from collections import Counter

from tests.app.helpers import app, assessment, by_key, no_errors, whole_page
from tests.app.test_team_merge import store, two_sessions


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
    whole_page(by_key(at.selectbox, "status_educator").select("gap").run())
    assert store().exists(assessment(at).id)
    return at


def assert_nothing_stale(before: Counter, partial: Counter, after: Counter) -> None:
    changed = after - before
    assert changed, "the click changed nothing on the page: the test would prove nothing"
    missing = changed - partial
    assert not missing, f"shown after a full run but not redrawn by the click: {sorted(missing)}"


def test_a_role_status_click_redraws_its_badge_the_count_and_the_sidebar_figures_only():
    at = stored_roles_page()
    before = shown(at)
    by_key(at.selectbox, "status_incident_handler").select("outsourced").run()
    no_errors(at)
    assert not at.title, "the whole page was redrawn: the click was meant to redraw only what it changed"
    partial = shown(at)
    # What it did redraw: the role's badge, the count of changed roles, the sidebar's figures.
    assert any(m.startswith(":") and "アウトソーシング" in m and "既定値は自組織保有" in m for m in partial), partial
    count = next(c for c in before if c.startswith("モデルの既定値から変更した役割"))
    assert count not in partial and any(c.startswith("モデルの既定値から変更した役割") for c in partial), partial
    assert any(m.startswith("**要員**") for m in partial) and any(p.startswith("progress") for p in partial)
    assert store().get(assessment(at).id).assessment.roles["incident_handler"].status == "outsourced"  # saved
    after = shown(whole_page(at))
    assert_nothing_stale(before, partial, after)
    # The sidebar's rating progress moved (the handler's skills are no longer to be rated in-house).
    assert any(p.startswith("progress") for p in after - before), after - before


def test_a_role_note_redraws_the_sidebar_and_is_saved():
    at = stored_roles_page()
    by_key(at.text_input, "note_triage").input("後任を募集中").run()
    no_errors(at)
    assert not at.title
    assert "変更は自動で保存されています" in shown(at), "the sidebar's save status was not redrawn"
    assert store().get(assessment(at).id).assessment.roles["triage"].note == "後任を募集中"
    whole_page(at)
    assert by_key(at.text_input, "note_triage").value == "後任を募集中"


def test_a_status_click_that_merges_someone_elses_change_redraws_the_whole_page():
    first, second, a_id = two_sessions("A")
    whole_page(by_key(first.selectbox, "status_commander").select("gap").run())
    by_key(second.selectbox, "status_triage").select("not_applicable").run()  # based on an older version
    no_errors(second)
    assert second.title, "a merged save changes more than the clicked role: the whole page must rerun"
    assert by_key(second.selectbox, "status_commander").value == "gap"  # the other's change shows
