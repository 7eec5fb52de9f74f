"""Stage 3: find the questions and answers in a parsed note file.

Questions are headings at the file's *question level*; headings above it are categories
(deck title, breadcrumb, tags), headings below it belong to the answer. The level is
detected per file as the level holding the most *leaf* headings (headings not followed by
a deeper one): categories have sub-headings, questions mostly do not. This picks ``####``
in the seed, ``######`` in javascript-questions (whose ``#### Answer`` headings follow the
questions) and ``##`` in files that use ``## Q.`` headings. Which headings ask, in notes less
tidy than that, is ``outline``'s; questions written in HTML are read by ``htmlblocks``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from cardgen.errors import ConfigError
from cardgen.model import AnswerBlock, NoteFile, Problem, Question, SourceLoc, Table, Term
from cardgen.notes.blocks import split_blocks
from cardgen.notes.facts import LocOf, find_tables, find_terms
from cardgen.notes.htmlblocks import (
    bold_question,
    closes_details,
    details_summary,
    is_answer_summary,
    is_wrapper_html,
    raw_html,
    summary_runs_on,
    summary_tail,
)
from cardgen.notes.markdown import inline_text, make_parser
from cardgen.notes.media import MediaResolver
from cardgen.notes.outline import (
    detect_question_level,
    heading_level,
    heading_text,
    interview_sections,
    question_headings,
)
from cardgen.notes.read import ParsedFile
from cardgen.notes.render import CardHtml

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
    raws = [raw_html(node) for node in tree.children]
    summaries = [details_summary(raw) for raw in raws]
    details_questions = sum(1 for t in summaries if t and not is_answer_summary(t))
    bolds = [bold_question(node) for node in tree.children]
    # Questions written as bold paragraphs (data-science-interviews): then headings are categories.
    bold_questions = question_level is None and details_questions < 2 and sum(b is not None for b in bolds) >= 3
    if bold_questions:
        details_questions = 2
    # With <details> questions, level 7 (below every heading) makes all headings categories.
    level = 7 if question_level is None and details_questions >= 2 else question_level or detect_question_level(tree)
    shows = [_shows_something(node, raw) for node, raw in zip(tree.children, raws, strict=True)]
    asks = question_headings(tree.children, shows, level, tidy=question_level is not None or level == 7)
    md = make_parser(allow_html)
    reader = _Reader(parsed, md, MediaRoots(parsed.path.parent, root or parsed.path.parent), level)

    interview = interview_sections(tree.children) if question_level is None and level != 7 else None
    skipped: set[int] = set()  # the two sections (headings included) of such a question
    if interview is not None:
        skipped = {*interview[1], *interview[2], interview[1].start - 1, interview[2].start - 1}

    for index, (node, raw, summary, bold) in enumerate(zip(tree.children, raws, summaries, bolds, strict=True)):
        if index in skipped:
            if interview is not None and index == interview[1].start - 1:  # the question's section
                asked_by = tree.children[interview[0]] if interview[0] >= 0 else node
                prompt = [tree.children[i] for i in interview[1]]
                reader.ask(node, _heading_tokens(asked_by))
                reader.body, reader.answer_start = [*prompt, *(tree.children[i] for i in interview[2])], len(prompt)
                reader.close()
        elif bold_questions and bold is not None and not reader.in_details:
            reader.ask(node, bold)
        elif summary is not None:
            reader.details_opener(node, raw, summary)
        elif closes_details(raw):
            reader.in_details = False
            if level == 7:
                reader.close()
        else:
            if reader.prompt_runs_on and raw is not None and "</summary>" in raw.lower():
                reader.answer_start, reader.prompt_runs_on = len(reader.body), False
            if is_wrapper_html(raw):
                continue
            # A heading below the level inside a question is part of its answer, unless it asks.
            is_heading = node.type == "heading"
            in_answer = is_heading and reader.current is not None and _level(node) > level and index not in asks
            if is_heading and not reader.in_details and not in_answer:
                reader.heading(node, asks=index in asks)
            elif reader.current is not None:
                reader.body.append(node)
    reader.close()

    return NoteFile(
        path=parsed.path,
        display=parsed.display,
        title=reader.title or parsed.path.stem,
        question_level=level if level <= 6 else 0,
        questions=tuple(reader.questions),
    )


@dataclass(frozen=True)
class MediaRoots:
    """Where a file's images are looked for: beside it, and nowhere outside ``root``."""

    note_dir: Path
    """The note file's folder."""
    root: Path
    """The notes' folder."""


