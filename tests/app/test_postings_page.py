"""The postings page under streamlit.testing: role, kind and document language; edits kept per
document; reset; preview; downloads; empty text."""
import pytest

from assessment.plans.postings import generate
from csirt_data import load_catalogue
from tests.app.helpers import app, assessment, by_key, no_errors

CAT = load_catalogue()
FIRST_OPEN = {"A": "researcher", "B": "researcher", "C": "executive", "D": "researcher"}


def text_area(at):
    return by_key(at.text_area, "postings_text")


def widget(elements, key):
    return by_key(elements, key)


def downloads(at):
    return [b.proto.label for b in at.get("download_button")]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("demo", ["A", "B", "C", "D"])
def test_page_shows_the_first_gap_or_outsourced_role(demo, lang):
    at = app(demo=demo, lang=lang, page="postings")
    no_errors(at)
    assert at.title[0].value == ("募集要項・RFP" if lang == "ja" else "Job postings and RFPs")
    a = assessment(at)
    role = widget(at.selectbox, "postings_role").value
    open_roles = [r for r in CAT.role_ids if a.status(r) in ("gap", "outsourced")]
    assert role == (open_roles[0] if open_roles else CAT.role_ids[0])
    if demo != "C":
        assert role == FIRST_OPEN[demo]
    kind = widget(at.radio, "postings_kind").value
    assert kind == ("rfp" if a.status(role) == "outsourced" else "posting")
    # The document starts in the screen's language; its text is the generator's.
    assert widget(at.radio, "postings_lang").value == lang
    assert text_area(at).value == generate(CAT, a, role, kind, lang)
    assert len(downloads(at)) == 2
    hint = " ".join(c.value for c in at.caption)
    if open_roles:
        assert CAT.role(open_roles[0]).name.get(lang) in hint


def test_choices_regenerate_and_the_document_language_is_independent():
    at = app(demo="B", lang="ja", page="postings")
    a = assessment(at)
    widget(at.selectbox, "postings_role").set_value("investigator").run()  # a gap in demo B
    widget(at.radio, "postings_kind").set_value("posting").run()
    assert text_area(at).value == generate(CAT, a, "investigator", "posting", "ja")
    widget(at.radio, "postings_lang").set_value("en").run()
    no_errors(at)
    text = text_area(at).value
    assert text == generate(CAT, a, "investigator", "posting", "en")
    assert text.startswith("# Job posting: Investigator")
    assert at.title[0].value == "募集要項・RFP"  # the screen stays Japanese
    widget(at.radio, "postings_kind").set_value("rfp").run()
    assert text_area(at).value.startswith("# Request for proposal (RFP) scope: Investigator")


def test_edits_are_kept_per_document_and_reset_restores():
    at = app(demo="A", lang="ja", page="postings")
    a = assessment(at)
    generated = text_area(at).value
    text_area(at).input(generated + "\n\n追記：社内規程に従うこと。\n").run()
    no_errors(at)
    assert "追記：社内規程に従うこと。" in text_area(at).value
    assert "追記：社内規程に従うこと。" in " ".join(m.value for m in at.markdown)  # the preview
    assert not widget(at.button, "postings_reset").disabled
    # Another document, then back: the edit is still there.
    widget(at.selectbox, "postings_role").set_value("curator").run()
    assert text_area(at).value == generate(CAT, a, "curator", "rfp", "ja")
    widget(at.radio, "postings_lang").set_value("en").run()
    widget(at.selectbox, "postings_role").set_value("researcher").run()
    assert "追記" not in text_area(at).value  # the English document has no edit
    widget(at.radio, "postings_lang").set_value("ja").run()
    assert "追記：社内規程に従うこと。" in text_area(at).value
    # Another page and back: still there.
    at.switch_page("app_pages/results.py").run()
    at.switch_page("app_pages/postings.py").run()
    assert "追記：社内規程に従うこと。" in text_area(at).value
    widget(at.button, "postings_reset").click().run()
    no_errors(at)
    assert text_area(at).value == generated
    assert widget(at.button, "postings_reset").disabled


def test_empty_text_gets_a_message_and_no_downloads():
    at = app(demo="A", lang="en", page="postings")
    text_area(at).input("   ").run()
    no_errors(at)
    assert any("The text is empty" in w.value for w in at.warning)
    assert downloads(at) == []


def test_html_in_the_text_is_not_interpreted_in_the_preview():
    at = app(demo="A", lang="ja", page="postings")
    text_area(at).input("# 見出し\n\n<img src=x onerror=alert(1)> <b>太字?</b>\n").run()
    no_errors(at)
    preview = [m for m in at.markdown if "見出し" in m.value]
    assert preview and all(not m.proto.allow_html for m in preview)
    assert len(downloads(at)) == 2


def test_organisation_name_is_escaped_in_the_generated_text():
    at = app(demo="A", lang="en", page="postings")
    assessment(at).organisation = "<b>Evil</b> *Corp*"
    assessment(at).version += 1
    at.run()
    no_errors(at)
    assert "\\<b\\>Evil\\</b\\> \\*Corp\\*" in text_area(at).value


def test_another_assessment_starts_from_its_own_first_open_role():
    at = app(demo="C", lang="ja", page="postings")
    widget(at.selectbox, "postings_role").set_value("educator").run()
    at.query_params["demo"] = "B"
    at.run()
    no_errors(at)
    assert widget(at.selectbox, "postings_role").value == "researcher"
    assert widget(at.radio, "postings_kind").value == "rfp"
