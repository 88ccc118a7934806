"""The report as .docx in the official document layout (GB/T 9704-2012), with python-docx.

Fonts are named as Word on Windows knows them and set as East Asian fonts (w:eastAsia), with
Times New Roman beside them for Latin letters and digits. The page number is a PAGE field
between dashes, on the right of odd pages and the left of even ones.
"""

from __future__ import annotations

import datetime as dt
import io

from docx import Document as new_docx
from docx.enum.section import WD_SECTION_START
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.styles.style import CharacterStyle, ParagraphStyle

from wanqu.reports import styles as st
from wanqu.reports.document import Block, Document

STYLE_TITLE = "Wanqu Title"
STYLE_ISSUER = "Wanqu Issuer"
STYLE_BODY = "Wanqu Body"
STYLE_H1 = "Wanqu Heading 1"
STYLE_H2 = "Wanqu Heading 2"  # a character style: （一）… at the start of a paragraph
STYLE_DATE = "Wanqu Date"
STYLE_PAGE = "Wanqu Page Number"
_BLOCK_STYLES = {"title": STYLE_TITLE, "issuer": STYLE_ISSUER, "h1": STYLE_H1, "date": STYLE_DATE}


def set_fonts(style: ParagraphStyle | CharacterStyle, east_asian: str, latin: str = st.LATIN_FONT) -> None:
    """East Asian font by name, Latin beside it; no theme fonts left to override them."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    # Word's Chinese UI reads this hint to pick the East Asian font for shared punctuation.
    fonts.set(qn("w:hint"), "eastAsia")


def _paragraph_style(doc: object, name: str, font: str, size: float, *, indent: bool = True) -> ParagraphStyle:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)  # type: ignore[attr-defined]
    style.base_style = None
    style.font.size = Pt(size)
    style.font.bold = False
    set_fonts(style, font)
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(st.LINE_PT)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent:
        fmt.first_line_indent = Pt(2 * size)
        # Two characters, whatever the font size: what Word's 首行缩进 2 字符 writes.
        ind = style.element.get_or_add_pPr().get_or_add_ind()
        ind.set(qn("w:firstLineChars"), "200")
    return style  # type: ignore[no-any-return]


def _styles(doc: object) -> None:
    title = _paragraph_style(doc, STYLE_TITLE, st.TITLE_FONT, st.TITLE_PT, indent=False)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing = Pt(36)
    title.paragraph_format.space_after = Pt(st.LINE_PT)
    issuer = _paragraph_style(doc, STYLE_ISSUER, st.H2_FONT, st.BODY_PT, indent=False)
    issuer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    issuer.paragraph_format.space_after = Pt(st.LINE_PT)
    _paragraph_style(doc, STYLE_BODY, st.BODY_FONT, st.BODY_PT)
    h1 = _paragraph_style(doc, STYLE_H1, st.H1_FONT, st.BODY_PT)
    h1.paragraph_format.keep_with_next = True
    date = _paragraph_style(doc, STYLE_DATE, st.BODY_FONT, st.BODY_PT, indent=False)
    date.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    date.paragraph_format.space_before = Pt(st.LINE_PT)
    date.paragraph_format.right_indent = Pt(4 * st.BODY_PT)
    h2 = doc.styles.add_style(STYLE_H2, WD_STYLE_TYPE.CHARACTER)  # type: ignore[attr-defined]
    h2.font.size = Pt(st.BODY_PT)
    set_fonts(h2, st.H2_FONT)
    page = doc.styles.add_style(STYLE_PAGE, WD_STYLE_TYPE.CHARACTER)  # type: ignore[attr-defined]
    page.font.size = Pt(st.PAGE_NUMBER_PT)
    set_fonts(page, st.PAGE_NUMBER_FONT)


def _page_field(paragraph: object) -> None:
    """— PAGE — as runs: the number is a field Word fills in on every page."""
    paragraph.add_run("— ", style=STYLE_PAGE)  # type: ignore[attr-defined]
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run(style=STYLE_PAGE)  # type: ignore[attr-defined]
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    paragraph.add_run(" —", style=STYLE_PAGE)  # type: ignore[attr-defined]


def _layout(doc: object) -> None:
    section = doc.sections[0]  # type: ignore[attr-defined]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Mm(st.PAGE_MM[0]), Mm(st.PAGE_MM[1])
    m = st.MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(m["top"]), Mm(m["bottom"])
    section.left_margin, section.right_margin = Mm(m["left"]), Mm(m["right"])
    section.footer_distance = Mm(28) - Pt(st.PAGE_NUMBER_PT)  # the number sits under the text block
    # 22 lines a page: the grid's line pitch is the fixed line spacing, in twentieths of a point.
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(st.LINE_PT * 20)))
    doc.settings.odd_and_even_pages_header_footer = True  # type: ignore[attr-defined]
    for footer, align, side in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left"),
    ):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        # One character from the edge of the text block, as the standard asks.
        setattr(paragraph.paragraph_format, f"{side}_indent", Pt(st.PAGE_NUMBER_PT))
        _page_field(paragraph)


def _add_block(doc: object, block: Block) -> None:
    paragraph = doc.add_paragraph(style=_BLOCK_STYLES.get(block.kind, STYLE_BODY))  # type: ignore[attr-defined]
    for run in block.runs:
        if not run.text:
            continue
        added = paragraph.add_run(run.text, style=STYLE_H2 if run.heading else None)
        if run.missing_en:
            added.italic = True


def render_docx(doc: Document) -> bytes:
    out = new_docx()
    _styles(out)
    _layout(out)
    body = out.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    for block in doc.blocks:
        _add_block(out, block)
    props = out.core_properties
    props.title = doc.title
    props.language = doc.lang
    props.author = "Wanqu"
    # Fixed times: the same report gives the same document properties every time.
    props.created = props.modified = dt.datetime(2000, 1, 1)
    props.last_modified_by = "Wanqu"
    props.revision = 1
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
