"""Blocks too tall for any card, cut into pieces (``pdf/pieces.py``): a paragraph between its
sentences, a list item between the items nested in it."""

from __future__ import annotations

from cardgen.notes.blocks import answer_block
from cardgen.pdf.pieces import PIECE_CHARS, nested_item_pieces, sentence_pieces
from cardgen.vocab import BlockKind


def test_a_long_paragraph_is_cut_between_sentences_outside_its_markup() -> None:
    sentence = "It has <em>emphasis. With a stop</em>, <code>code. too</code> and &amp; an entity. "
    block = answer_block(BlockKind.PARAGRAPH, "<p>" + sentence * 12 + "</p>")
    pieces = sentence_pieces(block)
    assert len(pieces) > 2
    assert [p.continues for p in pieces] == [False] + [True] * (len(pieces) - 1)
    assert all(p.html.startswith('<p class="cg-chunk">') for p in pieces[:-1]) and pieces[-1].html.startswith("<p>")
    for piece in pieces:  # every piece ends a sentence, and no markup is cut open
        assert piece.html.endswith("entity.</p>") and piece.html.count("<em>") == piece.html.count("</em>")
        assert len(piece.text) >= PIECE_CHARS or piece is pieces[-1]
    assert " ".join(p.text for p in pieces).split() == block.text.split()


def test_chinese_sentences_are_cut_without_spaces() -> None:
    block = answer_block(
        BlockKind.PARAGRAPH, "<p>" + "这是很长的一句话，它说明了为什么要在下一张卡片上继续。" * 20 + "</p>"
    )
    pieces = sentence_pieces(block)
    assert len(pieces) > 2 and all(p.text.endswith("。") for p in pieces)
    assert "".join(p.text for p in pieces) == block.text


def test_what_cannot_be_cut_stays_whole() -> None:
    one_sentence = answer_block(BlockKind.PARAGRAPH, "<p>" + "一个没有句号的很长的分句，" * 40 + "</p>")
    short = answer_block(BlockKind.PARAGRAPH, "<p>Short. Two sentences.</p>")
    item = answer_block(BlockKind.LIST_ITEM, "<ul><li>" + "A sentence. " * 40 + "</li></ul>")
    for block in (one_sentence, short, item):
        assert sentence_pieces(block) == (block,)


def test_a_list_item_is_cut_between_the_items_nested_in_it() -> None:
    outline = (
        '<ol start="3">\n<li>\n<p>Memory model</p>\n<ol>\n<li>Stack\n<ul>\n<li>per thread</li>\n</ul>\n</li>\n'
        "<li>Heap</li>\n<li>Locals</li>\n</ol>\n<p>And a last word.</p>\n</li>\n</ol>"
    )
    pieces = nested_item_pieces(answer_block(BlockKind.LIST_ITEM, outline))
    assert [p.continues for p in pieces] == [False, True, True]
    first, second, last = (p.html for p in pieces)
    assert (
        first.startswith('<ol start="3" class="cg-cut">\n<li>\n<p>Memory model</p>\n<ol>\n<li>Stack')
        and "per thread" in first
    )
    assert '<li class="cg-nobullet"><ol start="2">\n<li>Heap</li>' in second  # numbered on, no bullet of its own
    assert '<ol start="3">\n<li>Locals</li>\n</ol>\n<p>And a last word.</p>' in last
    assert " ".join(p.text for p in pieces).split() == answer_block(BlockKind.LIST_ITEM, outline).text.split()
    for piece in pieces:  # every piece is whole HTML: each tag it opens it closes
        assert piece.html.count("<li") == piece.html.count("</li>")
        assert piece.html.count("<ol") == piece.html.count("</ol>")


def test_a_list_item_with_one_or_no_nested_item_stays_whole() -> None:
    for html in ("<ul>\n<li>Only words</li>\n</ul>", "<ul>\n<li>Words\n<ul>\n<li>one</li>\n</ul>\n</li>\n</ul>"):
        block = answer_block(BlockKind.LIST_ITEM, html)
        assert nested_item_pieces(block) == (block,)
