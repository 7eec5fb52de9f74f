"""Lines of a paragraph, and the ``Q:`` / ``A:`` labels that open them.

Question banks read paragraphs line by line (``Q: …`` over ``A: …``, a question over its
answer), and a question's answer may open with a label (``**Ans:** …``, ``答：…``) that is no
part of it. These helpers split a paragraph's inline tokens into source lines, take a label
off a line, and make a paragraph node of lines again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from cardgen.notes.asking import ends_in_question, labels_an_answer
from cardgen.notes.markdown import inline_text
from cardgen.notes.tree import syntax_tree

# ``Q: … / A: …`` (``问：`` / ``答：``, ``Q1. …`` / ``A1. …``, ``问题1：`` / ``答案1：``) written line under
# line in one paragraph.
# Labels in more languages, read since the 11th session: a question labelled so keeps the GUID
# derived from its line as read before, label and all (``QUESTION_LABEL_SINCE_11``).
_QUESTION_WORDS_SINCE_11 = "Câu hỏi|Pertanyaan|Soru|Pytanie|Vraag|Питання|問題|प्रश्न"
_ANSWER_WORDS_SINCE_11 = "Trả lời|Đáp án|Jawaban|Jawapan|Cevap|Yanıt|Odpowiedź|Antwoord|Відповідь|उत्तर"
QUESTION_LABEL_SINCE_11 = re.compile(rf"^[\s*_]*(?:{_QUESTION_WORDS_SINCE_11})\s*\d*\s*[*_]*\s*[:：]", re.IGNORECASE)
_QUESTION_WORDS = (
    "Q|Question|问|问题|题目|Pregunta|Pergunta|Frage|Domanda|Вопрос|質問|問|질문|문제|" + _QUESTION_WORDS_SINCE_11
)
Q_MARK = re.compile(rf"^\s*(?:(?:{_QUESTION_WORDS})\s*\d*\s*[:：]|Q\d+\s*[:：.．])\s*", re.IGNORECASE)
# The words that label an answer (and "A", only with a colon: alone it opens a list of options).
_ANSWER_WORDS = (
    "Ans|Answer|答|答案|回答|解答|参考答案|参考回答|Respuesta|Resposta|Antwort|Réponse|Risposta|Ответ|答え|답변|답|정답|"
    + _ANSWER_WORDS_SINCE_11
)
# An answer's heading-like first line: "**Answer**", "答案：".
LONE_ANSWER_LABEL = re.compile(rf"(?:{_ANSWER_WORDS})\s*[:：]?", re.IGNORECASE)
# Andy Matuschak's ``Q. …`` over ``A. …`` (marki's cards): only as a pair, since "A. …" alone opens
# many a list of options.
Q_DOT = re.compile(r"^\s*Q\.\s+")
A_DOT = re.compile(r"^\s*A\.\s+")
# ``Q - What is Kafka?`` over ``A - A distributed log.`` (``Question 3 – …`` / ``Answer – …``): only as a
# pair, as a dash after an "A" opens many a list of options.
Q_DASH = re.compile(r"^\s*(?:Q|Question)\s*\d*\s+[-–—]\s+", re.IGNORECASE)
A_DASH = re.compile(r"^\s*(?:A|Ans|Answer)\s*\d*\s+[-–—]\s+", re.IGNORECASE)
# A card's two sides written out (``Front: el perro`` over ``Back: the dog``): only as a pair too.
FRONT_MARK = re.compile(r"^\s*(?:Front|正面)\s*[:：]\s*", re.IGNORECASE)
BACK_MARK = re.compile(r"^\s*(?:Back|背面)\s*[:：]\s*", re.IGNORECASE)
A_MARK = re.compile(
    rf"^\s*(?:(?:A|{_ANSWER_WORDS})\s*\d*\s*[:：]|A\d+\s*[:：.．]|【(?:答|答案|参考答案|解答)】[:：]?)\s*",
    re.IGNORECASE,
)
# How a labelled block can begin (any label above, maybe bold): a cheap first check, since every
# block of many an answer is asked whether it is labelled.
_MAY_BE_LABELLED = re.compile(rf"[\s*_【]*(?:{_QUESTION_WORDS}|A|{_ANSWER_WORDS})", re.IGNORECASE)
# An exercise and its solution (``Problem: …`` over ``Solution: …``): only as a pair.
PROBLEM_MARK = re.compile(r"^\s*(?:Problem|Exercise)\s*\d*\s*[:：]\s*", re.IGNORECASE)
SOLUTION_MARK = re.compile(r"^\s*Solution\s*\d*\s*[:：]\s*", re.IGNORECASE)


# An answer label later on a question's own line (``Q: What port does HTTPS use? A: 443.``): after
# the question's closing mark, or a sentence's end, and a space (none needed after a full-width mark).
INLINE_A_MARK = re.compile(
    rf"(?:(?<=[?？!！.。:：])\s+|(?<=[？！。：]))(?:A|{_ANSWER_WORDS})\s*\d*\s*[:：]\s*", re.IGNORECASE
)
# The same label written bold (``… **A:** 443``), its colon inside the bold or just after it.
BOLD_A_LABEL = re.compile(rf"(?:A|{_ANSWER_WORDS})\s*[:：]?", re.IGNORECASE)
SENTENCE_ENDS = ("?", "？", "!", "！", ".", "。", ":", "：")


def split_inline_answer(line: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """(question, answer) of a labelled question's line that answers it too, cut at the answer's
    label outside any markup; None when the line holds no such label, or nothing on either side."""
    depth, cut = 0, None
    for n, token in enumerate(line):
        if depth == 0 and token.type == "text" and (found := INLINE_A_MARK.search(token.content)):
            cut = (
                [*line[:n], token.copy(content=token.content[: found.start()])],
                [token.copy(content=token.content[found.end() :]), *line[n + 1 :]],
            )
        elif depth == 0 and token.type == "strong_open" and _bold_answer_label(line, n):
            after = line[n + 3 :]
            if after and after[0].type == "text":  # the label's colon after the bold
                after = [after[0].copy(content=after[0].content.lstrip(" :：")), *after[1:]]
            cut = (line[:n], after)
        if cut is not None:
            return cut if line_text(cut[0]).strip() and line_text(cut[1]).strip() else None
        depth += token.nesting
    return None


def _bold_answer_label(line: list[Token], n: int) -> bool:
    """``**A:**`` at ``line[n]``, after a question's closing mark or a sentence's end."""
    if n + 2 >= len(line) or line[n + 1].type != "text" or line[n + 2].type != "strong_close":
        return False
    said = line_text(line[:n]).rstrip()
    return said.endswith(SENTENCE_ENDS) and BOLD_A_LABEL.fullmatch(line[n + 1].content.strip()) is not None


def unlabelled(line: list[Token], mark: re.Pattern[str]) -> list[Token] | None:
    """The line without its ``Q:``/``A:`` label, written plain or bold (``**Question:**``,
    ``**Q**:``): empty when the label is all it holds; None when it has no such label."""
    line = without_leading_blank(line)
    if len(line) >= 3 and [t.type for t in line[:3]] == ["strong_open", "text", "strong_close"]:
        label, rest = line[1].content, line[3:]
    elif line and line[0].type == "text":
        label, rest = "", line
    else:
        return None
    after = rest[0].content if rest and rest[0].type == "text" else ""
    found = mark.match(label + after)
    if found is None or found.end() < len(label):
        return None
    if after:
        rest = [rest[0].copy(content=after[found.end() - len(label) :]), *rest[1:]]
    return rest if line_text(rest).strip() else []


def inline_of(node: SyntaxTreeNode) -> Token | None:
    """A paragraph's ``inline`` token (None for any other block)."""
    if node.type != "paragraph" or not node.children:
        return None
    return node.children[0].token


