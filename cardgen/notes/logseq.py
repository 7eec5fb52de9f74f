"""Logseq's Markdown, as Logseq shows it: a page is an outline of blocks (list items), and blocks
carry properties written ``name:: value`` on their own lines.

- A page's properties (the lines ``tags:: java, interview`` before its first block) are its front
  matter: read as YAML front matter is (its tags become the cards' tags), shown on no card.
- The properties Logseq keeps for itself and never shows (``collapsed:: true``, ``id:: 6502…``,
  ``heading:: 2``, the ``card-…::`` review record of its flashcards) are left out of the text.
- Other ``name:: value`` lines (a property the author shows, an Obsidian Dataview field) stay text.

markdown-it rules over the parse, like ``obsidian``'s: a note written elsewhere has no such lines.
"""

from __future__ import annotations

import json
import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

PROPERTY = re.compile(r"^\s*([\w.-]+)::(?:[ \t]+(.*?))?\s*$")
# Properties Logseq writes for itself: folding, block references, heading style, review records.
HIDDEN = re.compile(r"(?:collapsed|id|heading|background-color|card-[a-z-]+|logseq\.[\w.-]+|ls-type|hl-[a-z-]+)")
# Properties whose value is a list: "tags:: java, [[spring boot]], #interview".
_LISTED = frozenset({"tags", "alias", "aliases"})


def _page_properties(state: StateCore) -> None:
    """A page opening with a paragraph of property lines: that paragraph as front matter."""
    tokens = state.tokens
    if len(tokens) < 3 or tokens[0].type != "paragraph_open" or "::" not in tokens[1].content:
        return
    lines = tokens[1].content.splitlines()
    found = [PROPERTY.match(line) for line in lines]
    if not lines or not all(found):
        return
    data: dict[str, object] = {}
    for match in found:
        assert match is not None
        name, value = match.group(1), match.group(2) or ""
        data[name] = _listed(value) if name.casefold() in _LISTED else value
    yaml_text = "\n".join(
        f"{json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}" for name, value in data.items()
    )
    front = Token("front_matter", "", 0, content=yaml_text, map=tokens[0].map, block=True, hidden=True)
    state.tokens = [front, *tokens[3:]]


def _listed(value: str) -> list[str]:
    """ "java, [[spring boot]], #interview" → ["java", "spring boot", "interview"]."""
    items = (item.strip().removeprefix("#").removeprefix("[[").removesuffix("]]") for item in value.split(","))
    return [item for item in items if item]


def _hidden_properties(state: StateCore) -> None:
    """Each line of a paragraph that is a property Logseq keeps for itself, left out."""
    if "::" not in state.src:
        return
    for token in state.tokens:
        if token.type != "inline" or "::" not in token.content or not token.children:
            continue
        lines: list[list[Token]] = [[]]
        for child in token.children:
            if child.type == "softbreak":
                lines.append([])
            lines[-1].append(child)
        kept = [line for line in lines if not _hidden(line)]
        if len(kept) == len(lines):
            continue
        if kept and kept[0] and kept[0][0].type == "softbreak":
            kept[0] = kept[0][1:]  # the first line kept no longer follows a line break
        token.children = [child for line in kept for child in line]
        token.content = "\n".join(line for line in token.content.splitlines() if not _hidden_source(line))


def _hidden(line: list[Token]) -> bool:
    words = [t for t in line if t.type != "softbreak"]
    return len(words) == 1 and words[0].type == "text" and _hidden_source(words[0].content)


def _hidden_source(line: str) -> bool:
    match = PROPERTY.match(line)
    return match is not None and HIDDEN.fullmatch(match.group(1).casefold()) is not None


def use_logseq(md: MarkdownIt) -> None:
    """Teach ``md`` Logseq's page and block properties."""
    md.core.ruler.after("block", "logseq_page_properties", _page_properties)
    md.core.ruler.after("text_join", "logseq_hidden_properties", _hidden_properties)  # before CJK line joins
