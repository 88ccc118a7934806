"""One entry point for every output: a document tree → the bytes of one format."""

from __future__ import annotations

from wanqu.reports.document import Document
from wanqu.reports.render_html import render_html
from wanqu.reports.render_md import render_md

FORMATS = ("docx", "pdf", "html", "md")
TEXT_FORMATS = ("html", "md")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}


def render(doc: Document, fmt: str) -> bytes:
    """The report in `fmt`: docx, pdf, html or md."""
    if fmt == "md":
        return render_md(doc).encode()
    if fmt == "html":
        return render_html(doc).encode()
    if fmt == "docx":
        from wanqu.reports.render_docx import render_docx

        return render_docx(doc)
    if fmt == "pdf":
        from wanqu.reports.render_pdf import render_pdf

        return render_pdf(doc)
    raise ValueError(f"unknown format {fmt!r}")
