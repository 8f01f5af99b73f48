"""Job postings and RFP scopes (assessment/plans/postings.py) and their Word export (docx_export.py)."""
import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from markdown_it import MarkdownIt

from assessment.core.demos import demo_assessment
from assessment.exchange.docx_export import DocxExportError, markdown_blocks, markdown_to_docx, plain_text
from assessment.core.edit import new_assessment
from assessment.core.messages import msg
from assessment.plans.postings import counterparts, escape_text, escape_user, file_name, generate
from csirt_data import load_catalogue

CAT = load_catalogue()
ROLES = CAT.role_ids
A = demo_assessment("A")


def skill_texts(role, kind, lang):
    return [l.as_written if lang == "ja" else CAT.skill(l.skill).en for l in CAT.role_links(role, kind)]


def test_there_are_19_roles():
    assert len(ROLES) == 19


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("role", ROLES)
def test_posting_has_the_roles_verbatim_skills_duties_and_titles(role, lang):
    text = generate(CAT, A, role, "posting", lang)
    shown = plain_text(text)  # what a reader sees, markup removed
    r = CAT.role(role)
    skills = skill_texts(role, "prerequisite", lang) + skill_texts(role, "additional", lang)
    for sentence in skills:
        assert sentence in shown, sentence
        assert escape_text(sentence) in text
    for duty in r.duties:
        assert duty.get(lang) in shown
    for alt in r.alternate_titles:
        assert alt.get(lang) in shown
    assert r.name.get(lang) in shown.splitlines()[0]
    assert CAT.function(r.function).name.get(lang) in shown
    for resp in r.responsibilities:
        assert resp.get(lang) in shown
    # The source line names the document and its version.
    assert CAT.document.title.get(lang) in shown and CAT.document.version in shown
    # The other language's catalogue text does not leak in.
    other = "en" if lang == "ja" else "ja"
    for sentence in skill_texts(role, "prerequisite", other):
        if sentence not in skills:
            assert sentence not in shown


def test_executive_has_responsibilities_instead_of_skills():
    assert not CAT.role_links("executive")
    ja = plain_text(generate(CAT, A, "executive", "posting", "ja"))
    assert "役割と責任" in ja and "応募資格" not in ja
    assert "※スキルはJNSA:CISOハンドブックを参照" in ja  # the role's note, verbatim


def test_sentences_grouped_under_the_right_headings():
    text = generate(CAT, A, "researcher", "posting", "ja")
    blocks = markdown_blocks(text)
    heads = [i for i, b in enumerate(blocks) if b.kind == "heading" and b.level == 2]
    section = lambda title: [b.text for b in blocks[next(i for i in heads if blocks[i].text.startswith(title)):]  # noqa: E731
                             ][1:]
    required = section("応募資格")
    training = section("着任後の育成計画")
    for s in skill_texts("researcher", "prerequisite", "ja"):
        assert s in required[: required.index(next(b for b in required if b.startswith("着任後の育成計画")))]
    for s in skill_texts("researcher", "additional", "ja"):
        assert s in training


def test_education_programme_items_name_the_role():
    c = demo_assessment("C")
    text = plain_text(generate(CAT, c, "forensics", "posting", "ja"))
    assert "フォレンジック担当向け独自教材" in text
    assert "脆弱性診断士向け独自教材" not in text
    assert "情報セキュリティに関する独自通信教育プログラム" in text  # common item
    items = [i.ja for i in CAT.education_items("C", "researcher")]
    assert items == ["情報セキュリティに関する独自通信教育プログラム", "他社の通信教育プログラム",
                     "リサーチャー・キュレーター向け独自教材"]
    # An item naming no role (役割毎OJT) is for every role.
    assert "CSIRTとしての平常時、インシデント対応時の役割毎OJT" in [i.ja for i in CAT.education_items("A", "educator")]
    no_model = new_assessment()
    assert "モデルが選ばれていない" in generate(CAT, no_model, "researcher", "posting", "ja")


def test_targets_are_the_assessments_with_the_scale():
    a = demo_assessment("B")
    a.role_targets["researcher"] = {"prerequisite": 4}
    ja = plain_text(generate(CAT, a, "researcher", "posting", "ja"))
    assert "任用前提スキル：レベル4（指導できる）" in ja
    assert "追加教育スキル：レベル2（支援があればできる）" in ja
    for n, label in enumerate(["なし", "知識がある", "支援があればできる", "独力でできる", "指導できる"]):
        assert f"レベル{n}（{label}）" in ja
    en = plain_text(generate(CAT, a, "researcher", "posting", "en"))
    assert "Prerequisite skills: level 4 (can teach or lead)" in en


