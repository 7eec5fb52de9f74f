"""Stage 3: find the questions and answers in a parsed note file.

Questions are headings at the file's *question level*; headings above it are categories
(deck title, breadcrumb, tags), headings below it belong to the answer. The level is
detected per file as the level holding the most *leaf* headings (headings not followed by
a deeper one): categories have sub-headings, questions mostly do not. This picks ``####``
in the seed, ``######`` in javascript-questions (whose ``#### Answer`` headings follow the
questions) and ``##`` in files that use ``## Q.`` headings.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from cardgen.atomic import LocOf, find_tables, find_terms
from cardgen.errors import ConfigError
from cardgen.markdown import inline_text, make_parser, sanitise
from cardgen.media import MediaResolver
from cardgen.model import NoteFile, Question, SourceLoc, Table, Term
from cardgen.parse import ParsedFile

# A numbering prefix is label, not question: `1.` `1、` `1)` `Q1:` `Q1.` `Q.` `第1题` `一、`.
NUMBER_PREFIX = re.compile(
    r"""^\s*(?:
        第\s*(?P<nth>\d+)\s*[题題问問][\s.:：、)）]*
      | Q\s*(?P<q>\d+)\s*(?:[.:：、)）]\s*|\s+)
      | Q[.:：]\s*
      | (?P<num>\d+(?:\.\d+)*)\s*(?:[.、)）:：．]\s*)
      | (?P<han>[一二三四五六七八九十百]+)\s*[、.．]\s*
    )""",
    re.VERBOSE | re.IGNORECASE,
)
# Trailing `{#anchor-id}` (Hugo/kramdown heading ids) is not part of the question either.
TRAILING_ANCHOR = re.compile(r"\s*\{#[\w.-]+\}\s*$")

# Answers that only say "not written yet".
PLACEHOLDERS = frozenset(
    {"answer here", "to be completed", "to be completed.", "tbd", "todo", "待补充", "待完善", "暂无", "略"}
)


def detect_question_level(root: SyntaxTreeNode) -> int:
    """The heading level holding the most leaf headings; ties go to the shallower level."""
    levels = [_level(node) for node in root.children if node.type == "heading"]
    if not levels:
        return 0
    leaves: Counter[int] = Counter()
    for i, level in enumerate(levels):
        following = levels[i + 1] if i + 1 < len(levels) else 0
        if following <= level:
            leaves[level] += 1
    return max(sorted(leaves), key=lambda level: leaves[level])


SUMMARY = re.compile(r"<summary[^>]*>(.*?)</summary>", re.IGNORECASE | re.DOTALL)
ANSWER_SUMMARIES = frozenset(
    {"answer", "answers", "solution", "show answer", "show solution", "答案", "解答", "参考答案"}
)
# HTML that only wraps Markdown (a <details> opener or closer, <p>, <b>, <br>) and shows nothing itself.
WRAPPER_TAG = re.compile(r"</?(?:details|summary|p|b|strong|br|div)\b[^>]*>", re.IGNORECASE)


def raw_html(node: SyntaxTreeNode) -> str | None:
    """The HTML of a block that is nothing but HTML: an html_block, or a paragraph of inline
    tags only (``</b></details>`` is not an HTML block to CommonMark). None otherwise."""
    if node.type == "html_block":
        return node.content
    if node.type == "paragraph" and node.children and node.children[0].token is not None:
        children = node.children[0].token.children or []
        if children and all(
            c.type == "html_inline" or (c.type in ("text", "softbreak") and not c.content.strip()) for c in children
        ):
            return "".join(c.content for c in children)
    return None


def details_summary(node: SyntaxTreeNode) -> str | None:
    """Plain text of a ``<details><summary>…</summary>`` opener, or None when the node is not one."""
    content = raw_html(node)
    if content is None or "<details" not in content.lower():
        return None
    match = SUMMARY.search(content)
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else None


def closes_details(node: SyntaxTreeNode) -> bool:
    content = raw_html(node)
    return content is not None and "</details>" in content.lower()


def is_wrapper_html(node: SyntaxTreeNode) -> bool:
    content = raw_html(node)
    return content is not None and not WRAPPER_TAG.sub("", SUMMARY.sub("", content)).strip()


def is_answer_summary(summary: str) -> bool:
    return summary.casefold().rstrip(":： ") in ANSWER_SUMMARIES


# Difficulty marks and other symbols after a question ("What is …? 👶").
TRAILING_SYMBOLS = re.compile(r"[\s\u200d\ufe0f\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50]+$")


def bold_question(node: SyntaxTreeNode) -> list[Token] | None:
    """A paragraph that is one bold span ending in a question mark: ``**What is …? 👶**``."""
    if node.type != "paragraph" or not node.children or node.children[0].token is None:
        return None
    children = [c for c in node.children[0].token.children or [] if not (c.type == "text" and not c.content.strip())]
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


def extract(
    parsed: ParsedFile, question_level: int | None = None, *, allow_html: bool = False, root: Path | None = None
) -> NoteFile:
    """Every question of one file, with its answer rendered to HTML.

    Questions are headings at the question level, or ``<details><summary>question</summary>``
    blocks (then every heading is a category). A ``<details>`` whose summary says "Answer"
    is part of the answer around it, headings inside included.
    """
    if question_level is not None and not 1 <= question_level <= 6:
        raise ConfigError(f"question level must be 1 to 6, got {question_level}")
    tree = parsed.tree
    summaries = [details_summary(node) for node in tree.children]
    details_questions = sum(1 for t in summaries if t and not is_answer_summary(t))
    bolds = [bold_question(node) for node in tree.children]
    # Questions written as bold paragraphs (data-science-interviews): then headings are categories.
    bold_questions = question_level is None and details_questions < 2 and sum(b is not None for b in bolds) >= 3
    if bold_questions:
        details_questions = 2
    # With <details> questions, level 7 (below every heading) makes all headings categories.
    level = 7 if question_level is None and details_questions >= 2 else question_level or detect_question_level(tree)
    md = make_parser(allow_html)

    questions: list[Question] = []
    sections: list[tuple[int, str]] = []
    title = ""
    current: tuple[SourceLoc, list[Token]] | None = None
    body: list[SyntaxTreeNode] = []
    in_details = False  # inside a <details> block: headings there belong to the answer

    answer_start: int | None = None  # where an "Answer" <details> begins: what precedes it is the question's

    def close() -> None:
        nonlocal current, body, answer_start
        if current is not None:
            prompt, answer = (body[:answer_start], body[answer_start:]) if answer_start is not None else ([], body)
            media = MediaResolver(parsed.path.parent, root or parsed.path.parent)
            question = _question(current[0], current[1], answer, [s for _, s in sections], md, prompt, media)
            if question.title_text:  # an empty heading asks nothing
                questions.append(question)
        current, body, answer_start = None, [], None

    for node, summary, bold in zip(tree.children, summaries, bolds, strict=True):
        if bold_questions and bold is not None and not in_details:
            close()
            current = (parsed.loc(node), bold)
            continue
        if summary is not None:
            if is_answer_summary(summary) or level != 7:
                in_details = True  # an answer wrapped in <details>: keep collecting
                if current is not None and answer_start is None and is_answer_summary(summary):
                    answer_start = len(body)
            else:
                close()
                current, in_details = (parsed.loc(node), _inline_tokens(md, summary)), True
            continue
        if closes_details(node):
            in_details = False
            if level == 7:
                close()
            continue
        if is_wrapper_html(node):
            continue
        if node.type != "heading" or in_details or (current is not None and _level(node) > level):
            if current is not None:
                body.append(node)
            continue
        close()
        node_level = _level(node)
        if node_level == level:
            current = (parsed.loc(node), _heading_tokens(node))
        elif node_level < level:
            text = inline_text(node.children[0].token) if node.children and node.children[0].token else ""
            if node_level == 1 and not title and not questions:
                title = text
                continue
            sections = [s for s in sections if s[0] < node_level] + [(node_level, text)]
    close()

    return NoteFile(
        path=parsed.path,
        display=parsed.display,
        title=title or parsed.path.stem,
        question_level=level if level <= 6 else 0,
        questions=tuple(questions),
    )


def _level(heading: SyntaxTreeNode) -> int:
    return int(heading.tag[1])


def _heading_tokens(heading: SyntaxTreeNode) -> list[Token]:
    inline = heading.children[0].token if heading.children else None
    return list(inline.children or []) if inline else []


def _inline_tokens(md: MarkdownIt, text: str) -> list[Token]:
    """A <summary>'s text parsed as inline Markdown (its HTML never passes through raw)."""
    tokens = md.parseInline(text)
    return list(tokens[0].children or []) if tokens else []


