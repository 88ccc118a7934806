"""Each format opened with its own library, and the pages looked at as pictures.

The demo report in every language and format is also written to artifacts/reports/ (with PNG
pages of the PDFs and of the .docx as LibreOffice lays it out), which CI keeps.
"""

import io
import re
import subprocess
from pathlib import Path

import pytest
from docx import Document as open_docx
from docx.shared import Pt
from fontTools.ttLib import TTCollection
from PIL import Image
from pypdf import PdfReader

from wanqu.reports import preview
from wanqu.reports.render_md import render_md
from wanqu.reports.rendering import FORMATS, render

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(__file__).resolve().parents[3] / "artifacts" / "reports"
NOTO = Path("/usr/share/fonts/opentype/noto")


@pytest.fixture(scope="module")
def files(demo_docs):
    """Every language in every format, kept as artifacts."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    made = {}
    for lang, doc in demo_docs.items():
        for fmt in FORMATS:
            data = render(doc, fmt)
            (ARTIFACTS / f"wanqu-report-{lang}.{fmt}").write_bytes(data)
            made[lang, fmt] = data
    return made


def east_asian(style):
    fonts = style.element.rPr.rFonts
    return fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"), fonts.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ascii"
    )


def test_the_docx_has_the_official_layout(files):
    doc = open_docx(io.BytesIO(files["zh-hans", "docx"]))
    section = doc.sections[0]

    def mm(length):
        return round(length.mm, 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.bottom_margin)) == (37, 35)
    assert (mm(section.left_margin), mm(section.right_margin)) == (28, 26)
    styles = doc.styles
    assert east_asian(styles["Wanqu Title"]) == ("方正小标宋简体", "Times New Roman")
    assert styles["Wanqu Title"].font.size == Pt(22)
    assert styles["Wanqu Title"].paragraph_format.alignment == 1  # centred
    body = styles["Wanqu Body"]
    assert east_asian(body) == ("仿宋_GB2312", "Times New Roman")
    assert body.font.size == Pt(16)
    assert body.paragraph_format.line_spacing == Pt(28.9)
    assert body.paragraph_format.first_line_indent == Pt(32)
    assert (
        body.element.pPr.ind.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}firstLineChars")
        == "200"
    )
    assert east_asian(styles["Wanqu Heading 1"])[0] == "黑体"
    assert east_asian(styles["Wanqu Heading 2"])[0] == "楷体_GB2312"
    paragraphs = doc.paragraphs
    assert paragraphs[0].text == "广东省推进粤港澳大湾区建设工作情况" and paragraphs[0].style.name == "Wanqu Title"
    assert [p.text for p in paragraphs if p.style.name == "Wanqu Heading 1"] == [
        "一、工作进展情况",
        "二、下一步工作计划",
    ]
    kai = [r.text for p in paragraphs for r in p.runs if r.style.name == "Wanqu Heading 2"]
    assert "（一）" in kai
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("— ") and footer.text.endswith(" —")
    assert "PAGE" in footer._p.xml and footer.runs[0].style.name == "Wanqu Page Number"
    assert east_asian(styles["Wanqu Page Number"])[0] == "宋体" and styles["Wanqu Page Number"].font.size == Pt(14)
    assert doc.settings.odd_and_even_pages_header_footer
    assert "— " in section.even_page_footer.paragraphs[0].text


def test_the_docx_holds_the_whole_text_in_each_language(files, demo_docs):
    for lang in ("zh-hans", "zh-hant", "en"):
        doc = open_docx(io.BytesIO(files[lang, "docx"]))
        assert "\n".join(p.text for p in doc.paragraphs) == demo_docs[lang].plain_text()


def test_the_pdf_is_a4_with_the_text_and_page_numbers(files, demo_docs):
    for lang in ("zh-hans", "zh-hant", "en"):
        reader = PdfReader(io.BytesIO(files[lang, "pdf"]))
        width, height = (float(x) * 25.4 / 72 for x in reader.pages[0].mediabox[2:])
        assert round(width) == 210 and round(height) == 297
        text = "".join(page.extract_text() for page in reader.pages)
        squeezed = re.sub(r"\s+", "", text)
        for block in demo_docs[lang].blocks[:4]:
            assert re.sub(r"\s+", "", block.text) in squeezed
        assert "—1—" in squeezed and f"—{len(reader.pages)}—" in squeezed
    zh = "".join(p.extract_text() for p in PdfReader(io.BytesIO(files["zh-hans", "pdf"])).pages)
    assert "南沙大桥、穗莞深城际正式通车" in re.sub(r"\s+", "", zh)


def test_the_html_links_every_figure_and_marks_missing_english(files):
    html = files["en", "html"].decode()
    assert html.count('class="figure"') >= 20
    assert 'href="/registers/projects/' in html and 'href="/ledger/tasks/' in html
    assert "in Chinese only" in html


def test_the_fonts_have_a_glyph_for_every_character(demo_docs):
    """No tofu: the Noto CJK faces the PDF and the LibreOffice render use cover the whole text."""
    serif = TTCollection(str(NOTO / "NotoSerifCJK-Regular.ttc"))
    for lang, doc in demo_docs.items():
        font = serif.fonts[{"zh-hans": 0, "zh-hant": 3, "en": 0}[lang]] if len(serif.fonts) > 3 else serif.fonts[0]
        cmap = font.getBestCmap()
        missing = {ch for ch in render_md(doc) if ch.strip() and ord(ch) not in cmap}
        assert not missing, f"{lang}: no glyph for {sorted(missing)}"


def _ink(png: Path) -> float:
    """The share of a page's pixels that are not white."""
    image = Image.open(png).convert("L")
    dark = sum(1 for v in image.getdata() if v < 200)
    return dark / (image.width * image.height)


