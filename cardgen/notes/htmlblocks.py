"""Questions and answers written in HTML inside Markdown notes.

GitHub Q&A collections wrap questions in ``<details><summary>question</summary> answer
</details>`` (devops-exercises, javascript-questions' answers), write questions as bold
paragraphs (data-science-interviews), and sprinkle HTML that only wraps or navigates
(``<div align="right"><a href="#">↥ back to top</a></div>``). These helpers read such
blocks for ``extract``; the HTML itself never reaches a card unless the user allows it.
"""

from __future__ import annotations

import re

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from cardgen.notes.asking import asks, labels_an_answer
from cardgen.notes.markdown import COMPONENT_LABEL, COMPONENT_TAG, inline_text
from cardgen.text import ARROWS, PICTOGRAPHS, text_of

SUMMARY = re.compile(r"<summary[^>]*>(.*?)</summary>", re.IGNORECASE | re.DOTALL)
OPEN_SUMMARY = re.compile(r"<summary[^>]*>(.*)$", re.IGNORECASE | re.DOTALL)
# The summaries read as an answer's from the start. Any other answer label (``asking.ANSWER_LABELS``:
# "查看答案", view the answer) is read so since the 9th session: what stands above it, in the answer
# before, is now the question's, and left out of its identity (``read_later_summary``).
ANSWER_SUMMARIES = frozenset(
    {"answer", "answers", "solution", "show answer", "show solution", "答案", "解答", "参考答案"}
)
# HTML that only wraps Markdown (a <details> opener or closer, <p>, <b>, <br>) and shows nothing itself.
WRAPPER_TAG = re.compile(r"</?(?:details|summary|p|b|strong|br|div)\b[^>]*>", re.IGNORECASE)

# A link to a place in the same page, text and all.
PAGE_LINK = re.compile(r"""<a\s[^>]*href\s*=\s*["']?#[^>]*>.*?</a\s*>""", re.IGNORECASE | re.DOTALL)


def raw_html(node: SyntaxTreeNode) -> str | None:
    """The HTML of a block that is nothing but HTML: an html_block, or a paragraph of inline
    tags only (``</b></details>`` is not an HTML block to CommonMark). None otherwise."""
    kind = node.type  # a computed property in markdown-it: read once
    if kind == "html_block":
        return node.content
    if kind == "paragraph" and node.children and node.children[0].token is not None:
        children = node.children[0].token.children or []
        if children and all(
            c.type == "html_inline" or (c.type in ("text", "softbreak") and not c.content.strip()) for c in children
        ):
            return "".join(c.content for c in children)
    return None


def details_summary(content: str | None) -> str | None:
    """Plain text of a ``<details><summary>…</summary>`` opener, or None when the block (its
    ``raw_html``) is not one."""
    if content is None or "<details" not in content.lower():
        return None
    # A summary may run on over Markdown blocks (a code listing) and close later: its first line.
    match = SUMMARY.search(content) or OPEN_SUMMARY.search(content)
    return text_of(match.group(1)).strip() if match else None


def summary_tail(content: str) -> tuple[str, int] | None:
    """Markdown written after ``</summary>`` inside the opener's own HTML block (an answer with no
    blank line before it), wrapper tags removed, and how many lines into the block it starts."""
    end = content.lower().find("</summary>")
    tail = WRAPPER_TAG.sub("", content[end + len("</summary>") :]) if end >= 0 else ""
    return (tail, content.count("\n", 0, end)) if tail.strip() else None


def summary_runs_on(content: str | None) -> bool:
    """A ``<summary>`` opened in this block and closed in a later one."""
    lowered = (content or "").lower()
    return "<summary" in lowered and "</summary>" not in lowered


def closes_details(content: str | None) -> bool:
    return content is not None and "</details>" in content.lower()


def ends_in_closer(node: SyntaxTreeNode) -> bool:
    """A block of text whose last line closes a ``<details>`` (``answer text`` ↵ ``</b></details>``,
    or a list whose last item runs on into it): a line that opens with ``</b>`` cannot interrupt a
    paragraph, so the closer is the paragraph's inline HTML."""
    while node.type in ("bullet_list", "ordered_list", "list_item") and node.children:
        node = node.children[-1]
    inline = node.children[0].token if node.type == "paragraph" and node.children else None
    shown = [c for c in (inline.children or []) if c.type != "text" or c.content.strip()] if inline else []
    return bool(shown) and shown[-1].type == "html_inline" and closes_details(shown[-1].content)