class _Reader:
    """The state of one pass over a file's top-level blocks: the question being read, its body,
    the headings above it, and the questions read so far."""

    def __init__(self, parsed: ParsedFile, md: MarkdownIt, media: MediaRoots, level: int) -> None:
        self.parsed, self.md, self.media, self.level = parsed, md, media, level
        self.questions: list[Question] = []
        self.sections: list[tuple[int, str]] = []
        self.heads_topic: tuple[int, str] | None = None  # an asking heading above the level, heading what follows
        self.title = ""
        self.current: tuple[SourceLoc, list[Token]] | None = None
        self.body: list[SyntaxTreeNode] = []
        self.answer_start: int | None = None  # where an "Answer" <details> begins: before it is the question's
        self.in_details = False  # inside a <details> block: headings there belong to the answer
        self.prompt_runs_on = False  # inside a <summary> that spans blocks

    def close(self) -> None:
        """The question being read is complete."""
        if self.current is not None:
            start = self.answer_start
            prompt, answer = (self.body[:start], self.body[start:]) if start is not None else ([], self.body)
            media = MediaResolver(self.media.note_dir, self.media.root)
            sections = [s for _, s in self.sections]
            question = _question(self.current[0], self.current[1], answer, sections, self.md, prompt, media)
            if question.title_text:  # an empty heading asks nothing
                self.questions.append(question)
        self.current, self.body, self.answer_start, self.prompt_runs_on = None, [], None, False

    def ask(self, node: SyntaxTreeNode, title: list[Token]) -> None:
        """A question starts at ``node``."""
        self.close()
        self.current = (self.parsed.loc(node), title)

    def details_opener(self, node: SyntaxTreeNode, raw: str | None, summary: str) -> None:
        if is_answer_summary(summary) or self.level != 7:
            self.in_details = True  # an answer wrapped in <details>: keep collecting
            if self.current is not None and self.answer_start is None and is_answer_summary(summary):
                self.answer_start = len(self.body)
            return
        self.ask(node, _inline_tokens(self.md, summary))
        self.in_details = True
        self.prompt_runs_on = summary_runs_on(raw)  # the blocks up to </summary> are the question's
        if raw is not None and (tail := summary_tail(raw)) is not None:
            self.body = _parse_fragment(self.md, tail[0], self.parsed.loc(node).line - 1 + tail[1])
        if closes_details(raw):  # the whole question in one block
            self.close()
            self.in_details = False

    def heading(self, node: SyntaxTreeNode, *, asks: bool) -> None:
        """A heading outside any answer: a question, the file's title, or a category."""
        self.close()
        node_level = _level(node)
        if self.heads_topic is not None:
            self.sections.append(self.heads_topic)
            self.heads_topic = None
        self.sections = [s for s in self.sections if s[0] < node_level]
        if asks:
            self.ask(node, _heading_tokens(node))
            if node_level < self.level:
                self.heads_topic = (node_level, heading_text(node))
            return
        text = heading_text(node)
        if node_level == 1 and not self.title and not self.questions:
            self.title = text
            return
        self.sections.append((node_level, text))


_level = heading_level


def _shows_something(node: SyntaxTreeNode, raw: str | None) -> bool:
    """False for blocks that show nothing on a card: headings, rules, comments, wrapper HTML."""
    if node.type in ("heading", "hr", "front_matter"):
        return False
    return raw is None or not (raw.lstrip().startswith("<!--") or is_wrapper_html(raw))


def _heading_tokens(heading: SyntaxTreeNode) -> list[Token]:
    inline = heading.children[0].token if heading.children else None
    return list(inline.children or []) if inline else []


