"""The Model page's four cards (section 5 of the document): each shows its name, definition, every
description paragraph and every role it outsources, in both languages, as one Markdown element
per card (issue 13: each element costs a page load); the chosen one is marked."""
import pytest

from components.session.labels import md
from csirt_data import load_catalogue
from csirt_data.i18n import translate
from tests.app.helpers import app, no_errors

CAT = load_catalogue()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_card_shows_the_documents_text_in_one_element(lang):
    at = app(demo="B", lang=lang, page="model")
    no_errors(at)
    texts = [m.value for m in at.markdown]
    for m in CAT.models:
        [card] = [t for t in texts if t.startswith(f"### {md(m.name.get(lang))}")]
        assert md(m.definition.get(lang)) in card
        for para in m.description:
            assert md(para.get(lang)) in card
        for r in m.outsourced:
            assert f"- {md(CAT.role(r).label(lang))}" in card
        if not m.outsourced:
            assert translate("model.none_outsourced", lang) in card
        assert (translate("model.selected", lang) in card) == (m.id == "B")
