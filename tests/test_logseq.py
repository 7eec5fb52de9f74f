"""Logseq pages: their properties, and outlines of questions (``notes/logseq.py``, ``notes/banks.py``).
The cards and findings are pinned in ``tests/fixtures/notes/outline/logseq-page.txt``."""

from __future__ import annotations

from pathlib import Path

from cardgen.commands.build import plan
from cardgen.config.options import BuildConfig
from cardgen.notes.read import parse_text
from tests.conftest import FIXTURES

PAGE = FIXTURES / "notes" / "outline" / "logseq-page.md"


def test_page_properties_are_front_matter() -> None:
    parsed = parse_text("tags:: java, [[interview prep]], #jvm\ntitle:: Java\n\n- What is the JVM?\n", Path("p.md"))
    assert parsed.front_matter == {"tags": ["java", "interview prep", "jvm"], "title": "Java"}
    assert parsed.tree.children[0].type == "front_matter"


def test_a_paragraph_of_text_is_no_page_properties() -> None:
    parsed = parse_text("Note:: this line is text\nand so is this.\n", Path("p.md"))
    assert parsed.front_matter == {} and parsed.tree.children[0].type == "paragraph"


def test_an_outline_page_asks_its_questions_without_logseq_s_own_properties() -> None:
    deck = plan(BuildConfig(sources=(PAGE,), write_pdf=False), now=0)
    cards = {card.front_text: card for card in deck.cards}
    assert list(cards) == ["面向对象编程有哪些特征？", "What does == compare?"]  # "DONE", "LATER": task states
    compare = cards["What does == compare?"]
    assert "collapsed" not in compare.fields[1] and "65a1b2c3" not in compare.fields[1]
    assert "rating:: shown" in compare.fields[1]  # a property the author writes out stays
    assert compare.question.sections == ("Java interview questions", "Java basics")
    assert {"java", "interview_prep"} <= set(compare.tags)  # the page's tags (Anki's tags have no spaces)
    # The task state was part of the question as read before: the GUID stays derived from it.
    assert cards["面向对象编程有哪些特征？"].question.identity_title == "DONE 1、面向对象编程有哪些特征？"
