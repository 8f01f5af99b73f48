"""The language of this browser session, and `tr`, the one way the UI gets its text."""
import threading
from contextlib import contextmanager

import streamlit as st

from csirt_data.i18n import LANGS, translate

LANG_KEY = "lang"
_fixed = threading.local()


def lang() -> str:
    return getattr(_fixed, "lang", None) or st.session_state.get(LANG_KEY, "ja")


@contextmanager
def fixed_lang(value: str):
    """The language for code running outside a script run (a download generated on click runs on
    Streamlit's worker thread, where there is no session state)."""
    _fixed.lang = value
    try:
        yield
    finally:
        _fixed.lang = None


def set_lang(value: str) -> None:
    if value in LANGS:
        st.session_state[LANG_KEY] = value


def tr(key: str, **args) -> str:
    return translate(key, lang(), **args)


def join(items) -> str:
    """A list in running text: 「A、B」 in Japanese, "A, B" in English."""
    return tr("sep.list").join(items)
