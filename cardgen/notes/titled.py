"""A note that is one question, asked in its front matter.

Sites and vaults that keep one question per file often put the question in the front matter
(``title: "How do you …?"``) and write the answer under headings that only label its parts
("Short answer", "Detailed explanation"; "一句话结论", "标准答案", "常见误答"). Read heading by
heading, such a file made a card per label ("Short answer" on the front) and the question was on
none. When the front matter's ``question`` or ``title`` asks and none of the (at most
``MAX_LABELLED_PARTS``) headings or questions the file was read into asks, the file is that one
question, its whole text the answer, its headings kept inside it. A first section headed as the
question ("# 题目") that writes it out in full asks it instead of the front matter, which often
shortens it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from markdown_it.tree import SyntaxTreeNode

from cardgen.notes.asking import asks, is_back_matter
from cardgen.notes.footnotes import DEFINITION
from cardgen.notes.htmlblocks import is_directive, is_page_navigation, is_wrapper_html, raw_html
from cardgen.notes.markdown import inline_text
from cardgen.notes.outline import heading_level, heading_text
from cardgen.notes.sections import QUESTION_SECTIONS

# Front matter keys that hold the note's question, the more specific first.
QUESTION_KEYS = ("question", "title")
# A note read into more sections than this is a collection of topics under a title that happens to
# ask ("What is Kubernetes?" over "Pods", "Services"…), not one question's labelled parts.
MAX_LABELLED_PARTS = 8


@dataclass(frozen=True)
class OneQuestion:
    """A note read as the one question its front matter asks."""

    asked_by: SyntaxTreeNode
    """The front matter block, or the paragraph of a first "题目" / "Question" section."""
    text: str
    """The question, as written there (Markdown)."""
    answer: list[SyntaxTreeNode]
    """The blocks that answer: the rest of the file, headings included."""
    back_matter: list[SyntaxTreeNode]
    """Headings of back matter sections left out ("Sources", "References"…), to be reported."""


def one_question(tree: SyntaxTreeNode, front_matter: Mapping[str, Any], skip: tuple[str, ...]) -> OneQuestion | None:
    """The note as one question, when its front matter asks one."""
    blocks = tree.children
    title = front_matter_question(front_matter)
    if title is None or not blocks or blocks[0].type != "front_matter":
        return None
    restated = _restated_question(blocks)
    if restated is None:
        answer, back_matter = _answer(blocks[1:], skip)
        return OneQuestion(blocks[0], title, answer, back_matter)
    paragraph, text, rest = restated
    answer, back_matter = _answer(blocks[rest:], skip)
    return OneQuestion(paragraph, text, answer, back_matter)


def front_matter_question(front_matter: Mapping[str, Any]) -> str | None:
    """The question the front matter's ``question`` or ``title`` asks, if any."""
    for key in QUESTION_KEYS:
        value = front_matter.get(key)
        if isinstance(value, str) and asks(text := " ".join(value.split())):
            return text
    return None


def _restated_question(blocks: list[SyntaxTreeNode]) -> tuple[SyntaxTreeNode, str, int] | None:
    """The paragraph (or quoted paragraph) that a first section headed as the question holds
    alone, when it asks; its text; and the index of the block after that section."""
    if len(blocks) < 3 or blocks[1].type != "heading":
        return None
    if heading_text(blocks[1]).strip().casefold() not in QUESTION_SECTIONS:
        return None
    if len(blocks) > 3 and blocks[3].type != "heading":
        return None  # the section holds more than the question
    said = blocks[2].children[0] if blocks[2].type == "blockquote" and blocks[2].children else blocks[2]
    inline = said.children[0].token if said.type == "paragraph" and said.children else None
    if inline is None or not asks(inline_text(inline)):
        return None
    return said, inline.content, 3


def _answer(blocks: list[SyntaxTreeNode], skip: tuple[str, ...]) -> tuple[list[SyntaxTreeNode], list[SyntaxTreeNode]]:
    """The blocks that answer, and the back matter headings left out with their sections.
    Footnote definitions go with the answer that cites them; navigation and editor directives
    are not answer text."""
    answer: list[SyntaxTreeNode] = []
    back_matter: list[SyntaxTreeNode] = []
    skipping_below: int | None = None  # the level of the back matter heading being skipped
    for node in blocks:
        if node.type == "heading":
            if skipping_below is not None and heading_level(node) > skipping_below:
                continue
            skipping_below = None
            if is_back_matter(heading_text(node), skip):
                back_matter.append(node)
                skipping_below = heading_level(node)
                continue
        if skipping_below is not None or node.type == DEFINITION:
            continue
        if is_wrapper_html(raw_html(node)) or is_page_navigation(node) or is_directive(node):
            continue
        answer.append(node)
    return answer, back_matter
