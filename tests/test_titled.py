"""A note that is one question, asked in its front matter (``notes/titled.py``)."""

from __future__ import annotations

from cardgen.commands.build import plan
from cardgen.config.options import BuildConfig
from cardgen.text import text_of
from tests.conftest import FIXTURES

TITLED = FIXTURES / "notes" / "titled"


def test_the_front_matter_asks_and_the_whole_text_answers() -> None:
    """The labels ("Short answer", "Detailed explanation") are headings inside the one answer,
    with the code, the list under a deeper heading and the footnote cited; the back matter
    section is left out (and reported: the fixture's account)."""
    (card,) = plan(BuildConfig(sources=(TITLED / "front-matter-question.md",), write_pdf=False), now=0).cards
    assert card.front_text.startswith("How do you return all customers") and card.front_text.endswith("JOIN?")
    answer = text_of(card.question.answer_html)
    for part in ("Short answer", "Use a LEFT JOIN", "Detailed explanation", "GROUP BY c.id", "Common mistakes",
                 "testing only on customers", "Table Expressions"):  # fmt: skip
        assert part in answer, part
    assert "PostgreSQL manual" not in answer
    assert {"left-join", "sql"} <= set(card.tags)


def test_a_question_key_comes_before_the_title() -> None:
    (card,) = plan(BuildConfig(sources=(TITLED / "question-key.md",), write_pdf=False), now=0).cards
    assert card.front_text == "Which rows does a LEFT JOIN keep?"
    assert "Every row of the left table" in text_of(card.question.answer_html)


def test_a_question_section_that_writes_the_question_out_asks_it() -> None:
    """ "# 题目" over the question in full asks it (the front matter shortens it); the labelled
    sections after it are the answer, their headings kept; the question is not repeated there."""
    (card,) = plan(BuildConfig(sources=(TITLED / "question-section.md",), write_pdf=False), now=0).cards
    assert card.front_text == "为什么 RAG 常常要做 Query Rewrite 或 HyDE，而不是把原问题直接拿去检索？"
    assert card.question.loc.line == 9
    answer = text_of(card.question.answer_html)
    for part in ("一句话结论", "标准答案", "过口语化", "常见误答", "不需要真实检索"):
        assert part in answer, part
    assert "题目" not in answer and "为什么" not in answer
