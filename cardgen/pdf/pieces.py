"""Blocks too tall for any card, cut into pieces that continue on the next card.

A printed card breaks between an answer's blocks, list items, table rows and pieces of a listing
(``notes/blocks.py``). A block that is taller than a card even at the floor size would be cut off;
two kinds are cut here instead, into pieces the planner packs like any blocks:

- a paragraph, between its sentences (at a sentence's end in text directly inside the ``<p>``,
  never inside emphasis, code or a link);
- a list item, between the items of the list nested in it (an outline of notes: the item's own
  words stay with the first nested item; the others follow without a bullet of their own, an
  ordered list keeping its numbers).

Only such blocks are cut, and only when planned, so a face that fitted before prints as before
and the notes stage pays nothing for it. The cuts are made in the HTML cardgen rendered itself,
read with the standard library's HTML parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from cardgen.model import AnswerBlock
from cardgen.text import printed_images, text_of
from cardgen.vocab import BlockKind

# Each piece of a paragraph holds about this many characters of text: a few lines, so pieces pack a card well.
PIECE_CHARS = 160
# Where a sentence ends: after a full-width mark, or a Latin one and a space.
SENTENCE_END = re.compile(r"[。！？；]+[」』”’）)]*\s*|[.!?;]+[\"')\]]*\s+")
_VOID = frozenset({"br", "img", "wbr", "hr", "input", "col", "source"})
_START = re.compile(r'\sstart="(\d+)"')
CUT_LIST = "cg-cut"
"""The class of the outer list of a list item's pieces."""


@dataclass(frozen=True)
class _Tag:
    """One tag of a fragment: where it stands, what it is, how deep."""

    start: int
    """Offset of its ``<``."""
    end: int
    """Offset after its ``>``."""
    name: str
    """The element's name."""
    depth: int
    """How many elements enclose it (its own not counted)."""
    closing: bool
    """An end tag."""


class _Reader(HTMLParser):
    """The tags of an HTML fragment, and where a paragraph may end between its sentences."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)  # entities apart: data offsets stay the source's
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.depth = 0
        self.tags: list[_Tag] = []
        self.said = 0  # characters of text since the last sentence cut
        self.cuts: list[int] = []
        self.feed(html)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        self.tags.append(_Tag(start, start + len(self.get_starttag_text() or ""), tag, self.depth, False))
        self.depth += tag not in _VOID

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag not in _VOID
        start = self._offset()
        self.tags.append(_Tag(start, self.rawdata.index(">", start) + 1, tag, self.depth, True))

    def handle_data(self, data: str) -> None:
        start, counted = self._offset(), 0
        for end in (m.end() for m in SENTENCE_END.finditer(data)) if self.depth == 1 else ():
            self.said, counted = self.said + end - counted, end
            if self.said >= PIECE_CHARS:
                self.cuts.append(start + end)
                self.said = 0
        self.said += len(data) - counted


def cut_to_fit(blocks: Sequence[AnswerBlock], too_tall: Callable[[AnswerBlock], bool]) -> tuple[AnswerBlock, ...]:
    """The blocks, each paragraph or list item ``too_tall`` replaced by its pieces."""
    cut = {BlockKind.PARAGRAPH: sentence_pieces, BlockKind.LIST_ITEM: nested_item_pieces}
    return tuple(
        piece
        for block in blocks
        for piece in (cut[block.kind](block) if block.kind in cut and too_tall(block) else (block,))
    )


def _piece(kind: BlockKind, html: str, *, continues: bool) -> AnswerBlock:
    return AnswerBlock(kind, html, text_of(html).strip("\n"), images=printed_images(html), continues=continues)


def sentence_pieces(block: AnswerBlock) -> tuple[AnswerBlock, ...]:
    """A paragraph cut between its sentences into pieces of ``PIECE_CHARS`` or more (the last may
    be shorter); the block alone when it is no paragraph or cannot be cut."""
    html = block.html
    if block.kind != BlockKind.PARAGRAPH or not html.startswith("<p") or not html.endswith("</p>"):
        return (block,)
    inner_start, inner_end = html.index(">") + 1, len(html) - len("</p>")
    cuts = [cut for cut in _Reader(html).cuts if inner_start < cut < inner_end and html[cut:inner_end].strip()]
    if not cuts:
        return (block,)
    edges = [inner_start, *cuts, inner_end]
    pieces = []
    for n in range(len(edges) - 1):
        opener = "<p>" if n == len(edges) - 2 else '<p class="cg-chunk">'  # the pieces of one paragraph join up
        pieces.append(_piece(block.kind, opener + html[edges[n] : edges[n + 1]].strip() + "</p>", continues=n > 0))
    return tuple(pieces)


def nested_item_pieces(block: AnswerBlock) -> tuple[AnswerBlock, ...]:
    """A list item cut between the items of the first list nested in it: a piece per nested
    item, the item's own words with the first; the block alone when nothing is nested."""
    html = block.html
    tags = _Reader(html).tags
    item = next((t for t in tags if t.name == "li" and t.depth == 1 and not t.closing), None)
    nested = next((t for t in tags if t.name in ("ul", "ol") and t.depth == 2 and not t.closing), None)
    if item is None or nested is None:
        return (block,)
    nested_end = next(t for t in tags if t.closing and t.depth == 2 and t.start > nested.start)
    items = [
        t
        for t in tags
        if t.name == "li" and t.depth == 3 and not t.closing and nested.end <= t.start < nested_end.start
    ]
    if len(items) < 2:
        return (block,)
    item_end = next(t for t in tags if t.closing and t.name == "li" and t.depth == 1)
    # Marked as cut (``CUT_LIST``): the height model then reads the nested items' deeper indent.
    outer, outer_close = html[: item.start].replace(">", f' class="{CUT_LIST}">', 1), html[item_end.end :]
    spans = [*(t.start for t in items), nested_end.start]
    first = int(m.group(1)) if (m := _START.search(html[nested.start : nested.end])) else 1
    pieces = []
    for n in range(len(items)):
        nested_open = html[nested.start : nested.end]
        if nested.name == "ol":  # each piece's list starts at its own item's number
            nested_open = f'<ol start="{first + n}">' if n else nested_open
        head = html[item.start : nested.start] if n == 0 else '<li class="cg-nobullet">'
        tail = html[nested_end.end : item_end.start] if n == len(items) - 1 else ""  # words after the nested list
        inner = html[spans[n] : spans[n + 1]].strip()
        piece = (
            f"{outer}{head}{nested_open}\n{inner}\n{html[nested_end.start : nested_end.end]}{tail}</li>{outer_close}"
        )
        pieces.append(_piece(block.kind, piece, continues=n > 0))
    return tuple(pieces)
