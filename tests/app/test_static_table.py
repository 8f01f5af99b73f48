"""Read-only tables of the document's data drawn as one HTML element (issue 13: st.table drew each
cell as its own element): 付録1 on the Model and Reference pages and the glossary, whole, with the
✓ where the document has it, and every value and header escaped, never HTML."""
import html

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from csirt_data import load_catalogue
from csirt_data.i18n import translate
from tests.app.helpers import app, no_errors

CAT = load_catalogue()


def _bodies(at) -> list[str]:
    return [h.proto.body for h in at.get("html")]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_appendix1_on_the_model_page_is_whole(lang):
    at = app(demo="B", lang=lang, page="model")
    no_errors(at)
    assert not at.table
    [body] = [b for b in _bodies(at) if "csc-table" in b]
    for r in CAT.roles:
        assert html.escape(r.label(lang)) in body
    for m in CAT.models:
        assert f">{html.escape(m.name.get(lang))}</th>" in body
    assert body.count(">✓</td>") == sum(len(m.outsourced) for m in CAT.models)


def test_values_and_headers_are_text():
    def page():
        import pandas as pd  # noqa: F811 (the script runs on its own)
        from components.charts.static_table import static_table
        static_table(pd.DataFrame({"<b>h</b>": ["<img src=x onerror=alert(1)>", "a & b", None]}), "t")

    at = AppTest.from_function(page).run()
    [body] = _bodies(at)
    assert "<img" not in body and "<b>h" not in body
    assert "None" not in body and ">—</td>" in body  # an empty cell is a dash, never Python's None
    assert "&lt;img src=x onerror=alert(1)&gt;" in body and "&lt;b&gt;h&lt;/b&gt;" in body and "a &amp; b" in body


@pytest.mark.parametrize("tab, name", [("ref.tab_glossary", "csc-t-abbreviations"), ("ref.tab_models", "csc-t-appendix1")])
def test_the_reference_pages_tables_are_whole(tab, name):
    at = app(lang="en", page="reference")
    at.session_state["ref_tab"] = translate(tab, "en")  # the tab opened
    at.run()
    no_errors(at)
    [body] = [b for b in _bodies(at) if name in b]
    if name == "csc-t-abbreviations":
        for x in CAT.glossary.abbreviations:
            assert html.escape(x.term) in body and html.escape(x.expansion) in body
    else:
        assert body.count(">✓</td>") == sum(len(m.outsourced) for m in CAT.models)