def _question(
    loc: SourceLoc,
    title: list[Token],
    body: Sequence[SyntaxTreeNode],
    sections: list[str],
    md: MarkdownIt,
    prompt: Sequence[SyntaxTreeNode] = (),
    media: MediaResolver | None = None,
) -> Question:
    number, children = strip_numbering(title)
    text = inline_text(Token("inline", "", 0, children=children))
    assert isinstance(md.renderer, RendererHTML)
    env = {"media": media} if media is not None else {}
    title_html = md.renderer.renderInline(children, md.options, env).strip()
    prompt_tokens = [token for node in prompt if not is_wrapper_html(node) for token in node.to_tokens()]
    prompt_html = md.renderer.render(prompt_tokens, md.options, env).strip() if prompt_tokens else ""
    if not text:  # the heading was nothing but a number: keep it as the question
        text = number
        title_html = number
        number = ""
    answer_html, blocks = "", tuple[str, ...]()
    tables: tuple[Table, ...] = ()
    terms: tuple[Term, ...] = ()
    # Inside an "Answer" <details>, a heading such as "Answer: A" is an answer on its own.
    if has_answer(body) or (prompt and any(_all_text(node).strip() for node in body)):
        loc_of = _loc_in(loc.file)
        tables, terms = find_tables(body, loc_of, md), find_terms(body, loc_of, md)
        tokens = [token for node in body for token in node.to_tokens()]
        answer_html = md.renderer.render(tokens, md.options, env).strip()
        pieces = (md.renderer.render(piece, md.options, env).strip() for piece in answer_pieces(body))
        blocks = tuple(p for p in pieces if p)
    if md.renderer.allow_html:  # type: ignore[attr-defined]
        title_html, prompt_html, answer_html = sanitise(title_html), sanitise(prompt_html), sanitise(answer_html)
        blocks = tuple(sanitise(b) for b in blocks)
    return Question(
        loc=loc,
        number=number,
        title_html=title_html,
        title_text=text,
        answer_html=answer_html,
        answer_blocks=blocks,
        sections=tuple(sections),
        tables=tables,
        terms=terms,
        prompt_html=prompt_html,
        prompt_text=" ".join(_all_text(node) for node in prompt).strip(),
        media=tuple(media.found.items()) if media is not None else (),
        problems=tuple(dict.fromkeys(media.problems)) if media is not None else (),
    )


