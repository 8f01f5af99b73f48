"""The language of this browser session, and `tr`, the one way the UI gets its text."""
import streamlit as st

from csirt_data.i18n import LANGS, translate

LANG_KEY = "lang"


def lang() -> str:
    return st.session_state.get(LANG_KEY, "ja")


def set_lang(value: str) -> None:
    if value in LANGS:
        st.session_state[LANG_KEY] = value


def tr(key: str, **args) -> str:
    return translate(key, lang(), **args)


def join(items) -> str:
    """A list in running text: 「A、B」 in Japanese, "A, B" in English."""
    return tr("sep.list").join(items)
