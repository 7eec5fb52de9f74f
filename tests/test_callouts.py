"""Callouts that ask (``> [!question] …``, ``??? question "…"``) are questions of their own."""

from __future__ import annotations

from cardgen.commands.build import plan
from cardgen.config.options import BuildConfig
from cardgen.notes.callouts import question_callout
from cardgen.notes.read import parse_text
from tests.conftest import FIXTURES

CALLOUTS = FIXTURES / "notes" / "asking" / "question-callouts.md"


def test_a_callout_asks_and_its_body_answers_while_the_text_around_it_stays_put() -> None:
    deck = plan(BuildConfig(sources=(CALLOUTS,), write_pdf=False), now=0)
    cards = {c.front_text: c for c in deck.cards}
    assert cards["What does the three-way handshake do?"].fields[1] == (
        "<p>It synchronises sequence numbers: SYN, SYN-ACK, ACK.</p>"
    )
    cubic = cards["Which algorithm does Linux use by default?"]
    assert "CUBIC" in cubic.fields[1] and "What is congestion control?" in cubic.question.sections
    congestion = cards["What is congestion control?"].fields[1]
    assert "network is full" in congestion and "after the callout" in congestion and "CUBIC" not in congestion
    assert "Think of the header" in cards["Why is the window 16 bits?"].fields[1]  # a callout inside one


def test_only_titled_callouts_of_asking_kinds_ask() -> None:
    text = (
        '!!! question "What is X?"\n    X.\n\n!!! question\n    untitled\n\n> [!question]\n> untitled\n\n'
        "> [!note] What is Y?\n> a note, though its title asks\n\n:::question Is it?\nYes.\n:::\n"
    )
    tree = parse_text(text, CALLOUTS).tree
    asked = [question_callout(node) for node in tree.children]
    assert [None if a is None else "".join(t.content for t in a[0]) for a in asked] == [
        "What is X?", None, None, None, "Is it?",
    ]  # fmt: skip


def test_a_details_that_asks_inside_an_answer_is_a_question_that_follows_it() -> None:
    deck = plan(BuildConfig(sources=(FIXTURES / "notes" / "htmlblocks" / "details-aside.md",), write_pdf=False), now=0)
    qa = [c for c in deck.cards if c.kind == "qa"]
    assert [c.front_text for c in qa] == [
        "Drop/Delete/Truncate的区别？", "什么是触发器？",
        "常见的封锁类型？", "What is a shared lock?", "Why do intention locks exist?",
    ]  # fmt: skip
    drop = qa[0].fields[1]
    assert "触发器" not in drop and "封锁粒度的概念" in drop and "More about Drop" in drop  # the rest stays
    assert qa[1].fields[1] == "<p>触发器（TRIGGER）是由事件来触发运行的操作。</p>"
    assert "Drop/Delete/Truncate的区别？" in qa[1].question.sections
    assert qa[4].fields[1] == "<p>So a table lock need not check every row.</p>"  # never closed: still read


def test_a_summary_that_only_says_expand_is_not_answer_text() -> None:
    deck = plan(BuildConfig(sources=(FIXTURES / "notes" / "htmlblocks" / "details-aside.md",), write_pdf=False), now=0)
    drop = next(c for c in deck.cards if c.front_text == "Drop/Delete/Truncate的区别？").fields[1]
    assert "只应建立在小字段上" in drop and "展开" not in drop  # the body stays, the "expand" label goes
    assert "应用场景" in drop  # a summary that names its content is kept


def test_an_answer_callout_inside_a_question_callout_is_the_back() -> None:
    """``> [!question] …`` over its options over ``>> [!success]- Answer``: the options on the front,
    the answer (and what follows it) on the back; the GUID as when the whole body was the answer."""
    deck = plan(BuildConfig(sources=(FIXTURES / "notes" / "asking" / "quiz-callouts.md",), write_pdf=False), now=0)
    tab, valid = deck.cards
    assert "a) Press Tab." in tab.front_html and "b) Press F4." in tab.front_html
    assert tab.fields[1] == "<p>a) Press Tab.</p>" and "Answer" not in tab.fields[1]
    assert valid.fields[1].startswith("<p>b) A prompt is our input.</p>")
    assert "what to generate" in valid.fields[1] and "A prompt is our output" not in valid.fields[1]
    assert tab.question.prompt_read_later and tab.question.identity_text == "How can you accept a suggestion?"
