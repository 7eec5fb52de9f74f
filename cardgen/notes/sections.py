"""Files that ask in one section and answer in another.

doocs/advanced-java asks its question in the *body* of a ``## 面试题`` section and answers it in
a later ``## 面试题剖析`` section at the same level. Question-per-file vaults do the same with a
language tag, often in two languages::

    # Вопрос (RU)
    > Объясните холодные и горячие потоки.

    # Question (EN)
    > Explain cold vs hot flows.

    ## Ответ (RU)
    …
    ## Answer (EN)
    …

Each question section is paired with the answer section of its language (or, one of each, with
each other). The question is asked by its section's first paragraph or quote when that is all the
section holds or no heading is above it (the rest is shown under it), else by the heading above
it. An answer section of a language no question is asked in is reported, not read as a question
titled "Ответ (RU)".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.tree import SyntaxTreeNode

from cardgen.notes.outline import heading_level, heading_text

QUESTION_SECTIONS = frozenset({"面试题", "题目", "问题", "question", "interview question", "вопрос", "front", "正面"})
ANSWER_SECTIONS = frozenset(
    {"面试题剖析", "答案", "解答", "参考答案", "回答", "answer", "solution", "ответ", "решение", "back", "背面"}
)
# The titles the first shape was read with (see ``interview_sections``).
_FIRST_SHAPE = (frozenset({"面试题", "题目", "question", "interview question"}),
                frozenset({"面试题剖析", "答案", "解答", "参考答案", "answer", "solution"}))  # fmt: skip
# "(EN)", "（中文）": the language a section is written in.
_LANGUAGE = re.compile(r"\s*[(（]\s*([^()（）]{1,12}?)\s*[)）]\s*$")


@dataclass(frozen=True)
class Asked:
    """A question asked in one section and answered in another."""

    heading: int
    """Index of the question section's heading among the file's blocks."""
    asked_by: int
    """The block whose text asks: a heading above the section, the section's heading, or the
    section's one paragraph or quote."""
    prompt: range
    """The question section's other blocks, shown under the question."""
    answer: range
    """The answer section's blocks (its heading just before them)."""
    prompt_read_later: bool = False
    """The question is asked in its heading (``题目：…``), whose card earlier versions made with
    the prompt in the answer: the prompt stays out of its identity (``Question.prompt_read_later``)."""


@dataclass(frozen=True)
class Sections:
    """The questions a file asks in sections, and the answer sections that answer none of them."""

    asked: tuple[Asked, ...]
    """The questions, in file order."""
    unanswering: tuple[range, ...]
    """Each answer section no question is paired with: its heading and blocks."""

    def blocks(self) -> set[int]:
        """Every block these sections hold, headings included: read here, not as questions."""
        held = {i for unpaired in self.unanswering for i in unpaired}
        for asked in self.asked:
            held |= {asked.heading, *asked.prompt, asked.answer.start - 1, *asked.answer}
            if asked.asked_by > asked.heading:  # the section's own words, not a heading above it
                held.add(asked.asked_by)
        return held


# "题目：如何测试一辆自行车", "**参考答案**：A，B，C": a label, then the section's words in the heading.
_LABELLED = re.compile(r"(.{1,12}?)\s*[:：]\s*(\S.*)", re.DOTALL)


def _kind(title: str) -> tuple[str, str, bool] | None:
    """("q" or "a", language tag, whether the heading says more after its label) of a question
    or answer section's title; None for any other."""
    tag = _LANGUAGE.search(title)
    core = (title[: tag.start()] if tag else title).casefold().strip(" :：")
    language = tag.group(1).casefold() if tag else ""
    says_more = False
    if core not in QUESTION_SECTIONS | ANSWER_SECTIONS and (labelled := _LABELLED.fullmatch(title.strip())):
        core, language, says_more = labelled.group(1).casefold(), "", True
    if core in QUESTION_SECTIONS:
        return "q", language, says_more
    return ("a", language, says_more) if core in ANSWER_SECTIONS else None


