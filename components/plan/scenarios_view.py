"""Managing scenarios: one-click 「モデルBへ移行」, a new scenario from the current state, rename, copy,
delete, and editing one scenario's model, role statuses and planned hires.

Every change goes through assessment.plans.scenarios (run_edit / run_edits); widgets are keyed with
`wkey` or `bound`, so after any change they show the Assessment. Which scenario is being edited
and which columns are compared are view choices, kept in session state beside the work."""
from __future__ import annotations

import streamlit as st

from assessment.plans import scenarios as sc
from assessment.scores.compare import CURRENT, MAX_COLUMNS, MIN_COLUMNS
from assessment.core.edit import model_defaults
from assessment.core.model import Assessment, Scenario
from csirt_data import Catalogue

from components.session.i18n import join, lang, tr
from components.session.labels import md, status_label, status_options, status_short_label
from components.session.state import assessment, bound, run_edit, run_edits, wkey

EDITING = "_sc_edit"  # id of the scenario being edited
COMPARED = "_sc_compare"  # column ids being compared
_FLASH = "_sc_flash"  # a message for the next run: (kind, text)


def editing_id(a: Assessment) -> str | None:
    """The scenario being edited: the one chosen, else the newest; None without scenarios."""
    ids = [s.id for s in a.scenarios]
    chosen = st.session_state.get(EDITING)
    return chosen if chosen in ids else (ids[-1] if ids else None)


def _focus(scenario_id: str) -> None:
    """A new scenario is the one edited and compared with the current state."""
    st.session_state[EDITING] = scenario_id
    st.session_state[COMPARED] = [CURRENT, scenario_id]


def _flash(kind: str, text: str) -> None:
    st.session_state[_FLASH] = (kind, text)


def show_flash() -> None:
    kind, text = st.session_state.pop(_FLASH, (None, None))
    if kind == "success":
        st.success(text, icon=":material/check_circle:")
    elif kind == "info":
        st.info(text, icon=":material/info:")


def _kept_note(cat: Catalogue, kept: list[str]) -> None:
    if kept:
        _flash("info", tr("model.kept", roles=join(cat.role(r).name.get(lang()) for r in kept)))


# --- creating ------------------------------------------------------------------------------

def _model_name(cat: Catalogue, model_id: str) -> str:
    return cat.model(model_id).name.get(lang())


def _move(cat: Catalogue, model_id: str) -> None:
    a, label = assessment(), _model_name(cat, model_id)
    name = sc.free_name(a, lambda n: tr("scenarios.move_name_n", model=label, n=n),
                        tr("scenarios.move_name", model=label))
    made: list = []
    if run_edits(lambda t: made.append(sc.add_model_scenario(t, name, model_id, cat=cat))):
        scenario, kept = made[0]
        _focus(scenario.id)
        _flash("success", tr("scenarios.created", name=md(name)))
        _kept_note(cat, kept)


def _new_from_current(key: str) -> None:
    name = st.session_state.get(key, "")
    made: list = []
    if run_edit(lambda a: made.append(sc.add_scenario(a, name))):
        _focus(made[0].id)
        _flash("success", tr("scenarios.created", name=md(made[0].name)))


def creator(cat: Catalogue, a: Assessment) -> None:
    """One click for the demo: a scenario moving to another model; or a copy of the current state."""
    st.markdown(f"**{tr('scenarios.create_heading')}**")
    cols = st.columns([1] * len(cat.models) + [1.2], vertical_alignment="bottom")
    for col, m in zip(cols, cat.models):
        same = m.id == a.model and not m.variants
        col.button(tr("scenarios.move_name", model=_model_name(cat, m.id)), key=f"sc_move_{m.id}",
                   on_click=_move, args=(cat, m.id), disabled=same, icon=":material/swap_horiz:",
                   help=tr("scenarios.same_model") if same else tr("scenarios.move_help", model=_model_name(cat, m.id)),
                   width="stretch")
    with cols[-1].popover(tr("scenarios.new_from_current"), icon=":material/add:", width="stretch"):
        key = wkey("sc_new_name")
        st.text_input(tr("scenarios.name"), value=sc.free_name(a, lambda n: tr("scenarios.default_name", n=n)),
                      key=key, max_chars=80)
        st.button(tr("scenarios.create"), key="sc_new_create", type="primary", on_click=_new_from_current,
                  args=(key,))
    if not a.model:
        st.caption(tr("scenarios.no_model"))


# --- choosing, renaming, copying, deleting ---------------------------------------------------

def _pick(key: str) -> None:
    st.session_state[EDITING] = st.session_state[key]


def _rename(scenario_id: str, key: str) -> None:
    if run_edit(sc.rename_scenario, scenario_id, st.session_state.get(key, "")):
        _flash("success", tr("scenarios.renamed", name=md(assessment().scenario(scenario_id).name)))