def lines_of(inline: Token) -> list[list[Token]]:
    """A paragraph's inline tokens, one list per source line."""
    return split_lines(inline.children or [])


def without_leading_blank(tokens: Sequence[Token]) -> list[Token]:
    """``tokens`` without the empty text tokens the emphasis rules leave before a ``**``."""
    start = next((n for n, t in enumerate(tokens) if t.type != "text" or t.content), len(tokens))
    return list(tokens[start:])


def split_lines(tokens: Sequence[Token]) -> list[list[Token]]:
    """Inline tokens, one list per source line (line breaks left out)."""
    lines: list[list[Token]] = [[]]
    for child in tokens:
        if child.type in ("softbreak", "hardbreak") or child.meta.get("line_break"):
            lines.append([])
        else:
            lines[-1].append(child)
    return lines


def balanced(tokens: Sequence[Token]) -> bool:
    """Every markup the tokens open they close (a span may run over a line break, and a line cut
    out of it would not make a paragraph)."""
    depth = 0
    for token in tokens:
        depth += token.nesting
        if depth < 0:
            return False
    return depth == 0


# A GitHub task list item's box: ``- [ ] What is a DaemonSet?`` asks "What is a DaemonSet?"; Logseq
# writes a task's state as a word instead (``- DONE What is a DaemonSet?``, shown as a checkbox).
_TASK_BOX = re.compile(r"^(?:\[[ xX]\]|(?:TODO|DOING|DONE|LATER|NOW|WAITING|CANCELED|CANCELLED|IN-PROGRESS)(?=\s))\s+")