def _pdf_fonts(pdf: Path) -> str:
    return subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout


@pytest.mark.parametrize("lang", ["zh-hans", "zh-hant", "en"])
def test_the_pdf_pages_render_with_ink_and_cjk_fonts(files, lang):
    pdf = ARTIFACTS / f"wanqu-report-{lang}.pdf"
    pages = preview.pdf_to_pngs(pdf, ARTIFACTS / f"wanqu-report-{lang}-pdf-page")
    assert len(pages) >= 3
    for page in pages[:-1]:
        assert _ink(page) > 0.02, f"{page.name} is nearly blank"
    fonts = _pdf_fonts(pdf)
    assert "Noto-Serif-CJK" in fonts and "Noto-Sans-CJK" in fonts
    # Pango draws a hex box for a character no font has; those boxes are not glyphs of any font,
    # and every glyph the PDF shows comes from the Noto CJK faces.
    names = [line.split()[0] for line in fonts.splitlines()[2:]]
    assert all(re.search(r"Noto|DejaVu|Liberation", name) for name in names), names
    if lang != "en":
        assert all("Noto" in name for name in names), names


@pytest.mark.skipif(preview.soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("lang", ["zh-hans", "zh-hant", "en"])
def test_the_docx_renders_through_libreoffice_with_ink_and_cjk_fonts(files, lang, tmp_path):
    docx = ARTIFACTS / f"wanqu-report-{lang}.docx"
    pdf = preview.docx_to_pdf(docx, tmp_path)
    pages = preview.pdf_to_pngs(pdf, ARTIFACTS / f"wanqu-report-{lang}-docx-page")
    assert len(pages) >= 3
    for page in pages[:-1]:
        assert _ink(page) > 0.02, f"{page.name} is nearly blank"
    fonts = _pdf_fonts(pdf)
    names = [line.split()[0] for line in fonts.splitlines()[2:]]
    assert names and all("NotoS" in name for name in names), names
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    title = {"zh-hans": "广东省推进粤港澳大湾区建设工作情况", "zh-hant": "廣東省推進粵港澳大灣區建設工作情況"}
    if lang in title:
        assert title[lang] in re.sub(r"\s+", "", text)
    assert "—1—" in re.sub(r"\s+", "", text)
