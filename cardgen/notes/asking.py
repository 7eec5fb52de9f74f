"""What a line of notes says about itself: it asks a question, it stands in for an answer not
written yet ("To be completed."), or it heads back matter ("References", "致谢").

These read plain text only; which blocks they are asked about is ``outline``'s and ``banks``'
business.
"""

from __future__ import annotations

import fnmatch
import re

from cardgen.text import PICTOGRAPHS, is_cjk

# Question marks, give or take trailing space, emoji difficulty marks or a closing bracket.
_ENDS_ASKING = re.compile(rf"[?？][\s)）\]】*_{PICTOGRAPHS}]*$")
# Words a question or a task opens with.
_EN_OPENERS = re.compile(
    r"(?:what|what's|how|why|when|where|which|who|whom|whose|explain|describe|compare|contrast|define|"
    r"discuss|give|tell|is|are|can|could|do|does|did|should|would|will|has|have|in what)\s",  # not "Do:"
    re.IGNORECASE,
)
_ZH_OPENERS = ("为什么", "为何", "如何", "怎么", "怎样", "什么", "哪些", "哪个", "哪种", "是否", "请", "简述", "说说",
               "谈谈", "介绍", "解释", "描述", "比较", "列举", "说明")  # fmt: skip
_ZH_INSIDE = ("为什么", "是什么", "什么是", "有什么", "如何", "怎么", "哪些", "哪个", "哪种", "哪几", "区别", "是否")
_TRAILING_NOTE = re.compile(r"\s*[（(][^（()）]*[）)]\s*$")  # "…是哪个？（CICD）"
TRAILING_ANCHOR = re.compile(r"\s*\{#[\w.-]+\}\s*$")  # a Hugo/kramdown heading id
_PROSE_BREAK = re.compile(r"[。！!]|\.\s")
_SENTENCE_BREAK = re.compile(r"[。！？!?]|\.\s")
MAX_QUESTION_CHARS = 300
MAX_TASK_WORDS = 12
MAX_TASK_CHARS_ZH = 50
_NUMBERING = re.compile(
    r"^\s*(?:\d+[.、)）]|[（(]\d+[)）]|Question\s*#?\s*\d+\s*[.:：)）]?|Q\d*[.:：]?)\s*", re.IGNORECASE
)


def asks(text: str, *, among_questions: bool = False) -> bool:
    """True when a line is a question or a question-like task: it ends in a question mark, or
    it is short, one sentence, and opens with a question word (``Explain event delegation.``,
    ``为什么…``) or holds one (``…的区别``). Prose that happens to open with "When" does not ask.

    ``among_questions``: the line is one of a list of questions, where a question may run on
    (``What is X? (e.g. …)``, ``Compare A and B — data, cost, …``).
    """
    text = _NUMBERING.sub("", TRAILING_ANCHOR.sub("", text).strip().strip("*_ "))
    if not text:
        return False
    if among_questions and ("?" in text or "？" in text or _EN_OPENERS.match(text) or text.startswith(_ZH_OPENERS)):
        return True
    if _ENDS_ASKING.search(text) or _ENDS_ASKING.search(_TRAILING_NOTE.sub("", text)):
        # One question (or a few), not prose that ends in one ("Start by …. Then, …, or all of them?").
        return len(text) <= MAX_QUESTION_CHARS and not _PROSE_BREAK.search(text)
    if _SENTENCE_BREAK.search(text.rstrip("。.!！ ")) or text.endswith((":", "：")):
        return False  # prose, or a lead-in ("数据库约束有哪些：") introducing what follows
    if not any(is_cjk(ch) for ch in text):
        return bool(_EN_OPENERS.match(text)) and 2 <= len(text.split()) <= MAX_TASK_WORDS
    if len(text) > MAX_TASK_CHARS_ZH or text.endswith(("。", "！")):
        return False  # a Chinese sentence that ends in a full stop states, whatever words it holds
    return text.startswith(_ZH_OPENERS) or any(word in text for word in _ZH_INSIDE)


def ends_in_question(text: str) -> bool:
    """The line's last words ask, whatever comes before them ("Walk through X. Why Y?")."""
    text = TRAILING_ANCHOR.sub("", text).strip().strip("*_ ")
    return bool(_ENDS_ASKING.search(text) or _ENDS_ASKING.search(_TRAILING_NOTE.sub("", text)))


# Answers that only say "not written yet" (compared casefolded, brackets and end punctuation dropped).
PLACEHOLDERS = frozenset(
    {
        "answer here", "to be completed", "to be written", "to be added", "tbd", "todo", "to do", "tbc",
        "wip", "work in progress", "coming soon", "待补充", "待完善", "待续", "待更新", "未完成", "暂无",
        "略", "无",
    }
)  # fmt: skip


