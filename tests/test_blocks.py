"""Answer blocks: rendered once, whole and in printable pieces that keep their numbering."""

from __future__ import annotations

from markdown_it.tree import SyntaxTreeNode

from cardgen.notes.blocks import render_blocks, split_blocks
from cardgen.notes.markdown import make_parser


def pieces(text: str) -> tuple[str, tuple[str, ...]]:
    md = make_parser()
    return render_blocks(md, {}, split_blocks(SyntaxTreeNode(md.parse(text)).children))


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
