"""Question banks: a section whose text is a list of questions, or lines that each ask.

Interview collections list their questions as bullets (``* Explain event delegation.``) or as
plain lines, one per line (``联合索引的最左匹配原则?``), under a topic heading. Each such line is a
question of its own: answered by what is nested under its bullet, or, for a plain line, by the
blocks after it up to the next question; unanswered otherwise. The heading above is then a
category, not a question whose answer is the list. (A heading that asks a question itself
keeps its section as its answer: there the questions are how the answer is laid out.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from cardgen.notes.asking import asks, ends_in_question
from cardgen.notes.callouts import answer_callout
from cardgen.notes.facts import is_definition, lead_in, split_definition
from cardgen.notes.fragments import folded_answer
from cardgen.notes.htmlblocks import (
    closes_details,
    details_summary,
    is_answer_summary,
    is_wrapper_html,
    raw_html,
)
from cardgen.notes.labels import (
    A_DASH,
    A_DOT,
    A_MARK,
    BACK_MARK,
    FRONT_MARK,
    PROBLEM_MARK,
    Q_DASH,
    Q_DOT,
    Q_MARK,
    QUESTION_LABEL_SINCE_11,
    SOLUTION_MARK,
    balanced,
    inline_of,
    line_text,
    lines_of,
    paragraph,
    split_inline_answer,
    split_lines,
    unlabelled,
    without_leading_blank,
    without_task_box,
)
from cardgen.notes.markdown import inline_text, make_parser

LISTS = ("bullet_list", "ordered_list")


@dataclass(frozen=True)
class Asked:
    """One question of a bank."""

    line: int
    """0-based line of the question in the file."""
    title: list[Token]
    """The question's inline tokens."""
    answer: list[SyntaxTreeNode]
    """What answers it: the blocks nested under its bullet, or after its line."""
    as_read_before: list[Token] | None = None
    """The title as cardgen read it before it left out task boxes and answers on the question's
    line (``[ ] …``), when that differs: the note's GUID is derived from it, so a note keeps
    the GUID it was given (docs/anki.md)."""
    topics: tuple[str, ...] = ()
    """The items it is nested under in an outline (``- Java`` over ``  - What is the JVM?``): its
    categories below the headings."""
    labelled: bool = False
    """Asked and answered by labels (``Q: …`` over ``A: …``): plainly a question, even alone."""


@dataclass
class Bank:
    """The questions of a section, and what in it is no question and answers none."""

    asked: list[Asked] = field(default_factory=list)
    """The questions, in order."""
    left_out: list[tuple[int, str]] = field(default_factory=list)
    """(0-based line, text) of each item or block that is on no card."""


def _item_question(
    item: SyntaxTreeNode, *, among_questions: bool = False
) -> tuple[list[Token], list[SyntaxTreeNode], list[Token] | None] | None:
    """(question, answer, the title as read before) when the item's first paragraph asks
    (``among_questions``: loosely, as one of a list of questions). The answer is what is nested
    under it, after what the paragraph itself answers: ``What is kubelet?`` with ``The agent on
    every node.`` on the next line, or ``**What is a taint?** It repels Pods…``. Cards were once
    titled with the whole paragraph, task box included: see ``Asked.as_read_before``."""
    first = item.children[0] if item.children else None
    inline = _first_line(first)
    if inline is None:
        return None
    children = list(inline.children or [])
    split = split_definition(children)
    without_label = unlabelled(next((line for line in lines_of(inline) if line), []), Q_MARK)
    labelled = without_label is not None
    if not labelled and split is not None and is_definition(line_text(split[0]), line_text(split[1])):
        return None  # `exec：…如何…` defines a term; `Q：如何…` is a question, labelled
    line = item.map[0] if item.map else 0
    if without_label and (said := split_inline_answer(without_label)) is not None:
        # "- Q: What is TCP? A: A reliable stream.": never a question before, so no title read before
        rest = [said[1], *lines_of(inline)[1:]]
        return said[0], [paragraph(rest, line), *_nested(item)], None
    if (asked := _asked_and_answered(inline)) is not None:
        question, answered, lines_down = asked
        return without_task_box(question), [paragraph(answered, line + lines_down), *_nested(item)], children
    text = inline_text(inline)
    if asks(text, among_questions=among_questions) or ends_in_question(text):
        title = without_task_box(children)
        return title, _nested(item), children if title is not children else None
    return None


