"""Flashcards written for Obsidian's Spaced Repetition plugin, in notes tagged ``#flashcards``.

The plugin reads cards only from a note that carries a flashcard tag (``#flashcards``, or
``#flashcards/sub/deck``), inline or in the front matter: Dataview's ``key:: value`` fields
in other notes are no cards. In such a note a card is written

- on one line: ``Question::Answer`` (``Question:::Answer`` asks both ways; cardgen makes the
  card that asks the question);
- on several: question lines, a line of ``?`` (``??``: both ways), then answer lines, up to
  the next blank line (a list or a code block right below belongs to the answer); question lines
  may run on into a list (options), which is then on the front.

A vault may set other tags and separators (``;;``, ``,,``): ``vault.SrsSettings`` reads them.

Obsidian's Flashcards plugin (flashcards-obsidian) marks its cards with a ``#card`` tag
(``#card-reverse``, ``#card/reverse``: both ways) instead, in any note: after a heading or a line,
which is then the front, the back being the lines right below it, up to the next blank line (or
the paragraph under a heading that opens with ``#card`` alone). Its ``Question::Answer`` lines are
the same as the plugin's above.

The headings above a card are its context. The rest of the note is notes: ``extract`` reads it
as any note for the questions it asks in its own words, and reports the rest, once per section.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from cardgen.notes.clozes import ANKI_CLOZE, cloze_block
from cardgen.notes.footnotes import DEFINITION
from cardgen.notes.htmlblocks import raw_html, shows_something
from cardgen.notes.labels import balanced, inline_of, joined, line_text, lines_of, paragraph, without_task_box
from cardgen.notes.outline import heading_text
from cardgen.notes.tree import syntax_tree
from cardgen.notes.vault import DEFAULT, SrsSettings
from cardgen.text import clipped

CARD_TAG = "card"
CARD_TAGS = frozenset({CARD_TAG, "card-reverse", "card/reverse"})
# Tokens whose content is text shown in the note: what is reported when it is on no card.
_SAYING = frozenset({"inline", "fence", "code_block", "html_block", "math_block", "math_block_eqno"})


@dataclass(frozen=True)
class Flashcard:
    """One card of the note."""

    line: int
    """0-based line of the card's question in the file."""
    question: list[Token]
    """The question's inline tokens."""
    answer: list[SyntaxTreeNode]
    """The answer's blocks."""
    sections: list[str]
    """The headings above it, outermost first."""
    read_before: list[Token] | None = None
    """The question as earlier versions read it, when that differs (a task's ``[ ]`` kept): its GUID
    stays derived from that."""
    prompt: list[SyntaxTreeNode] = field(default_factory=list)
    """More of the front below the question: a list the front lines run on into."""


@dataclass
class Flashcards:
    """The cards of a ``#flashcards`` note, and where its other text is."""

    title: str = ""
    """The note's ``#`` title, when it opens the note (a deck name, not a section)."""
    cards: list[Flashcard] = field(default_factory=list)
    """The cards, in order."""
    left_out: list[tuple[int, int, int, str, str]] = field(default_factory=list)
    """(index of the top-level block, its 0-based line, the section's number, its heading or "",
    the text's first words) of each block holding text that is on no card."""
    loose: list[int] = field(default_factory=list)
    """The indices of the note's top-level blocks that hold no card but show something."""
    fronts: set[int] = field(default_factory=set)
    """The indices of the headings that are cards' fronts (``## Front #card``)."""

    def reports(self, read_elsewhere: Collection[int] = ()) -> list[tuple[int, str]]:
        """(0-based line, message) for each section's text on no card, once per section, leaving
        out the blocks ``read_elsewhere`` (they are accounted for by whoever read them)."""
        found: dict[int, tuple[int, str]] = {}
        for index, line, number, section, text in self.left_out:
            if index in read_elsewhere or number in found:
                continue
            found[number] = (line, text_on_no_card(section, text, titled=bool(self.title)))
        return list(found.values())


def text_on_no_card(section: str, text: str, *, titled: bool = True) -> str:
    """What is said of a section's text on no card (``section``: its heading, "" for none)."""
    where = f"under {section!r}" if section else "under the title" if titled else "outside any card"
    return f"text {where} is on no card: {clipped(text, 50)}"


def is_flashcards_note(tree: SyntaxTreeNode, front_matter_tags: Sequence[str], srs: SrsSettings = DEFAULT) -> bool:
    """The note carries a flashcard tag of the plugin (``srs.tags``), in its front matter or in its
    text, or marks a card with a ``#card`` tag."""
    tags = [*front_matter_tags, *(t.content for t in _top_level_inline(tree, srs.tags) if t.type == "tag")]
    decks = srs.tags
    return any(tag in decks or tag.startswith(tuple(d + "/" for d in decks)) or is_card_tag(tag) for tag in tags)


