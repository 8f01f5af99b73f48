"""Job postings and RFP scopes: pick a role, the kind of document and its language; edit the
generated Markdown; preview it; download it as .md or .docx.

The choices and the user's edits live in session state under one key (not in widget state, which
Streamlit forgets when the page is left). Edits are kept per (assessment, role, kind, language),
so switching back and forth never loses them; "reset" drops the edit of the current document."""
from __future__ import annotations

import hashlib
import re

import streamlit as st

from assessment.exchange.docx_export import MAX_CHARS, markdown_to_docx
from assessment.plans.postings import KINDS, LANGS, file_name, generate
from csirt_data import Catalogue

from components.session.i18n import join, lang, tr
from components.session.labels import break_autolinks, md
from components.session.state import assessment, derived

STORE = "_postings"
MIME_MD = "text/markdown"
MIME_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _store(cat: Catalogue) -> dict:
    a = assessment()
    store = st.session_state.setdefault(STORE, {"edits": {}, "nonce": 0})
    # Another assessment (a demo, an opened file): start again from its first gap or outsourced role.
    if store.get("role") not in cat.role_ids or store.get("assessment") != a.id:
        store["assessment"] = a.id
        store["role"] = default_role(cat)
        store["kind"] = "rfp" if a.roles.get(store["role"]) and a.status(store["role"]) == "outsourced" else "posting"
    store.setdefault("kind", "posting")
    store.setdefault("lang", lang())
    return store


def default_role(cat: Catalogue) -> str:
    """The first role (in the document's order) that is a gap or outsourced; else the first role."""
    a = assessment()
    return next((r for r in cat.role_ids if r in a.roles and a.status(r) in ("gap", "outsourced")), cat.role_ids[0])


def _copy(widget_key: str, field: str) -> None:
    st.session_state[STORE][field] = st.session_state[widget_key]


def _choices(cat: Catalogue, store: dict) -> None:
    a, L = assessment(), lang()
    c1, c2, c3 = st.columns([3, 2, 2])
    ids = list(cat.role_ids)
    # Keys tied to the assessment: another assessment's page starts from its own defaults.
    keys = {f: f"postings_{f}@{a.id}" for f in ("role", "kind", "lang")}

    # Labels made now, in this run's language: format_func is also called outside the run.
    labels = {r: tr("postings.role_option", role=cat.role(r).name.get(L), status=tr(f"status.{a.status(r)}"))
              if r in a.roles else cat.role(r).name.get(L) for r in ids}
    c1.selectbox(tr("postings.role"), ids, index=ids.index(store["role"]), format_func=labels.get,
                 key=keys["role"], on_change=_copy, args=(keys["role"], "role"), placeholder=tr("widget.choose_one"))
    kind_names = {"posting": tr("postings.kind.posting"), "rfp": tr("postings.kind.rfp")}
    c2.radio(tr("postings.kind"), KINDS, index=KINDS.index(store["kind"]), format_func=kind_names.get,
             horizontal=True, key=keys["kind"], on_change=_copy, args=(keys["kind"], "kind"))
    lang_names = {"ja": tr("postings.lang.ja"), "en": tr("postings.lang.en")}
    c3.radio(tr("postings.doc_lang"), LANGS, index=LANGS.index(store["lang"]), format_func=lang_names.get,
             horizontal=True, key=keys["lang"], on_change=_copy, args=(keys["lang"], "lang"),
             help=tr("postings.doc_lang_help"))

    gaps = [cat.role(r).name.get(L) for r in ids if r in a.roles and a.status(r) == "gap"]
    outsourced = [cat.role(r).name.get(L) for r in ids if r in a.roles and a.status(r) == "outsourced"]
    if gaps:
        st.caption(tr("postings.hint_gaps", roles=md(join(gaps))))
    if outsourced:
        st.caption(tr("postings.hint_outsourced", roles=md(join(outsourced))))
    if not gaps and not outsourced:
        st.caption(tr("postings.hint_none"))


def _doc_key(store: dict) -> tuple:
    return (assessment().id, store["role"], store["kind"], store["lang"])


def _save_edit(widget_key: str, doc_key: tuple, generated: str) -> None:
    edits = st.session_state[STORE]["edits"]
    text = st.session_state[widget_key]
    if text == generated:
        edits.pop(doc_key, None)
    else:
        edits[doc_key] = text


def _reset(doc_key: tuple) -> None:
    store = st.session_state[STORE]
    store["edits"].pop(doc_key, None)
    store["nonce"] += 1  # a new text area, showing the generated text again


def postings(cat: Catalogue) -> None:
    store = _store(cat)
    _choices(cat, store)
    role, kind, doc_lang = store["role"], store["kind"], store["lang"]
    generated = derived("posting_text", lambda a: generate(cat, a, role, kind, doc_lang), role, kind, doc_lang)
    doc_key = _doc_key(store)
    edited = doc_key in store["edits"]
    text_value = store["edits"].get(doc_key, generated)
    digest = hashlib.sha1(generated.encode("utf-8")).hexdigest()[:10]
    widget_key = f"postings_text@{'.'.join(doc_key)}.{store['nonce']}.{digest}"

    left, right = st.columns(2, gap="large")
    with left:
        text = st.text_area(tr("postings.editor"), text_value, height=640, max_chars=MAX_CHARS, key=widget_key,
                            help=tr("postings.editor_help"), on_change=_save_edit,
                            args=(widget_key, doc_key, generated))
        if edited:
            st.caption(tr("postings.edited"))
        st.button(tr("postings.reset"), key="postings_reset", on_click=_reset, args=(doc_key,),
                  disabled=not edited, icon=":material/restart_alt:")
        _downloads(text, role, kind, doc_lang)
    with right:
        st.markdown(f"**{tr('postings.preview')}**")
        with st.container(border=True, height=700):
            if text.strip():
                # Never unsafe_allow_html: HTML the user types stays text. Headings two levels down:
                # the preview is half a page wide. A name with a URL (the organisation's) does not
                # become a link: autolinks are broken here, the download keeps the text as it is.
                st.markdown(break_autolinks(_smaller_headings(text)))


def _smaller_headings(text: str) -> str:
    return re.sub(r"^(#{1,4})(?=\s)", r"\1##", text, flags=re.MULTILINE)


def _downloads(text: str, role: str, kind: str, doc_lang: str) -> None:
    if not text.strip():
        st.warning(tr("postings.empty"), icon=":material/edit_off:")
        return
    if len(text) > MAX_CHARS:
        st.warning(tr("postings.too_long", length=len(text), limit=MAX_CHARS))
        return
    # One under the other, full width: side by side the labels were cut off in the half-page column.
    st.download_button(tr("postings.download_md"), text.encode("utf-8", "replace"), file_name(role, kind, doc_lang, "md"),
                       MIME_MD, key="dl_posting_md", icon=":material/description:", on_click="ignore",
                       width="stretch")
    # Converted on click, on Streamlit's worker thread (~30 ms a run otherwise). The only texts the
    # converter refuses, empty or too long, were turned away above.
    st.download_button(tr("postings.download_docx"), lambda: markdown_to_docx(text, lang=doc_lang),
                       file_name(role, kind, doc_lang, "docx"), MIME_DOCX,
                       key="dl_posting_docx", icon=":material/article:", on_click="ignore",
                       width="stretch")
