"""HTML and CSS for printed cards: the sheets WeasyPrint lays out, and the measuring pages.

A card face is a fixed-size box at an absolute position on the page. Its content sits in
an element with an id (``f3`` front of print card 3, ``b3`` its back), so the final
layout can be read back through ``page.anchors`` and every face checked against its card.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from cardgen.model import AnswerBlock, Card
from cardgen.notes.code_styles import CODE_LIGHT, scoped
from cardgen.pdf.fonts import FontStacks, font_faces
from cardgen.pdf.layout import Sheet, Slot
from cardgen.pdf.metrics import (
    ANSWER_LINE,
    BLOCK_GAP,
    CELL_PAD_X,
    CELL_PAD_Y,
    CODE_FONT,
    HEADER_BORDER_MM,
    HEADER_MARGIN_MM,
    HEADER_PAD_MM,
    HEADER_PT,
    HEADING_FONT,
    IMAGE_GAP,
    IMAGE_MM,
    ITEM_GAP,
    LIST_INDENT,
    META_PT,
    PAD_BOTTOM,
    PAD_TOP,
    PAD_X,
    PRE_PAD_X,
    PRE_PAD_Y,
    QUESTION_LINE,
    TABLE_FONT,
)
from cardgen.text import IMG_TAG, img_attributes, is_remote
from cardgen.vocab import Side

PX_PER_MM = 96 / 25.4


@dataclass(frozen=True)
class PrintCard:
    """One printed card: a whole Q&A card, or one part of an answer too long for one card."""

    card: Card
    """The card this prints."""
    part: int
    """1-based part number (``2`` of ``2/3``)."""
    parts: int
    """How many printed cards the answer takes."""
    blocks: tuple[AnswerBlock, ...]
    """The answer blocks on this part's back."""
    front_pt: float
    """Font size of the question on the front."""
    back_pt: float
    """Font size of the answer on the back."""


def face_height(card_height: float) -> float:
    """Height available to a face's content, mm."""
    return card_height - PAD_TOP - PAD_BOTTOM


def face_width(card_width: float) -> float:
    return card_width - 2 * PAD_X


# WeasyPrint numbers an ``<ol start>`` only among "presentational hints", which would also apply
# every image's width attribute (docs/printing.md): the same counter rules go on each such list
# as its own style. (As rules in the sheets' CSS, one per start, they cost every worker 20 ms to
# parse for the few lists that use them.)
_OL_START = re.compile(r'<ol start="(\d+)"')


def _numbered(fragment: str) -> str:
    """``fragment`` with every ``<ol start="N">`` counting from N when printed."""
    if "<ol start=" not in fragment:
        return fragment
    return _OL_START.sub(
        lambda m: f'{m.group(0)} style="counter-reset:list-item {m.group(1)};counter-increment:list-item -1"', fragment
    )


