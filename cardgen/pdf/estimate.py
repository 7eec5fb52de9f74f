"""A quick model of how tall a card face will be, from the fonts' advance widths.

Laying a face out in WeasyPrint is the expensive part of the PDF, so sizes and splits are
first planned from this model: greedy line breaking with the real advance widths of the
fonts the PDF uses (CJK ideographs are one em), and the box model of ``markup.css``
(margins, list indents, table cells, code padding). It only has to be close: the final
layout is read back and every face that does not fit is corrected there.

The box model's numbers come from ``metrics.py``, which the CSS is written with too.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

from fontTools.ttLib import TTFont, TTLibError

from cardgen.model import AnswerBlock
from cardgen.pdf import metrics
from cardgen.pdf.fonts import LATIN_MONO, LATIN_SANS, family_files
from cardgen.pdf.pieces import CUT_LIST
from cardgen.text import is_cjk, text_of
from cardgen.vocab import BlockKind

MM_PER_PT = 25.4 / 72
# Line boxes come out ~5 % taller than CSS line-height says, because Latin and CJK fonts
# with different ascents share each line (measured on the seed and synthetic notes).
LINE_BOX = 1.05
ANSWER_LINE_BOX = metrics.ANSWER_LINE * LINE_BOX
QUESTION_LINE_BOX = metrics.QUESTION_LINE * LINE_BOX
HEADER_EXTRA_MM = metrics.HEADER_PAD_MM + metrics.HEADER_MARGIN_MM + metrics.HEADER_BORDER_MM
DEFAULT_ADVANCE = 0.6
# The CSS leaves blockquotes to WeasyPrint's default style, which indents them 40px a side.
BLOCKQUOTE_INDENT = 2.5  # em, at the usual answer sizes

# Line-breaking units: one CJK character, a run of white space, or a run of other text (a word).
_UNITS = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|\s+|[^\s\u3000-\u9fff]+")


@cache
def advances(family: str, bold: bool = False) -> dict[int, float]:
    """Advance width of each character, in em, for the family's regular (or bold) face."""
    files = [f for f in family_files(family) if ("Bold" in f) == bold and "Oblique" not in f]
    files = [f for f in files if "Condensed" not in f] or files
    if not files:
        return {}
    try:
        font = TTFont(files[0], lazy=True)
        units = font["head"].unitsPerEm
        hmtx = font["hmtx"].metrics
        return {code: hmtx[glyph][0] / units for code, glyph in font.getBestCmap().items()}
    except (OSError, TTLibError, KeyError):
        return {}


class CharWidths(dict[str, float]):
    """Advance widths in em by character, each worked out the first time it is met (CJK
    ideographs one em, characters the font lacks ``DEFAULT_ADVANCE``)."""

    def __init__(self, table: dict[int, float]) -> None:
        super().__init__()
        self.table = table

    def __missing__(self, ch: str) -> float:
        width = self[ch] = 1.0 if is_cjk(ch) else self.table.get(ord(ch), DEFAULT_ADVANCE)
        return width


@cache
def char_widths(mono: bool, bold: bool) -> CharWidths:
    return CharWidths(advances(LATIN_MONO if mono else LATIN_SANS, bold))


@lru_cache(maxsize=1 << 16)
def _units(text: str, mono: bool, bold: bool) -> tuple[tuple[tuple[float, bool], ...], ...]:
    """Per paragraph of ``text``, its line-breaking units as (width in em, is white space).
    Kept: a block's text is wrapped again at every font size tried and in every fix-up."""
    width_of = char_widths(mono, bold).__getitem__
    return tuple(
        tuple((sum(map(width_of, unit)), unit.isspace()) for unit in _UNITS.findall(paragraph))
        for paragraph in text.split("\n")
    )


def wrapped_lines(text: str, width_em: float, *, mono: bool = False, bold: bool = False) -> int:
    """Lines that ``text`` takes in a box ``width_em`` wide (greedy breaking, like a browser)."""
    lines = 0
    for paragraph in _units(text, mono, bold):
        lines += 1
        used = 0.0
        # CJK characters break anywhere; other text breaks at spaces.
        for w, space in paragraph:
            if space:
                used += w if used else 0.0
                continue
            if used + w <= width_em:
                used += w
            elif w <= width_em:
                lines += 1
                used = w
            else:  # a word longer than the line wraps anywhere (overflow-wrap)
                lines += math.ceil((used + w) / width_em) - 1
                used = (used + w) % width_em
    return max(lines, 1)


