"""``notes.tree.syntax_tree`` builds the tree markdown-it's ``SyntaxTreeNode`` builds: same
nodes, tokens, parents and children, for every fixture, the seed and the real notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from cardgen.notes.markdown import make_parser
from cardgen.notes.tree import syntax_tree
from tests.conftest import CORPUS, FIXTURES, SEED

FILES = sorted([SEED, *FIXTURES.rglob("*.md"), *(CORPUS.rglob("*.md") if CORPUS.is_dir() else [])])


def assert_same(ours: SyntaxTreeNode, theirs: SyntaxTreeNode) -> None:
    assert ours.type == theirs.type
    assert ours.token is theirs.token
    if theirs.nester_tokens is None:
        assert ours.nester_tokens is None
    else:
        assert ours.nester_tokens is not None
        assert ours.nester_tokens.opening is theirs.nester_tokens.opening
        assert ours.nester_tokens.closing is theirs.nester_tokens.closing
    assert ours.to_tokens() == SyntaxTreeNode.to_tokens(ours)  # the base class walks the subtree
    assert all(a is b for a, b in zip(ours.to_tokens(), SyntaxTreeNode.to_tokens(ours), strict=True))
    assert len(ours.children) == len(theirs.children)
    for mine, other in zip(ours.children, theirs.children, strict=True):
        assert mine.parent is ours
        assert_same(mine, other)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_the_same_tree_as_markdown_it_builds(path: Path) -> None:
    tokens = make_parser().parse(path.read_text(encoding="utf-8", errors="replace"))
    ours = syntax_tree(tokens)
    assert ours.parent is None
    assert_same(ours, SyntaxTreeNode(tokens))
    assert ours.to_tokens() == tokens


def test_nesting_errors_are_markdown_its() -> None:
    opening, closing = Token("paragraph_open", "p", 1), Token("paragraph_close", "p", -1)
    for broken in ([opening], [closing], [opening, opening, closing]):
        with pytest.raises(ValueError):
            SyntaxTreeNode(broken)
        with pytest.raises(ValueError):
            syntax_tree(broken)
