"""Footnotes (``text[^1]`` … ``[^1]: note``): each printed with the answer that refers to it.

mdit-py-plugins' ``footnote`` plugin parses them; its usual place for the notes, the end of
the document, is no place on a card. So definitions stay where they are written (a
``footnote_reference`` block, often at the end of the file), are left out of the text around
them, and are added after each answer that refers to them, in the order first referred to.
A definition that no card refers to is reported.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.tree import SyntaxTreeNode

DEFINITION = "footnote_reference"


def definitions(tree: SyntaxTreeNode) -> dict[str, SyntaxTreeNode]:
    """The file's footnote definitions, by label."""
    return {str(node.meta.get("label", "")): node for node in tree.children if node.type == DEFINITION}


def referred_to(nodes: Sequence[SyntaxTreeNode]) -> list[str]:
    """The labels the blocks refer to, in order, each once."""
    labels: dict[str, None] = {}
    for node in nodes:
        for token in node.to_tokens():
            for child in token.children or ():
                if child.type == "footnote_ref":
                    labels[str(child.meta.get("label", ""))] = None
    return list(labels)


def with_footnotes(
    answer: Sequence[SyntaxTreeNode], notes: dict[str, SyntaxTreeNode], used: set[str]
) -> list[SyntaxTreeNode]:
    """``answer`` and, after it, the footnotes it refers to (their labels added to ``used``)."""
    if not notes:
        return list(answer)
    labels = [label for label in referred_to(answer) if label in notes]
    used.update(labels)
    return [*answer, *(notes[label] for label in labels)]