def test_group_members_are_listed():
    text = plain_text(generate(CAT, A, "researcher", "posting", "ja"))
    assert "兼任グループ2（SOC）" in text
    assert "キュレーター" in text and "フォレンジック担当" in text
    assert "いずれの兼任グループにも属しません" in plain_text(generate(CAT, A, "system_operations", "posting", "ja"))


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("role", ROLES)
def test_rfp_quotes_the_evidence_of_every_arrow_of_the_role(role, lang):
    text = generate(CAT, A, role, "rfp", lang)
    shown = plain_text(text)
    arrows = [x for x in CAT.flows.arrows if role in (x.source, x.target)]
    for arrow in arrows:
        other = arrow.target if arrow.source == role else arrow.source
        assert CAT.node_name(other, lang) in shown
        for ev in arrow.evidence:
            assert CAT.duty_sentence(ev.role, ev.sentence, lang) in shown
    for duty in CAT.role(role).duties:
        assert duty.get(lang) in shown
    # Says the diagram is derived from the text, and what the line kinds mean.
    assert CAT.flows.legend["solid"].get(lang) in shown and CAT.flows.legend["dotted"].get(lang) in shown
    assert ("導いた" if lang == "ja" else "derived") in shown
    if not arrows:
        assert msg("rfp.not_drawn" if role in CAT.flows.not_drawn else "rfp.no_arrows", lang) in shown


def test_rfp_line_kinds_and_directions():
    ja = plain_text(generate(CAT, A, "commander", "rfp", "ja"))
    assert "提供・報告先：経営者（点線・必要時。平常時、インシデント対応時）" in ja
    assert "受領元・指示元：インシデントマネージャー（実線・活動時。平常時、インシデント対応時）" in ja
    assert "根拠（コマンダーの業務内容）：「必要であれば、PoCとともに経営者に説明を行う。」" in ja
    en = plain_text(generate(CAT, A, "investigator", "rfp", "en"))
    assert "Exchanges with: Police (dotted line: when needed; Incident response)" in en


def test_counterparts_follow_the_arrows_through_outsourced_roles():
    # Model A outsources researcher, curator, incident manager and handler: the chain ends at the commander.
    assert counterparts(CAT, A, "researcher") == (["commander"], "flows")
    c = demo_assessment("C")  # everything in-house
    assert counterparts(CAT, c, "researcher") == (["curator", "incident_manager"], "flows")
    assert counterparts(CAT, c, "executive") == (["poc_internal", "commander"], "flows")
    # No arrow to another role: the 兼任グループ is the starting point (forensics: group 2).
    b = demo_assessment("B")  # researcher and curator outsourced: on to the incident manager
    assert counterparts(CAT, b, "forensics") == (["incident_manager"], "group")
    assert counterparts(CAT, c, "forensics") == (["researcher", "curator"], "group")
    # Neither arrows nor a group.
    assert counterparts(CAT, c, "csirt_operations_manager") == ([], "none")
    # Not applicable roles are left out; gaps stay (flagged in the text).
    c.roles["incident_manager"].status = "not_applicable"
    c.roles["curator"].status = "gap"
    assert counterparts(CAT, c, "researcher") == (["curator"], "flows")
    text = plain_text(generate(CAT, c, "researcher", "rfp", "ja"))
    assert "キュレーター（未配置）" in text and "配置が必要" in text


def test_rfp_lists_the_counterparts_prerequisite_skills_and_the_rule():
    text = plain_text(generate(CAT, A, "researcher", "rfp", "ja"))
    after = text[text.index("委託後も自組織に必要な窓口のスキル"):]
    assert "関連図でこの役割と矢印で結ばれる役割" in after  # the rule is stated
    assert "コマンダー（自組織保有）" in after
    for s in skill_texts("commander", "prerequisite", "ja"):
        assert s in after
    en = plain_text(generate(CAT, demo_assessment("B"), "forensics", "rfp", "en"))
    assert "combined group (4.20)" in en
    for s in skill_texts("incident_manager", "prerequisite", "en"):
        assert s in en[en.index("In-house counterpart skills"):]


@pytest.mark.parametrize("kind", ["posting", "rfp"])
def test_organisation_name_cannot_inject_markdown_or_html(kind):
    a = demo_assessment("A")
    a.organisation = "<script>alert(1)</script> **B** _i_ [x](javascript:alert(1)) # h\n# Injected"
    text = generate(CAT, a, "researcher", kind, "en")
    assert escape_user(a.organisation) in text
    # Rendered with raw HTML allowed (the strictest reading), the name is still just text.
    tokens = MarkdownIt("commonmark").parse(text)
    org = next(t for t in tokens if t.type == "inline" and "Organisation" in t.content)
    kinds = [c.type for c in org.children]
    assert set(kinds) == {"strong_open", "text", "strong_close"} and kinds.count("strong_open") == 1
    assert not [t for t in tokens if t.type == "html_block"]
    assert sum(t.type == "heading_open" and t.tag == "h1" for t in tokens) == 1
    assert "<script>alert(1)</script> **B** _i_ [x](javascript:alert(1)) # h # Injected" in plain_text(text)
    # Without a name there is no organisation line.
    assert "Organisation" not in generate(CAT, new_assessment(), "researcher", kind, "en")


