"""Markdown → Word (.docx), for the job postings and RFP scopes a user edits before download.

The Markdown is parsed with markdown-it-py (CommonMark, raw HTML OFF: a tag someone types is
ordinary text and is written as typed, never interpreted) into a short list of blocks, and the
blocks are written with python-docx. Supported: headings (# → 見出し1 …), paragraphs, bullet and
numbered lists (nested), **bold** and *italic*, links (written as their text, followed by the
address when it differs), block quotes (indented italics), code (monospaced). Anything else is
written as its plain text. East Asian text is set in Noto Sans CJK JP, with Yu Gothic and
MS Gothic named as alternatives for machines without it."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree
from markdown_it import MarkdownIt

MAX_CHARS = 200_000
EAST_ASIAN_FONT = "Noto Sans CJK JP"
EAST_ASIAN_ALTERNATIVES = ("Yu Gothic", "MS Gothic")
MONO_FONT = "Consolas"
# Characters XML 1.0 cannot hold (python-docx would refuse them): control characters, lone
# surrogates and the two non-characters.
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_INDENT = Pt(18)


class DocxExportError(ValueError):
    """The text cannot be written as .docx; `reason` says why, in plain words."""

    def __init__(self, key: str, **args):
        super().__init__(key)
        self.key, self.args_ = key, args


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False


@dataclass
class Block:
    """One paragraph of the document. kind: heading, paragraph, bullet, number, code."""
    kind: str
    runs: list[Run] = field(default_factory=list)
    level: int = 0  # heading level (1–6) or list depth (1 = top level)
    number: int | None = None  # the item's number in a numbered list
    quote: int = 0  # block-quote depth
    continued: bool = False  # a further paragraph of a list item

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False})


def clean(text: str) -> str:
    """The text without the characters a .docx cannot hold."""
    return _BAD_XML.sub("", text)


def markdown_blocks(markdown: str) -> list[Block]:
    """The Markdown as a flat list of blocks, in order."""
    tokens = _parser().parse(clean(markdown))
    blocks: list[Block] = []
    lists: list[dict] = []  # open lists: {"ordered": bool, "next": int}
    quote = 0
    item_started: list[bool] = []  # per open list item: has its first paragraph been written?
    pending: Block | None = None
    for tok in tokens:
        t = tok.type
        if t == "heading_open":
            pending = Block("heading", level=int(tok.tag[1]), quote=quote)
        elif t == "paragraph_open":
            if item_started and not item_started[-1]:
                top = lists[-1]
                pending = Block("number" if top["ordered"] else "bullet", level=len(lists), quote=quote,
                                number=top["next"] - 1 if top["ordered"] else None)
                item_started[-1] = True
            else:
                pending = Block("paragraph", level=len(lists), quote=quote, continued=bool(item_started))
        elif t == "inline" and pending is not None:
            pending.runs = _runs(tok.children or [])
            blocks.append(pending)
            pending = None
        elif t in ("bullet_list_open", "ordered_list_open"):
            start = tok.attrGet("start")
            lists.append({"ordered": t == "ordered_list_open", "next": int(start) if start is not None else 1})
        elif t in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif t == "list_item_open":
            item_started.append(False)
            lists[-1]["next"] += 1
        elif t == "list_item_close":
            if not item_started.pop():  # an empty item ("-" alone) still shows its marker
                top = lists[-1]
                blocks.append(Block("number" if top["ordered"] else "bullet", level=len(lists), quote=quote,
                                    number=top["next"] - 1 if top["ordered"] else None))
        elif t == "blockquote_open":
            quote += 1
        elif t == "blockquote_close":
            quote -= 1
        elif t in ("fence", "code_block"):
            blocks.append(Block("code", [Run(tok.content.rstrip("\n"), code=True)], level=len(lists), quote=quote))
        elif t == "html_block":  # not produced with html off; written as text all the same
            blocks.append(Block("paragraph", [Run(tok.content.rstrip("\n"))], level=len(lists), quote=quote))
    return blocks


def _runs(children) -> list[Run]:
    runs: list[Run] = []
    bold = italic = 0
    href_stack: list[str | None] = []
    link_text: list[str] = []

    def add(text: str, **kw) -> None:
        if not text:
            return
        if href_stack:
            link_text.append(text)
        runs.append(Run(text, bold=bold > 0, italic=italic > 0, **kw))

    for c in children:
        if c.type in ("text", "html_inline"):
            add(c.content)
        elif c.type == "softbreak":
            add(" ")
        elif c.type == "hardbreak":
            add("\n")
        elif c.type == "code_inline":
            add(c.content, code=True)
        elif c.type == "strong_open":
            bold += 1
        elif c.type == "strong_close":
            bold -= 1
        elif c.type == "em_open":
            italic += 1
        elif c.type == "em_close":
            italic -= 1
        elif c.type == "link_open":
            href_stack.append(c.attrGet("href"))
            link_text.clear()
        elif c.type == "link_close":
            href = href_stack.pop() if href_stack else None
            if href and href != "".join(link_text) and f"mailto:{''.join(link_text)}" != href:
                add(f" ({href})")
        elif c.type == "image":
            add(c.content or "".join(x.content for x in c.children or []))
    return runs


def plain_text(markdown: str) -> str:
    """What a reader sees: the text of every block, one per line, without the markup."""
    return "\n".join(b.text for b in markdown_blocks(markdown))


def _east_asian(element, lang: str | None = None) -> None:
    """Sets the East Asian font (and language) on a style's or run's rPr."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:eastAsiaTheme", "w:asciiTheme", "w:hAnsiTheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font would win over the one set here
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    if lang:
        lang_el = rpr.find(qn("w:lang"))
        if lang_el is None:
            lang_el = OxmlElement("w:lang")
            rpr.append(lang_el)
        lang_el.set(qn("w:eastAsia"), "ja-JP")
        lang_el.set(qn("w:val"), "ja-JP" if lang == "ja" else "en-GB")