def interview_sections(nodes: Sequence[SyntaxTreeNode]) -> Sections | None:
    """The questions a file asks in a section's body and answers in another section; None when
    it has no such pair."""
    heads = [(i, heading_level(node)) for i, node in enumerate(nodes) if node.type == "heading"]

    def section(k: int) -> range:
        i, lv = heads[k]
        end = next((j for j, other in heads[k + 1 :] if other <= lv), len(nodes))
        return range(i + 1, end)

    def parent(k: int) -> int:
        return next((j for j, other in reversed(heads[:k]) if other < heads[k][1]), -1)

    titles = [heading_text(nodes[i]) for i, _ in heads]
    kinds = [_kind(title) for title in titles]
    # A label deeper inside an answer section ("### Решение: crossinline" under "## Ответ (RU)")
    # is a part of that answer, not an answer section of its own.
    answer_ends = -1  # where the answer section being read ends
    for k, (i, _) in enumerate(heads):
        if i < answer_ends:
            kinds[k] = None
        elif (kind := kinds[k]) is not None and kind[0] == "a":
            answer_ends = section(k).stop
    first = [
        (t.casefold().strip(" :：") in _FIRST_SHAPE[0], t.casefold().strip(" :：") in _FIRST_SHAPE[1]) for t in titles
    ]
    # The first shape read (doocs): untagged, the two sections at one level, the question's section
    # asked by the heading above it. Kept as it was: the GUIDs of its questions come from that heading.
    for k, (i, lv) in enumerate(heads):
        if not first[k][0] or section(k).stop == i + 1:
            continue
        a = next((a for a in range(k + 1, len(heads)) if heads[a][1] == lv and first[a][1]), None)
        if a is None or any(other < lv for _, other in heads[k + 1 : a]):
            continue
        up = parent(k)
        return Sections((Asked(i, up if up >= 0 else i, section(k), section(a)),), ())
    language = {k: kind[1] for k, kind in enumerate(kinds) if kind}
    says_more = {k for k, kind in enumerate(kinds) if kind and kind[2]}
    questions = [k for k, kind in enumerate(kinds) if kind and kind[0] == "q"]
    answers = [k for k, kind in enumerate(kinds) if kind and kind[0] == "a"]
    # Each question takes the first answer section of its language after it that no other took:
    # "题目" / "参考答案" written again and again pair off in order.
    pairs: dict[int, int | None] = {}
    for q in questions:
        free = (a for a in answers if a > q and language[a] == language[q] and a not in pairs.values())
        pairs[q] = next(free, None)
    if len(questions) == 1 and len(answers) == 1:
        pairs = {questions[0]: answers[0]}
    asked: list[Asked] = []
    for q, a in pairs.items():
        i = heads[q][0]
        # Up to the next question or answer section: a heading between ("出题人：…") is the question's.
        stop = next((heads[k][0] for k in sorted(language) if k > q), len(nodes))
        own = range(i + 1, stop)
        if a is None or not (own or q in says_more) or not (section(a) or a in says_more):
            continue
        shown = [n for n in own if nodes[n].type != "hr"]
        up = parent(q)
        if q in says_more:  # the heading asks after its label; the blocks below show under it
            asked.append(Asked(i, i, own, section(a), prompt_read_later=True))
        elif shown and _one_paragraph(nodes[shown[0]]) and (len(shown) == 1 or up < 0):
            # The section's words ask (a heading above, if any, would only name the topic).
            asked.append(Asked(i, shown[0], range(shown[0] + 1, own.stop), section(a)))
        else:
            asked.append(Asked(i, up if up >= 0 else i, own, section(a)))
    if not asked:
        return None
    paired = {item.answer.start - 1 for item in asked}
    unanswering = tuple(range(heads[a][0], section(a).stop) for a in answers if heads[a][0] not in paired)
    return Sections(tuple(asked), unanswering)


def _one_paragraph(node: SyntaxTreeNode) -> bool:
    """A paragraph, or a quote of one paragraph: a question's words."""
    if node.type == "blockquote":
        return len(node.children) == 1 and node.children[0].type == "paragraph"
    return node.type == "paragraph"
