"""Obsidian's Markdown, as Obsidian shows it. Its constructs mean nothing else in Markdown, so they
need no setting: a vault is just a notes folder.

- ``[[Note]]``, ``[[Note|alias]]``, ``[[Note#Heading]]``, ``[[#Heading]]``: their text, never brackets.
- ``![[image.png]]``, ``![[image.png|300]]``, ``![[sub/image.png]]``: an image, found by name
  anywhere in the vault (``media.MediaResolver``); ``![[Other note]]`` and ``![[Other note#Section]]``:
  that note's (section's) content, as Obsidian shows it (rendered by ``markdown.SafeRenderer``).
- ``==highlight==`` → ``<mark>``; ``%%comments%%`` (inline, or whole blocks) vanish; block ids
  (``^a1b2c3`` at a line's end) vanish.
- ``#tag`` and ``#nested/tag`` become the question's tags (``Question.tags``) and leave its title; a
  ``#`` in code, in a URL or in ``C#`` is no tag.
- Callouts ``> [!type] Title`` (foldable ``-``/``+``, nested) render as the other callouts do
  (``dialects``): one look for all of them.

These are markdown-it rules over the parse, never regular expressions over the file's lines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.state_inline import Delimiter
from markdown_it.token import Token

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".avif")
# A tag: after the start or white space, a letter or underscore first (``#1`` is no tag).
TAG = re.compile(r"#([^\W\d][\w\-/]*)", re.UNICODE)
BLOCK_ID = re.compile(r"(?:^|\s)\^[A-Za-z0-9-]+\s*$")
CALLOUT = re.compile(r"^\[!([\w-]+)\]([+-]?)[ \t]*(.*)$")


def _wikilink(state: StateInline, silent: bool) -> bool:
    """``[[target|alias]]`` and ``![[target]]``."""
    src, pos = state.src, state.pos
    embed = src.startswith("![[", pos)
    if not (embed or src.startswith("[[", pos)):
        return False
    start = pos + (3 if embed else 2)
    end = src.find("]]", start)
    if end < 0 or "\n" in src[start:end]:
        return False
    if not silent:
        target, _, alias = src[start:end].partition("|")
        target = target.strip()
        if embed and target.lower().endswith(IMAGE_SUFFIXES):
            token = state.push("image", "img", 0)
            token.attrs = {"src": target, "alt": ""}
            if alias.strip().isdigit():
                token.attrs["width"] = alias.strip()
            token.children = [Token("text", "", 0, content=target.rsplit("/", 1)[-1])]
            token.content = target.rsplit("/", 1)[-1]
        elif embed:
            token = state.push("note_embed", "", 0)
            token.content = target
        else:
            token = state.push("text", "", 0)
            note, _, heading = target.partition("#")
            heading = heading.lstrip("^")
            shown = " › ".join(part for part in (note.strip(), heading.strip()) if part)
            token.content = alias.strip() or shown
            token.meta = {"wikilink": token.content}  # a link, to ``links_only``, while it stands alone
    state.pos = end + 2
    return True


def _comment(state: StateInline, silent: bool) -> bool:
    """``%%comment%%`` inside a paragraph: nothing."""
    if not state.src.startswith("%%", state.pos):
        return False
    end = state.src.find("%%", state.pos + 2)
    if end < 0:
        return False
    state.pos = end + 2
    return True


def _comment_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A ``%%`` line up to the line that ends with ``%%``: a comment block, shown nowhere."""
    pos = state.bMarks[start] + state.tShift[start]
    if state.sCount[start] - state.blkIndent >= 4 or not state.src.startswith("%%", pos):
        return False
    first = state.src[pos : state.eMarks[start]]
    line = start
    if not (first.endswith("%%") and len(first) >= 4):
        line += 1
        while line < end and not state.src[state.bMarks[line] : state.eMarks[line]].rstrip().endswith("%%"):
            line += 1
        if line >= end:
            return False
    if not silent:
        state.line = line + 1
    return True