def is_wrapper_html(content: str | None) -> bool:
    """True for a block (its ``raw_html``) of HTML that only wraps Markdown and shows nothing,
    or only links within its page (``<a href="#">↥ back to top</a>``): navigation, not content."""
    if content is None:
        return False
    components = COMPONENT_TAG.sub(lambda tag: tag.group(0) if COMPONENT_LABEL.search(tag.group(0)) else "", content)
    return not WRAPPER_TAG.sub("", PAGE_LINK.sub("", SUMMARY.sub("", components))).strip()


# What may stand around in-page links in a navigation line: arrows, separators, emoji.
_NAVIGATION_SYMBOLS = re.compile(rf"[\s|·•/\\\-{ARROWS}{PICTOGRAPHS}]*")
_WRAPPING = frozenset({"strong_open", "strong_close", "em_open", "em_close", "softbreak", "link_close"})


def is_page_navigation(node: SyntaxTreeNode) -> bool:
    """A paragraph of nothing but links within the page that navigate, maybe bold, between
    arrows: ``**[⬆ Back to Top](#table-of-contents)**``, the Markdown twin of ``is_wrapper_html``'s
    ``<a href="#">↥ back to top</a>``; or a table of contents: a list of such links, maybe grouped
    under short labels (``* MySQL`` over ``* [索引的分类？](#索引的分类)``). A lone cross-reference
    (``[See caching](#caching)``, or a list of two) is answer text and stays."""
    links = _page_links(node)
    if links is None:
        return False
    if node.type != "paragraph" or links >= MIN_CONTENTS_LINKS:
        return links >= MIN_CONTENTS_LINKS
    inline = node.children[0].token
    return inline is not None and _NAVIGATES.search(inline_text(inline)) is not None


# Links that only move about the page say so ("Back to top", "返回目录", an arrow); a list of at
# least this many in-page links and nothing else is a table of contents.
_NAVIGATES = re.compile(
    r"\b(?:top|back|home|contents|toc|index|next|prev(?:ious)?)\b|返回|目录|顶部|上一|下一|[⬆↑⇧↥🔝]", re.IGNORECASE
)
MIN_CONTENTS_LINKS = 3


def _page_links(node: SyntaxTreeNode) -> int | None:
    """How many in-page links a paragraph (or a list of them, see ``_item_links``) is made of;
    None when it holds anything else."""
    if node.type in ("bullet_list", "ordered_list"):
        total = 0
        for item in node.children:  # most lists fail on their first item: stop there
            if (count := _item_links(item)) is None:
                return None
            total += count
        return total or None
    if node.type != "paragraph" or not node.children or node.children[0].token is None:
        return None
    links, depth = 0, 0
    for child in node.children[0].token.children or []:
        if child.type == "link_open":
            if not str(child.attrs.get("href", "")).startswith("#"):
                return None
            links, depth = links + 1, depth + 1
        elif child.type == "link_close":
            depth -= 1
        elif child.type not in _WRAPPING and not depth and not _is_symbols(child):
            return None
    return links or None


# Lines that instruct an editor or a site generator and show nothing of their own: Typora's and
# GitLab's tables of contents, kramdown's, Jekyll's raw markers, MDX's imports and exports, and
# Obsidian_to_Anki's file settings (``TARGET DECK`` over a deck's name, ``FILE TAGS: …``).
_DIRECTIVE = re.compile(
    r"\[toc\]|\[\[_?toc_?\]\]|\$\{toc\}|\{:\s*toc\s*\}|@\[toc\](?:\([^)]*\))?|\{%-?\s*(?:end)?raw\s*-?%\}"
    r"|(?-i:(?:TARGET DECK|FILE TAGS)(?::[^\n]*|\n[^\n]+)?)"
    r"""|(?-i:(?:(?:import\s[^\n]+?\sfrom\s*|import\s*)['"][^'"\n]+['"];?|export\s+(?:const|let|default|function)\b[^\n]*)"""
    r"""(?:\n(?:import\s[^\n]+?\sfrom\s*['"][^'"\n]+['"];?|export\s+(?:const|let|default|function)\b[^\n]*))*)""",
    re.IGNORECASE,
)


