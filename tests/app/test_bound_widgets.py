"""A widget bound to the Assessment (state.bound) carries the Assessment's value as its own default.

Streamlit sends a value written into session state ("set_value") only with the run that wrote it.
When a browser misses that run's output (a busy server starts the next run before it is sent: seen
with four browsers racing, issue 13) it draws the widget from a later run, whose proto holds only
the default; with the first option as the default, a status select then showed 自組織保有 and sent it
back, again and again, so the others' change never appeared. The default must be the value itself."""
import pytest

from tests.app.helpers import app, assessment, by_key, no_errors, open_lazy
from tests.app.test_team_merge import two_sessions


def bound_widgets(at):
    """The widgets whose key is a bound key (name@id or name@id.n); wkey keys carry two dots."""
    widgets = [*at.selectbox, *at.radio, *at.text_input]
    return [w for w in widgets if w.key and "@" in w.key and w.key.split("@")[1].count(".") <= 1]


def own_default(w):
    """What the browser draws from the element alone, without a value sent with it."""
    if w.type == "text_input":
        return w.proto.default
    if w.type == "radio" and not w.proto.HasField("default"):
        return None
    return w.options[w.proto.default]


def shown(w):
    if w.type == "text_input":
        return w.value
    return None if w.index is None else w.options[w.index]


def check(at, at_least: int):
    no_errors(at)
    widgets = bound_widgets(at)
    assert len(widgets) >= at_least, [w.key for w in widgets]
    wrong = [(w.key, own_default(w), shown(w)) for w in widgets if own_default(w) != shown(w)]
    assert not wrong, wrong


@pytest.mark.parametrize("demo, page, at_least", [("C", "roles", 1), ("D", "model", 2), ("C", "skills", 3)])
def test_every_bound_widget_defaults_to_the_value_it_shows(demo, page, at_least):
    # Sample D has the model with diagram variants; sample C targets other than the first option.
    # The Roles page's statuses and notes are in the role board (its own data, not bound widgets):
    # the organisation in the sidebar is its one bound widget.
    at = app(demo=demo, page=page)
    if page == "skills":
        open_lazy(at, "targets")  # the targets are built when their expander opens
    check(at, at_least)
    at.run()  # a later run, which no longer sends the value written into session state
    check(at, at_least)


def test_a_target_changed_by_someone_else_is_the_new_widgets_default_in_later_runs():
    first, second, _a_id = two_sessions("C", page="skills")
    open_lazy(first, "targets"), open_lazy(second, "targets")  # built when their expander opens
    by_key(first.selectbox, "target_prerequisite").select(1).run()
    second.run()  # the poll brings the change in: a fresh key for that select
    assert assessment(second).targets["prerequisite"] == 1
    second.run()
    box = by_key(second.selectbox, "target_prerequisite")
    assert box.key.endswith(".1"), box.key
    assert own_default(box) == shown(box) == box.format_func(1)
    check(second, 3)


def test_scenario_status_selects_default_to_their_status():
    at = app(demo="A", page="scenarios")
    at.button(key="sc_move_B").click().run()  # a scenario: model B from sample A's roles
    check(at, 19)
    at.run()
    check(at, 19)


def test_an_echo_of_an_earlier_change_in_the_same_window_is_still_dropped():
    """Two changes by others arrive one after the other (two follows within the echo window); the
    browser then re-sends the value it showed before the *first*: that is an echo too. The window
    once held only the latest change's paths, so the first change was undone (seen in the fresh
    four-browser race of test_team_live: a save that set two roles back to 自組織保有)."""
    first, second, _a_id = two_sessions("C", page="skills")
    open_lazy(first, "targets"), open_lazy(second, "targets")  # built when their expander opens
    before = assessment(second).targets["prerequisite"]
    by_key(first.selectbox, "target_prerequisite").select(1).run()
    second.run()  # follows the first change
    by_key(first.selectbox, "target_additional").select(1).run()
    second.run()  # follows the second, within the first's window
    assert assessment(second).targets["prerequisite"] == 1
    by_key(second.selectbox, "target_prerequisite").select(before).run()  # the browser's old value
    no_errors(second)
    assert assessment(second).targets["prerequisite"] == 1
    first.run()
    assert assessment(first).targets["prerequisite"] == 1