def is_card_tag(tag: str) -> bool:
    """``card``, ``card-reverse``, ``card/reverse``: a tag that makes a card of what it follows
    (not ``card-games``, a topic)."""
    return tag.casefold() in CARD_TAGS


def _top_level_inline(tree: SyntaxTreeNode, decks: Sequence[str]) -> Iterator[Token]:
    """The inline tokens of the note's top-level paragraphs and headings, and of its list items'
    first paragraphs (a Logseq page is all list items)."""
    blocks = list(tree.children)
    while blocks:
        node = blocks.pop()
        if node.type in ("bullet_list", "ordered_list"):
            blocks += [item.children[0] for item in node.children if item.children]
            blocks += [child for item in node.children for child in item.children[1:] if child.type == node.type]
            continue
        inline = node.children[0].token if node.type in ("paragraph", "heading") and node.children else None
        if inline is not None and any(tag in inline.content for tag in (CARD_TAG, *decks)):  # most are not walked
            yield from inline.children or []


def _card_tagged(line: list[Token]) -> list[Token] | None:
    """The line without the ``#card`` tag it ends with; None when it ends with none."""
    words = [t for t in line if not (t.type == "text" and not t.content.strip())]
    if not words or words[-1].type != "tag" or not is_card_tag(words[-1].content):
        return None
    end = line.index(words[-1])
    before = line[:end]
    if before and before[-1].type == "text":
        before = [*before[:-1], before[-1].copy(content=before[-1].content.rstrip())]
    return before


def read_flashcards(tree: SyntaxTreeNode, srs: SrsSettings = DEFAULT) -> Flashcards:
    """The cards of a ``#flashcards`` note (or a note marking cards with ``#card``), in order,
    written with the vault's separators (``srs``)."""
    found = Flashcards()
    sections: list[tuple[int, str]] = []
    section_no = 0  # counts the headings passed: a section's text is reported once
    blocks = list(tree.children)
    index = 0
    while index < len(blocks):
        node = blocks[index]
        index += 1
        if node.type == "heading":
            level = int(node.tag[1:])
            if (asked := _tagged_heading(node, blocks[index] if index < len(blocks) else None)) is not None:
                question, answer, used = asked  # "## Front #card", or "## Front" over "#card"
                found.fronts.add(index - 1)
                index += used
                more = _right_below(blocks, index, _end_line(blocks[index - 1] if used else node))
                index += len(more)
                sections = [s for s in sections if s[0] < level]
                context = [text for _, text in sections]
                found.cards.append(Flashcard(node.map[0] if node.map else 0, question, answer + more, context))
                sections.append((level, line_text(question).strip()))
                section_no += 1
                continue
            if level == 1 and not found.title and not sections and not found.cards and not found.left_out:
                found.title = heading_text(node)
                continue
            sections = [s for s in sections if s[0] < level] + [(level, heading_text(node))]
            section_no += 1
            continue
        if node.type in ("front_matter", DEFINITION):  # a footnote goes with the cards citing it
            continue
        context = [text for _, text in sections]
        if (listed := _front_with_list(node, blocks[index] if index < len(blocks) else None, srs)) is not None:
            question, items, answer, old = listed  # "Which of these…:" over "- A" "- B" over "?" over the answer
            more = _right_below(blocks, index + 1, _end_line(blocks[index]))
            found.cards.append(Flashcard(node.map[0] if node.map else 0, question, answer + more, context, old, items))
            index += 1 + len(more)
            continue
        cards, rest, line = _cards_in(node, context, srs)
        if cards and node.map is not None and (_ends_on_separator(node, srs) or _opens_card(node)):
            # The answer runs on through the blocks right below, up to the next blank line.
            more = _right_below(blocks, index, node.map[1])
            cards[-1].answer.extend(more)
            index += len(more)
        found.cards += cards
        if rest and not cards:
            found.loose.append(index - 1)
        if rest:
            found.left_out.append((index - 1, line, section_no, context[-1] if context else "", rest))
    return found


