"""Callouts that ask: a question in the title, its answer in the body.

Obsidian users write self-test questions as (often folded) callouts, ``> [!question]- What does
the handshake do?`` over the answer; MkDocs and Docusaurus notes do the same with ``??? question
"…"`` and ``:::question …``. Such a callout is a question of its own wherever it stands: the
text around it stays the answer of the question it stands in.
"""

from __future__ import annotations

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

# Obsidian's question kinds ("help" and "faq" are its aliases of "question"), also MkDocs'.
ASKING_KINDS = frozenset({"question", "faq", "help"})
_CALLOUTS = ("callout", "admonition", "container_callout")


def question_callout(node: SyntaxTreeNode) -> tuple[list[Token], list[SyntaxTreeNode]] | None:
    """(the title's inline tokens, the body's blocks) of a callout of an asking kind with a title;
    None for any other block."""
    if node.type not in _CALLOUTS or not node.children:
        return None
    classes = str(node.attrs.get("class", "")).split()
    if not any(c.removeprefix("cg-callout-") in ASKING_KINDS for c in classes if c.startswith("cg-callout-")):
        return None
    title, *body = node.children
    if "cg-callout-title" not in str(title.attrs.get("class", "")) or not title.children:
        return None
    inline = title.children[0].token
    text = inline.content.strip().strip("\"'") if inline is not None else ""
    if inline is None or not text or text.casefold() in ASKING_KINDS:
        return None  # untitled: the title shown is the kind's name ("Question"), not a question
    return list(inline.children or []), body
