"""Headings written as list items (``1. ### What is …?``) and in HTML (``<h3>…</h3>``) ask like
``#`` headings; the rest of the list item is the answer, "Back to Top" links are navigation."""

from __future__ import annotations

import pytest

from cardgen.commands.build import plan
from cardgen.config.options import BuildConfig
from cardgen.notes.markdown import make_parser
from tests.conftest import FIXTURES

HEADINGS = FIXTURES / "notes" / "headings"


def backs(name: str) -> dict[str, str]:
    deck = plan(BuildConfig(sources=(HEADINGS / name,), write_pdf=False), now=0)
    return {card.front_text: card.fields[1] for card in deck.cards}


def test_a_headed_item_is_a_question_and_the_rest_of_the_item_its_answer() -> None:
    back = backs("headed-list.md")
    closure, hoisting, event_loop = (
        back["What is a closure?"],
        back["What is hoisting?"],
        back["What is an event loop?"],
    )
    assert "lexical environment" in closure and "counter" in closure  # the paragraph and the listing
    assert "<li><code>var</code> declarations" in hoisting and "hoisted whole" in hoisting  # its own list stays
    assert "call stack is empty" in event_loop
    # The in-page links that only navigate are not card text; a sentence linking within the page is.
    assert all("Back to Top" not in text for text in back.values())
    assert "the event loop" in back["What is a microtask?"]


@pytest.mark.parametrize(
    ("source", "lifted"),
    [
        ("1. ### What is A?\n\n   A is a.\n2. ### What is B?\n\n   B is b.\n", True),
        ("- ## What is A?\n- B is plain\n- C is plain\n", False),  # fewer than half the items headed
        ("- first item\n- ## What is A?\n", False),  # the first item is not headed
        ("> 1. ### What is A?\n>\n>    A is a.\n", False),  # a list inside a quote stays a list
    ],
)
def test_which_lists_are_lifted(source: str, lifted: bool) -> None:
    types = [t.type for t in make_parser().parse(source)]
    assert ("ordered_list_open" not in types and "bullet_list_open" not in types) is lifted
    assert "heading_open" in types


def test_a_tight_items_paragraphs_show_once_lifted() -> None:
    html = make_parser().render("1. ### What is A?\n   A is a.\n")
    assert html == "<h3>What is A?</h3>\n<p>A is a.</p>\n"


def test_html_headings_ask_and_a_banner_stays_html() -> None:
    back = backs("html-headings.md")
    assert back["What is the DOM?"] == "<p>The tree of objects a browser builds from a page.</p>"
    assert "repaint draws pixels" in back["What is a reflow & a repaint?"]
    tokens = make_parser().parse('<div align="center">\n  <h1>Browser Questions</h1>\n</div>\n')
    assert [t.type for t in tokens] == ["html_block"]
    # A heading the HTML after it runs on from (no blank line between): the heading, then that HTML.
    cssom = back["What is the CSSOM?"]
    assert "The CSS Object Model: the styles as a tree." in cssom and "Rules" in cssom and "h3" not in cssom
    tokens = make_parser().parse("<h3>Q?</h3>\n<p>A.</p>\n")
    assert [(t.type, t.map) for t in tokens] == [
        ("heading_open", [0, 1]), ("inline", [0, 1]), ("heading_close", None), ("html_block", [1, 2])
    ]  # fmt: skip


def test_directives_to_editors_are_not_answer_text() -> None:
    deck = plan(BuildConfig(sources=(FIXTURES / "notes" / "blocks" / "directives.md",), write_pdf=False), now=0)
    back = {card.front_text: card.fields[1] for card in deck.cards}
    assert back["Redis 为什么快？"] == "<p>基于内存，单线程避免上下文切换。</p>"  # no [toc], no {% raw %}
    assert back["什么是缓存穿透？"] == "<p>查询不存在的数据。</p>"  # no {% endraw %}, no [[_TOC_]]
    assert "[TOC] in a sentence stays" in back["什么是 TOC？"]
    assert back["什么是缓存雪崩？"] == "<p>大量缓存同时失效。</p>"  # no Obsidian_to_Anki settings


def test_a_table_of_contents_is_navigation_but_a_list_with_a_sentence_is_not() -> None:
    deck = plan(BuildConfig(sources=(FIXTURES / "notes" / "blocks" / "table-of-contents.md",), write_pdf=False), now=0)
    back = {card.front_text: card.fields[1] for card in deck.cards}
    assert all("MySQL" not in text and "参考" not in text for text in back.values())  # the contents: on no card
    assert "See <a" in back["会出现哪些并发一致性问题？"]  # a list with words of its own stays
    assert "far too long to be a label" in back["数据库索引的实现原理（B+树）"]


def test_a_lone_cross_reference_stays_but_navigation_goes() -> None:
    from cardgen.notes.extract import extract
    from cardgen.notes.read import parse_text

    text = (
        "## What is A?\n\nA is a.\n\n[See caching](#caching)\n\n- [B](#b)\n- [C](#c)\n\n"
        "**[⬆ Back to Top](#top)**\n\n[返回目录](#目录)\n\n- [D](#d)\n- [E](#e)\n- [F](#f)\n"
    )
    answer = extract(parse_text(text, HEADINGS / "x.md")).questions[0].answer_html
    assert "See caching" in answer and ">B<" in answer and ">C<" in answer  # what an author linked to read on
    assert "Back to Top" not in answer and "返回目录" not in answer and ">D<" not in answer  # moving about the page
