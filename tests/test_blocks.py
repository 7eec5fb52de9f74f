"""Answer blocks: rendered once, whole and in printable pieces that keep their numbering."""

from __future__ import annotations

import html
import re

from markdown_it.tree import SyntaxTreeNode

from cardgen.notes.blocks import answer_block, render_blocks, split_blocks
from cardgen.notes.markdown import make_parser
from cardgen.vocab import BlockKind


def pieces(text: str) -> tuple[str, tuple[str, ...]]:
    md = make_parser()
    whole, parts = render_blocks(md, {}, split_blocks(SyntaxTreeNode(md.parse(text)).children))
    return whole, tuple(p.html for p in parts)


def test_whole_answer_is_what_rendering_it_at_once_gives() -> None:
    text = "Intro:\n\n3. three\n4. four\n\n| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n\n```py\nx = 1\n```\n"
    whole, _ = pieces(text)
    assert whole == make_parser().render(text).strip()


def test_list_items_and_table_rows_are_pieces_of_their_own() -> None:
    _, parts = pieces("3. three\n4. four\n\n* a\n* b\n\n| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n")
    assert parts[0].startswith('<ol start="3">') and "three" in parts[0] and "four" not in parts[0]
    assert parts[1].startswith('<ol start="4">'), "an ordered item keeps its number when printed apart"
    assert parts[2].startswith("<ul>") and parts[3].startswith("<ul>")
    assert 'class="cg-rows cg-first"' in parts[4] and "<thead>" in parts[4]
    assert 'class="cg-rows cg-cont cg-last"' in parts[5] and "<thead>" not in parts[5]
    assert len(parts) == 6


def test_pieces_are_typed_for_the_height_model() -> None:
    md = make_parser()
    text = "## Sub\n\nIntro:\n\n* a\n\n```\nx\n```\n\n> quoted\n\n| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n"
    _, parts = render_blocks(md, {}, split_blocks(SyntaxTreeNode(md.parse(text)).children))
    kinds = [p.kind for p in parts]
    assert kinds == ["heading", "paragraph", "list_item", "code", "quote", "table", "table"]
    assert [p.last for p in parts[-2:]] == [False, True]
    block = answer_block(parts[-2].kind, parts[-2].html, last=parts[-2].last)
    assert block.rows == (("a", "b"), ("1", "2")) and block.bold_rows == (True, False) and not block.last
    assert answer_block(BlockKind.PARAGRAPH, '<p>x <img src="a.png"> &amp; y</p>').text == "x  & y"


def test_a_long_listing_is_cut_into_pieces_highlighted_in_context() -> None:
    # A docstring that runs over the cut after line 6 stays a string in the second piece, and
    # the blank line the cut falls on starts no piece (Pygments drops it from a whole listing).
    code = 'def f():\n    """One\n    two\n    three\n    four\n\n    five\n    six"""\n    return 1\n'
    _, parts = pieces(f"```python\n{code}```\n")
    assert len(parts) == 2
    assert parts[0].startswith('<pre class="cg-chunk"><code class="language-python">')
    assert parts[1].startswith('<pre><code class="language-python"><span class="pyg-sd">    five</span>')
    assert '<span class="pyg-sd">    six"""</span>' in parts[1] and parts[1].endswith("</code></pre>")
    plain = "".join(re.sub(r"<[^>]+>", "", p) for p in parts)
    assert html.unescape(plain) == code.replace("\n\n", "\n")


def test_without_pieces_the_whole_is_the_same_and_nothing_is_cut() -> None:
    """An Anki deck alone needs no printable pieces (``pieces=False``): the same whole answer."""
    md = make_parser()
    text = "Lead-in:\n\n1. one\n2. two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nx = 1\n```\n"
    blocks = split_blocks(SyntaxTreeNode(md.parse(text)).children)
    whole, cut = render_blocks(md, {}, blocks)
    assert len(cut) == 4 + 1  # the lead-in, two items, one row, the listing
    assert render_blocks(md, {}, blocks, pieces=False) == (whole, ())
