"""One question, made from its title tokens and its body: numbering stripped, answer rendered
through the one render path, tables and definition bullets found, placeholders told from answers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from cardgen.model import AnswerBlock, Problem, Question, SourceLoc, Table, Term
from cardgen.notes.asking import TRAILING_ANCHOR, is_placeholder
from cardgen.notes.blocks import split_blocks
from cardgen.notes.choices import Choices, multiple_choice
from cardgen.notes.facts import LocOf, find_tables, find_terms
from cardgen.notes.htmlblocks import is_wrapper_html, raw_html
from cardgen.notes.labels import Q_MARK, unlabelled, without_answer_label
from cardgen.notes.markdown import inline_text
from cardgen.notes.media import MediaResolver
from cardgen.notes.render import CardHtml
from cardgen.text import ARROWS, PICTOGRAPHS
from cardgen.vocab import Kind

# A numbering prefix is label, not question: `1.` `1、` `1)` `1.2` `Q1:` `Q1.` `Q.` `第1题` `一、` `（1）` `（一）`,
# `第三题` `【6】` `Question #8:` `Question 1.`.
_NUMBERINGS = r"""
        第\s*(?P<nth>\d+)\s*[题題问問][\s.:：、)）]*
      | Q\s*(?P<q>\d+)\s*(?:[.:：、)）]\s*|\s+)
      | Q[.:：]\s*
      | (?P<num>\d+(?:\.\d+)*)\s*(?:[.、)）:：．]\s*)
      | (?P<han>[一二三四五六七八九十百]+)\s*[、.．]\s*"""
# A bullet of decoration before the numbering (``## 🔹 1. What is Docker?``, ``## ✅ Q3: …``): part of the label.
_DECORATION = rf"(?:[{ARROWS}{PICTOGRAPHS}]+\s*)?"
NUMBER_PREFIX = re.compile(
    r"^\s*"
    + _DECORATION
    + r"(?: (?P<dotted>\d+(?:\.\d+)+)\s+ |"
    + _NUMBERINGS
    + r" | [（(]\s*(?P<paren>\d+|[一二三四五六七八九十]+)\s*[)）]\s*"
    # Read from the 11th session (the GUIDs stay derived as before): `第三题：`, `【6】`, `Question 1.`.
    + r" | 第\s*(?P<nth_han>[一二三四五六七八九十百]+)\s*[题題问問][\s.:：、)）]*"
    + r" | 【\s*(?P<bracket>\d+|[一二三四五六七八九十百]+)\s*】\s*"
    + r" | (?:Question\s*\#?|Q\s*\#)\s*(?P<hash>\d+)\s*(?:[.:：)）]\s*|\s+) )",
    re.VERBOSE | re.IGNORECASE,
)
# The prefixes read before the 7th session, by which the GUIDs of questions numbered otherwise
# (`（1）什么是分页？`, and `1.1 What …` without a final dot, read as "1 What …" before the 8th)
# were derived: they stay derived so (see ``Question.identity_title``).
NUMBER_PREFIX_BEFORE = re.compile(r"^\s*(?:" + _NUMBERINGS + ")", re.VERBOSE | re.IGNORECASE)
# Md2Anki writes its note id after each question: `## What is a Pod? (39a1b5ea-a9ad-4373-9edb-9b7f6e605329)`.
MD2ANKI_ID = re.compile(r"\s*\([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\)\s*$", re.IGNORECASE)
# The cards made of facts found in an answer (its tables, its definitions), not of the whole answer.
FACT_KINDS = frozenset({Kind.TABLE, Kind.TERM})


def make_question(
    loc: SourceLoc,
    title: list[Token],
    body: Sequence[SyntaxTreeNode],
    sections: list[str],
    md: MarkdownIt,
    prompt: Sequence[SyntaxTreeNode] = (),
    media: MediaResolver | None = None,
    read_before: list[Token] | None = None,
    *,
    prompt_read_later: bool = False,
    facts: frozenset[Kind] = FACT_KINDS,
    pieces: bool = True,
) -> Question:
    """The question titled ``title`` (``read_before``: the title as an earlier cardgen read it,
    which its GUID stays derived from) with ``body`` as its answer. ``prompt_read_later``: the
    prompt was part of the answer as earlier versions read it (see ``Question.prompt_read_later``).
    ``facts``: the kinds of fact cards whose facts (tables, definitions) are looked for; ``pieces``:
    the answer is cut into printable pieces too (``Question.answer_blocks``, for the PDF)."""
    # Obsidian #tags in the title are the question's tags, not its words.
    tags = [token.content for token in title if token.type == "tag"]
    numbered = bool(title) and title[0].type == "text" and NUMBER_PREFIX.match(title[0].content) is not None
    if not numbered and (labelled := unlabelled(title, Q_MARK)):  # "### 问：…", "**Question:** …?"
        read_before, title = read_before or title, labelled
    title = _without_tags(title)
    # A title wholly in bold ("**Q1. What is a Pod?**" over its answer): the bold only sets the line
    # apart, and its numbering is a label like any other (the GUID stays derived from it as read before).
    number, children = strip_numbering(_unbolded(title))
    children = _without_note_id(children)  # not a word of the question; the GUID stays derived with it
    text = inline_text(Token("inline", "", 0, children=children))
    before = _title_text(read_before if read_before is not None else title, NUMBER_PREFIX_BEFORE)
    render = CardHtml(md, media)
    title_html = render.inline(children)
    if not prompt and (options := _options_at(body)) is not None:
        # The options (and the code or text they follow) are the front, the ticked ones the back.
        at, choices = options
        prompt, body, prompt_read_later = [*body[:at], choices.front], [choices.back, *body[at + 1 :]], True
    prompt_tokens = [token for node in prompt if not is_wrapper_html(raw_html(node)) for token in node.to_tokens()]
    prompt_html = render.blocks(prompt_tokens)
    if not text:  # the heading was nothing but a number: keep it as the question
        text = number
        title_html = number
        number = ""
    answer_html, printable = "", tuple[AnswerBlock, ...]()
    tables: tuple[Table, ...] = ()
    terms: tuple[Term, ...] = ()
    if body:  # "**Ans:** …": the label is no part of the answer (a label over nothing is the answer)
        first = without_answer_label(body[0])
        body = [first, *body[1:]] if first is not None else body[1:] or body
    blocks = split_blocks(body)  # each block's tokens, collected once
    body_tokens = [block.tokens for block in blocks]
    # Inside an "Answer" <details>, a heading such as "Answer: A" is an answer on its own.
    if has_answer(body, body_tokens) or (prompt and any(_tokens_text(tokens).strip() for tokens in body_tokens)):
        types = {token.type for tokens in body_tokens for token in tokens}
        loc_of = _loc_in(loc.file)
        tables = find_tables(body, loc_of, render) if Kind.TABLE in facts and "table_open" in types else ()
        terms = find_terms(body, loc_of, render) if Kind.TERM in facts and types & DEFINING else ()
        answer_html, printable = render.answer(blocks, pieces=pieces)
        inline = (child for tokens in body_tokens for token in tokens for child in token.children or ())
        tags += [child.content for child in inline if child.type == "tag"]
    return Question(
        loc=loc,
        number=number,
        title_html=title_html,
        title_text=text,
        answer_html=answer_html,
        answer_blocks=printable,
        sections=tuple(sections),
        tables=tables,
        terms=terms,
        prompt_html=prompt_html,
        prompt_text=" ".join(_all_text(node) for node in prompt).strip(),
        media=tuple(media.found.items()) if media is not None else (),
        problems=_problems(loc, media),
        tags=tuple(dict.fromkeys(tags)),
        identity_title=before if before != text else "",
        prompt_read_later=prompt_read_later,
    )


# What may stand before a multiple-choice question's options as part of the question: a listing
# ("What is the output of this code?"), a paragraph, a picture; a few of them.
_BEFORE_OPTIONS = frozenset({"fence", "code_block", "paragraph"})
MAX_BEFORE_OPTIONS = 2


def _options_at(body: Sequence[SyntaxTreeNode]) -> tuple[int, Choices] | None:
    """(where, the options) of a multiple-choice question's options: the first block, or one after
    a listing or a paragraph or two that are part of the question."""
    for at, node in enumerate(body[: MAX_BEFORE_OPTIONS + 1]):
        if (choices := multiple_choice(node)) is not None:
            return at, choices
        if node.type not in _BEFORE_OPTIONS:
            return None
    return None


def _title_text(title: list[Token], prefix: re.Pattern[str] = NUMBER_PREFIX) -> str:
    """A title's text as ``make_question`` reads it (tags and numbering left out), numbering read
    by ``prefix``."""
    return inline_text(Token("inline", "", 0, children=strip_numbering(_without_tags(title), prefix)[1]))


def _without_note_id(children: list[Token]) -> list[Token]:
    """The title without the note id another tool wrote after it (``MD2ANKI_ID``), when words remain."""
    if children and children[-1].type == "text":
        kept = MD2ANKI_ID.sub("", children[-1].content)
        if kept != children[-1].content and (kept.strip() or len(children) > 1):
            return [*children[:-1], children[-1].copy(content=kept)]
    return children


def _unbolded(title: list[Token]) -> list[Token]:
    """The title without the bold around all of it; as it is when it is not all bold."""
    words = [token for token in title if not (token.type == "text" and not token.content)]
    if len(words) < 3 or words[0].type != "strong_open" or words[-1].type != "strong_close":
        return title
    inner = words[1:-1]
    depth = 0
    for token in inner:  # "**A** and **B**": two bold spans, not one around the title
        depth += {"strong_open": 1, "strong_close": -1}.get(token.type, 0)
        if depth < 0:
            return title
    return inner


def _without_tags(title: list[Token]) -> list[Token]:
    """The title's tokens with its tags taken out, and the space they leave at its end."""
    kept = [token for token in title if token.type != "tag"]
    while kept and kept[-1].type == "text" and not kept[-1].content.strip():
        kept.pop()
    if kept and kept[-1].type == "text" and kept[-1].content != kept[-1].content.rstrip():
        kept[-1] = kept[-1].copy(content=kept[-1].content.rstrip())
    return kept


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