def css(sheet: Sheet, stacks: FontStacks, card_width: float, card_height: float) -> str:
    sans, mono = stacks.css(stacks.sans), stacks.css(stacks.mono)
    return f"""
{font_faces(stacks)}
@page {{ size: {sheet.page_width}mm {sheet.page_height}mm; margin: 0; }}
html {{ font-family: {sans}; color: #111; }}
body {{ margin: 0; }}
.page {{ position: relative; width: {sheet.page_width}mm; height: {sheet.page_height}mm;
         overflow: hidden; break-after: page; }}
/* A card is placed by a shift applied when drawing, not by top/left: WeasyPrint lays an absolute
   box out at its static place (the page's top) and, given top/left, counts the offset against the
   page's bottom, so a tall face low on the page was split onto the next page (docs/printing.md). */
/* A word wider than the card (a long identifier in code) breaks where it must: clipped, its end
   would be lost from the print without a word. */
.card {{ position: absolute; left: 0; top: 0; width: {card_width}mm; height: {card_height}mm; box-sizing: border-box;
         padding: {PAD_TOP}mm {PAD_X}mm {PAD_BOTTOM}mm; overflow: hidden; overflow-wrap: anywhere; }}
.meta {{ position: absolute; top: 2.6mm; left: {PAD_X}mm; right: {PAD_X}mm; font-size: {META_PT}pt;
         line-height: 1.2; color: #666; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
.meta .num {{ float: right; margin-left: 2mm; font-weight: bold; }}
/* Centred without flex: moved up by half its own height from the face's middle, a shift
   WeasyPrint applies when drawing, so the face is laid out once as a plain block. */
.front .face {{ position: absolute; left: {PAD_X}mm; right: {PAD_X}mm; top: {PAD_TOP + face_height(card_height) / 2}mm;
                transform: translateY(-50%); }}
.front .cell {{ text-align: center; }}
/* What a question shows under its words (a listing, options, an exercise's statement) reads left
   to right, as on the Anki card, and smaller than the question. */
.front .cg-prompt {{ font-size: 0.8em; font-weight: normal; text-align: left; margin-top: 0.6em; }}
.q {{ font-weight: bold; line-height: {QUESTION_LINE}; }}
.a {{ line-height: {ANSWER_LINE}; }}
.qh {{ font-size: {HEADER_PT}pt; font-weight: bold; color: #444; border-bottom: {HEADER_BORDER_MM}mm solid #bbb;
       padding-bottom: {HEADER_PAD_MM}mm; margin-bottom: {HEADER_MARGIN_MM}mm; }}
.a p, .a ul, .a ol, .a pre, .a table, .a h1, .a h2, .a h3, .a h4, .a h5, .a h6 {{ margin: 0 0 {BLOCK_GAP}em; }}
.a h1, .a h2, .a h3, .a h4, .a h5, .a h6 {{ font-size: {HEADING_FONT}em; }}
.a ul, .a ol {{ padding-left: {LIST_INDENT}em; }}
.a li > p {{ margin: 0; }}
.a .blk > ul, .a .blk > ol {{ margin-bottom: {ITEM_GAP}em; }}
.a table {{ border-collapse: collapse; font-size: {TABLE_FONT}em; }}
.a table.cg-rows {{ width: 100%; table-layout: fixed; margin: 0; }}
.a table.cg-last {{ margin-bottom: {BLOCK_GAP}em; }}
.a table.cg-cont td {{ border-top: none; }}
.a th, .a td {{ border: 0.2mm solid #999; padding: {CELL_PAD_Y}em {CELL_PAD_X}em; vertical-align: top;
               overflow-wrap: anywhere; }}
.a th {{ background: #eee; }}
code, pre {{ font-family: {mono}; font-size: {CODE_FONT}em; }}
code {{ background: #f0f0f0; }}
pre {{ white-space: pre-wrap; background: #f5f5f5; padding: {PRE_PAD_Y}em {PRE_PAD_X}em; }}
pre code {{ background: none; }}
.cg-lead {{ font-size: 0.55em; font-weight: normal; color: #666; margin-bottom: 0.3em; }}
.qh .cg-lead {{ font-size: 1em; display: inline; margin-right: 0.5em; }}
.cg-hl {{ background: #ffe7a0; font-weight: bold; }}
.cg-value {{ font-weight: bold; font-size: 1.1em; margin-bottom: 0.5em; }}
/* Fixed layout skips measuring every cell's min- and max-content width; a border-box header
   column is the same 35 % of the table that the automatic layout gave it. */
.a table.cg-facts {{ width: 100%; table-layout: fixed; }}
.a table.cg-facts th {{ width: 35%; box-sizing: border-box; text-align: left; }}
.cg-cloze {{ font-size: 0.75em; font-weight: normal; text-align: left; margin-top: 0.6em; }}
.a img {{ max-width: 100%; max-height: {IMAGE_MM}mm; display: block; margin: 0 auto {IMAGE_GAP}em; }}
.cg-missing {{ color: #a00; font-style: italic; }}
.cg-callout {{ border-left: 0.6mm solid #0a84ff; background: #f2f7ff; padding: 0.15em 0.4em;
               margin: 0 0 {BLOCK_GAP}em; }}
.cg-callout-title {{ font-weight: bold; margin: 0; }}
.cg-callout-tip, .cg-callout-success, .cg-callout-hint {{ border-color: #30a46c; background: #f0faf4; }}
.cg-callout-warning, .cg-callout-caution, .cg-callout-important {{ border-color: #f5a300; background: #fff8e6; }}
.cg-callout-danger, .cg-callout-error, .cg-callout-failure, .cg-callout-bug {{ border-color: #e5484d;
    background: #fff0f0; }}
.cg-where {{ font-size: 0.7em; font-weight: normal; color: #666; }}
.cg-cont-mark {{ color: #888; font-size: 0.8em; line-height: 1; }}
.a .blk > pre.cg-chunk, .a .blk > p.cg-chunk {{ margin-bottom: 0; }}
.a li.cg-nobullet {{ list-style: none; }}
.a li.cg-nobullet > ul, .a li.cg-nobullet > ol {{ margin-bottom: 0; }}
.cg-math {{ font-family: {mono}; color: #333; background: #f3f3f3; }}
div.cg-math {{ margin: 0 0 {BLOCK_GAP}em; padding: 0.2em 0.4em; }}
{scoped(CODE_LIGHT, "pre")}
.tick {{ position: absolute; background: #000; }}
.fold {{ position: absolute; border-left: 0.2mm dashed #888; width: 0; }}
"""