def _loc_in(file: str) -> LocOf:
    def loc_of(node: SyntaxTreeNode) -> SourceLoc:
        return SourceLoc(file, node.map[0] + 1 if node.map else 1)

    return loc_of


def strip_numbering(children: list[Token]) -> tuple[str, list[Token]]:
    """Split a heading's inline tokens into its numbering label and the rest."""
    children = list(children)
    number = ""
    if children and children[0].type == "text":
        match = NUMBER_PREFIX.match(children[0].content)
        rest = children[0].content[match.end() :].strip() if match else ""
        if match and (rest or len(children) > 1):
            number = next((g for g in match.group("nth", "q", "num", "han") if g), "")
            children[0] = children[0].copy(content=children[0].content[match.end() :])
    if children and children[-1].type == "text":
        children[-1] = children[-1].copy(content=TRAILING_ANCHOR.sub("", children[-1].content))
    return number, children


def answer_pieces(body: Iterable[SyntaxTreeNode]) -> Iterable[list[Token]]:
    """Token runs for ``Question.answer_blocks``: each top-level block, each list item alone.

    An item of an ordered list keeps its number through the ``start`` attribute; a table
    is cut into rows (the first with the header), marked so the printed pieces join up.
    """
    for node in body:
        if node.type == "table" and node.nester_tokens is not None:
            yield from _table_pieces(node)
            continue
        if node.type not in ("bullet_list", "ordered_list") or node.nester_tokens is None:
            yield node.to_tokens()
            continue
        opening, closing = node.nester_tokens.opening, node.nester_tokens.closing
        first = int(opening.attrGet("start") or 1)
        for i, item in enumerate(node.children):
            list_open = opening.copy(attrs=dict(opening.attrs))
            if node.type == "ordered_list":
                list_open.attrSet("start", str(first + i))
            yield [list_open, *item.to_tokens(), closing]


def _table_pieces(table: SyntaxTreeNode) -> Iterable[list[Token]]:
    assert table.nester_tokens is not None
    head = next((c for c in table.children if c.type == "thead"), None)
    body = next((c for c in table.children if c.type == "tbody"), None)
    rows = body.children if body is not None and body.nester_tokens is not None else []
    if body is None or body.nester_tokens is None or not rows:
        yield table.to_tokens()
        return
    for i, row in enumerate(rows):
        classes = ["cg-rows", "cg-first" if i == 0 else "cg-cont"] + (["cg-last"] if i == len(rows) - 1 else [])
        table_open = table.nester_tokens.opening.copy(attrs={"class": " ".join(classes)})
        header = head.to_tokens() if i == 0 and head is not None else []
        yield [
            table_open,
            *header,
            body.nester_tokens.opening,
            *row.to_tokens(),
            body.nester_tokens.closing,
            table.nester_tokens.closing,
        ]


# Nodes that are an answer whatever text they hold.
CONTENT_NODES = frozenset({"code_block", "fence", "table", "image", "html_block", "math_block"})


def has_answer(body: Iterable[SyntaxTreeNode]) -> bool:
    """True when the section holds content other than headings, comments and placeholders."""
    texts: list[str] = []
    for node in body:
        if node.type in ("heading", "front_matter", "hr"):
            continue
        if node.type == "html_block" and node.content.lstrip().startswith("<!--"):
            continue
        if any(sub.type in CONTENT_NODES for sub in node.walk()):
            return True
        texts.append(_all_text(node))
    text = " ".join(t for t in texts if t).strip()
    return bool(text) and text.casefold().rstrip("。.!！") not in {p.rstrip(".") for p in PLACEHOLDERS}


def _all_text(node: SyntaxTreeNode) -> str:
    """Plain text of a block, code included."""
    parts = []
    for sub in node.walk():
        if sub.type == "inline" and sub.token is not None:
            parts.append(inline_text(sub.token))
        elif sub.type in ("code_block", "fence"):
            parts.append(sub.content)
    return " ".join(parts)