def without_task_box(tokens: list[Token]) -> list[Token]:
    """The line without the task box (or task state) it opens with; ``tokens`` itself when it has none."""
    if tokens and tokens[0].type == "text" and (box := _TASK_BOX.match(tokens[0].content)):
        return [tokens[0].copy(content=tokens[0].content[box.end() :]), *tokens[1:]]
    return tokens


def line_text(tokens: list[Token]) -> str:
    """Plain text of inline tokens (markup dropped)."""
    return inline_text(Token("inline", "", 0, children=tokens))


def joined(lines: list[list[Token]], *, hard: bool = False) -> list[Token]:
    """Lines as one run of inline tokens, a line break between two (shown as one when ``hard``,
    else as a space, as a paragraph's are); empty lines (a label that stood alone) are left out."""
    tokens: list[Token] = []
    for n, line in enumerate(line for line in lines if line):
        if n:
            tokens.append(Token("hardbreak" if hard else "softbreak", "br", 0))
        tokens += line
    return tokens


def paragraph(lines: list[list[Token]], line: int, *, hard: bool = False) -> SyntaxTreeNode:
    """Answer lines as a paragraph of their own, on the file's line ``line`` (0-based); ``hard``:
    each shown on a line of its own."""
    children = joined(lines, hard=hard)
    where = [line, line + len(lines)]
    inline = Token("inline", "", 0, children=children, map=where, block=True)
    opening = Token("paragraph_open", "p", 1, map=where, block=True)
    closing = Token("paragraph_close", "p", -1, block=True)  # block: rendered with its line end, as parsed
    return syntax_tree([opening, inline, closing]).children[0]


def _lone_answer_label(lines: list[list[Token]]) -> bool:
    """A block that only says "**Answer**" (or "答案："): the answer is what follows it."""
    return len(lines) == 1 and LONE_ANSWER_LABEL.fullmatch(line_text(lines[0]).strip().strip("*_ ")) is not None


def _heading_label(node: SyntaxTreeNode) -> bool:
    """A heading that only says "Answer" (``### Answer``, ``#### 答案``) over the answer."""
    inline = node.children[0].token if node.type == "heading" and node.children else None
    return inline is not None and labels_an_answer(inline_text(inline))


def without_answer_label(node: SyntaxTreeNode) -> SyntaxTreeNode | None:
    """An answer's first block without the ``A:``/``Ans:``/``答：`` label (plain or bold) it may
    open with; None when the label was all the block held (the answer is what follows it)."""
    inline = inline_of(node)
    lines = lines_of(inline) if inline is not None else []
    if _lone_answer_label(lines) or _heading_label(node):
        return None  # "**Answer**" (or "### Answer") over the answer
    if not lines or (first := unlabelled(lines[0], A_MARK)) is None:
        return node
    rest = [first, *lines[1:]]
    return paragraph(rest, node.map[0] if node.map else 0) if any(rest) else None


def may_be_labelled(inline: Token) -> bool:
    """False when a paragraph cannot open with a question's or an answer's label (a cheap check)."""
    return _MAY_BE_LABELLED.match(inline.content or inline_text(inline)) is not None


def labels_answer(node: SyntaxTreeNode) -> bool:
    """A block that opens with an answer's label (``**Answer:** C``, ``答：…``), or is one
    (``**Answer**``, ``### Answer``) over the answer."""
    inline = inline_of(node)
    if inline is not None and not may_be_labelled(inline):
        return False
    lines = lines_of(inline) if inline is not None else []
    labelled = bool(lines) and (_lone_answer_label(lines) or unlabelled(lines[0], A_MARK) is not None)
    return labelled or _heading_label(node)


def answer_label_at(body: list[SyntaxTreeNode], *, asked_above: bool = False) -> int | None:
    """Where the answer starts in a body that writes its question out first and then labels the
    answer (``What does typeof null return?`` ↵↵ ``**Answer:** "object"``, or ``### Answer`` over
    it): the labelled block, when a block before it asks, or the heading above asks
    (``asked_above``: what comes before the label is part of the question, a listing to read);
    None otherwise, and for ``Q:``/``A:`` pairs (a bank of questions)."""
    for index, node in enumerate(body):
        inline = inline_of(node)
        if inline is not None and not may_be_labelled(inline):
            continue  # neither a question's label nor an answer's
        lines = lines_of(inline) if inline is not None else []
        if lines and unlabelled(lines[0], Q_MARK) is not None:
            return None
        if index and labels_answer(node):
            asked = any(
                ends_in_question(inline_text(t)) for n in body[:index] for t in n.to_tokens() if t.type == "inline"
            )
            return index if asked or asked_above else None
    return None