def strip_numbering(children: list[Token], prefix: re.Pattern[str] = NUMBER_PREFIX) -> tuple[str, list[Token]]:
    """Split a heading's inline tokens into its numbering label and the rest."""
    children = list(children)
    number = ""
    if children and children[0].type == "text":
        match = prefix.match(children[0].content)
        rest = children[0].content[match.end() :].strip() if match else ""
        if match and (rest or len(children) > 1):
            number = next((g for g in match.groupdict().values() if g), "")
            children[0] = children[0].copy(content=children[0].content[match.end() :])
    if children and children[-1].type == "text" and TRAILING_ANCHOR.search(children[-1].content):
        children[-1] = children[-1].copy(content=TRAILING_ANCHOR.sub("", children[-1].content))
    return number, children


# Tokens that are an answer whatever text they hold.
CONTENT_TOKENS = frozenset(
    {"code_block", "fence", "table_open", "image", "html_block", "math_block", "math_block_eqno"}
)
LIST_OPENERS = frozenset({"bullet_list_open", "ordered_list_open"})
DEFINING = LIST_OPENERS | {"dl_open"}  # where definitions are written
# Inline tokens that show something whatever text they hold: an image, an embedded note.
EMBEDS = frozenset({"image", "note_embed"})


def has_answer(body: Sequence[SyntaxTreeNode], body_tokens: Sequence[Sequence[Token]]) -> bool:
    """True when the section holds content other than headings, comments and a placeholder
    ("To be completed.", "[TBD]") that only links or a lead-in ("Useful resources:") follow.

    ``body_tokens`` holds each block's tokens (``node.to_tokens()``), collected once by the caller.
    """
    texts: list[str] = []
    linkish: list[bool] = []
    for node, tokens in zip(body, body_tokens, strict=True):
        if node.type in ("heading", "front_matter", "hr"):
            continue
        if node.type == "html_block" and node.content.lstrip().startswith("<!--"):
            continue
        for token in tokens:
            if token.type in CONTENT_TOKENS or any(child.type in EMBEDS for child in token.children or ()):
                return True
        text = _tokens_text(tokens).strip()
        if text:
            texts.append(text)
            linkish.append(links_only(tokens) or (len(text) <= 40 and text.endswith((":", "："))))
    if not texts:
        return False
    return not (is_placeholder(texts[0]) and all(linkish[1:]))


_URL = re.compile(r"^<?https?://\S+>?$")
_FILLER = " \t,;、，-–—|·"


def links_only(tokens: Sequence[Token]) -> bool:
    """A block that only links somewhere (a reference list, a bare URL, Obsidian links to notes)."""
    linked = False
    for token in tokens:
        depth = 0
        for child in token.children or () if token.type == "inline" else ():
            if child.type == "link_open":
                depth, linked = depth + 1, True
            elif child.type == "link_close":
                depth -= 1
            elif child.type == "text" and child.meta.get("wikilink") == child.content:
                linked = True  # [[another note]], not joined with text around it
            elif child.type in ("text", "code_inline") and depth == 0 and (words := child.content.strip(_FILLER)):
                if not _URL.match(words):
                    return False
                linked = True
    return linked


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
