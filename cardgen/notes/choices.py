"""Multiple-choice questions: an answer that is a list of task boxes, some ticked.

Exam banks (cloud certification practice tests, quizzes) write a question's options as a
GitHub task list and tick the right ones::

    ### Which AWS service stores objects?

    - [ ] Amazon EBS.
    - [x] Amazon S3.

Such a question asks with its options: they go on the front, every box empty (☐), and the
back shows them again with the right ones ticked (☑). A task list with every box ticked, or
none, is a checklist, not a choice, and stays part of the answer as written.

Quizzes also letter their options and label the answer after them::

    ### Which password is the strongest?

    A. 12345678
    B. CyberSafe@2026#

    **Answer:** B

Those options are asked with the question too, and the back is the labelled answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from cardgen.notes.labels import inline_of, labels_answer, line_text, lines_of, paragraph
from cardgen.notes.markdown import inline_text
from cardgen.notes.tree import syntax_tree

_BOX = re.compile(r"^\[([ xX])\][ \t]+")
EMPTY, TICKED = "☐ ", "☑ "


@dataclass(frozen=True)
class Choices:
    """A question's options, as its front shows them and as its back does."""

    front: SyntaxTreeNode
    """The options, every box empty."""
    back: SyntaxTreeNode
    """The options, the right ones ticked."""


def _box(item: SyntaxTreeNode) -> bool | None:
    """Whether an item's box is ticked; None for an item with no box."""
    first = item.children[0] if item.children else None
    inline = first.children[0].token if first is not None and first.type == "paragraph" and first.children else None
    children = inline.children if inline is not None else None
    if not children or children[0].type != "text" or (box := _BOX.match(children[0].content)) is None:
        return None
    return box.group(1) != " "


def multiple_choice(node: SyntaxTreeNode) -> Choices | None:
    """The options when ``node`` is a list of two or more boxed items, some ticked and some not."""
    if node.type not in ("bullet_list", "ordered_list") or len(node.children) < 2:
        return None
    ticks = [_box(item) for item in node.children]
    if None in ticks or all(ticks) or not any(ticks):
        return None
    return Choices(front=_boxes(node, reveal=False), back=_boxes(node, reveal=True))


def _boxes(node: SyntaxTreeNode, *, reveal: bool) -> SyntaxTreeNode:
    """A copy of the list with each ``[ ]``/``[x]`` drawn as a box, ticked only when ``reveal``."""
    tokens: list[Token] = []
    source = node.to_tokens()
    item_level = source[1].level  # the list's own items, not the items of a list nested in one
    for n, token in enumerate(source):
        opens_item = n >= 2 and source[n - 2].type == "list_item_open" and source[n - 2].level == item_level
        if token.type == "inline" and opens_item and token.children:
            first = token.children[0]
            box = _BOX.match(first.content) if first.type == "text" else None
            if box is not None:
                drawn = TICKED if reveal and box.group(1) != " " else EMPTY
                first = first.copy(content=drawn + first.content[box.end() :])
                token = token.copy(children=[first, *token.children[1:]])
        tokens.append(token)
    return syntax_tree(tokens).children[0]


# An option's letter, as exam questions write their options: "A. …", "b) …", "(C) …".
OPTION_LETTER = re.compile(r"^\s*(?:\(([A-Ha-h])\)|([A-Ha-h])[.)．）])\s+")


def lettered_options(node: SyntaxTreeNode) -> bool:
    """Two or more options lettered in order from A (or a), one per line of a paragraph or one per
    item of a list: ``A. 12345678`` ↵ ``B. password123`` ↵ ``C. CyberSafe@2026#``."""
    kind = node.type  # a computed property in markdown-it: read once
    if kind == "paragraph":
        inline = inline_of(node)
        # Cheap first (asked of every block): its source, or its text when cardgen made it of lines.
        if inline is None or not OPTION_LETTER.match(inline.content or inline_text(inline)):
            return False
        firsts = [line_text(line) for line in lines_of(inline)]
    elif kind in ("bullet_list", "ordered_list"):
        inlines = [inline_of(item.children[0]) if item.children else None for item in node.children]
        if inlines[0] is None or not OPTION_LETTER.match(inlines[0].content or inline_text(inlines[0])):
            return False
        firsts = [inline_text(inline) if inline is not None else "" for inline in inlines]
    else:
        return False
    letters = [(m.group(1) or m.group(2)).lower() if (m := OPTION_LETTER.match(text)) else "" for text in firsts]
    return len(letters) >= 2 and letters == [chr(ord("a") + n) for n in range(len(letters))]


def options_apart(node: SyntaxTreeNode) -> SyntaxTreeNode:
    """Lettered options written as a paragraph's lines, each shown on a line of its own as written
    (a paragraph's lines otherwise run together); a list of them as it is."""
    inline = inline_of(node) if node.type == "paragraph" else None
    return paragraph(lines_of(inline), node.map[0] if node.map else 0, hard=True) if inline is not None else node


def options_asked(body: list[SyntaxTreeNode]) -> tuple[list[SyntaxTreeNode], list[SyntaxTreeNode]] | None:
    """(question, answer) of a body that lists a question's lettered options and then labels the
    answer (``A. …`` ↵ ``B. …`` over ``**Answer:** B``): the options, and what comes before them,
    are asked with the question (its front); None when the body is not so."""
    at = next((n for n, node in enumerate(body[:-1]) if lettered_options(node)), None)
    # The answer labelled right after the options, and no answer labelled before them.
    if at is None or not labels_answer(body[at + 1]) or any(labels_answer(node) for node in body[1:at]):
        return None
    return [*body[:at], options_apart(body[at])], body[at + 1 :]