def _copy(scenario_id: str) -> None:
    a = assessment()
    source = a.scenario(scenario_id).name
    name = sc.free_name(a, lambda n: tr("scenarios.copy_name_n", name=source, n=n),
                        tr("scenarios.copy_name", name=source))
    made: list = []
    if run_edit(lambda a_: made.append(sc.add_scenario(a_, name, copy_of=scenario_id))):
        _focus(made[0].id)
        _flash("success", tr("scenarios.created", name=md(made[0].name)))


def _delete(scenario_id: str) -> None:
    name = assessment().scenario(scenario_id).name
    if run_edit(sc.remove_scenario, scenario_id):
        compared = [c for c in st.session_state.get(COMPARED, []) if c != scenario_id]
        if len(compared) >= MIN_COLUMNS:
            st.session_state[COMPARED] = compared
        else:  # back to the default: the current state and the newest scenario
            st.session_state.pop(COMPARED, None)
        st.session_state.pop(EDITING, None)
        _flash("success", tr("scenarios.deleted", name=md(name)))


def chooser(a: Assessment) -> Scenario | None:
    """The scenario to edit, with rename, copy and delete. None without scenarios."""
    current = editing_id(a)
    if current is None:
        return None
    ids = [s.id for s in a.scenarios]
    c1, c2, c3, c4 = st.columns([3, 3, 1.2, 1.2], vertical_alignment="bottom")
    key = wkey("sc_pick")
    c1.selectbox(tr("scenarios.edit_which"), ids, index=ids.index(current), key=key,
                 format_func=lambda s: a.scenario(s).name, on_change=_pick, args=(key,),
                 placeholder=tr("widget.choose_one"))
    scenario = a.scenario(current)
    key = wkey(f"sc_rename_{current}")
    c2.text_input(tr("scenarios.rename"), value=scenario.name, key=key, max_chars=80,
                  on_change=_rename, args=(current, key), help=tr("scenarios.rename_help"))
    c3.button(tr("scenarios.copy"), key=f"sc_copy_{current}", on_click=_copy, args=(current,),
              icon=":material/content_copy:", width="stretch")
    with c4.popover(tr("scenarios.delete"), icon=":material/delete:", width="stretch"):
        st.markdown(tr("scenarios.delete_confirm", name=md(scenario.name)))
        st.button(tr("scenarios.delete_button"), key=f"sc_delete_{current}", type="primary",
                  on_click=_delete, args=(current,))
    return scenario


# --- editing one scenario ------------------------------------------------------------------

def _set_model(cat: Catalogue, scenario_id: str, key: str, variant_key: str | None) -> None:
    model = st.session_state[key]
    variant = st.session_state.get(variant_key) if variant_key else None
    kept: list = []
    if run_edit(lambda a: kept.extend(sc.set_scenario_model(a, scenario_id, model, variant, cat=cat))):
        _kept_note(cat, kept)


def model_editor(cat: Catalogue, scenario: Scenario) -> None:
    L = lang()
    models = [m.id for m in cat.models]
    c1, c2 = st.columns([1, 2])
    key = wkey(f"sc_model_{scenario.id}")
    variants = [v.id for v in cat.model(scenario.model).variants] if scenario.model else []
    variant_key = wkey(f"sc_variant_{scenario.id}") if variants else None
    c1.selectbox(tr("scenarios.model"), models, index=models.index(scenario.model) if scenario.model else None,
                 key=key, format_func={m: _model_name(cat, m) for m in models}.get, placeholder=tr("scenarios.no_model_short"),
                 on_change=_set_model, args=(cat, scenario.id, key, variant_key))
    if variants:
        names = {v.id: v.name.get(L) for v in cat.model(scenario.model).variants}
        # The variant applies with the model: the callback reads both boxes.
        c2.selectbox(tr("scenarios.variant"), variants, index=variants.index(scenario.variant)
                     if scenario.variant in variants else 0, key=variant_key, format_func=names.get,
                     on_change=_set_variant, args=(cat, scenario.id, variant_key), placeholder=tr("widget.choose_one"))


def _set_variant(cat: Catalogue, scenario_id: str, key: str) -> None:
    scenario = assessment().scenario(scenario_id)
    run_edit(sc.set_scenario_model, scenario_id, scenario.model, st.session_state[key], cat=cat)


def _set_status(scenario_id: str, role_id: str, key: str) -> None:
    run_edit(sc.set_scenario_role_status, scenario_id, role_id, st.session_state[key])


