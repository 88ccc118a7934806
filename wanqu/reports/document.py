"""The report as a tree of blocks and runs, independent of any output format.

A run is a piece of text; a figure run also names the record it comes from ("label:id", or a
bare label for a count over a whole register), so that HTML can link every figure to its record.
Runs that come from records keep their script in the Traditional report when they were typed in
Traditional; the template's own words are converted.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from wanqu.core.text import to_simplified, to_traditional


@dataclass
class Run:
    text: str
    ref: str = ""  # "registers.project:5" or "ledger.task" (a count over a register)
    figure: bool = False  # a number or a quantity
    record: bool = False  # text as a record has it (a name, a narrative)
    missing_en: bool = False  # a record without an English name: shown with a marker
    heading: bool = False  # an inline heading: "（一）规则衔接。" at the start of a paragraph


@dataclass
class Block:
    """One paragraph. kind: title, issuer, lead, h1, body, date."""

    kind: str
    runs: list[Run] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Document:
    lang: str
    title: str
    blocks: list[Block] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def plain_text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


def _hant(run: Run) -> Run:
    text = run.text
    # Text typed in Traditional (a Hong Kong bureau's narrative) stays exactly as typed.
    if not (run.record and to_simplified(text) != text):
        text = to_traditional(text)
    return Run(text, run.ref, run.figure, run.record, run.missing_en, run.heading)


def to_hant(doc: Document) -> Document:
    """The Traditional (Hong Kong) report: OpenCC s2hk of the Simplified one, run by run."""
    blocks = [Block(b.kind, [_hant(r) for r in b.runs]) for b in doc.blocks]
    return Document("zh-hant", to_traditional(doc.title), blocks)