def _parse_fragment(md: MarkdownIt, text: str, first_line: int) -> list[SyntaxTreeNode]:
    """Markdown found inside an HTML block, parsed as blocks whose lines count from ``first_line`` (0-based)."""
    tokens = md.parse(text)
    for token in tokens:
        if token.map is not None:
            token.map = [token.map[0] + first_line, token.map[1] + first_line]
    return list(SyntaxTreeNode(tokens).children)


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
    render = CardHtml(md, media)
    title_html = render.inline(children)
    prompt_tokens = [token for node in prompt if not is_wrapper_html(raw_html(node)) for token in node.to_tokens()]
    prompt_html = render.blocks(prompt_tokens)
    if not text:  # the heading was nothing but a number: keep it as the question
        text = number
        title_html = number
        number = ""
    answer_html, pieces = "", tuple[AnswerBlock, ...]()
    tables: tuple[Table, ...] = ()
    terms: tuple[Term, ...] = ()
    blocks = split_blocks(body)  # each block's tokens, collected once
    body_tokens = [block.tokens for block in blocks]
    # Inside an "Answer" <details>, a heading such as "Answer: A" is an answer on its own.
    if has_answer(body, body_tokens) or (prompt and any(_tokens_text(tokens).strip() for tokens in body_tokens)):
        types = {token.type for tokens in body_tokens for token in tokens}
        loc_of = _loc_in(loc.file)
        tables = find_tables(body, loc_of, render) if "table_open" in types else ()
        terms = find_terms(body, loc_of, render) if types & LIST_OPENERS else ()
        answer_html, pieces = render.answer(blocks)
    return Question(
        loc=loc,
        number=number,
        title_html=title_html,
        title_text=text,
        answer_html=answer_html,
        answer_blocks=pieces,
        sections=tuple(sections),
        tables=tables,
        terms=terms,
        prompt_html=prompt_html,
        prompt_text=" ".join(_all_text(node) for node in prompt).strip(),
        media=tuple(media.found.items()) if media is not None else (),
        problems=_problems(loc, media),
    )


def _problems(loc: SourceLoc, media: MediaResolver | None) -> tuple[Problem, ...]:
    """What the render path left out, each where it is (the question's own line for its title)."""
    found = dict.fromkeys(media.problems) if media is not None else {}
    return tuple(
        Problem(SourceLoc(loc.file, line + 1) if line is not None else loc, message) for line, message in found
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


# Tokens that are an answer whatever text they hold.
CONTENT_TOKENS = frozenset({"code_block", "fence", "table_open", "image", "html_block", "math_block"})
LIST_OPENERS = frozenset({"bullet_list_open", "ordered_list_open"})


def has_answer(body: Sequence[SyntaxTreeNode], body_tokens: Sequence[Sequence[Token]]) -> bool:
    """True when the section holds content other than headings, comments and placeholders.

    ``body_tokens`` holds each block's tokens (``node.to_tokens()``), collected once by the caller.
    """
    texts: list[str] = []
    for node, tokens in zip(body, body_tokens, strict=True):
        if node.type in ("heading", "front_matter", "hr"):
            continue
        if node.type == "html_block" and node.content.lstrip().startswith("<!--"):
            continue
        for token in tokens:
            if token.type in CONTENT_TOKENS or any(child.type == "image" for child in token.children or ()):
                return True
        texts.append(_tokens_text(tokens))
    text = " ".join(t for t in texts if t).strip()
    return bool(text) and text.casefold().rstrip("。.!！") not in {p.rstrip(".") for p in PLACEHOLDERS}


def _tokens_text(tokens: Iterable[Token]) -> str:
    """Plain text of a block's tokens, code included."""
    parts = []
    for token in tokens:
        if token.type == "inline":
            parts.append(inline_text(token))
        elif token.type in ("code_block", "fence"):
            parts.append(token.content)
    return " ".join(parts)


def _all_text(node: SyntaxTreeNode) -> str:
    """Plain text of a block, code included."""
    return _tokens_text(node.to_tokens())
