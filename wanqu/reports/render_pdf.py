"""The report as PDF: the HTML page laid out by WeasyPrint on A4, with the Noto CJK faces."""

from __future__ import annotations

import logging

from wanqu.reports.document import Document
from wanqu.reports.render_html import render_html


def render_pdf(doc: Document) -> bytes:
    from weasyprint import HTML

    # WeasyPrint logs every CSS property it does not know at WARNING; the report needs none of them.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    html = render_html(doc, links=False)
    pdf = HTML(string=html).write_pdf()
    assert pdf is not None
    return bytes(pdf)
