"""The sidebar every page shares: language, the organisation being assessed, and progress."""
import streamlit as st

from assessment.core.edit import set_organisation

from components.session import persistence
from components.session.actor import current_actor
from components.session.i18n import lang, set_lang, tr
from components.session.state import assessment, bound, catalogue, run_edit, summary


def _switch_lang(key: str) -> None:
    set_lang("en" if st.session_state[key] == "English" else "ja")


_ORG_ERROR = "_sidebar_edit_error"


def _set_organisation(key: str) -> None:
    if not run_edit(set_organisation, st.session_state[key]):
        st.session_state[_ORG_ERROR] = st.session_state.pop("_edit_error", None)


def language_switch(key: str = "lang_switch") -> None:
    """日本語 | English, wherever it is drawn (the sidebar; the login screen)."""
    st.session_state[key] = "English" if lang() == "en" else "日本語"
    st.segmented_control(tr("sidebar.language"), ["日本語", "English"], key=key, required=True,
                         on_change=_switch_lang, args=(key,))


def render(work_status: bool = True) -> None:
    a = assessment()
    with st.sidebar:
        language_switch()
        if current_actor().kind != "editor":
            return  # a participant or viewer link: the language only, no team figures, no edits
        w = bound("org", a.organisation)
        st.text_input(tr("sidebar.organisation"), **w,
                      placeholder=tr("sidebar.organisation_placeholder"), max_chars=200,
                      on_change=_set_organisation, args=(w["key"],))
        if st.session_state.get(_ORG_ERROR):  # shown here: not every page shows edit errors
            st.error(st.session_state.pop(_ORG_ERROR), icon=":material/block:")
        figures(work_status)


def figures(work_status: bool = True) -> None:
    """The work's figures: model, headcount, and (unless the page's own fragment draws them) the
    save status and rating progress."""
    a = assessment()
    if a.sample:
        st.caption(tr("sidebar.sample"))
    cat = catalogue()
    model = cat.model_label(a.model, a.variant, lang()) or tr("sidebar.no_model")
    st.markdown(f"**{tr('sidebar.model')}**: {model}")
    s = summary()
    st.markdown(f"**{tr('sidebar.people')}**: {len(a.people)} / {tr('sidebar.minimum')} {s.minimum_headcount}")
    if work_status:
        work_status_lines()


def work_status_lines() -> None:
    """Saved or not, and how much of the team is rated: the sidebar's last lines. A page whose
    fragment changes them (the Skills page's rating panel) draws them from there, into the sidebar."""
    persistence.sidebar_status()
    s = summary()
    if s.to_rate:
        st.progress(min(s.rated / s.to_rate, 1.0), text=tr("sidebar.rated", rated=s.rated, total=s.to_rate))