def _cards_in(node: SyntaxTreeNode, sections: list[str], srs: SrsSettings) -> tuple[list[Flashcard], str, int]:
    """The cards a block holds (single-line ones in list items too), its text on no card, and the
    0-based line where that text starts."""
    start = node.map[0] if node.map else 0
    inline = inline_of(node)
    if inline is None:
        if node.type in ("bullet_list", "ordered_list"):
            cards: list[Flashcard] = []
            rest: list[str] = []
            first_left = start
            for item in node.children:
                if item.children and _opens_card(item.children[0]):  # Logseq: "- Front #card" over its back
                    found, _, _ = _cards_in(item.children[0], sections, srs)
                    found[-1].answer.extend(item.children[1:])
                    cards += found
                    continue
                for child in item.children:
                    found, left, where = _cards_in(child, sections, srs)
                    cards += found
                    first_left = where if left and not rest else first_left
                    rest += [left] if left else []
            return cards, " ".join(rest), first_left
        said = [t.content.strip() for t in node.to_tokens() if t.type in _SAYING and t.content.strip()]
        return [], " ".join(said) if _shows(node) else "", start
    lines = lines_of(inline)
    if not all(balanced(line) for line in lines):
        return [], line_text(list(inline.children or [])).strip(), start  # a span runs over a line break
    if (front := _card_tagged(lines[0])) is not None and line_text(front).strip():  # "What is osmosis? #card"
        kept = lines[1:]  # (Logseq's review record under it is no text: notes.logseq leaves it out)
        if not any(kept) and (split := _split_at_separator(front, srs)) is not None:  # "Mitosis::Division… #card"
            return [Flashcard(start, split[0], [paragraph([split[1]], start)], sections)], "", start
        answer = [paragraph(kept, start + 1)] if any(kept) else []
        return [Flashcard(start, front, answer, sections)], "", start
    parted = next((n for n, line in enumerate(lines) if line_text(line).strip() in srs.line_separators), None)
    if parted is not None and parted > 0 and any(lines[:parted]):
        question = joined(lines[:parted])
        answer = [paragraph(lines[parted + 1 :], start + parted + 1)] if any(lines[parted + 1 :]) else []
        return [Flashcard(start, question, answer, sections)], "", start
    cards, rest = [], []
    for n, line in enumerate(lines):
        split = _split_at_separator(line, srs)
        if split is None:
            if line_text(line).strip():
                rest.append(line_text(line).strip())
            continue
        asked, answered = split
        task = without_task_box(asked)  # "- [ ] Binary search;; O(log n)": a task list item
        read_before = asked if task is not asked else None
        cards.append(Flashcard(start + n, task, [paragraph([answered], start + n)], sections, read_before))
    if (
        not cards and (cloze := cloze_block(lines, srs.cloze_highlights, srs.cloze_bold)) is not None
    ):  # "The ==mitochondria== makes ATP."
        return [Flashcard(start, cloze[0], [paragraph(cloze[1], start)], sections)], "", start
    return cards, " ".join(rest), start


def _front_with_list(
    lead: SyntaxTreeNode, below: SyntaxTreeNode | None, srs: SrsSettings
) -> tuple[list[Token], list[SyntaxTreeNode], list[SyntaxTreeNode], list[Token]] | None:
    """A multi-line card whose front lines run on into a list: a paragraph right over a list one
    of whose items holds the separator line (Markdown reads "- B", "?" and the answer as that
    item's lines; any items after it are the answer's). Its (question, the list up to the
    separator, answer, the question as read before: the item's lines over the separator)."""
    if inline_of(lead) is None or below is None or below.type not in ("bullet_list", "ordered_list"):
        return None
    if not (lead.map and below.map and _end_line(lead) == below.map[0]) or _ends_on_separator(lead, srs):
        return None
    parted_items = [(k, found) for k, item in enumerate(below.children) if (found := _parted_item(item, srs))]
    if not parted_items:
        return None
    k, (inline, lines, parted) = parted_items[0]
    item = below.children[k]
    assert below.nester_tokens is not None
    opener, closer = below.nester_tokens.opening, below.nester_tokens.closing
    asked = [
        token if token is not inline else inline.copy(children=joined(lines[:parted])) for token in item.to_tokens()
    ]
    shown = [t for earlier in below.children[:k] for t in earlier.to_tokens()]
    items: list[SyntaxTreeNode] = list(syntax_tree([opener, *shown, *asked, closer]).children)
    start = (item.children[-1].map[0] if item.children[-1].map else 0) + parted + 1
    answer = [paragraph(lines[parted + 1 :], start)] if any(lines[parted + 1 :]) else []
    if rest := [t for later in below.children[k + 1 :] for t in later.to_tokens()]:
        answer += syntax_tree([opener, *rest, closer]).children
    lead_inline = inline_of(lead)
    assert lead_inline is not None
    return list(lead_inline.children or []), items, answer, joined(lines[:parted])


