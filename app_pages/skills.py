"""Skills: rate each person once per skill of the roles they hold (0–4 against the targets), as the
lead and as the person themselves; a stated rule picks the value scores use."""
import streamlit as st

from assessment.core import edit
from assessment.core.model import RATERS, RATING_RULES
from components.session.i18n import lang, tr
from components.session.labels import rater_name, rule_name, rule_statement
from components.session.lazy import lazy_expander
from components.rating.panel import first_to_rate, rating_panel, sidebar_status
from components.steps.targets_view import targets
from components.session.state import assessment, catalogue, run_edit, show_edit_error, wkey

cat, a = catalogue(), assessment()
st.title(tr("skills.title"))
st.write(tr("skills.intro"))
with st.expander(tr("skills.scale_heading")):
    st.markdown(tr("skills.scale_body"))
show_edit_error()
targets_box = lazy_expander(tr("targets.heading"), "targets")  # built when opened: a faster page load
if targets_box.open:
    with targets_box:
        targets(cat, a)
if not a.people:
    sidebar_status()
    st.info(tr("skills.no_people"))
    st.page_link("app_pages/people.py", label=tr("skills.to_people"), icon=":material/groups:")
    st.stop()

ids = [p.id for p in a.people]
chosen = st.session_state.get("skills_person")
if chosen not in ids:
    chosen = first_to_rate(cat, a)
person = st.selectbox(tr("skills.person"), ids, index=ids.index(chosen),
                      format_func=lambda pid: a.person(pid).name, key="skills_person_pick",
                      placeholder=tr("widget.choose_one"))
st.session_state["skills_person"] = person  # kept when the page is left and revisited

# Which rater the grid edits: a choice of this browser session, not part of the work.
left, right = st.columns([2, 3])
rater = st.session_state.get("skills_rater", "lead")
# Labels fixed at render time: a format_func must not read the session's language later on.
rater_labels = {r: rater_name(r) for r in RATERS}
rater = left.segmented_control(tr("workshop.rater_label"), RATERS, default=rater, required=True,
                               format_func=rater_labels.get, help=tr("workshop.rater_help"), key="skills_rater_pick")
st.session_state["skills_rater"] = rater = rater if rater in RATERS else "lead"

# Which value scores use: part of the work, changed only through edit.set_rating_rule.
# The language is part of the key: the widget keeps its choice as the label shown, which changes with it.
rule_key = wkey(f"rating_rule.{lang()}")
right.radio(tr("workshop.rule_label"), RATING_RULES, index=RATING_RULES.index(a.rating_rule), horizontal=True,
            format_func={r: rule_name(r) for r in RATING_RULES}.get, key=rule_key, help=tr("workshop.rule_scope"),
            on_change=lambda: run_edit(edit.set_rating_rule, st.session_state[rule_key]))
right.caption(rule_statement(a.rating_rule))

# A fragment: a rating reruns the progress, the widget and the comparison, not the whole page.
rating_panel(person, rater)
st.page_link("app_pages/results.py", label=tr("skills.next"), icon=":material/arrow_forward:")
