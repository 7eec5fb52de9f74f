"""An answer's blocks rendered to HTML once, both whole (the Anki card) and in printable pieces.

The PDF stage splits a long answer between cards at block boundaries, and a list or a table
may be split between its items or rows, so ``Question.answer_blocks`` holds each list item
and each table row as a piece of its own. Rendering the answer whole and then again piece by
piece cost a fifth of a build; here every run of tokens is rendered once and the HTML is
assembled twice. That is exact because markdown-it's renderer looks ahead only after an
opening token (to decide on a line break) and no run ends with one, so rendering runs apart
and joining the results gives what rendering them together gives.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from cardgen.model import AnswerBlock
from cardgen.text import printed_images, text_of
from cardgen.vocab import BlockKind

# The kind of printable piece each top-level block type gives (lists and tables are cut up).
BLOCK_KINDS = {
    "paragraph": BlockKind.PARAGRAPH,
    "heading": BlockKind.HEADING,
    "fence": BlockKind.CODE,
    "code_block": BlockKind.CODE,
    "blockquote": BlockKind.QUOTE,
    "bullet_list": BlockKind.LIST_ITEM,
    "ordered_list": BlockKind.LIST_ITEM,
    "table": BlockKind.TABLE,
}
# Our own renderer's table rows and cells, read back for the height model.
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t([dh])[^>]*>(.*?)</t[dh]>", re.S)


def answer_block(
    kind: BlockKind,
    html: str,
    *,
    last: bool = True,
    continues: bool = False,
    image_sizes: tuple[tuple[float, float], ...] = (),
) -> AnswerBlock:
    """A printable piece of HTML that cardgen rendered, with what the height model needs of it
    (``image_sizes``: see ``AnswerBlock.image_sizes``)."""
    rows: tuple[tuple[str, ...], ...] = ()
    bold: tuple[bool, ...] = ()
    if kind == BlockKind.TABLE:
        cells = [_CELL.findall(row) for row in _ROW.findall(html)]
        rows = tuple(tuple(text_of(c).strip("\n") for _, c in row) or ("",) for row in cells)
        bold = tuple(any(tag == "h" for tag, _ in row) for row in cells)
    images = printed_images(html)
    return AnswerBlock(kind, html, text_of(html).strip("\n"), rows, bold, last, images, continues, image_sizes)


@dataclass(frozen=True)
class Block:
    """One top-level block of an answer, as token runs that render independently."""

    node: SyntaxTreeNode
    """The block in the syntax tree."""
    kind: str
    """``list``, ``table`` (split into rows) or ``whole``."""
    runs: tuple[list[Token], ...]
    """A list: opener, one run per item, closer. A table: opener, head, body opener, one run
    per row, body closer, closer. Anything else: one run."""

    @property
    def tokens(self) -> list[Token]:
        """All of the block's tokens, in order."""
        return [token for run in self.runs for token in run]


Render = Callable[[list[Token]], str]


def split_blocks(body: Sequence[SyntaxTreeNode]) -> list[Block]:
    return [_block(node) for node in body]


def _block(node: SyntaxTreeNode) -> Block:
    nester = node.nester_tokens
    if node.type in ("bullet_list", "ordered_list") and nester is not None:
        items = [item.to_tokens() for item in node.children]
        return Block(node, "list", ([nester.opening], *items, [nester.closing]))
    if node.type == "table" and nester is not None:
        head = next((c for c in node.children if c.type == "thead"), None)
        body = next((c for c in node.children if c.type == "tbody"), None)
        if head is not None and body is not None and body.nester_tokens is not None and body.children:
            rows = [row.to_tokens() for row in body.children]
            body_open, body_close = [body.nester_tokens.opening], [body.nester_tokens.closing]
            runs = ([nester.opening], head.to_tokens(), body_open, *rows, body_close, [nester.closing])
            return Block(node, "table", runs)
    return Block(node, "whole", (node.to_tokens(),))


@dataclass(frozen=True)
class Piece:
    """A printable piece of an answer as rendered, before it is sanitised and typed (``answer_block``)."""

    kind: BlockKind
    """What sort of block it comes from."""
    html: str
    """Its HTML."""
    last: bool = True
    """For table rows and code: the piece ends its table or its code block."""
    continues: bool = False
    """For code: the piece continues a code block cut into pieces (not its first lines)."""


# A code block longer than this prints in pieces of this many lines, so a long listing continues on
# further cards instead of being cut off at the bottom of one.
CODE_PIECE_LINES = 6


