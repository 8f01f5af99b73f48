"""The session's single Assessment, the URL parameters that set it up, and per-version caches.

Widgets never hold the work: they read the Assessment and change it through assessment.core.edit in
their callbacks. Streamlit forgets widget state when a page is left; the Assessment does not."""
from __future__ import annotations

import copy
from typing import Any, Callable

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from assessment.core.demos import DEMO_MODELS, demo_assessment
from assessment.core.edit import EditError, new_assessment
from assessment.core.model import Assessment
from assessment.scores.scoring import score_roles, summarise
from assessment.team.access import shared_mode
from csirt_data import load_catalogue

from components.account import identity
from components.session import echoes, reconnect
from components.session.i18n import LANG_KEY, lang, set_lang, tr
from components.session.safe_text import quote

KEY = "assessment"
_CACHE = "_derived"
FRESH = "_fresh"  # (id, edit version) of a sample as opened: stored only once the user changes it
_BOUND = "_bound"  # {name@id: (generation, value shown)}: each bound widget's key and what it shows


def catalogue():
    return load_catalogue()


def assessment() -> Assessment:
    if KEY not in st.session_state:
        st.session_state[KEY] = new_assessment()
        # A new session: after a server restart its first event can be an edit in a tab that was
        # open before (reconnect.py). Open the URL's saved assessment (?a=) at once, so that edit
        # lands on it and not on an empty new one.
        reconnect.start()
        from components.session.persistence import open_from_url  # it imports this module

        # In shared mode only a link opens an assessment (components/team/gate.py); with login,
        # only after the user's right to it is checked (components/account/rights.py).
        if not shared_mode() and not identity.configured():
            open_from_url()
    return st.session_state[KEY]


def replace_assessment(a: Assessment) -> None:
    """Another assessment becomes the work (new, a sample, opened, imported). It is saved as new
    unless persistence.open_assessment says it is already stored."""
    st.session_state[KEY] = a
    st.session_state.pop(_CACHE, None)
    # The new work may have the same id and version as the old (a reload after a conflict): widget
    # keys must still change, or widgets would keep showing the old values.
    st.session_state["_nonce"] = st.session_state.get("_nonce", 0) + 1
    # It is saved whole when it is saved as new: the edits that built it are no pending ops.
    a.journal = []
    for key in ("_stored", "_held", "_deleted", FRESH):
        st.session_state.pop(key, None)


def swap_in(a: Assessment) -> None:
    """A changed copy of the current work (same id, later version) takes its place; it is saved as
    the same assessment, like any other change."""
    assert a.id == assessment().id and a.version >= assessment().version
    st.session_state[KEY] = a


def derived(name: str, compute: Callable[[Assessment], Any], *extra) -> Any:
    """`compute(a)`, computed once per assessment version (and extra key parts such as the
    language), so a rerun that changed nothing recomputes nothing."""
    a = assessment()
    cache = st.session_state.setdefault(_CACHE, {})
    key = (name, a.id, a.version, *extra)
    if key not in cache:
        # Values of earlier versions (or another assessment) are never asked for again.
        for old in [k for k in cache if k[1:3] != (a.id, a.version)]:
            del cache[old]
        cache[key] = compute(a)
    return cache[key]


def scores():
    """Every role's score for the current version (shared by the sidebar, Results and exports)."""
    return derived("scores", score_roles)


def summary():
    """The headline figures, from the same role scores (summarise would otherwise score again)."""
    return derived("summary", lambda a: summarise(a, scores=scores()))


def apply_url() -> None:
    """?lang=ja|en and ?demo=A|B|C|D, on any page. A bad value gets a message and changes nothing."""
    assessment()  # a new session opens ?a= here, once (see assessment())
    params = st.query_params
    wanted = params.get("lang")
    if wanted is not None and st.session_state.get("_url_lang") != wanted:
        st.session_state["_url_lang"] = wanted
        if wanted in ("ja", "en"):
            set_lang(wanted)
        else:
            url_error(tr("url.bad_lang", value=quote(wanted, 20)))
    demo = params.get("demo")
    if demo is not None and st.session_state.get("_url_demo") != demo:
        st.session_state["_url_demo"] = demo
        if demo.upper() in DEMO_MODELS:
            # The sample becomes the user's own saved copy (?a=…) once they change it.
            open_demo(demo.upper())
        else:
            url_error(tr("url.bad_demo", value=quote(demo, 20)))
    # Streamlit clears query parameters when the page changes; keep the language in the URL so
    # that a copied link opens in the same language.
    if params.get("lang") != lang():
        params["lang"] = lang()
        # What the app writes into the URL is not a request from the user: remember it as seen,
        # or the next run would take it for one and undo a switch made in the sidebar.
        st.session_state["_url_lang"] = lang()
    st.session_state.setdefault(LANG_KEY, lang())


def url_error(message: str) -> None:
    """A problem with a link (bad parameter, missing assessment), shown once above the page."""
    st.session_state.setdefault("_url_errors", []).append(message)


def show_url_error() -> None:
    for msg in st.session_state.pop("_url_errors", []):
        st.warning(msg, icon=":material/warning:")


def in_fragment_run() -> bool:
    """This run reruns a fragment only (not the whole page)."""
    ctx = get_script_run_ctx()
    return bool(ctx and ctx.fragment_ids_this_run)


