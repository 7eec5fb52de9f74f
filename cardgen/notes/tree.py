"""markdown-it's syntax tree (``SyntaxTreeNode``), built in one pass over the tokens.

``SyntaxTreeNode(tokens)`` copies the tokens of every container into a new list once for each
level it is nested in, and makes each node through its own constructor: a fifth of the time it
takes to read a large file of long answers (0.18 s of ~1 s at 1,000 questions). This builds the
same nodes, with the same tokens, parents and children, in one pass with a stack.

The nodes (:class:`Node`) also answer the two questions cardgen asks of every node, many times,
without working them out again each time: their ``type`` (a property that reads the token each
time: ~470,000 reads at 1,000 long questions), and their tokens (``to_tokens``, which walks the
subtree; here a slice of the token list the node was built from). A tree is never changed once
built (the parser's rules change tokens before), so both stay true.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode, _NesterTokens


class Node(SyntaxTreeNode):
    """A ``SyntaxTreeNode`` that knows its type and where its tokens are."""

    type: str = "root"
    """As ``SyntaxTreeNode.type``: "root", the token's type, or the opening token's without "_open"."""
    # Class-level defaults, set on a node only where it differs: a large file has ~200,000 nodes.
    token: Token | None = None
    nester_tokens: _NesterTokens | None = None

    def __init__(self, parent: SyntaxTreeNode | None, tokens: Sequence[Token], first: int) -> None:
        # The base constructor is not called: it would build the subtree itself.
        self._parent = parent
        self._children: list[Node] = []
        self.tokens = tokens
        """The token list the node was built from: the file's, or an inline token's children."""
        self.first = self.last = first
        """``tokens[first : last + 1]`` are the node's tokens (all of ``tokens`` for the root)."""

    def to_tokens(self) -> list[Token]:
        """As ``SyntaxTreeNode.to_tokens``: the node's tokens, in order."""
        if self.parent is None:
            return list(self.tokens)
        return list(self.tokens[self.first : self.last + 1])


def syntax_tree(tokens: Sequence[Token]) -> Node:
    """What ``SyntaxTreeNode(tokens)`` returns: the root of the tokens' tree."""
    root = Node(None, tokens, 0)
    _add_children(root, tokens)
    return root


def _add_children(parent: Node, tokens: Sequence[Token]) -> None:
    """Nodes for ``tokens`` under ``parent``: a container (``*_open`` … ``*_close``) is one node
    whose children are the tokens between; a token with children (inline) gets nodes for them."""
    open_containers = [parent]
    for index, token in enumerate(tokens):
        if token.nesting == 1:
            node = Node(open_containers[-1], tokens, index)
            node.type = token.type.removesuffix("_open")
            open_containers[-1]._children.append(node)
            open_containers.append(node)
        elif token.nesting == -1:
            if len(open_containers) == 1:
                raise ValueError("Invalid token nesting")
            node = open_containers.pop()
            node.nester_tokens = _NesterTokens(tokens[node.first], token)
            node.last = index
        else:
            node = Node(open_containers[-1], tokens, index)
            node.type = token.type
            node.token = token
            open_containers[-1]._children.append(node)
            if token.children:
                _add_children(node, token.children)
    if len(open_containers) > 1:
        raise ValueError(f"unclosed tokens starting {tokens[open_containers[1].first]}")