def _font_alternatives(doc) -> None:
    """Names Yu Gothic / MS Gothic in the font table as alternatives to Noto Sans CJK JP, and
    marks it a Japanese font, so Word on a machine without it substitutes a Japanese Gothic."""
    part = next((r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/fontTable")), None)
    if part is None or not hasattr(part, "_blob"):
        return  # a template without a plain font table part: the eastAsia font name still applies
    root = etree.fromstring(part.blob)
    font = etree.SubElement(root, qn("w:font"))
    font.set(qn("w:name"), EAST_ASIAN_FONT)
    etree.SubElement(font, qn("w:altName")).set(qn("w:val"), ",".join(EAST_ASIAN_ALTERNATIVES))
    etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "80")  # SHIFTJIS_CHARSET
    etree.SubElement(font, qn("w:family")).set(qn("w:val"), "swiss")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def markdown_to_docx(markdown: str, *, title: str | None = None, lang: str = "ja") -> bytes:
    """The Markdown as a .docx file. `title` (default: the first heading) becomes the document's
    core property title. Raises DocxExportError for text that is empty or too long."""
    if not markdown.strip():
        raise DocxExportError("postings.empty")
    if len(markdown) > MAX_CHARS:
        raise DocxExportError("postings.too_long", length=len(markdown), limit=MAX_CHARS)
    blocks = markdown_blocks(markdown)
    doc = Document()
    styles = doc.styles
    for name in ["Normal", "List Bullet", "List Bullet 2", "List Bullet 3", "List Paragraph",
                 *[f"Heading {n}" for n in range(1, 7)]]:
        if name in [s.name for s in styles if s.type == WD_STYLE_TYPE.PARAGRAPH]:
            _east_asian(styles[name].element, lang if name == "Normal" else None)
    _font_alternatives(doc)

    for b in blocks:
        para = _paragraph(doc, b)
        for r in b.runs:
            parts = r.text.split("\n")
            for i, part in enumerate(parts):
                run = para.add_run(part)
                if i < len(parts) - 1:
                    run.add_break()
                run.bold = r.bold or None
                run.italic = (r.italic or b.quote > 0) or None
                if r.code:
                    run.font.name = MONO_FONT
        if b.quote and not b.runs:
            para.paragraph_format.left_indent = _INDENT * (b.quote + b.level)

    first = next((b.text for b in blocks if b.kind == "heading"), None)
    doc.core_properties.title = (title or first or "")[:255]
    doc.core_properties.language = "ja-JP" if lang == "ja" else "en-GB"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _paragraph(doc, b: Block):
    if b.kind == "heading":
        para = doc.add_paragraph(style=f"Heading {min(b.level, 6)}")
    elif b.kind == "bullet":
        para = doc.add_paragraph(style="List Bullet" if b.level <= 1 else f"List Bullet {min(b.level, 3)}")
    elif b.kind == "number":
        # The number is written as text: Word's own numbering would continue across lists and
        # could not start at 0 (the 0–4 scale does).
        para = doc.add_paragraph(style="List Paragraph")
        para.paragraph_format.left_indent = _INDENT * b.level
        para.add_run(f"{b.number}. ")
    else:
        para = doc.add_paragraph(style="Normal")
        if b.level or b.continued:
            para.paragraph_format.left_indent = _INDENT * b.level
    if b.kind == "code":
        para.paragraph_format.left_indent = _INDENT * (b.level + 1)
    if b.quote:
        para.paragraph_format.left_indent = _INDENT * (b.quote + b.level)
    return para
