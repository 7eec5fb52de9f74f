"""Callouts that ask: a question in the title, its answer in the body.

Obsidian users write self-test questions as (often folded) callouts, ``> [!question]- What does
the handshake do?`` over the answer; MkDocs and Docusaurus notes do the same with ``??? question
"…"`` and ``:::question …``. Such a callout is a question of its own wherever it stands: the
text around it stays the answer of the question it stands in.

Callouts titled as an answer (VuePress's ``::: details 答案``, MkDocs' ``??? success "参考答案"``)
hold the answer to the question before them: their body is that answer, the title a label.
"""

from __future__ import annotations

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from cardgen.notes.asking import labels_an_answer

# Obsidian's question kinds ("help" and "faq" are its aliases of "question"), also MkDocs'.
ASKING_KINDS = frozenset({"question", "faq", "help"})
_CALLOUTS = ("callout", "admonition", "container_callout")


def question_callout(node: SyntaxTreeNode) -> tuple[list[Token], list[SyntaxTreeNode]] | None:
    """(the title's inline tokens, the body's blocks) of a callout of an asking kind with a title;
    None for any other block."""
    classes = str(node.attrs.get("class", "")).split()
    if not any(c.removeprefix("cg-callout-") in ASKING_KINDS for c in classes if c.startswith("cg-callout-")):
        return None
    titled = _titled(node)
    if titled is None or titled[0].content.strip().strip("\"'").casefold() in ASKING_KINDS:
        return None  # untitled: the title shown is the kind's name ("Question"), not a question
    return list(titled[0].children or []), titled[1]


def answer_callout(node: SyntaxTreeNode) -> list[SyntaxTreeNode] | None:
    """The body of a callout titled as an answer (``::: details 答案``); None for any other block."""
    titled = _titled(node)
    return titled[1] if titled is not None and labels_an_answer(titled[0].content.strip().strip("\"'")) else None


def unwrapped(blocks: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    """The blocks, each callout titled as an answer replaced by its body."""
    return [inner for node in blocks for inner in (answer_callout(node) or [node])]


def split_at_answer(body: list[SyntaxTreeNode]) -> tuple[list[SyntaxTreeNode], list[SyntaxTreeNode]]:
    """(what stands above, the answer) of a body holding a callout titled as an answer (a question
    callout's ``>> [!success]- Answer``): the answer is that callout's body and what follows it.
    ([], the body) when it holds none."""
    at = next((k for k, block in enumerate(body) if answer_callout(block) is not None), None)
    if at is None:
        return [], body
    return body[:at], [*unwrapped(body[at : at + 1]), *body[at + 1 :]]


def _titled(node: SyntaxTreeNode) -> tuple[Token, list[SyntaxTreeNode]] | None:
    """(the title's inline token, the body's blocks) of a callout with a title; None otherwise."""
    if node.type not in _CALLOUTS or not node.children:
        return None
    title, *body = node.children
    if "cg-callout-title" not in str(title.attrs.get("class", "")) or not title.children:
        return None
    inline = title.children[0].token
    return (inline, body) if inline is not None and inline.content.strip().strip("\"'") else None
