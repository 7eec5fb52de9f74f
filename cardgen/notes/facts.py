"""Finding the atomic facts inside an answer: comparison tables and definition bullets.

Both are read from markdown-it's syntax tree, never from the Markdown text, so a colon
inside inline code or a link, or a table inside a code fence, is never mistaken for one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from cardgen.model import Cell, SourceLoc, Table, Term
from cardgen.notes.labels import A_MARK, Q_MARK
from cardgen.notes.markdown import inline_text
from cardgen.notes.render import CardHtml
from cardgen.text import clipped
from cardgen.vocab import Orientation

# `<!-- cardgen: rows -->` just before a table overrides its orientation.
TABLE_OVERRIDE = re.compile(r"cardgen\s*:\s*(rows|columns|skip)", re.IGNORECASE)
# The colon of a definition: full-width anywhere, ASCII only when followed by white space (not `http://`),
# and never the second of two (``rating:: 5`` is a Logseq property or a Dataview field, no definition).
DEFINITION_COLON = re.compile(r"：|(?<!:):(?=\s)")
# The dash after a marked term: an em or en dash, or a hyphen (or two) between spaces.
TERM_DASH = re.compile(r"\s*[—–]\s*|\s+--?\s+")
SENTENCE_PUNCTUATION = set("。，,；;！!？?")
BARE_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
MAX_TERM_CHARS = 40
MAX_TERM_WORDS = 6
MAX_LEAD_CHARS = 40

LocOf = Callable[[SyntaxTreeNode], SourceLoc]


def _cell(node: SyntaxTreeNode, render: CardHtml) -> Cell:
    inline = node.children[0].token if node.children and node.children[0].token else None
    if inline is None:
        return Cell("", "")
    return Cell(render.inline(inline.children or []), inline_text(inline))


def find_tables(body: Sequence[SyntaxTreeNode], loc_of: LocOf, render: CardHtml) -> tuple[Table, ...]:
    """Every table in the answer, with the orientation override written just before it."""
    tables = []
    for i, node in enumerate(body):
        override = Orientation.AUTO
        if i and body[i - 1].type == "html_block" and (m := TABLE_OVERRIDE.search(body[i - 1].content)):
            override = Orientation(m.group(1).lower())
        for sub in _tables_in(node):
            rows = [tr for part in sub.children for tr in part.children if tr.type == "tr"]
            if len(rows) < 2:
                continue
            header = tuple(_cell(cell, render) for cell in rows[0].children)
            body_rows = tuple(tuple(_cell(cell, render) for cell in tr.children) for tr in rows[1:])
            tables.append(Table(loc_of(sub), header, body_rows, override if sub is node else Orientation.AUTO))
    return tuple(tables)


# Blocks that can hold a table; walking only these skips every paragraph's inline tokens.
TABLE_CONTAINERS = frozenset({"bullet_list", "ordered_list", "list_item", "blockquote"})


def _tables_in(node: SyntaxTreeNode) -> Iterator[SyntaxTreeNode]:
    kind = node.type
    if kind == "table":
        yield node
    elif kind in TABLE_CONTAINERS:
        for child in node.children:
            yield from _tables_in(child)


def split_definition(children: Sequence[Token]) -> tuple[list[Token], list[Token]] | None:
    """Split a list item's first line at the definition colon into (term, definition) tokens, or
    after a term in bold or code at a dash (``**Service** — a stable address``)."""
    if (dashed := _dashed_definition(children)) is not None:
        return dashed
    link_depth = 0
    for index, child in enumerate(children):
        if child.type == "link_open":
            link_depth += 1
        elif child.type == "link_close":
            link_depth -= 1
        elif child.type in ("softbreak", "hardbreak"):
            return None  # the term must be on the item's first line
        elif child.type == "text" and link_depth == 0 and (m := DEFINITION_COLON.search(child.content)):
            term = [*children[:index], child.copy(content=child.content[: m.start()])]
            definition = [child.copy(content=child.content[m.end() :].lstrip()), *children[index + 1 :]]
            return _balance(term, definition)
    return None


def _dashed_definition(children: Sequence[Token]) -> tuple[list[Token], list[Token]] | None:
    """(term, definition) of ``**term** — definition`` or ``` `term` - definition ```: a dash
    parts a term only when markup sets the term apart (a plain "a - b" is a sentence)."""
    start = next((n for n, child in enumerate(children) if child.type != "text" or child.content), None)
    if start is None or children[start].type not in ("code_inline", "strong_open"):
        return None  # most items: nothing copied
    children = [child for child in children[start:] if child.type != "text" or child.content]  # "" before a "**"
    if children[0].type == "code_inline":
        end = 1
    elif children[0].type == "strong_open":
        end = next((n + 1 for n, child in enumerate(children) if child.type == "strong_close"), 0)
    else:
        return None
    after = children[end] if 0 < end < len(children) else None
    if after is None or after.type != "text" or (dash := TERM_DASH.match(after.content)) is None:
        return None
    return list(children[:end]), [after.copy(content=after.content[dash.end() :]), *children[end + 1 :]]


def _balance(term: list[Token], definition: list[Token]) -> tuple[list[Token], list[Token]]:
    """``**term：**definition`` puts the colon inside the bold: close it in the term, drop the
    stray closing tag from the definition."""
    open_tags: list[Token] = []
    for token in term:
        if token.nesting == 1:
            open_tags.append(token)
        elif token.nesting == -1 and open_tags:
            open_tags.pop()
    closers = [Token(t.type.replace("_open", "_close"), t.tag, -1, markup=t.markup) for t in reversed(open_tags)]
    strays = len(closers)
    while strays and definition and (definition[0].nesting == -1 or not definition[0].content):
        if definition[0].nesting == -1:
            strays -= 1
        definition = definition[1:]
    return term + closers, definition


def _plain(tokens: Sequence[Token]) -> str:
    return inline_text(Token("inline", "", 0, children=list(tokens)))


def is_definition(term: str, definition: str) -> bool:
    if not term or not definition or len(term) > MAX_TERM_CHARS or len(term.split()) > MAX_TERM_WORDS:
        return False
    if Q_MARK.match(term + ":") or A_MARK.match(term + ":"):
        return False  # "Q: What does a Service select?" asks, "A: …" answers: labels, not terms
    if SENTENCE_PUNCTUATION & set(term):
        return False
    if BARE_URL.fullmatch(definition.strip()):
        return False  # "Installation Video : https://…": a link to follow, nothing to recall
    return not definition.rstrip().endswith((":", "："))  # a lead-in, not a definition


def lead_in(node: SyntaxTreeNode | None) -> str:
    """What a block says about the list after it: a short paragraph or item ending in a colon, or a heading."""
    if node is None:
        return ""
    if node.type in ("bullet_list", "ordered_list") and node.children:
        node = node.children[-1].children[0] if node.children[-1].children else None
        if node is None:
            return ""
    if node.type not in ("paragraph", "heading") or not node.children or node.children[0].token is None:
        return ""
    text = inline_text(node.children[0].token)
    if node.type == "paragraph" and not text.endswith((":", "：")):
        return ""
    text = text.rstrip(":： ")
    return text if len(text) <= MAX_LEAD_CHARS else ""


def _block_words(node: SyntaxTreeNode) -> str:
    inline = node.children[0].token if node.children else None
    return _short(inline_text(inline)) if inline is not None else ""


def _short(text: str, limit: int = 20) -> str:
    """The first words of an item, enough to name it (``悲观锁 - 假定会发生并发冲突…``)."""
    return clipped(" ".join(text.split()), limit)


def find_terms(body: Sequence[SyntaxTreeNode], loc_of: LocOf, render: CardHtml) -> tuple[Term, ...]:
    """Every definition bullet in the answer, with the lead-in of its list."""
    terms: list[Term] = []

    def visit(lists: Sequence[SyntaxTreeNode], lead: str, parent: str = "") -> None:
        for lst in lists:
            for position, item in enumerate(lst.children, 1):
                first = item.children[0] if item.children else None
                item_lead = lead
                if first is not None and first.type == "paragraph" and first.children and first.children[0].token:
                    inline = first.children[0].token
                    split = split_definition(inline.children or [])
                    if split is not None:
                        term_text, definition_text = _plain(split[0]), _plain(split[1])
                        if is_definition(term_text, definition_text):
                            terms.append(
                                Term(
                                    loc_of(item),
                                    render.inline(split[0]),
                                    term_text,
                                    render.inline(split[1]),
                                    lead,
                                    parent,
                                    position,
                                )
                            )
                    item_lead = lead_in(first) or lead
                    item_name = _short(inline_text(first.children[0].token))
                else:
                    item_name = parent
                visit([c for c in item.children if c.type in ("bullet_list", "ordered_list")], item_lead, item_name)

    for i, node in enumerate(body):
        before = body[i - 1] if i else None
        intro = _block_words(before) if before is not None and before.type == "paragraph" else ""
        if node.type in ("bullet_list", "ordered_list"):
            visit([node], lead_in(before), intro)
        elif node.type == "dl":
            terms += _listed_terms(node, loc_of, render, lead_in(before), intro)
    return tuple(terms)


def _listed_terms(dl: SyntaxTreeNode, loc_of: LocOf, render: CardHtml, lead: str, parent: str) -> list[Term]:
    """The terms of a definition list (``Term`` over ``: definition``), each with its first
    definition's first paragraph."""
    terms: list[Term] = []
    for n, dt in enumerate(dl.children):
        dd = dl.children[n + 1] if n + 1 < len(dl.children) else None
        if dt.type != "dt" or dd is None or dd.type != "dd" or not dt.children or not dd.children:
            continue
        term, first = dt.children[0].token, dd.children[0]
        if term is None or first.type != "paragraph" or not first.children or first.children[0].token is None:
            continue
        definition = first.children[0].token
        term_text, definition_text = _plain(term.children or []), _plain(definition.children or [])
        if is_definition(term_text, definition_text):
            term_html, definition_html = render.inline(term.children or []), render.inline(definition.children or [])
            terms.append(Term(loc_of(dt), term_html, term_text, definition_html, lead, parent, len(terms) + 1))
    return terms
