"""Questions asked in one section and answered in another, in one language or two."""

from __future__ import annotations

from cardgen.commands.build import plan
from cardgen.config.options import BuildConfig
from cardgen.notes.read import parse_text
from cardgen.notes.sections import interview_sections
from tests.conftest import FIXTURES

SECTIONS = FIXTURES / "notes" / "sections"


def backs(name: str) -> dict[str, str]:
    deck = plan(BuildConfig(sources=(SECTIONS / name,), write_pdf=False), now=0)
    return {card.front_text: card.fields[1] for card in deck.cards if card.kind == "qa"}


def test_each_question_takes_the_answer_in_its_language() -> None:
    back = backs("bilingual.md")
    russian, english = back["Что такое data class в Kotlin?"], back["What is a data class in Kotlin?"]
    assert "Класс для хранения данных" in russian and "holds data" not in russian
    assert "holds data" in english and "primary constructor" in english  # its sub-sections too
    assert "Класс" not in english


def test_a_lone_question_section_asks_with_its_first_paragraph_and_shows_the_rest() -> None:
    deck = plan(BuildConfig(sources=(SECTIONS / "one-language.md",), write_pdf=False), now=0)
    two_sum = deck.cards[0]
    assert two_sum.front_text.startswith("Given an array of integers")
    assert "nums = [2, 7, 11, 15]" in two_sum.fields[0] and "look up" in two_sum.fields[1]


def test_files_without_such_sections_have_none() -> None:
    plain = parse_text("# Title\n\n## What is X?\n\nX is x.\n\n## Answer\n\nNo question section above.\n", SECTIONS)
    assert interview_sections(plain.tree.children) is None
    both = parse_text(
        "# Question (EN)\n\nWhy?\n\n## Answer (EN)\n\nBecause.\n\n## Ответ (RU)\n\nПотому что.\n", SECTIONS
    )
    found = interview_sections(both.tree.children)
    assert (
        found is not None and len(found.asked) == 1 and [r.start for r in found.unanswering] == [4]
    )  # the Russian heading


def test_headings_that_say_their_part_after_a_label() -> None:
    """0voice's files: ``#### **题目**：…`` asks in the heading, ``#### **参考答案**：A，B，C`` answers in it
    (or below it), and a heading between (``出题人：…``) is shown with the question."""
    bike = plan(BuildConfig(sources=(SECTIONS / "labelled-headings.md",), write_pdf=False), now=0).cards[0]
    assert bike.front_text == "如何测试一辆自行车" and "出题人" in bike.fields[0]
    assert "骑车试一试" in bike.fields[1] and "参考答案" not in bike.fields[1]
    nas = plan(BuildConfig(sources=(SECTIONS / "labelled-answer-in-heading.md",), write_pdf=False), now=0).cards[0]
    assert "B. 主机 a" in nas.fields[0] and nas.fields[1] == "<p>A，B，C</p>"
    assert nas.guid == "G`~u9VrGa("  # the 6th session's (0b3f3d1), which had the options in the answer


def test_sections_written_again_and_again_pair_off_in_order() -> None:
    deck = plan(BuildConfig(sources=(SECTIONS / "labelled-pairs.md",), write_pdf=False), now=0)
    assert {c.front_text: c.fields[1] for c in deck.cards} == {
        "什么是进程？": "<p>资源分配的单位。</p>",
        "什么是线程？": "<p>调度的单位。</p>",  # its own answer, not the first question's
    }


def test_an_answer_label_answers_the_question_asked_just_before_it() -> None:
    """``## Answer`` / ``## 参考答案`` right under a heading question, and ``## Answer guide`` under a
    line that asks below the title: what follows the label is that question's answer (before, the
    questions were unanswered and "Answer guide" was a card of its own)."""
    for name, expected in (
        ("answer-after-heading.md", {"What is a Pod?": "smallest deployable unit", "What is a Node?": "worker"}),
        ("answer-label.md", {"What should build provenance establish for a released container image?": "digest"}),
    ):
        deck = plan(BuildConfig(sources=(SECTIONS / name,), write_pdf=False, kinds=frozenset({"qa"})), now=0)
        answers = {c.front_text: c.question.answer_html for c in deck.cards}
        assert set(answers) == set(expected), name
        assert all(words in answers[front] for front, words in expected.items()), name


def test_what_a_heading_question_asks_about_is_asked_before_its_labelled_answer() -> None:
    """``## Question 2. For which value of x …?`` over a listing over ``### Answer``: the listing is
    the question's (the front), the labelled rest its answer; ``Question 1.`` is a label. GUIDs are
    those the previous version gave (listing on the back, label in the title)."""
    notes = FIXTURES / "notes" / "sections" / "answer-after-what-it-asks-about.md"
    cards = plan(BuildConfig(sources=(notes,), write_pdf=False), now=0).cards
    which = cards[1]
    assert which.front_text == "For which value of x the results of the following statements are not the same?"
    assert "cg-prompt" in which.fields[0] and "language-javascript" in which.fields[0]
    assert which.fields[1].startswith("<p><code>NaN &lt;= 100</code>") and "Answer" not in which.fields[1]
    assert [c.fields[2] for c in cards] == ["1", "2", "3"]
    assert [c.guid for c in cards] == ["E3.z,$v0,V", "Du8YXJX?$F", "tHpA5D2gW}"]