def render_blocks(
    md: MarkdownIt, env: dict[str, Any], blocks: Sequence[Block], *, pieces: bool = True
) -> tuple[str, tuple[Piece, ...]]:
    """The answer's HTML and its printable pieces (empty pieces dropped; none unless ``pieces``:
    an Anki deck alone needs only the whole, and cutting it up is a tenth of reading the notes)."""
    renderer = md.renderer
    assert isinstance(renderer, RendererHTML)

    def render(tokens: list[Token]) -> str:
        return renderer.render(tokens, md.options, env)

    whole: list[str] = []
    printable: list[Piece] = []
    for block in blocks:
        parts = [render(run) for run in block.runs]
        whole.extend(parts)
        if not pieces:
            continue
        kind = BLOCK_KINDS.get(block.node.type, BlockKind.OTHER)
        if block.kind == "list":
            printable.extend(Piece(kind, html) for html in _list_pieces(block, parts, render))
        elif block.kind == "table":
            rows = _row_pieces(block, parts, render)
            printable.extend(Piece(kind, html, last=i == len(rows) - 1) for i, html in enumerate(rows))
        else:
            printable.extend(
                _code_pieces(block, parts[0], render) if kind == BlockKind.CODE else [Piece(kind, parts[0])]
            )
    kept = (Piece(p.kind, p.html.strip(), p.last, p.continues) for p in printable)
    return "".join(whole).strip(), tuple(p for p in kept if p.html)


def _code_pieces(block: Block, html: str, render: Render) -> list[Piece]:
    """A code block as pieces of ``CODE_PIECE_LINES`` lines, cut from the whole block's ``html``.

    Pygments closes every span at the end of its line, so the highlighted lines can be cut
    apart: the listing is lexed once, in its whole context (a string or comment running over a
    cut stays one), instead of once more per piece, which cost a quarter of a build with long
    listings (benchmarks/synth.py's ``long`` shape)."""
    (code,) = block.runs[0] if len(block.runs[0]) == 1 else (None,)
    lines = code.content.splitlines(keepends=True) if code is not None else []
    if code is None or len(lines) <= CODE_PIECE_LINES:
        return [Piece(BlockKind.CODE, html)]
    start = html.find(">", html.find("<code")) + 1
    end = html.rfind("</code>")
    shown = html[start:end].splitlines(keepends=True)
    # Pygments drops blank lines at either end of a listing; then its lines are not the code's,
    # and each piece is highlighted on its own instead.
    one_pass = 0 < start < end and len(shown) == len(lines)
    step = range(0, len(lines), CODE_PIECE_LINES)
    chunks = [
        # Blank lines at a piece's edges are dropped, as Pygments drops them from a whole listing.
        html[:start] + "".join(shown[i : i + CODE_PIECE_LINES]).strip("\n") + "\n" + html[end:]
        if one_pass
        else render([code.copy(content="".join(lines[i : i + CODE_PIECE_LINES]))])
        for i in step
    ]
    pieces = []
    for n, piece in enumerate(chunks):
        last = n == len(chunks) - 1
        # The pieces of one listing join up when printed together: no gap under all but the last.
        pieces.append(Piece(BlockKind.CODE, piece if last else piece.replace("<pre>", '<pre class="cg-chunk">', 1),
                            last=last, continues=n > 0))  # fmt: skip
    return pieces


def _list_pieces(block: Block, parts: list[str], render: Render) -> list[str]:
    """Each item as a list of its own; an ordered list's item keeps its number (``start``)."""
    opener, items, closer = block.runs[0][0], parts[1:-1], parts[-1]
    if block.node.type != "ordered_list":
        return [parts[0] + item + closer for item in items]
    first = int(opener.attrGet("start") or 1)
    numbered = []
    for i, item in enumerate(items):
        list_open = opener.copy(attrs={**opener.attrs, "start": str(first + i)})
        numbered.append(render([list_open]) + item + closer)
    return numbered


def _row_pieces(block: Block, parts: list[str], render: Render) -> list[str]:
    """Each row as a table of its own, the first with the header, classed so the printed rows join up."""
    opener = block.runs[0][0]
    head, body_open, rows, body_close, closer = parts[1], parts[2], parts[3:-2], parts[-2], parts[-1]
    pieces = []
    for i, row in enumerate(rows):
        classes = ["cg-rows", "cg-first" if i == 0 else "cg-cont"] + (["cg-last"] if i == len(rows) - 1 else [])
        table_open = opener.copy(attrs={"class": " ".join(classes)})
        pieces.append(render([table_open]) + (head if i == 0 else "") + body_open + row + body_close + closer)
    return pieces