def test_escape_text_keeps_catalogue_sentences_readable_and_inert():
    assert escape_text("国家間の関係、ハクティビスト*に関する知識") == "国家間の関係、ハクティビスト\\*に関する知識"
    assert plain_text(f"- {escape_text('* For skills, see')}") == "* For skills, see"
    assert plain_text(escape_text("1. not a list")) == "1. not a list"
    assert plain_text(escape_text("- not a list")) == "- not a list"


def test_unknown_role_kind_or_language_is_refused():
    with pytest.raises(KeyError):
        generate(CAT, A, "nobody", "posting", "ja")
    with pytest.raises(ValueError):
        generate(CAT, A, "researcher", "memo", "ja")
    with pytest.raises(ValueError):
        generate(CAT, A, "researcher", "posting", "fr")


def test_file_name():
    assert file_name("researcher", "posting", "ja", "md") == "posting_researcher_ja.md"
    assert file_name("forensics", "rfp", "en", "docx") == "rfp_forensics_en.docx"


# --- Word ----------------------------------------------------------------------------------

def read_docx(data: bytes):
    return Document(io.BytesIO(data))


def test_docx_round_trip_of_a_generated_posting():
    text = generate(CAT, A, "researcher", "posting", "ja")
    doc = read_docx(markdown_to_docx(text, lang="ja"))
    paras = [(p.style.name, p.text) for p in doc.paragraphs]
    assert paras[0] == ("Heading 1", "募集要項：リサーチャー")
    assert ("Heading 2", "応募資格（任用前提スキル）") in paras
    bullets = [t for s, t in paras if s == "List Bullet"]
    for s in skill_texts("researcher", "prerequisite", "ja") + skill_texts("researcher", "additional", "ja"):
        assert s in bullets
    assert "国家間の関係、ハクティビスト*に関する知識" in bullets  # escape removed, text verbatim
    assert doc.core_properties.title == "募集要項：リサーチャー"
    # East Asian font on the Normal style, no theme font overriding it.
    fonts = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "Noto Sans CJK JP" and fonts.get(qn("w:eastAsiaTheme")) is None
    # The organisation line is bold where the generator made it bold.
    org = next(p for p in doc.paragraphs if p.text.startswith("組織："))
    assert org.runs[0].bold and not org.runs[-1].bold


def test_docx_round_trip_of_an_rfp_in_english():
    text = generate(CAT, demo_assessment("B"), "forensics", "rfp", "en")
    doc = read_docx(markdown_to_docx(text, lang="en"))
    texts = [p.text for p in doc.paragraphs]
    styles = {p.text: p.style.name for p in doc.paragraphs}
    ev = CAT.duty_sentence("forensics", CAT.role("forensics").duties[0].ja, "en")
    nested = next(t for t in texts if ev in t and t.startswith("Evidence"))
    assert styles[nested] == "List Bullet 2"  # the evidence under its arrow
    assert styles["Deliverables and reporting lines"] == "Heading 2"


def test_docx_writes_raw_html_as_text_and_the_user_subset():
    md = ("# 題名 <b>x</b>\n\nText with <b>bold?</b> <script>alert(1)</script> and **real bold**, *italic*.\n\n"
          "<div>block html</div>\n\n- one\n  - nested\n- two [link](https://example.org)\n\n"
          "0. zero\n1. one\n\n> quoted *x*\n\n### Third\n")
    doc = read_docx(markdown_to_docx(md, lang="ja"))
    paras = doc.paragraphs
    assert paras[0].style.name == "Heading 1" and paras[0].text == "題名 <b>x</b>"
    body = paras[1]
    assert body.text == "Text with <b>bold?</b> <script>alert(1)</script> and real bold, italic."
    assert [r.text for r in body.runs if r.bold] == ["real bold"]
    assert [r.text for r in body.runs if r.italic] == ["italic"]
    assert paras[2].text == "<div>block html</div>"
    assert [(p.style.name, p.text) for p in paras[3:6]] == [
        ("List Bullet", "one"), ("List Bullet 2", "nested"), ("List Bullet", "two link (https://example.org)")]
    assert [p.text for p in paras[6:8]] == ["0. zero", "1. one"]
    assert paras[8].text == "quoted x" and all(r.italic for r in paras[8].runs)
    assert paras[8].paragraph_format.left_indent > 0
    assert paras[9].style.name == "Heading 3"
    assert doc.core_properties.title == "題名 <b>x</b>"


def test_docx_refuses_empty_text_and_drops_characters_xml_cannot_hold():
    with pytest.raises(DocxExportError) as err:
        markdown_to_docx("  \n ")
    assert err.value.key == "postings.empty"
    doc = read_docx(markdown_to_docx("# T\x00itle\x0b\n\nok\x1f"))
    assert [p.text for p in doc.paragraphs] == ["Title", "ok"]
