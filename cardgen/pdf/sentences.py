"""A paragraph too tall for any card, cut between its sentences so that it continues on the next.

A printed card breaks between an answer's blocks, list items, table rows and pieces of a listing
(``notes/blocks.py``). A paragraph that is taller than a card even at the floor size would be cut
off; it is cut here instead, between sentences, into pieces the planner packs like any blocks.
Only such paragraphs are cut, and only when planned, so a face that fitted before prints as before
and the notes stage pays nothing for it.

The cuts are made in the paragraph's HTML, which cardgen rendered itself: at a sentence's end in
text directly inside the ``<p>`` (never inside emphasis, code or a link), read with the standard
library's HTML parser.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from cardgen.model import AnswerBlock
from cardgen.text import text_of
from cardgen.vocab import BlockKind

# Each piece holds about this many characters of text: a few lines, so pieces pack a card well.
PIECE_CHARS = 160
# Where a sentence ends: after a full-width mark, or a Latin one and a space.
SENTENCE_END = re.compile(r"[。！？；]+[」』”’）)]*\s*|[.!?;]+[\"')\]]*\s+")
_VOID = frozenset({"br", "img", "wbr", "hr"})


class _Cuts(HTMLParser):
    """Offsets in a paragraph's HTML where a piece may end."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)  # entities apart: data offsets stay the source's
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.depth = 0
        self.said = 0  # characters of text since the last cut
        self.cuts: list[int] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag not in _VOID

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag not in _VOID

    def handle_data(self, data: str) -> None:
        line, column = self.getpos()
        start = self.line_starts[line - 1] + column
        counted = 0
        for end in (m.end() for m in SENTENCE_END.finditer(data)) if self.depth == 1 else ():
            self.said, counted = self.said + end - counted, end
            if self.said >= PIECE_CHARS:
                self.cuts.append(start + end)
                self.said = 0
        self.said += len(data) - counted


def sentence_pieces(block: AnswerBlock) -> tuple[AnswerBlock, ...]:
    """A paragraph cut between its sentences into pieces of ``PIECE_CHARS`` or more (the last may
    be shorter); the block alone when it is no paragraph or cannot be cut."""
    html = block.html
    if block.kind != BlockKind.PARAGRAPH or not html.startswith("<p") or not html.endswith("</p>"):
        return (block,)
    inner_start, inner_end = html.index(">") + 1, len(html) - len("</p>")
    cuts = [cut for cut in _Cuts(html).cuts if inner_start < cut < inner_end and html[cut:inner_end].strip()]
    if not cuts:
        return (block,)
    edges = [inner_start, *cuts, inner_end]
    pieces = []
    for n in range(len(edges) - 1):
        last = n == len(edges) - 2
        opener = "<p>" if last else '<p class="cg-chunk">'  # the pieces of one paragraph join up
        piece = opener + html[edges[n] : edges[n + 1]].strip() + "</p>"
        pieces.append(AnswerBlock(block.kind, piece, text_of(piece).strip("\n"), images=piece.count("<img"),
                                  continues=n > 0))  # fmt: skip
    return tuple(pieces)