def _parted_item(item: SyntaxTreeNode, srs: SrsSettings) -> tuple[Token, list[list[Token]], int] | None:
    """(inline token, its lines, the separator's line among them) of a list item whose last
    paragraph holds a separator line below some front lines."""
    inline = inline_of(item.children[-1]) if item.children else None
    lines = lines_of(inline) if inline is not None else []
    parted = next((n for n, line in enumerate(lines) if line_text(line).strip() in srs.line_separators), None)
    return (inline, lines, parted) if inline is not None and parted and any(lines[:parted]) else None


def _tagged_heading(
    node: SyntaxTreeNode, below: SyntaxTreeNode | None
) -> tuple[list[Token], list[SyntaxTreeNode], int] | None:
    """(front, back so far, blocks below it taken) of a heading that marks a card: tagged itself,
    or over a paragraph right below it whose first line is the tag alone (its other lines the back)."""
    inline = node.children[0].token if node.children else None
    line = list(inline.children or []) if inline is not None else []
    if (front := _card_tagged(line)) is not None:
        return (front, [], 0) if line_text(front).strip() else None
    own = inline_of(below) if below is not None and below.map and node.map and below.map[0] == node.map[1] else None
    lines = lines_of(own) if own is not None else []
    if not lines or _card_tagged(lines[0]) != [] or not line_text(line).strip():
        return None
    start = below.map[0] if below is not None and below.map else 0
    return line, [paragraph(lines[1:], start + 1)] if any(lines[1:]) else [], 1


def _opens_card(node: SyntaxTreeNode) -> bool:
    """A paragraph whose first line is a card's front, ``#card`` at its end."""
    inline = inline_of(node)
    lines = lines_of(inline) if inline is not None else []
    front = _card_tagged(lines[0]) if lines else None
    return front is not None and bool(line_text(front).strip())


def _right_below(blocks: Sequence[SyntaxTreeNode], index: int, end: int) -> list[SyntaxTreeNode]:
    """The blocks from ``blocks[index]`` on that follow each other from line ``end`` with no blank
    line between (a heading ends them): an answer that runs on up to the next blank line."""
    found: list[SyntaxTreeNode] = []
    while index < len(blocks) and (nxt := blocks[index]).map is not None and nxt.map[0] == end:
        if nxt.type == "heading":
            break
        found.append(nxt)
        end = _end_line(nxt)
        index += 1
    return found


def _end_line(node: SyntaxTreeNode) -> int:
    """The line after the block's last line of text. A list's own range runs on over the blank
    lines after it; its paragraphs' and code blocks' ranges do not."""
    inner = [_end_line(child) for child in node.children if child.map is not None]
    return max(inner) if inner else (node.map[1] if node.map else 0)


def _ends_on_separator(node: SyntaxTreeNode, srs: SrsSettings) -> bool:
    """The paragraph's last line is the ``?`` line: its answer is the blocks below it."""
    inline = inline_of(node)
    lines = lines_of(inline) if inline is not None else []
    return bool(lines) and line_text(lines[-1]).strip() in srs.line_separators


def _split_at_separator(line: list[Token], srs: SrsSettings) -> tuple[list[Token], list[Token]] | None:
    """(question, answer) of a ``Question::Answer`` line, parted in its text (never in code)."""
    for n, token in enumerate(line):
        at = _separator_at(token.content, srs) if token.type == "text" else None
        if at is None or not balanced(line[:n]):
            continue  # never inside code, emphasis or a link
        head, tail = token.content[: at[0]], token.content[at[1] :]  # ":::" asks both ways
        question = [*line[:n], token.copy(content=head.rstrip())] if head.strip() else line[:n]
        answer = [token.copy(content=tail.lstrip()), *line[n + 1 :]] if tail.strip() else line[n + 1 :]
        if line_text(question).strip() and line_text(answer).strip():
            return question, answer
        return None
    return None


def _separator_at(text: str, srs: SrsSettings) -> tuple[int, int] | None:
    """(start, end) of the first single-line separator in ``text``: the reversed one where both
    start (":::" holds "::"); never one inside an Anki cloze deletion (``{{c1::…}}``)."""
    deletions = [m.span() for m in ANKI_CLOZE.finditer(text)] if "{{" in text else []
    found = [
        (m.start(), -len(sep))
        for sep in (srs.inline_reversed, srs.inline)
        for m in re.finditer(re.escape(sep), text)
        if not any(a <= m.start() < b for a, b in deletions)
    ]
    if not found:
        return None
    start, length = min(found)
    return start, start - length


def _shows(node: SyntaxTreeNode) -> bool:
    """Not a rule, a comment (the plugin's own ``<!--SR:!2026-08-24,8,250-->`` review record under a
    card among them) or wrapper HTML: what a reader of the note sees."""
    return shows_something(node, raw_html(node)) and (node.type != "html_block" or bool(node.content.strip()))