def _meta(pc: PrintCard) -> str:
    number = f"#{pc.card.question.number}" if pc.card.question.number else ""
    part = f"{pc.part}/{pc.parts}" if pc.parts > 1 else ""
    label = " · ".join(x for x in (number, part) if x)
    return f'<div class="meta"><span class="num">{html.escape(label)}</span>{html.escape(pc.card.context)}</div>'


# A remote image is never fetched: printed, it is its alt text and its host, where it would stand.


def printable(fragment: str) -> str:
    """``fragment`` as printed: ordered lists numbered from their start, remote images as a
    visible placeholder instead of a blank."""
    fragment = _numbered(fragment)
    if "<img" not in fragment:
        return fragment

    def placeholder(match: re.Match[str]) -> str:
        attrs = img_attributes(match.group(0))
        src = attrs.get("src", "")
        if not is_remote(src):
            return match.group(0)
        host = urlsplit(src if not src.startswith("//") else "https:" + src).netloc
        return f'<span class="cg-missing">[{html.escape(attrs.get("alt") or "image")} — {html.escape(host)}]</span>'

    return IMG_TAG.sub(placeholder, fragment)


def front_face(pc: PrintCard, face_id: str) -> str:
    question = printable(pc.card.front_html)
    return (
        f'{_meta(pc)}<div class="face"><div class="cell">'
        f'<div class="q" id="{face_id}" style="font-size:{pc.front_pt}pt">{question}</div></div></div>'
    )


def back_face(pc: PrintCard, face_id: str) -> str:
    blocks = "".join(f'<div class="blk" id="{face_id}-{i}">{printable(b.html)}</div>' for i, b in enumerate(pc.blocks))
    if pc.blocks and pc.blocks[0].continues:  # a listing or a paragraph carried over from the card before
        blocks = f'<div class="cg-cont-mark">⋯</div>{blocks}'
    return (
        f'{_meta(pc)}<div class="a" id="{face_id}" style="font-size:{pc.back_pt}pt">'
        f'<div class="qh">{printable(pc.card.heading_html)}</div>{blocks}</div>'
    )


def card_box(side: Side, slot: Slot, inner: str) -> str:
    return f'<div class="card {side}" style="transform:translate({slot.x:.3f}mm,{slot.y:.3f}mm)">{inner}</div>'


def cut_ticks(sheet: Sheet, length: float = 3.0, gap: float = 1.0) -> str:
    """Short ticks in the margin on every cut line, not inside any card."""
    xs, ys = sheet.cut_lines()
    top, bottom = ys[0], ys[-1]
    left, right = xs[0], xs[-1]
    w = 0.2
    parts = []
    for x in xs:
        for y in (top - gap - length, bottom + gap):
            if y >= 0:
                parts.append((x - w / 2, y, w, min(length, sheet.page_height - y)))
    for y in ys:
        for x in (left - gap - length, right + gap):
            if x >= 0:
                parts.append((x, y - w / 2, min(length, sheet.page_width - x), w))
    return "".join(
        f'<div class="tick" style="left:{x:.3f}mm;top:{y:.3f}mm;width:{wd:.3f}mm;height:{h:.3f}mm"></div>'
        for x, y, wd, h in parts
    )


def fold_lines(sheet: Sheet, card_width: float) -> str:
    lines = []
    for column in range(sheet.columns):
        for row in range(sheet.rows):
            slot = sheet.front(row * sheet.columns + column)
            lines.append(
                f'<div class="fold" style="left:{slot.x + card_width:.3f}mm;top:{slot.y:.3f}mm;'
                f'height:{sheet.card_height:.3f}mm"></div>'
            )
    return "".join(lines)


def page(content: str) -> str:
    return f'<div class="page">{content}</div>'


def document(lang: str, pages: Sequence[str]) -> str:
    """The pages as one HTML document; its CSS is given apart (``engine.Renderer.render``)."""
    head = f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"></head>'
    return f"{head}<body>{''.join(pages)}</body></html>"
