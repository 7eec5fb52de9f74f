"""Multiple-choice questions: an answer that is a list of task boxes, some ticked.

Exam banks (cloud certification practice tests, quizzes) write a question's options as a
GitHub task list and tick the right ones::

    ### Which AWS service stores objects?

    - [ ] Amazon EBS.
    - [x] Amazon S3.

Such a question asks with its options: they go on the front, every box empty (☐), and the
back shows them again with the right ones ticked (☑). A task list with every box ticked, or
none, is a checklist, not a choice, and stays part of the answer as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

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