def _text(fragment: str) -> str:
    return text_of(fragment).strip("\n")


def _lines_height(text: str, width_em: float) -> float:
    """A paragraph's height in em."""
    return wrapped_lines(text, width_em) * ANSWER_LINE_BOX + metrics.BLOCK_GAP


def block_height(block: AnswerBlock, size_pt: float, width_mm: float) -> float:
    """Height (mm) of one answer block at ``size_pt``, margins included."""
    em = size_pt * MM_PER_PT
    width_em = width_mm / em
    if block.kind == BlockKind.TABLE:
        height = 0.0
        for cells, bold in zip(block.rows, block.bold_rows, strict=True):
            cell_em = width_em / len(cells) - 2 * metrics.CELL_PAD_X
            lines = max(wrapped_lines(c, cell_em / metrics.TABLE_FONT, bold=bold) for c in cells)
            height += (lines * ANSWER_LINE_BOX * metrics.TABLE_FONT + 2 * metrics.CELL_PAD_Y) * em
        return height + (metrics.BLOCK_GAP * em if block.last else 0.0)
    if block.images:
        rest = block.text.strip()
        sizes = [*block.image_sizes, *[(0.0, 0.0)] * (block.images - len(block.image_sizes))]
        return sum(image_height(size, width_mm) + metrics.IMAGE_GAP * em for size in sizes) + (
            _lines_height(rest, width_em) * em if rest else 0.0
        )
    if block.kind == BlockKind.CODE:
        lines = wrapped_lines(block.text, (width_em - 2 * metrics.PRE_PAD_X) / metrics.CODE_FONT, mono=True)
        return (
            lines * ANSWER_LINE_BOX * metrics.CODE_FONT
            + 2 * metrics.PRE_PAD_Y
            + (metrics.BLOCK_GAP if block.last else 0.0)
        ) * em
    if block.kind == BlockKind.LIST_ITEM:
        # A piece of a list item cut between its nested items (``pieces.CUT_LIST``) is mostly
        # nested text, one indent deeper, under a nested list's own gap.
        cut = f'class="{CUT_LIST}"' in block.html
        indent = metrics.LIST_INDENT * (2 if cut else 1)
        gap = metrics.ITEM_GAP + (metrics.BLOCK_GAP if cut else 0.0)
        return (wrapped_lines(block.text, width_em - indent) * ANSWER_LINE_BOX + gap) * em
    if block.kind == BlockKind.HEADING:
        lines = wrapped_lines(block.text, width_em / metrics.HEADING_FONT, bold=True)
        return (lines * ANSWER_LINE_BOX * metrics.HEADING_FONT + metrics.BLOCK_GAP) * em
    if block.kind == BlockKind.QUOTE:
        return (wrapped_lines(block.text, width_em - BLOCKQUOTE_INDENT) * ANSWER_LINE_BOX + 2 * metrics.BLOCK_GAP) * em
    return _lines_height(block.text, width_em) * em


def image_height(size: tuple[float, float], width_mm: float) -> float:
    """How tall (mm) an image of natural ``size`` prints in a face ``width_mm`` wide: scaled down
    to the width and to ``IMAGE_MM`` (``max-width``/``max-height`` keep its proportions); an image
    of unknown size as tall as allowed."""
    width, height = size
    if width <= 0 or height <= 0:
        return metrics.IMAGE_MM
    return height * min(1.0, width_mm / width, metrics.IMAGE_MM / height)


def header_height(question_html: str, width_mm: float) -> float:
    em = metrics.HEADER_PT * MM_PER_PT
    return wrapped_lines(_text(question_html), width_mm / em, bold=True) * ANSWER_LINE_BOX * em + HEADER_EXTRA_MM


def question_height(question_html: str, size_pt: float, width_mm: float) -> float:
    em = size_pt * MM_PER_PT
    return wrapped_lines(_text(question_html), width_mm / em, bold=True) * QUESTION_LINE_BOX * em