def role_editor(cat: Catalogue, scenario: Scenario) -> None:
    """One status box per role, grouped by function; a role differing from the scenario's model
    default is marked ✎ and listed."""
    L = lang()
    defaults = model_defaults(cat, scenario.model)
    changed = [r for r in cat.role_ids if scenario.roles[r].status != defaults[r]]
    if changed:
        st.caption(tr("scenarios.changed", roles=join(cat.role(r).name.get(L) for r in changed)))
    else:
        st.caption(tr("scenarios.unchanged"))
    options = status_options()
    short = {o: status_short_label(o) for o in options}  # fixed at render time, in this run's language
    singles = [f for f in cat.functions if len(cat.roles_of_function(f.id)) == 1]
    rows = [(f.name.get(L), cat.roles_of_function(f.id)) for f in cat.functions if f not in singles]
    # Functions of one role each (教育, 経営者, 組織運営, システム運用) share one row.
    rows.append((tr("sep.list").join(f.name.get(L) for f in singles),
                 tuple(cat.roles_of_function(f.id)[0] for f in singles)))
    width = 3
    for heading, roles in rows:
        st.markdown(f"**{heading}**")
        for start in range(0, len(roles), width):
            cols = st.columns(width)
            for col, role in zip(cols, roles[start:start + width]):
                status = scenario.roles[role.id].status
                mark = " ✎" if role.id in changed else ""
                # A stable key: a flip redraws 19 kept boxes instead of mounting 19 new ones.
                w = bound(f"sc_status_{scenario.id}_{role.id}", status, options)
                col.selectbox(role.name.get(L) + mark, options, **w,
                              format_func=short.get, on_change=_set_status, args=(scenario.id, role.id, w["key"]),
                              help=tr("scenarios.differs", default=status_label(defaults[role.id]))
                              if mark else None, placeholder=tr("widget.choose_one"))


def _add_hire(scenario_id: str, name_key: str, roles_key: str) -> None:
    name = st.session_state.get(name_key, "")
    if run_edit(sc.add_hire, scenario_id, name, st.session_state.get(roles_key) or []):
        _flash("success", tr("scenarios.hire_added", name=md(" ".join(name.split()))))


def _set_hire_roles(scenario_id: str, hire_id: str, key: str) -> None:
    run_edit(sc.set_hire_roles, scenario_id, hire_id, st.session_state.get(key) or [])


def hire_editor(cat: Catalogue, scenario: Scenario) -> None:
    """Planned hires: a name and roles among the scenario's in-house roles; assumed to meet the
    prerequisite targets of those roles."""
    L = lang()
    st.caption(tr("scenarios.hire_assumption"))
    in_house = [r for r in cat.role_ids if scenario.roles[r].status == "in_house"]
    name_of = lambda r: cat.role(r).name.get(L)  # noqa: E731
    for hire in scenario.hires:
        c1, c2, c3 = st.columns([2, 3, 1], vertical_alignment="bottom")
        c1.markdown(f"**{md(hire.name)}**")
        key = wkey(f"sc_hire_roles_{hire.id}")
        c2.multiselect(tr("scenarios.hire_roles"), in_house, default=[r for r in hire.roles if r in in_house],
                       key=key, format_func=name_of, on_change=_set_hire_roles, args=(scenario.id, hire.id, key),
                       label_visibility="collapsed", placeholder=tr("scenarios.hire_roles_placeholder"))
        c3.button(tr("scenarios.hire_remove"), key=f"sc_hire_rm_{hire.id}", icon=":material/person_remove:",
                  on_click=lambda h=hire.id: run_edit(sc.remove_hire, scenario.id, h), width="stretch")
    c1, c2, c3 = st.columns([2, 3, 1], vertical_alignment="bottom")
    name_key, roles_key = wkey(f"sc_hire_name_{scenario.id}"), wkey(f"sc_hire_new_roles_{scenario.id}")
    c1.text_input(tr("scenarios.hire_name"), key=name_key, max_chars=80,
                  value=_free_hire_name(scenario, assessment()))
    c2.multiselect(tr("scenarios.hire_roles"), in_house, key=roles_key, format_func=name_of,
                   placeholder=tr("scenarios.hire_roles_placeholder"))
    c3.button(tr("scenarios.hire_add"), key=f"sc_hire_add_{scenario.id}", icon=":material/person_add:",
              on_click=_add_hire, args=(scenario.id, name_key, roles_key), width="stretch")


def _free_hire_name(scenario: Scenario, a: Assessment) -> str:
    taken = {h.name for h in scenario.hires} | {p.name for p in a.people}
    n = 1
    while tr("scenarios.hire_default", n=n) in taken:
        n += 1
    return tr("scenarios.hire_default", n=n)


def editor(cat: Catalogue, scenario: Scenario) -> None:
    with st.container(border=True):
        st.markdown(f"**{tr('scenarios.edit_heading', name=md(scenario.name))}**")
        model_editor(cat, scenario)
        role_editor(cat, scenario)
        st.markdown(f"**{tr('scenarios.hires_heading')}**")
        hire_editor(cat, scenario)


def compared_ids(a: Assessment) -> list[str]:
    """The columns to compare: the choice made, else the current state and the newest scenario."""
    known = [CURRENT, *(s.id for s in a.scenarios)]
    chosen = [c for c in st.session_state.get(COMPARED, []) if c in known]
    if not chosen:
        chosen = known[:1] + known[-1:] if len(known) > 1 else known
    return chosen[:MAX_COLUMNS]
