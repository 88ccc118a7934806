"""The report as HTML: a standalone page (also WeasyPrint's input for the PDF) or a fragment for
the web preview. Every figure links to the record it comes from."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils.html import escape

from wanqu.reports import styles as st
from wanqu.reports.document import Block, Document, Run

_LANG_ATTR = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant-HK", "en": "en"}
_TAGS = {"title": "h1", "h1": "h2"}


# The product's own page for a record or register; the back office only where there is none.
_PAGES = {
    "ledger.task": ("ledger:task_detail", "ledger:task_list"),
    "registers.project": ("registers:project_detail", "registers:project_list"),
    "registers.ruleitem": ("registers:ruleitem_detail", "registers:ruleitem_matrix"),
    "registers.platform": ("registers:platform_detail", "registers:platform_list"),
    "registers.policyidea": (None, "registers:idea_list"),
    "indicators.indicator": ("indicators:indicator_detail", "indicators:indicator_list"),
    "plans.plan": ("plans:plan_detail", "plans:plan_list"),
    "org.unit": ("org:unit_detail", "org:unit_list"),
    "ledger.update": ("rounds:update_detail", "rounds:round_list"),
}


def record_url(ref: str) -> str:
    """The page of a record ("registers.project:5") or of a register ("ledger.task")."""
    label, _, pk = ref.partition(":")
    app, _, model = label.partition(".")
    if label == "plans.area" and pk:
        try:
            return f"{reverse('ledger:task_list')}?area={int(pk)}"
        except (NoReverseMatch, ValueError):
            pass
    detail, listing = _PAGES.get(label, (None, None))
    candidates = [(detail, [pk])] if pk else []
    candidates += [(listing, [])]
    candidates += [(f"admin:{app}_{model}_change", [pk])] if pk else []
    candidates += [(f"admin:{app}_{model}_changelist", [])]
    for name, args in candidates:
        if not name:
            continue
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return ""


def _run(run: Run, links: bool) -> str:
    text = escape(run.text)
    classes = [c for c, on in (("figure", run.figure), ("record", run.record), ("missing-en", run.missing_en)) if on]
    attrs = f' class="{" ".join(classes)}"' if classes else ""
    if run.ref:
        attrs += f' data-ref="{escape(run.ref)}"'
        url = record_url(run.ref) if links else ""
        if url:
            return f'<a href="{escape(url)}"{attrs}>{text}</a>'
    return f"<span{attrs}>{text}</span>" if attrs else text


def _block(block: Block, links: bool) -> str:
    heading = "".join(_run(r, links) for r in block.runs if r.heading)
    rest = "".join(_run(r, links) for r in block.runs if not r.heading)
    body = (f'<span class="h2">{heading}</span>' if heading else "") + rest
    tag = _TAGS.get(block.kind, "p")
    return f'<{tag} class="{block.kind}">{body}</{tag}>'


def render_fragment(doc: Document, *, links: bool = True) -> str:
    blocks = "\n".join(_block(b, links) for b in doc.blocks)
    return f'<article class="wanqu-report" lang="{_LANG_ATTR[doc.lang]}">\n{blocks}\n</article>'


def css(lang: str) -> str:
    """Page and type as GB/T 9704 sets them, with the Noto CJK faces standing in."""
    m = st.MARGINS_MM
    serif, sans = st.SERIF[lang], st.SANS[lang]
    body_stack = f'"{st.LATIN_FONT}", "{st.BODY_FONT}", "FangSong", "{serif}", serif'
    if lang == "en":
        body_stack = f'"{st.LATIN_FONT}", "Liberation Serif", "DejaVu Serif", "{serif}", serif'
    return f"""
@page {{ size: A4; margin: {m["top"]}mm {m["right"]}mm {m["bottom"]}mm {m["left"]}mm;
  @bottom-right {{ content: "— " counter(page) " —"; font: {st.PAGE_NUMBER_PT}pt "{st.PAGE_NUMBER_FONT}", "{serif}";
    margin-right: 1em; }} }}
@page :left {{ @bottom-right {{ content: none; }}
  @bottom-left {{ content: "— " counter(page) " —"; font: {st.PAGE_NUMBER_PT}pt "{st.PAGE_NUMBER_FONT}", "{serif}";
    margin-left: 1em; }} }}
.wanqu-report {{ font-family: {body_stack}; font-size: {st.BODY_PT}pt; line-height: {st.LINE_PT}pt; color: #000; }}
.wanqu-report p, .wanqu-report h1, .wanqu-report h2 {{ margin: 0; }}
.wanqu-report p {{ text-indent: 2em; text-align: justify; }}
.wanqu-report h1.title {{ font-family: "{st.TITLE_FONT}", "{serif}", serif; font-weight: 700;
  font-size: {st.TITLE_PT}pt;
  line-height: 36pt; text-align: center; margin-bottom: {st.LINE_PT}pt; }}
.wanqu-report p.issuer {{ text-align: center; text-indent: 0; font-family: "{st.H2_FONT}", "KaiTi", "{serif}", serif;
  margin-bottom: {st.LINE_PT}pt; }}
.wanqu-report h2.h1 {{ font-family: "{st.H1_FONT}", "SimHei", "{sans}", sans-serif; font-weight: 400;
  font-size: {st.BODY_PT}pt; text-indent: 2em; }}
.wanqu-report .h2 {{ font-family: "{st.H2_FONT}", "KaiTi", "{serif}", serif; font-weight: 700; }}
.wanqu-report p.date {{ text-align: right; text-indent: 0; margin-top: {st.LINE_PT}pt; padding-right: 4em; }}
.wanqu-report a {{ color: inherit; text-decoration: none; }}
.wanqu-report:lang(en) p {{ text-align: left; }}
.wanqu-report .missing-en {{ color: #a00; }}
@media screen {{ .wanqu-report {{ max-width: 156mm; margin: 2em auto; }}
  .wanqu-report a.figure {{ text-decoration: underline dotted; }} }}
"""


def render_html(doc: Document, *, links: bool = True) -> str:
    """A standalone page."""
    return (
        f'<!DOCTYPE html>\n<html lang="{_LANG_ATTR[doc.lang]}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(doc.title)}</title>\n<style>{css(doc.lang)}</style>\n</head>\n<body>\n"
        f"{render_fragment(doc, links=links)}\n</body>\n</html>\n"
    )