def is_placeholder(text: str) -> bool:
    """``To be completed.``, ``[TBD]``, ``待补充``: words standing where an answer will be."""
    core = text.strip().strip("[]()（）【】*_ ").rstrip("。.!！:：…").strip().casefold()
    return core in PLACEHOLDERS


# Sections that close a document and never ask anything.
BACK_MATTER = frozenset(
    {
        "table of contents", "contents", "toc", "目录", "目錄",
        "references", "reference", "further reading", "source(s) and further reading",
        "sources and further reading", "sources", "see also", "credits", "credit", "acknowledgements",
        "acknowledgments", "license", "licence", "contact", "contact info", "contact information",
        "contributing", "contributors", "contribution", "index", "changelog", "change log", "team", "authors",
        "author", "about the author", "about the authors", "maintainers", "sponsors", "backers",
        "参考", "参考资料", "参考文献", "参考链接", "延伸阅读", "扩展阅读", "相关链接", "相关阅读", "致谢", "许可证",
        "许可", "贡献", "贡献者",
    }
)  # fmt: skip
_DECORATION = re.compile(rf"[\s:：{PICTOGRAPHS}]+")


# Words that only label what follows as the answer to the question asked just before them: a
# heading (``## Answer``), a callout's title (``::: details 答案``), a ``<details>`` summary.
ANSWER_LABELS = frozenset(
    {"answer", "answers", "the answer", "answer guide", "answer key", "suggested answer", "sample answer",
     "model answer", "solution", "solutions", "show answer", "view answer", "see answer", "reveal answer",
     "click to see answer", "click to show answer", "click to reveal answer", "answer & explanation",
     "answer and explanation", "答案", "参考答案", "答案解析", "答案与解析", "答案和解析", "答案和解释", "答案及解析",
     "参考答案与解析", "查看答案", "点击查看答案", "显示答案", "查看解析", "解答", "回答", "答", "ответ", "respuesta",
     "resposta", "antwort", "réponse", "risposta", "lösung", "solución", "solução", "答え", "解答例", "답변", "정답",
     "trả lời", "đáp án", "jawaban", "cevap", "odpowiedź", "antwoord", "відповідь", "उत्तर"}
)  # fmt: skip


def labels_an_answer(title: str) -> bool:
    """``## Answer``, ``## Answer guide``, ``### 参考答案``, ``<summary>查看答案</summary>``: the words
    name what follows as the answer to the question asked just before it."""
    return title.casefold().strip(" :：*_") in ANSWER_LABELS


def is_back_matter(title: str, patterns: tuple[str, ...] = ()) -> bool:
    """A table of contents, a reference list, credits, a licence…, or a heading the user's
    ``skip_headings`` patterns (shell-style, case-insensitive) name."""
    core = re.sub(r"^\s*:[a-z0-9_+-]+:\s*", "", title)  # an emoji shortcode before the title
    core = _DECORATION.sub(" ", core).strip().casefold()
    if core in BACK_MATTER:
        return True
    return any(fnmatch.fnmatch(core, pattern.casefold()) for pattern in patterns)


# Headings over questions left to the reader: their lines are questions, however few.
QUESTION_LIST_HEADINGS = frozenset(
    {
        "follow-ups", "follow ups", "follow-up questions", "follow up questions", "further questions",
        "more questions", "review questions", "practice questions", "self-check", "self check", "exercises",
        "дополнительные вопросы", "вопросы", "延伸问题", "扩展问题", "思考题", "练习题", "自测题", "课后习题",
        "interview questions", "common interview questions", "faq", "faqs", "面试题", "高频面试题", "常见面试题",
        "经典面试题", "面试问题", "面试真题", "常见问题",
    }
)  # fmt: skip
# "五、", "3.", "（2）" before a heading's words.
_LEADING_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|\d+(?:\.\d+)*\s*[.、)）]?|[（(]\d+[)）])\s*")


# A count of the questions that follow: "Basic Concepts (6 Questions)", "集合（共 12 题）".
_QUESTION_COUNT = re.compile(r"[（(]\s*(?:共\s*)?\d+\s*(?:questions?|qs|道题|道|题|个问题)\s*[)）]\s*$", re.IGNORECASE)


def lists_questions(title: str) -> bool:
    """A heading that says what follows is questions (``## Follow-ups``, ``### 思考题``, or a
    count of them: ``### Basic Concepts (6 Questions)``)."""
    if _QUESTION_COUNT.search(title):
        return True
    return _DECORATION.sub(" ", _LEADING_NUMBER.sub("", title)).strip().casefold() in QUESTION_LIST_HEADINGS
