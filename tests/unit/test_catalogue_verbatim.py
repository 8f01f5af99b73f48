"""Every Japanese text in the catalogue occurs in the document, and each section's skill lists
match the document's, sentence by sentence and in order."""
import re

import pytest
import yaml

from csirt_data import CATALOGUE_DIR, KINDS, load_catalogue
from tests.conftest import squash

cat = load_catalogue()
JA_KEYS = {"ja", "as_written", "in_section", "sentence"}


def _japanese_texts(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in JA_KEYS and isinstance(v, str):
                yield f"{path}.{k}", v
            elif k == "variants" and isinstance(v, list) and all(isinstance(x, str) for x in v):
                for i, x in enumerate(v):
                    yield f"{path}.variants[{i}]", x
            else:
                yield from _japanese_texts(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _japanese_texts(v, f"{path}[{i}]")


ALL_TEXTS = [(f.name + p, t) for f in sorted(CATALOGUE_DIR.glob("*.yaml"))
             for p, t in _japanese_texts(yaml.safe_load(f.read_text(encoding="utf-8")))]


def test_there_is_a_lot_to_check():
    assert len(ALL_TEXTS) > 300


@pytest.mark.parametrize("where,text", ALL_TEXTS, ids=[w for w, _ in ALL_TEXTS])
def test_japanese_text_occurs_in_document(source_text, where, text):
    assert squash(text) in squash(source_text), f"{where}: not in the document: {text}"


def _section_lists(source_text: str) -> dict[str, dict[str, list[str]]]:
    """The ✓ items under 任用前提スキル and 追加教育スキル of each section 4.x, from the text."""
    out = {}
    parts = re.split(r"\n4\.(\d+)「", source_text)
    for num, body in zip(parts[1::2], parts[2::2]):
        body = body.split("役割別任用前提スキルと追加教育スキル")[0].split("4.19")[0]
        if "任用前提スキル" not in body:
            continue
        pre, _, add = body.partition("追加教育スキル")
        pre = pre.split("任用前提スキル", 1)[1]
        items = lambda s: [m.strip() for m in re.findall(r"✓\s*(.+)", s)]  # noqa: E731
        out[f"4.{num}"] = {"prerequisite": items(pre), "additional": items(add)}
    return out


def test_every_section_skill_list_matches_the_document(source_text):
    doc = _section_lists(source_text)
    assert len(doc) == 17  # 4.1–4.18 without 4.16, which lists responsibilities
    for sec in cat.sections:
        role = sec.roles[0]
        for kind in KINDS:
            ours = [l.as_written for l in cat.role_links(role, kind)]
            assert ours == doc[sec.section][kind], f"{sec.section} {kind}"
    assert sum(len(v[k]) for v in doc.values() for k in ["prerequisite"]) == 53
    assert sum(len(v[k]) for v in doc.values() for k in ["additional"]) == 60


def test_executive_responsibilities_match_the_document(source_text):
    body = source_text.split("4.16「経営者」")[1].split("※スキルは")[0]
    doc = [m.strip() for m in re.findall(r"✓\s*(.+)", body)]
    assert [x.ja for x in cat.role("executive").responsibilities] == doc


def test_every_duty_sentence_is_in_section_3(source_text):
    table = squash(source_text.split("3.対象とするCSIRTの役割と業務内容")[-1].split("4.役割別")[0])
    for r in cat.roles:
        for d in r.duties:
            assert squash(d.ja) in table, (r.id, d.ja)
            if d.in_section:
                assert squash(d.in_section) in squash(source_text)
