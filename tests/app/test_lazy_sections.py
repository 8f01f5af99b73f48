"""Sections built only when opened (a faster page load, issue 13): each shows its content once
opened, in the page's language, with no missing UI text; closed, it builds nothing."""
import pytest

from csirt_data import load_catalogue
from csirt_data.i18n import translate
from tests.app.helpers import app, no_errors, open_lazy

CAT = load_catalogue()


def _texts(at) -> str:
    return "\n".join(e.value for kind in ("markdown", "caption") for e in getattr(at, kind))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_models_details_show_once_opened(lang):
    at = app(demo="B", lang=lang, page="model")
    policy = {m: CAT.model(m).outsourcing_policy.get(lang) for m in "ABCD"}
    assert not any(p in _texts(at) for p in policy.values())  # closed: not built
    for m in "ABCD":
        open_lazy(at, f"model_details_{m}")
        no_errors(at)
        assert policy[m] in _texts(at) and "⟨" not in _texts(at)
        assert translate("model.education_common", lang) in _texts(at)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_targets_and_the_staffing_rule_show_once_opened(lang):
    at = app(demo="C", lang=lang, page="skills")
    assert not [s for s in at.selectbox if (s.key or "").startswith("target_")]  # closed: not built
    open_lazy(at, "targets")
    no_errors(at)
    assert [s.label for s in at.selectbox if (s.key or "").startswith("target_")] == [
        translate("kind.prerequisite", lang), translate("kind.additional", lang)]
    at = app(demo="C", lang=lang, page="staffing")
    assert not any(g.name.get(lang) in _texts(at) for g in CAT.groups)
    open_lazy(at, "staffing_rule")
    no_errors(at)
    assert all(g.name.get(lang) in _texts(at) for g in CAT.groups) and "⟨" not in _texts(at)
