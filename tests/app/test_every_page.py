"""Every page, in both languages, empty and with every demo: it renders, without an exception,
in the chosen language, with no missing UI text."""
import pytest

from csirt_data.i18n import translate
from tests.app.helpers import PAGES, app, assessment, no_errors
from tests.app_pages_table import page_h1_key


def _all_text(at) -> str:
    parts = [e.value for kind in ("title", "markdown", "caption", "info", "warning", "error", "success",
                                  "subheader", "header", "metric") for e in getattr(at, kind)
             if isinstance(getattr(e, "value", None), str)]
    parts += [e.label for e in at.metric]
    return "\n".join(parts)


@pytest.mark.parametrize("demo", [None, "A", "B", "C", "D"])
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_renders(page, lang, demo):
    at = app(demo=demo, lang=lang, page=page)
    no_errors(at)
    assert at.title[0].value == translate(page_h1_key(page), lang)
    assert "⟨" not in _all_text(at), "a UI text key is missing from ui_text.yaml"
    a = assessment(at)
    if demo:
        assert a.sample and a.model == demo
    else:
        assert not a.people and a.model is None


def test_sidebar_on_every_page():
    at = app(demo="B")
    for page in PAGES:
        at = at.switch_page(f"app_pages/{page}.py").run()
        no_errors(at)
        assert [s.label for s in at.sidebar.segmented_control] == ["表示言語"]
        assert any(t.value == "サンプル株式会社（モデルB）" for t in at.sidebar.text_input)
