"""Which headings of a note file ask questions.

Most files put their questions at one heading level (``####`` in the seed); headings above it
are categories and headings below it belong to the answer. Notes written over months are not
that tidy, so when the level is detected (not set by the user), three more rules apply:

* a heading *above* the question level with no sub-heading is a question too (files that
  mix ``##`` and ``###`` questions, such as cyber_security_learning's skeleton);
* a heading *below* the question level that no question holds is a question when it has text
  of its own or no sub-heading (system-design-primer's ``#### NoSQL`` under a ``##`` topic);
* a heading *below* the question level that comes after its question's answer, with nothing
  after it up to the end of the section, asks a question of its own: an empty heading adds
  nothing to an answer, and a run of them ends docker-and-kubernetes-basics (``#### Q. …``
  after the last answered ``## Q. …``). Empty sub-headings of a question with no answer yet
  stay put: they outline the answer to come (the seed's ``#### 如果从零开始部署集群``).

Headings titled like a table of contents or a reference list are never questions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from markdown_it.tree import SyntaxTreeNode

from cardgen.notes.asking import asks, is_back_matter, labels_an_answer, lists_questions
from cardgen.notes.labels import Q_DOT, Q_MARK
from cardgen.notes.markdown import inline_text


def heading_level(node: SyntaxTreeNode) -> int:
    return int(node.tag[1])


def heading_text(node: SyntaxTreeNode) -> str:
    return inline_text(node.children[0].token) if node.children and node.children[0].token else ""


# A file of one question has a few labelled parts under it ("Answer", "Good to hear"); more sections
# than this under a title that asks are a collection of topics (as ``titled.MAX_LABELLED_PARTS``).
MAX_PARTS_OF_ONE_QUESTION = 8


def one_question_file(headings: Sequence[SyntaxTreeNode]) -> bool:
    """The file's first heading asks, and every other heading is below it, asks nothing and labels
    a part of its answer, one of them the answer itself (``#### Answer`` over ``#### Good to hear``
    and ``##### Additional links``): the file is that one question, as 30-seconds-of-interviews
    writes one question per file. (A title that asks over topics, "## Pods", "## Services", labels
    no answer: its topics stay questions.)"""
    first, rest = headings[0], headings[1:]
    if not rest or len(rest) > MAX_PARTS_OF_ONE_QUESTION or not asks(heading_text(first)):
        return False
    top = heading_level(first)
    below = all(heading_level(h) > top and not asks(heading_text(h)) for h in rest)
    return below and any(labels_an_answer(heading_text(h)) for h in rest)


def detect_question_level(root: SyntaxTreeNode, skip: tuple[str, ...] = ()) -> int:
    """The heading level holding the most leaf headings; ties go to the shallower level.
    Back matter (``References``, ``致谢``…) never asks, so it does not count.

    A heading that only labels the answer of the one above it (``### Answer``) is not counted.
    Unless a shallower level plainly asks: when most of its headings (two at least) are
    questions (``### What does kube-proxy do?``) and the leaf level's are fewer, the leaf
    headings are their answers' sub-headings (``#### iptables mode``). And when the leaf level
    asks nothing (``## JVM``, ``## Collections``) but every heading of a deeper level asks
    (``### What is a HashMap?``), the deeper level holds the questions."""
    every = [node for node in root.children if node.type == "heading"]
    if not every:
        return 0
    if one_question_file(every):
        return heading_level(every[0])
    # "### Answer" under "## Question 1" labels that question's answer: it is no leaf of its own,
    # and leaves the heading above it one (unless that is the file's one title, whose questions
    # are then written out under it, each answer labelled: see ``Reader._answered_below``).
    per_level = Counter(heading_level(node) for node in every)

    def labels_answer_above(i: int) -> bool:
        above = heading_level(every[i - 1]) if i else 0
        return 0 < above < heading_level(every[i]) and per_level[above] > 1 and labels_an_answer(heading_text(every[i]))

    heads = [node for i, node in enumerate(every) if not labels_answer_above(i)]
    levels = [heading_level(node) for node in heads]
    leaves: Counter[int] = Counter()
    for i, level in enumerate(levels):
        following = levels[i + 1] if i + 1 < len(levels) else 0
        if following <= level and not is_back_matter(heading_text(heads[i]), skip):
            leaves[level] += 1
    if not leaves:
        return levels[0]
    by_leaves = max(sorted(leaves), key=lambda level: leaves[level])
    asking = Counter(lv for lv, node in zip(levels, heads, strict=True) if asks(heading_text(node)))
    count = Counter(levels)
    for level in sorted(asking):
        plainly = asking[level] >= 2 and 2 * asking[level] >= count[level] and asking[level] > asking[by_leaves]
        if level < by_leaves and plainly:
            return level
    if not asking[by_leaves]:  # the leaf level asks nothing: a deeper level whose headings all ask does
        deeper = [lv for lv in sorted(asking) if lv > by_leaves and asking[lv] == count[lv]]
        if deeper:
            return max(deeper, key=lambda lv: asking[lv])
    return by_leaves


@dataclass(frozen=True)
class HeadingRoles:
    """What a file's headings are, by their index among its top-level blocks."""

    asking: frozenset[int]
    """The headings that start questions."""
    labels: frozenset[int]
    """Headings over nothing of their own that say questions follow (a count of the questions after
    them: ``### 1. Basic Concepts (6 Questions)`` over ``## 1. What is Java?``, a level up), or that
    point to another page off the questions' level (``#### You can also find all 100 answers here 👉
    [Devinterview.io](…)``). Reported, and no part of an answer before them."""


# Fewer headings at the question level than this are too few to tell dividers among them.
MIN_ASKING_FOR_DIVIDERS = 4


def _labelled_question(text: str) -> bool:
    """A heading that says it is a question (``Q.``, ``Q3:``, ``Question:``) and asks."""
    return (Q_MARK.match(text) is not None or Q_DOT.match(text) is not None) and asks(text)


def _points_away(heading: SyntaxTreeNode) -> bool:
    """A heading that links elsewhere and asks nothing: a banner, not a question."""
    inline = heading.children[0].token if heading.children else None
    linked = inline is not None and any(child.type == "link_open" for child in inline.children or ())
    return linked and not asks(heading_text(heading))


def question_headings(
    nodes: Sequence[SyntaxTreeNode], content: Sequence[bool], level: int, *, tidy: bool, skip: tuple[str, ...] = ()
) -> HeadingRoles:
    """The headings that start questions, and those that only label (see ``HeadingRoles``).

    ``content[i]`` says whether block ``i`` shows anything (not a heading, a comment, a rule or
    HTML that only wraps). ``tidy`` (a level the user set) keeps to headings at ``level``.
    Back matter and headings the user's ``skip`` patterns name never ask.
    """
    heads = [(i, heading_level(node)) for i, node in enumerate(nodes) if node.type == "heading"]
    if tidy:
        at_level = (i for i, lv in heads if lv == level and not is_back_matter(heading_text(nodes[i]), skip))
        return HeadingRoles(frozenset(at_level), frozenset())
    # filled[i]: blocks before i that show something, so any range is checked in O(1).
    filled = [0]
    for shows in content:
        filled.append(filled[-1] + shows)

    def empty(start: int, end: int) -> bool:
        return filled[end] == filled[start]

    @cache  # asked once per sub-heading of a question: a scan each time would be quadratic
    def section_end(k: int) -> int:
        """Where heading ``k``'s section ends: the next heading as shallow as it."""
        lv = heads[k][1]
        return next((heads[m][0] for m in range(k + 1, len(heads)) if heads[m][1] <= lv), len(nodes))

    # Where nearly every heading at the level asks ("## Q. What is npm?"), one over nothing that
    # asks nothing ("## # 1. INTRODUCTION", "## Basics") divides them: a label, not a question.
    level_texts = [t for i, lv in heads if lv == level and not is_back_matter(t := heading_text(nodes[i]), skip)]
    dividers = len(level_texts) >= MIN_ASKING_FOR_DIVIDERS and 4 * sum(map(asks, level_texts)) >= 3 * len(level_texts)
    asking: set[int] = set()
    labels: set[int] = set()
    open_heads: list[tuple[int, int, bool]] = []  # (position in heads, level, asks) of the enclosing headings
    for k, (i, lv) in enumerate(heads):
        while open_heads and open_heads[-1][1] >= lv:
            open_heads.pop()
        # Only a heading below the level can sit inside another question.
        owner = next((o for o, _, asked in reversed(open_heads) if asked), None) if lv > level else None
        leaf = k + 1 == len(heads) or heads[k + 1][1] <= lv
        direct = not empty(i + 1, heads[k + 1][0] if k + 1 < len(heads) else len(nodes))
        asked, text = False, heading_text(nodes[i])
        if is_back_matter(text, skip) or (k == 0 and lv == 1 < level):
            pass  # a table of contents, a reference list, the file's title
        elif leaf and not direct and (lists_questions(text) or (lv != level and _points_away(nodes[i]))):
            labels.add(i)  # says questions follow, or points elsewhere, over nothing of its own
        elif dividers and leaf and lv == level and not direct and not asks(text):
            labels.add(i)
        elif owner is None:
            # At the level; elsewhere when it has text of its own (which would be lost otherwise)
            # or no sub-heading (a question written one level up or down). A heading that says
            # questions follow ("## 五、高频面试题") over sub-headings is their category.
            asked = (lv == level or leaf or direct) and (leaf or not lists_questions(text))
        elif leaf:
            # Inside a question: an empty heading after the answer, with nothing after it either; or
            # one labelled as a question ("#### Q. How to make a POST request?").
            owner_start, end = heads[owner][0], section_end(owner)
            asked = (empty(i + 1, end) and not empty(owner_start + 1, i)) or _labelled_question(text)
        if asked:
            asking.add(i)
        open_heads.append((k, lv, asked))
    return HeadingRoles(frozenset(asking), frozenset(labels))


# A card file's front is a line or a few blocks (Yanki's "front, ---, back"); more is an article.
MAX_FRONT_BLOCKS = 3


def front_and_back(nodes: Sequence[SyntaxTreeNode]) -> tuple[int, range, range] | None:
    """(the front's first paragraph, the rest of the front, the back), for a file that is one card:
    no headings, and a rule (``---``) parting a short front, led by a paragraph, from its back
    (Yanki writes one note per file so; a doubled rule, its reversed card, parts nothing more)."""
    if any(node.type == "heading" for node in nodes):
        return None
    first = 1 if nodes and nodes[0].type == "front_matter" else 0
    edges = [first - 1, *(i for i, node in enumerate(nodes) if node.type == "hr"), len(nodes)]
    parts = [range(a + 1, b) for a, b in pairwise(edges) if b > a + 1]
    if len(parts) != 2:
        return None
    front, back = parts
    if nodes[front.start].type != "paragraph" or len(front) > MAX_FRONT_BLOCKS:
        return None
    return front.start, front[1:], back