def _first_line(node: SyntaxTreeNode | None) -> Token | None:
    """The inline token an item opens with: its paragraph's, or its heading's (Logseq writes
    ``- ## Networking`` over the blocks nested under it)."""
    if node is not None and node.type == "heading" and node.children:
        return node.children[0].token
    return inline_of(node) if node is not None else None


def _nested(item: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    """What a list item holds under its first paragraph: its answer, without the ``<details>`` tags
    that fold it away (``<summary>Answer</summary>`` is a label, and the fold is the card's flip)."""
    nested: list[SyntaxTreeNode] = []
    for node in item.children[1:]:
        if not _answer_fold(node):
            nested.extend(folded_answer(make_parser(), node) or [node])
    return nested


def _answer_fold(node: SyntaxTreeNode) -> bool:
    """An HTML block that only opens an answer's ``<details>`` or closes one."""
    raw = raw_html(node)
    if raw is None or not is_wrapper_html(raw):
        return False
    summary = details_summary(raw)
    return is_answer_summary(summary) if summary is not None else closes_details(raw) or "<details" in raw.lower()


def _item_asks(item: SyntaxTreeNode, *, among_questions: bool = False) -> bool:
    return _item_question(item, among_questions=among_questions) is not None


def _asked_and_answered(inline: Token) -> tuple[list[Token], list[list[Token]], int] | None:
    """A paragraph that asks and then answers: a first line that asks followed by lines that do
    not, or a bold question followed by text. (question, answer lines, line of the answer)."""
    lines = [line for line in lines_of(inline) if line]
    if (
        len(lines) > 1
        and all(balanced(line) for line in lines)
        and ends_in_question(line_text(lines[0]))
        and not ends_in_question(line_text(lines[-1]))
    ):
        return lines[0], lines[1:], 1
    children = without_leading_blank(inline.children or [])
    if not children or children[0].type != "strong_open":
        return None
    close = next((n for n in range(1, len(children) + 1) if balanced(children[:n])), 0) - 1  # its own close
    if close < 0 or any(t.type in ("softbreak", "hardbreak") for t in children[:close]):
        return None
    question, rest = children[1:close], children[close + 1 :]
    if rest and rest[0].type == "text":
        rest = [rest[0].copy(content=rest[0].content.lstrip()), *rest[1:]]
    said = line_text(rest).strip()
    if not said or not ends_in_question(line_text(question)) or ends_in_question(said):
        return None
    return question, [line for line in split_lines(rest) if line], 0


def question_list(node: SyntaxTreeNode) -> bool:
    """A list most of whose items ask (all of them when it has fewer than three), or an outline of
    them: items that name a topic over such a list (Logseq, Workflowy, any nested notes)."""
    if node.type not in LISTS or not node.children:
        return False
    asking = sum(_item_asks(item) or _topic_item(item) for item in node.children)
    return asking == len(node.children) or (len(node.children) >= 3 and asking * 3 >= len(node.children) * 2)


def _topic_item(item: SyntaxTreeNode) -> bool:
    """An item whose first paragraph names a topic over a list of questions (asked only of items
    that do not ask themselves)."""
    nested = item.children[1:]
    return (
        bool(nested)
        and _first_line(item.children[0]) is not None
        and all(node.type in LISTS for node in nested)
        and all(question_list(node) for node in nested)
    )


def _list_questions(node: SyntaxTreeNode, bank: Bank, topics: tuple[str, ...] = ()) -> list[Asked]:
    """The questions of a question list, in order (its other items reported in ``bank``): under a
    topic item, those of its nested lists, the topic in their context."""
    found = []
    for item in node.children:
        line = item.map[0] if item.map else (node.map[0] if node.map else 0)
        inline = _first_line(item.children[0] if item.children else None)
        if (asked := _item_question(item, among_questions=True)) is not None:
            found.append(Asked(line, *asked, topics=topics))
        elif _topic_item(item) and inline is not None:
            for nested in item.children[1:]:
                found += _list_questions(nested, bank, (*topics, inline_text(inline)))
        else:
            bank.left_out.append((line, inline_text(inline) if inline is not None else ""))
    return found


def question_lines(node: SyntaxTreeNode) -> bool:
    """A paragraph each of whose lines asks, or of ``Q: …`` / ``A: …`` lines, a question first, or
    that asks and answers (a bold question and its answer, a line that asks over lines that answer)."""
    inline = inline_of(node)
    if inline is None:
        return False
    lines = [line for line in lines_of(inline) if line]
    if all(asks(line_text(line)) for line in lines) or _qa_lines(lines) is not None:
        return True
    return _asked_and_answered(inline) is not None  # "**What is an image?** A read-only template."


@dataclass
class _Pair:
    """A ``Q:`` line and the answer lines under it (or after its own ``A:``)."""

    line: int
    """Index of the question's line in the paragraph."""
    question: list[Token]
    """The question, label left out."""
    answer: list[list[Token]]
    """The answer's lines, labels left out."""
    as_read_before: list[Token] | None = None
    """The question's line as read before its label was (``Q - …``): see ``Asked.as_read_before``."""


def _qa_lines(lines: list[list[Token]]) -> list[_Pair] | None:
    """The ``Q:`` lines and their answers, labels dropped, when the lines are Q:/A: pairs (or
    ``Q.``/``A.``, ``Front:``/``Back:`` or ``Problem:``/``Solution:`` pairs); None otherwise."""
    if not all(balanced(line) for line in lines):
        return None  # a span runs over a line break: no line stands alone
    return (
        _labelled_pairs(lines, Q_MARK, A_MARK)
        or _labelled_pairs(lines, Q_DOT, A_DOT)
        or _labelled_pairs(lines, FRONT_MARK, BACK_MARK)
        or _labelled_pairs(lines, PROBLEM_MARK, SOLUTION_MARK)
        # Read from the 11th session: the line was the question before, label and all.
        or _labelled_pairs(lines, Q_DASH, A_DASH, read_before=True)
    )


def _labelled_pairs(
    lines: list[list[Token]], q_mark: re.Pattern[str], a_mark: re.Pattern[str], *, read_before: bool = False
) -> list[_Pair] | None:
    pairs: list[_Pair] = []
    for n, line in enumerate(lines):
        if question := unlabelled(line, q_mark):
            said = split_inline_answer(question)  # "Q: What port does HTTPS use? A: 443."
            pair = _Pair(n, question, []) if said is None else _Pair(n, said[0], [said[1]])
            # A label read since the 11th session (``Câu hỏi:``): the GUID stays derived from the line.
            pair.as_read_before = line if read_before or QUESTION_LABEL_SINCE_11.match(line_text(line)) else None
            pairs.append(pair)
        elif pairs and ((answer := unlabelled(line, a_mark)) is not None or pairs[-1].answer):
            pairs[-1].answer.append(answer if answer is not None else line)
        else:
            return None
    return pairs if pairs and all(any(pair.answer) for pair in pairs) else None


def _quotes_labelled(node: SyntaxTreeNode) -> bool:
    """A quote that opens with a ``Q:`` line (``> **Q:** What is ARP?``), or that is one line that
    asks (``> What does git rebase do?`` over its answer): its blocks are read as if unquoted. Other
    quotes stay whole: a quote of questions restates what the section answers."""
    inline = inline_of(node.children[0]) if node.type == "blockquote" and node.children else None
    lines = [line for line in lines_of(inline) if line] if inline is not None else []
    if lines and unlabelled(lines[0], Q_MARK) is not None:
        return True
    return len(node.children) == 1 and len(lines) == 1 and asks(line_text(lines[0]))


# inka's lines naming a section's deck and tags (``Deck: Life Questions``), above its questions.
_SECTION_META = re.compile(r"^\s*(?:Deck|Tags)\s*:", re.IGNORECASE)


def read_bank(body: Sequence[SyntaxTreeNode], answer_from: SyntaxTreeNode | None = None) -> Bank | None:
    """The section's questions when its text opens with a question list or question lines (under
    inka's ``Deck:``/``Tags:`` lines, or a lead-in ending in a colon, which are reported).
    ``answer_from``: the block an "Answer" ``<details>`` opened at, which answers the question just
    before it."""
    body = [block for node in body for block in (node.children if _quotes_labelled(node) else [node])]
    meta = 0
    while meta < len(body) and (inline := inline_of(body[meta])) is not None and _SECTION_META.match(inline.content):
        meta += 1
    # A lead-in over the questions ("Common questions:", "以下是高频问题："), reported with the bank.
    opens = meta + 1 if meta + 1 < len(body) and body[meta].type == "paragraph" and lead_in(body[meta]) else meta
    if opens == len(body) or not (question_list(body[opens]) or question_lines(body[opens])):
        return None
    bank = Bank()
    open_line: Asked | None = None  # a plain-line question that takes the blocks after it
    only_if_silent = False  # ...only the blocks that ask nothing (after a "Q:"/"A:" pair's answer)
    item_question: Asked | None = None  # the last such question asked by a list item
    listed: list[Asked] = []  # the questions of the last question list, while none is answered
    for index, node in enumerate(body):
        start = node.map[0] if node.map else 0
        answers = answer_callout(node)
        if answers is not None and (paired := _numbered_answers(answers, listed)) is not None:
            for question, item in zip(listed, paired, strict=True):  # "1. …？ 2. …？" then "::: details 答案"
                question.answer.extend(item.children)
            listed, open_line = [], None
            continue
        if answers is not None and open_line is not None:
            open_line.answer.extend(answers)  # "【选词填空】…" over "::: details 答案"
            open_line = None
            continue
        if node is answer_from and open_line is None and listed and not listed[-1].answer:
            open_line, only_if_silent = listed[-1], False  # "3. What is the virtual DOM?" over its <details>
        following = body[index + 1] if index + 1 < len(body) else None
        if node.type == "paragraph" and following is not None and answer_callout(following) is not None:
            inline = inline_of(node)  # a paragraph over its answer callout asks, whatever its end
            open_line, only_if_silent = Asked(start, list(inline.children or []) if inline else [], []), False
            bank.asked.append(open_line)
            listed = []
            continue
        if question_list(node):
            listed = _list_questions(node, bank)
            bank.asked += listed
            # A list of one question with nothing nested, the answer below it unindented
            # (``1. What port does HTTP use?`` ↵ ``Port 80.`` ↵ ``2. …``), reads like a line.
            one = len(node.children) == 1 and len(listed) == 1 and not listed[0].answer and not listed[0].topics
            open_line = item_question = listed[0] if one else None
            only_if_silent = False
        elif question_lines(node):
            listed = []
            inline = inline_of(node)
            assert inline is not None
            lines = [line for line in lines_of(inline) if line]
            if (pairs := _qa_lines(lines)) is not None:
                for pair in pairs:
                    answer = [paragraph(pair.answer, start + pair.line + 1)]
                    asked = Asked(start + pair.line, pair.question, answer, pair.as_read_before, labelled=True)
                    bank.asked.append(asked)
                # The last answer goes on below: an answer that leads in ("A: Two kinds:") over what
                # follows, any other over paragraphs, lists and listings that ask nothing.
                open_line = bank.asked[-1]
                only_if_silent = not line_text(pairs[-1].answer[-1]).rstrip().endswith((":", "："))
                continue
            if not all(asks(line_text(line)) for line in lines) and (said := _asked_and_answered(inline)):
                asking, answered, lines_down = said  # "**What is an image?** A read-only template."
                open_line = Asked(start, asking, [paragraph(answered, start + lines_down)])
                only_if_silent = not line_text(answered[-1]).rstrip().endswith((":", "："))
                bank.asked.append(open_line)
                continue
            for n, tokens in enumerate(lines):  # labels ("问：…", "答：…") are left out by make_question
                open_line, only_if_silent = Asked(start + n, tokens, []), False
                bank.asked.append(open_line)
        elif open_line is not None and only_if_silent and _asks_something(node):
            bank.left_out.append((start, _block_text(node)))  # a question the bank does not ask: reported
            open_line = None
        elif open_line is not None and not (meta and node.type in LISTS):
            if node.type == "blockquote" and not open_line.answer and open_line is item_question:
                open_line.answer.extend(node.children)  # "1. Question?" over "> Answer" (inka): the quote marks it
            else:
                open_line.answer.append(node)
        else:  # under inka's Deck: line each numbered item is a card of its own, never another's answer
            bank.left_out.append((start, _block_text(node)))
    return bank


def _numbered_answers(answers: list[SyntaxTreeNode], listed: list[Asked]) -> list[SyntaxTreeNode] | None:
    """The items of an answer callout that is one ordered list, an item per question of the list
    of questions just before it, none of them answered; None otherwise."""
    if len(answers) != 1 or answers[0].type != "ordered_list" or any(question.answer for question in listed):
        return None
    items = answers[0].children
    return items if listed and len(items) == len(listed) else None


def _block_text(node: SyntaxTreeNode) -> str:
    return " ".join(inline_text(t) for t in node.to_tokens() if t.type == "inline").strip()


def _asks_something(node: SyntaxTreeNode) -> bool:
    """Its text holds a question mark: it may ask, so it is not read as the end of an answer."""
    text = _block_text(node)
    return "?" in text or "？" in text
