"""Issue 12 items 4 and 6 in the app: a value from a link or typed text placed in a message is
inert text cut to length, and a character that cannot be kept is refused naming the field."""
from components.session.i18n import translate
from tests.app.helpers import app, assessment, no_errors


def test_a_markdown_a_parameter_is_quoted_as_text_and_cut():
    at = app()
    at.query_params["a"] = "[Session expired](http://evil.example/x) ![t](http://evil.example/t.png)" + "x" * 20000
    at.run()
    no_errors(at)
    (warning,) = [w.value for w in at.warning]
    assert "\\[Session expired\\]\\(http\u2060\\:\\/\\/evil" in warning  # escaped, autolink broken
    assert "](http" not in warning and len(warning) < 400


def test_a_nul_a_parameter_is_not_found():
    at = app()
    at.query_params["a"] = "\x00"
    at.run()
    no_errors(at)
    assert any("\\\\u0000" in w.value or "\\u0000" in w.value for w in at.warning), [w.value for w in at.warning]


def test_a_control_character_typed_in_the_organisation_is_refused_naming_the_field():
    at = app(demo="A")
    before = assessment(at).organisation
    box = next(t for t in at.sidebar.text_input if t.label == translate("sidebar.organisation", "ja"))
    box.input("a\x00b").run()
    no_errors(at)
    assert assessment(at).organisation == before
    assert any("組織名" in e.value and "U\\+0000" in e.value for e in at.error), [e.value for e in at.error]
