"""The report as Markdown: the canonical text, whose SHA-256 a published report keeps."""

from __future__ import annotations

from wanqu.reports.document import Block, Document


def _runs(block: Block) -> str:
    out: list[str] = []
    heading = "".join(r.text for r in block.runs if r.heading)
    rest = "".join(r.text for r in block.runs if not r.heading)
    if heading:
        out.append(f"**{heading.strip()}**" + (" " if not heading.endswith("。") else ""))
    out.append(rest)
    return "".join(out)


def render_md(doc: Document) -> str:
    lines: list[str] = []
    for block in doc.blocks:
        text = _runs(block)
        if block.kind == "title":
            lines.append(f"# {text}")
        elif block.kind == "h1":
            lines.append(f"## {text}")
        elif block.kind == "issuer":
            lines.append(f"*{text}*")
        elif block.kind == "date":
            lines.append(f'<p align="right">{text}</p>')
        else:
            lines.append(text.strip())
    return "\n\n".join(lines) + "\n"
