"""Cards written between separator lines, as other Markdown-to-Anki tools want them.

Ankdown writes a file of cards with no headings: the front, a line ``%``, the back (more ``%``
fields may follow: tags, extras), and ``---`` (or ``%%``) between cards. markdown-to-anki writes
the front, ``---``, the back, and ``===`` between cards. mdanki and its forks ask with a ``##``
heading and may put more of the front under it, above a ``%`` line that starts the back.

``separated_cards`` reads the first two shapes from a file without headings (a ``#`` title
aside); ``front_cut`` finds the ``%`` line in a heading question's body.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markdown_it.tree import SyntaxTreeNode

from cardgen.notes.markdown import inline_text


@dataclass(frozen=True)
class SeparatedCard:
    """One card of a file written between separators, as ranges of the file's blocks."""

    front: range
    """The front's blocks: the first asks, the rest are shown under it."""
    back: tuple[int, ...]
    """The back's blocks (none when the card has no back), separators left out."""


def _line(node: SyntaxTreeNode) -> str:
    """The text of a paragraph of one line, else ""."""
    if node.type != "paragraph" or not node.children or node.children[0].token is None:
        return ""
    return inline_text(node.children[0].token)


def is_field_separator(node: SyntaxTreeNode) -> bool:
    return _line(node) == "%"


def separated_cards(nodes: Sequence[SyntaxTreeNode]) -> tuple[int, list[SeparatedCard]] | None:
    """(index of the first card's block, the cards) when the file is written between separators;
    None when it is not, or holds headings besides a ``#`` title before its cards."""
    first = 0
    while first < len(nodes) and nodes[first].type in ("front_matter", "html_block"):
        first += 1
    if first < len(nodes) and nodes[first].type == "heading" and nodes[first].tag == "h1":
        first += 1
    if any(node.type == "heading" for node in nodes[first:]):
        return None
    lines = [_line(node) for node in nodes]
    if "%" in lines[first:]:  # Ankdown: % parts the fields, --- or %% the cards
        cards = _split(range(first, len(nodes)), lambda i: nodes[i].type == "hr" or lines[i] == "%%")
        return first, [_fields(card, lambda i: lines[i] == "%") for card in cards]
    if "===" in lines[first:] and any(node.type == "hr" for node in nodes[first:]):  # markdown-to-anki
        cards = _split(range(first, len(nodes)), lambda i: lines[i] == "===")
        return first, [_fields(card, lambda i: nodes[i].type == "hr") for card in cards]
    return None


def _split(blocks: range, separates: Callable[[int], bool]) -> list[range]:
    """``blocks`` cut at the blocks for which ``separates(index)`` holds, empty parts dropped."""
    parts, start = [], blocks.start
    for i in blocks:
        if separates(i):
            parts.append(range(start, i))
            start = i + 1
    parts.append(range(start, blocks.stop))
    return [part for part in parts if part]


def _fields(card: range, separates: Callable[[int], bool]) -> SeparatedCard:
    """The card's front (up to the first separator) and back (the rest: Ankdown's further fields,
    tags and extras, are printed with the back rather than lost)."""
    cut = next((i for i in card if separates(i)), None)
    if cut is None:
        return SeparatedCard(card, ())
    return SeparatedCard(range(card.start, cut), tuple(i for i in range(cut + 1, card.stop) if not separates(i)))


def front_cut(body: Sequence[SyntaxTreeNode]) -> int | None:
    """Where a ``%`` line parts a heading question's further front from its back (mdanki)."""
    return next((n for n, node in enumerate(body) if is_field_separator(node)), None)
