"""Headings written other ways than ``#``: as list items that open with one, and in HTML.

**Headed lists.** Some of the most copied interview collections (sudheerj's React and JavaScript questions and
their translations) number their questions by writing each as a list item that opens with a
heading::

    1. ### What is React?

        React is an open-source front-end JavaScript library …

To CommonMark that is one long list, so without this rule a whole category became one card
titled with the category. A core rule lifts such lists out: each item's blocks become top-level
blocks, so the headings ask like any other heading and the item's text is its answer. Only lists
at the top of the document are lifted (not lists inside quotes or callouts), and only when their
first item and at least half of all items open with a heading.

**HTML headings.** A block that opens with a ``<h3>What is the virtual DOM?</h3>`` element is that
heading: its text (tags dropped, entities read) is the heading's inline text, and the HTML after
it, when a block goes on without a blank line (``<h3>…</h3>`` ↵ ``<p>…</p>``), a block of its own.
A ``<h1>`` inside a ``<div>`` with other things (a centred banner) stays HTML.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from cardgen.text import text_of

# A list marker straight before a heading marker somewhere in the source: the cheap test that
# spares walking the tokens of notes that have no such item.
_HEADED_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+#{1,6}[ \t]", re.MULTILINE)
_LIST_OPENERS = ("bullet_list_open", "ordered_list_open")
_HTML_HEADING = re.compile(r"<h([1-6])(?:\s[^>]*)?>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)


def _lift_headed_lists(state: StateCore) -> None:
    if not _HEADED_ITEM.search(state.src):
        return
    tokens = state.tokens
    lifted: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.level != 0 or token.type not in _LIST_OPENERS:
            lifted.append(token)
            index += 1
            continue
        end = _closing(tokens, index)
        items = [i for i in range(index + 1, end) if tokens[i].level == 1 and tokens[i].type == "list_item_open"]
        headed = [i for i in items if tokens[i + 1].type == "heading_open"]
        if not headed or headed[0] != items[0] or 2 * len(headed) < len(items):
            lifted.extend(tokens[index : end + 1])
        else:
            lifted.extend(_item_blocks(tokens[index + 1 : end]))
        index = end + 1
    state.tokens = lifted


def _closing(tokens: list[Token], opener: int) -> int:
    """The index of the token closing the list opened at ``opener``."""
    depth = 0
    for index in range(opener, len(tokens)):
        depth += tokens[index].nesting if tokens[index].type.endswith(("_list_open", "_list_close")) else 0
        if depth == 0:
            return index
    return len(tokens) - 1


def _item_blocks(inside: list[Token]) -> list[Token]:
    """The blocks inside a list's items, as top-level blocks: the item tokens dropped, every level
    two less, and the paragraphs a tight list hides shown as paragraphs again."""
    blocks: list[Token] = []
    for token in inside:
        if token.level == 1 and token.type in ("list_item_open", "list_item_close"):
            continue
        token.level -= 2
        if token.level == 0 and token.type in ("paragraph_open", "paragraph_close"):
            token.hidden = False
        blocks.append(token)
    return blocks


def _html_headings(state: StateCore) -> None:
    if "<h" not in state.src and "<H" not in state.src:
        return
    tokens: list[Token] = []
    for token in state.tokens:
        content = token.content
        lead = len(content) - len(content.lstrip())
        match = _HTML_HEADING.match(content, lead) if token.type == "html_block" else None
        text = " ".join(text_of(match.group(2)).split()) if match else ""
        if match is None or not text:
            tokens.append(token)
            continue
        tag, level, start = f"h{match.group(1)}", token.level, token.map[0] if token.map else 0
        heading_map = [start, start + content.count("\n", 0, match.end()) + 1]
        tokens += [
            Token("heading_open", tag, 1, map=heading_map, level=level, block=True, markup="<h>"),
            Token("inline", "", 0, content=text, map=heading_map, level=level + 1, block=True, children=[]),
            Token("heading_close", tag, -1, level=level, block=True, markup="<h>"),
        ]
        rest = content[match.end() :]
        if rest.strip():  # "<h3>What is the DOM?</h3>" ↵ "<p>…</p>" with no blank line: one HTML block
            below = rest.lstrip("\n")
            first = heading_map[1] - 1 + (len(rest) - len(below))
            end = token.map[1] if token.map else first + below.count("\n")
            tokens.append(Token("html_block", "", 0, content=below, map=[first, end], level=level, block=True))
    state.tokens = tokens


def use_headings(md: MarkdownIt) -> None:
    """Teach ``md`` both (before the other core rules read the blocks, and before inline text
    is parsed: an HTML heading's text is parsed as any heading's)."""
    md.core.ruler.after("block", "cg_headed_lists", _lift_headed_lists)
    md.core.ruler.after("cg_headed_lists", "cg_html_headings", _html_headings)