def _mark(state: StateInline, silent: bool) -> bool:
    """``==`` runs as delimiters, paired into ``<mark>`` after the inline pass (as ``~~`` is)."""
    if silent or state.src[state.pos] != "=":
        return False
    scanned = state.scanDelims(state.pos, True)
    length = scanned.length
    if length < 2:
        return False
    if length % 2:
        state.push("text", "", 0).content = "="
        length -= 1
    for _ in range(length // 2):
        state.push("text", "", 0).content = "=="
        delimiter = Delimiter(0x3D, 0, len(state.tokens) - 1, -1, scanned.can_open, scanned.can_close)
        state.delimiters.append(delimiter)
    state.pos += scanned.length
    return True


def _pair_marks(state: StateInline) -> None:
    if "==" not in state.src:  # no ``==`` run, so no delimiter of ours (most inline text)
        return
    for delimiters in [state.delimiters, *(meta["delimiters"] for meta in state.tokens_meta if meta)]:
        for delimiter in delimiters:
            if delimiter.marker != 0x3D or delimiter.end == -1:
                continue
            opener, closer = state.tokens[delimiter.token], state.tokens[delimiters[delimiter.end].token]
            for token, kind, nesting in ((opener, "mark_open", 1), (closer, "mark_close", -1)):
                token.type, token.tag, token.nesting, token.markup, token.content = kind, "mark", nesting, "==", ""


def _tag(state: StateInline, silent: bool) -> bool:
    """``#tag`` after the start or white space: a ``tag`` token (the question's tag, not its text)."""
    pos = state.pos
    if state.src[pos] != "#" or (pos > 0 and not state.src[pos - 1].isspace()):
        return False
    match = TAG.match(state.src, pos)
    if match is None:
        return False
    if not silent:
        state.push("tag", "", 0).content = match.group(1).rstrip("/-")
    state.pos = match.end()
    return True


def _block_ids(state: StateCore) -> None:
    """``^a1b2c3`` ending a line: a block id Obsidian links to, not text. A paragraph of nothing
    else is dropped whole."""
    if "^" not in state.src:  # no id anywhere: every inline token need not be walked
        return
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "inline" or not token.children:
            continue
        children = token.children
        removed = False
        for j, child in enumerate(children):
            at_line_end = j + 1 == len(children) or children[j + 1].type in ("softbreak", "hardbreak")
            if child.type == "text" and at_line_end and BLOCK_ID.search(child.content):
                child.content = BLOCK_ID.sub("", child.content)
                removed = True
        if (
            removed
            and all(c.type == "text" and not c.content.strip() for c in children)
            and i
            and tokens[i - 1].type == "paragraph_open"
        ):
            tokens[i - 1].hidden = tokens[i + 1].hidden = True
            token.children = []


def _callouts(state: StateCore) -> None:
    """``> [!type] Title`` (``-``/``+`` fold it in Obsidian): a blockquote made a callout, its title
    line a title paragraph. Runs before the inline pass, on the paragraphs' source text."""
    if "[!" not in state.src:  # no callout anywhere: the tokens need not be walked
        return
    tokens = state.tokens
    opened: list[Token] = []
    out: list[Token] = []
    for i, token in enumerate(tokens):
        if token.type == "blockquote_open":
            inline = tokens[i + 2] if i + 2 < len(tokens) and tokens[i + 1].type == "paragraph_open" else None
            first, _, rest = inline.content.partition("\n") if inline is not None else ("", "", "")
            match = CALLOUT.match(first.strip())
            opened.append(token if match else Token("", "", 0))
            if match and inline is not None:
                kind, title = match.group(1).lower(), match.group(3).strip() or match.group(1).capitalize()
                token.type, token.tag, token.attrs = "callout_open", "div", {"class": f"cg-callout cg-callout-{kind}"}
                out.append(token)
                out += [Token("paragraph_open", "p", 1, attrs={"class": "cg-callout-title"}, map=token.map),
                        Token("inline", "", 0, content=title, map=token.map, children=[]),
                        Token("paragraph_close", "p", -1)]  # fmt: skip
                inline.content = rest
                if not rest.strip():
                    tokens[i + 1].hidden = tokens[i + 3].hidden = True
                continue
        elif token.type == "blockquote_close" and opened and opened.pop().type == "callout_open":
            token.type, token.tag = "callout_close", "div"
        out.append(token)
    state.tokens = out


def use_obsidian(md: MarkdownIt) -> None:
    """Teach ``md`` Obsidian's constructs."""
    md.inline.ruler.before("image", "wikilink", _wikilink)
    md.inline.ruler.before("wikilink", "obsidian_comment", _comment)
    md.inline.ruler.before("emphasis", "mark", _mark)
    md.inline.ruler2.before("emphasis", "mark", _pair_marks)
    md.inline.ruler.push("obsidian_tag", _tag)
    md.block.ruler.before("paragraph", "obsidian_comment", _comment_block)
    md.core.ruler.after("block", "obsidian_callouts", _callouts)
    md.core.ruler.push("obsidian_block_ids", _block_ids)


def front_matter_tags(front_matter: Mapping[str, Any]) -> tuple[str, ...]:
    """``tags:`` of the YAML front matter (a list, or a string of words), as Obsidian reads it."""
    tags = front_matter.get("tags")
    if isinstance(tags, str):
        tags = tags.replace(",", " ").split()
    if not isinstance(tags, list):
        return ()
    return tuple(dict.fromkeys(str(t).strip().lstrip("#") for t in tags if str(t).strip()))
