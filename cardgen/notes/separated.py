"""Cards written between separator lines, as other Markdown-to-Anki tools want them.

Ankdown writes a file of cards with no headings: the front, a line ``%``, the back (more ``%``
fields may follow: tags, extras), and ``---`` (or ``%%``) between cards. markdown-to-anki writes
the front, ``---``, the back, and ``===`` between cards. mdanki and its forks ask with a ``##``
heading and may put more of the front under it, above a ``%`` line that starts the back.

``separated_cards`` reads the first two shapes from a file without headings (a ``#`` title
aside); ``front_cut`` finds the ``%`` line in a heading question's body.

Obsidian_to_Anki marks each note by whole lines, anywhere in a note file::

    START
    Basic
    What is the capital of France?
    Back: Paris
    END

``marked_notes`` reads those: the line after ``START`` names the note type, the fields follow
(``Front:``/``Text:`` may label the first, ``Back:`` starts the back), a ``Tags:`` line gives its
Anki tags, and an ``<!--ID: …-->`` line the plugin writes is left out. Its inline notes, a
paragraph ``STARTI [Basic] What is X? Back: Y. ENDI``, are read too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from markdown_it.tree import SyntaxTreeNode


@dataclass(frozen=True)
class SeparatedCard:
    """One card of a file written between separators, as ranges of the file's blocks."""

    front: range
    """The front's blocks: the first asks, the rest are shown under it."""
    back: tuple[int, ...]
    """The back's blocks (none when the card has no back), separators left out."""


def _line(node: SyntaxTreeNode) -> str:
    """A paragraph's source text, else ""."""
    if node.type != "paragraph" or not node.children or node.children[0].token is None:
        return ""
    return node.children[0].token.content.strip()  # the source: no need to parse "%" or "==="


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


@dataclass(frozen=True)
class MarkedNote:
    """An Obsidian_to_Anki note, ``START`` to ``END``."""

    blocks: range
    """The file's top-level blocks it spans."""
    front: tuple[str, int]
    """The front's Markdown, and the 0-based line it starts on."""
    back: tuple[str, int]
    """The back's Markdown (empty when the note has no ``Back:``), and its first line."""
    tags: tuple[str, ...] = ()
    """The note's ``Tags:`` line, as Anki tags."""


_ID_COMMENT = re.compile(r"^\s*<!--\s*ID:\s*\d+\s*-->\s*$")
_FIRST_LABEL = re.compile(r"^\s*(?:Front|Text)\s*:\s?", re.IGNORECASE)
_BACK_LABEL = re.compile(r"^\s*Back\s*:\s?", re.IGNORECASE)
_TAGS_LINE = re.compile(r"^\s*Tags\s*:(.*)$", re.IGNORECASE)


def marked_notes(nodes: Sequence[SyntaxTreeNode], lines: Sequence[str]) -> list[MarkedNote]:
    """Every ``START`` … ``END`` note among the file's top-level blocks, in order."""
    notes: list[MarkedNote] = []
    i = 0
    while i < len(nodes):
        if (inline := _inline_note(nodes[i], lines)) is not None:  # STARTI [Basic] … Back: … ENDI
            notes.append(replace(inline, blocks=range(i, i + 1)))
        elif _first_line(nodes[i], lines) == "START":
            end = next((j for j in range(i, len(nodes)) if _last_line(nodes[j], lines) == "END"), None)
            if end is not None:
                first, stop = _map(nodes[i])[0], _map(nodes[end])[1]
                notes.append(_marked(range(i, end + 1), list(lines[first:stop]), first))
                i = end + 1
                continue
        i += 1
    return notes


# Obsidian_to_Anki's inline note: "STARTI [Basic] What is X? Back: Y. ENDI", on a line of its own.
_INLINE_NOTE = re.compile(r"STARTI\s*(?:\[[^\]]*\])?\s*(.*?)\s*ENDI(?:\s*<!--\s*ID:\s*\d+\s*-->)?", re.DOTALL)
_INLINE_BACK = re.compile(r"\s*\bBack\s*:\s*")


def _inline_note(node: SyntaxTreeNode, lines: Sequence[str]) -> MarkedNote | None:
    """The inline note a paragraph is (its blocks set by the caller); None for any other block."""
    start, stop = _map(node)
    if node.type != "paragraph" or not _first_line(node, lines).startswith("STARTI"):
        return None
    found = _INLINE_NOTE.fullmatch("\n".join(lines[start:stop]).strip())
    if found is None:
        return None
    parts = _INLINE_BACK.split(found.group(1), maxsplit=1)
    back = parts[1].strip() if len(parts) > 1 else ""
    return MarkedNote(range(0), (parts[0].strip(), start), (back, start))


def _map(node: SyntaxTreeNode) -> tuple[int, int]:
    return (node.map[0], node.map[1]) if node.map else (0, 0)


def _first_line(node: SyntaxTreeNode, lines: Sequence[str]) -> str:
    start, stop = _map(node)
    return lines[start].strip() if node.type == "paragraph" and start < stop <= len(lines) else ""


def _last_line(node: SyntaxTreeNode, lines: Sequence[str]) -> str:
    start, stop = _map(node)
    shown = [line.strip() for line in lines[start:stop] if line.strip()]
    return shown[-1] if shown else ""  # any block: "END" may close a list as its item's last line


def _marked(blocks: range, region: list[str], first: int) -> MarkedNote:
    """The fields of ``region`` (``START``, the note type, the fields, ``END``)."""
    numbered = [(first + n, line) for n, line in enumerate(region)][2:]  # after START and the note type
    while numbered and numbered[-1][1].strip() in ("END", ""):
        if numbered.pop()[1].strip() == "END":
            break
    numbered = [(n, line) for n, line in numbered if not _ID_COMMENT.match(line)]
    tags = [tag.lstrip("#") for _, line in numbered if (m := _TAGS_LINE.match(line)) for tag in m.group(1).split()]
    numbered = [(n, line) for n, line in numbered if not _TAGS_LINE.match(line)]
    cut = next((k for k, (_, line) in enumerate(numbered) if _BACK_LABEL.match(line)), len(numbered))
    front, back = numbered[:cut], numbered[cut:]
    if front:
        front[0] = (front[0][0], _FIRST_LABEL.sub("", front[0][1], count=1))
    if back:
        back[0] = (back[0][0], _BACK_LABEL.sub("", back[0][1], count=1))
    return MarkedNote(
        blocks,
        ("\n".join(line for _, line in front), front[0][0] if front else first),
        ("\n".join(line for _, line in back), back[0][0] if back else first),
        tuple(tag for tag in tags if tag),
    )