def is_directive(node: SyntaxTreeNode) -> bool:
    """A paragraph that is only an editor's or site generator's directive (``[TOC]``, ``{% raw %}``)."""
    if node.type != "paragraph" or not node.children or node.children[0].token is None:
        return False
    return _DIRECTIVE.fullmatch(node.children[0].token.content.strip()) is not None


# A label grouping a table of contents' links is a few words, not a sentence.
MAX_GROUP_LABEL = 40


def _item_links(item: SyntaxTreeNode) -> int | None:
    """The in-page links of a table of contents' item: a link, or a short label over a list of
    them (and the links nested under either); None for an item that says anything else."""
    if not item.children:
        return None
    first, rest = item.children[0], item.children[1:]
    own = _page_links(first)
    if own is None:  # then a label, over a list
        inline = first.children[0].token if first.type == "paragraph" and first.children else None
        if not rest or inline is None or len(inline_text(inline)) > MAX_GROUP_LABEL:
            return None
    nested = [_page_links(child) for child in rest]
    return None if None in nested else (own or 0) + sum(n for n in nested if n is not None)


def _is_symbols(token: Token) -> bool:
    return token.type == "text" and _NAVIGATION_SYMBOLS.fullmatch(token.content) is not None


# Summaries that only tell the reader to open the block: the words of no answer.
REVEAL_SUMMARIES = frozenset(
    {"展开", "点击展开", "展开查看", "查看", "点击查看", "查看详情", "详情", "expand", "click to expand",
     "click here to expand", "show", "show more", "more", "see more", "details", "toggle"}
)  # fmt: skip


def is_reveal_summary(summary: str) -> bool:
    return summary.casefold().strip(" .…:：()（）") in REVEAL_SUMMARIES


def is_answer_summary(summary: str) -> bool:
    return summary.casefold().rstrip(":： ") in ANSWER_SUMMARIES or labels_an_answer(summary)


def read_later_summary(summary: str) -> bool:
    """An answer's summary earlier versions did not read as one (see ``ANSWER_SUMMARIES``)."""
    return summary.casefold().rstrip(":： ") not in ANSWER_SUMMARIES and labels_an_answer(summary)


# Difficulty marks and other symbols after a question ("What is …? 👶").
TRAILING_SYMBOLS = re.compile(rf"[\s{PICTOGRAPHS}]+$")


def bold_question(node: SyntaxTreeNode) -> list[Token] | None:
    """A paragraph that is one bold span ending in a question mark: ``**What is …? 👶**``."""
    if node.type != "paragraph" or not node.children or node.children[0].token is None:
        return None
    children = [c for c in node.children[0].token.children or [] if not (c.type == "text" and not c.content.strip())]
    if len(children) >= 5 and (children[0].type, children[-1].type) == ("em_open", "em_close"):
        children = children[1:-1]  # "***What is X?***": bold inside italics
    if len(children) < 3 or children[0].type != "strong_open" or children[-1].type != "strong_close":
        return None
    inner = children[1:-1]
    if any(c.type == "strong_open" for c in inner):
        return None
    text = TRAILING_SYMBOLS.sub("", inline_text(Token("inline", "", 0, children=inner)))
    # The question mark ends it, give or take a difficulty mark or a stray letter after it.
    if not any(mark in text[-6:] for mark in "?？"):
        return None
    if inner[-1].type == "text":
        content = inner[-1].content
        end = max(content.rfind("?"), content.rfind("？"))
        inner[-1] = inner[-1].copy(content=content[: end + 1] if end >= 0 else TRAILING_SYMBOLS.sub("", content))
    return inner


def shows_something(node: SyntaxTreeNode, raw: str | None) -> bool:
    """False for blocks that show nothing on a card: headings, rules, comments, wrapper HTML."""
    if node.type in ("heading", "hr", "front_matter"):
        return False
    if raw is None:
        return not (is_page_navigation(node) or is_directive(node))
    return not (raw.lstrip().startswith("<!--") or is_wrapper_html(raw))


def asks_aside(raw: str | None, summary: str) -> bool:
    """A ``<details>`` summary, closed in its own block, that asks (not "Answer", not "Code Examples")."""
    return not is_answer_summary(summary) and asks(summary) and not summary_runs_on(raw)