def run_edit(fn: Callable, *args, **kwargs) -> bool:
    """Runs an assessment.core.edit function from a callback; a refused change becomes a message on
    the next run instead of an exception. Returns whether it was applied.

    Never in a fragment run: the app's fragments (live.py's poll, persistence's save retry) hold no
    widget, so a widget callback there is the browser re-sending a value it showed before someone
    else's change arrived, and applying it would undo that change. Mostly it is a widget the browser
    is about to replace (an older key; the run that replaces it was already sent); one as drawn now
    is seen by live.py (bound_widget_stale), which asks for a full run to redraw it."""
    if in_fragment_run():
        return False
    if echoes.watching():  # just after others' change: checked on a copy first (echoes.py)
        return run_edits(lambda a: fn(a, *args, **kwargs))
    try:
        fn(assessment(), *args, **kwargs)
        return True
    except EditError as exc:
        _refused(exc)
        return False


def run_edits(fn: Callable[[Assessment], None], *, deliberate: bool = False) -> bool:
    """Several changes as one: applied to a copy, which replaces the work only if every change
    was accepted. Nothing is half-applied. `deliberate`: the changes are actions the user made just
    now in a widget that queues them itself (the rating widget, components/rating), never a value a
    browser re-sends: applied in a fragment run too, and never taken for an echo."""
    if not deliberate and in_fragment_run():
        return False
    a = assessment()
    trial = copy.deepcopy(a)
    made = len(trial.journal)
    try:
        fn(trial)
    except EditError as exc:
        _refused(exc)
        return False
    if not deliberate and echoes.watching() and echoes.is_echo(trial, trial.journal[made:]):
        st.session_state["_nonce"] = st.session_state.get("_nonce", 0) + 1
        return False
    st.session_state[KEY] = trial
    return True


def refusal_text(exc: EditError) -> str:
    """Why a change was refused, in the session's language (Markdown, with quoted input inert)."""
    cat, args = catalogue(), dict(exc.args_)
    if args.get("role") in cat.role_ids:
        args["role"] = cat.role(args["role"]).name.get(lang())
    # The message is Markdown and may quote what the user typed: make that inert.
    return tr(exc.key, **{k: quote(str(v), 120) for k, v in args.items()})


def report_refusals(errors: list[EditError]) -> None:
    """Refusals of changes a widget queued (one message each), shown by the page's show_edit_error."""
    st.session_state["_edit_error"] = "\n\n".join(refusal_text(e) for e in errors)


def _refused(exc: EditError) -> None:
    st.session_state["_edit_error"] = refusal_text(exc)
    # The widgets showing the refused value start again from the Assessment.
    st.session_state["_nonce"] = st.session_state.get("_nonce", 0) + 1


def show_edit_error() -> None:
    msg = st.session_state.pop("_edit_error", None)
    if msg:
        st.error(msg, icon=":material/block:")


_UNSET = object()


def _key(base: str, generation: int) -> str:
    return f"{base}.{generation}" if generation else base


def bound(name: str, value: Any, options=None) -> dict:
    """The key and default of a widget showing `value` (from the Assessment): pass both on,
    `st.selectbox(label, options, **bound(name, value, options), …)`; `index=` into `options` for
    a choice, else `value=`. The key is stable, so the widget survives reruns, which the browser
    redraws far faster than new widgets. When the two differ (a change made elsewhere: someone
    else's saved change, a refused edit, another assessment opened) the widget gets a fresh key: the
    old key keeps its old value, so a browser that sends that old value back (it had not drawn the
    new one yet) fires no on_change that would undo the other change.

    A fresh key has no session state, so its default is what it shows. The value is never written
    into session state: Streamlit sends such a value only with the run that wrote it, and a browser
    that missed that run's output (a busy server starts the next run before sending it) drew the
    widget from its default instead, the first option, and sent that back (issue 13: four racing
    browsers)."""
    base = f"{name}@{assessment().id}"
    drawn = st.session_state.setdefault(_BOUND, {})
    n = drawn.get(base, (0, None))[0]
    key = _key(base, n)
    if reconnect.keeps_browser_value(key, value):
        shown = st.session_state.get(key, value)  # after a server restart: the browser's value is the user's edit
    else:
        held = st.session_state.get(key, _UNSET)
        if held is not _UNSET and held != value:
            n, key = n + 1, _key(base, n + 1)
        shown = value
    drawn[base] = (n, shown)
    if options is None:
        return {"key": key, "value": value}
    return {"key": key, "index": None if value is None else options.index(value)}


def bound_widget_stale() -> bool:
    """A bound widget as drawn now holds another value than the one it was drawn with: the browser
    sent it in a fragment run, where it was refused (run_edit), so the page must redraw it. A widget
    no longer on the page has no state (Streamlit forgets it) and does not count. Only in the few
    seconds after others' change (echoes.watching): the only time a browser re-sends such a value."""
    if not echoes.watching():
        return False
    for base, (n, shown) in st.session_state.get(_BOUND, {}).items():
        got = st.session_state.get(_key(base, n), _UNSET)
        if got is not _UNSET and got != shown:
            return True
    return False


def wkey(name: str) -> str:
    """A widget key tied to the assessment's version: after any change every widget starts again
    from the Assessment, so a widget never shows a stale value."""
    a = assessment()
    return f"{name}@{a.id}.{a.version}.{st.session_state.get('_nonce', 0)}"


def start_new() -> None:
    replace_assessment(new_assessment())


def open_demo(model_id: str) -> None:
    """A sample, shown but not stored until the user changes something (persistence.autosave)."""
    a = demo_assessment(model_id)
    replace_assessment(a)
    st.session_state[FRESH] = (a.id, a.version)
