"""Pieces of Markdown the reader asks with: a block's inline tokens, and Markdown found inside
HTML (a ``<details>`` answer, a START … END note) parsed as blocks on the file's own lines."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from cardgen.notes.htmlblocks import details_summary, is_answer_summary, raw_html, summary_tail
from cardgen.notes.tree import syntax_tree


def inline_tokens_of(block: SyntaxTreeNode) -> list[Token]:
    """The inline tokens of a heading or paragraph."""
    inline = block.children[0].token if block.children else None
    return list(inline.children or []) if inline else []


def line_of(block: SyntaxTreeNode) -> str | None:
    """The Markdown of a paragraph of one line; None for any other block."""
    inline = block.children[0].token if block.type == "paragraph" and block.children else None
    return inline.content if inline is not None and "\n" not in inline.content else None


def text_tokens(block: SyntaxTreeNode) -> list[Token]:
    """A block that is no paragraph (a list, a listing) as the text of its first line, to ask with."""
    text = next((line for t in block.to_tokens() for line in (t.content or "").splitlines() if line.strip()), "")
    return [Token("text", "", 0, content=text.strip())] if text.strip() else []


def parse_fragment(md: MarkdownIt, text: str, first_line: int) -> list[SyntaxTreeNode]:
    """Markdown found inside an HTML block, parsed as blocks whose lines count from ``first_line`` (0-based)."""
    tokens = md.parse(text)
    for token in tokens:
        if token.map is not None:
            token.map = [token.map[0] + first_line, token.map[1] + first_line]
    return list(syntax_tree(tokens).children)


def inline_tokens(md: MarkdownIt, text: str) -> list[Token]:
    """A <summary>'s text parsed as inline Markdown (its HTML never passes through raw)."""
    tokens = md.parseInline(text)
    return list(tokens[0].children or []) if tokens else []


def summary_tail_blocks(md: MarkdownIt, node: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    """The Markdown written after ``</summary>`` in a ``<details>`` opener's own HTML block (an
    answer with no blank line before it, ``<summary>Answer</summary>B</details>`` on one line), as
    blocks on the file's own lines; none when nothing follows the summary there."""
    raw = raw_html(node)
    tail = summary_tail(raw) if raw is not None else None
    return parse_fragment(md, tail[0], (node.map[0] if node.map else 0) + tail[1]) if tail is not None else []


def folded_answer(md: MarkdownIt, node: SyntaxTreeNode) -> list[SyntaxTreeNode] | None:
    """The answer written in an answer fold's own HTML block, after its summary, as blocks; None
    for any other block, and for a fold whose answer comes in the blocks after it."""
    summary = details_summary(raw_html(node))
    if summary is None or not is_answer_summary(summary):
        return None
    return summary_tail_blocks(md, node) or None
