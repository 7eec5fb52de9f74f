"""Markdown dialects other people's notes are written in, rendered as their authors meant.

- Callouts: Docusaurus/VuePress containers (``:::note Title`` … ``:::``), MkDocs admonitions
  (``!!! note "Title"``, collapsible ``??? tip``) and GitHub alerts (``> [!NOTE]``), parsed by
  mdit-py-plugins and markdown-it-py, all rendered alike: ``<div class="cg-callout cg-callout-note">``
  with a ``<p class="cg-callout-title">``, styled for Anki, the preview and print.
- MkDocs Material content tabs (``=== "Python"`` over an indented block) are callouts too, titled
  with the tab's label: on a card every tab shows, one under the other.
- Emoji shortcodes (``:white_check_mark:``) become the emoji, through the ``emoji`` package's
  GitHub aliases, in text only: code spans and fences keep their colons.
- Raw HTML that structures content (a ``<table>``, a ``<ul>``, a ``<pre>``) stays that structure,
  without attributes, when raw HTML is not allowed (see ``markdown.SafeRenderer``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.container import container_plugin

# Container names Docusaurus, VuePress and MkDocs Material use.
CALLOUT_KINDS = (
    "note", "tip", "info", "warning", "danger", "caution", "important", "success", "question", "example",
    "quote", "abstract", "summary", "hint", "attention", "error", "failure", "bug", "seealso", "details",
)  # fmt: skip
SHORTCODE = re.compile(r":[a-z0-9_+-]+:", re.IGNORECASE)
LITERAL_BREAK = re.compile(r"</?br\s*/?>", re.IGNORECASE)
_CALLOUT_OPENERS = {"admonition_open", "alert_open", "container_callout_open"}
_TITLE_OPENERS = {"admonition_title_open", "alert_title_open"}
# What every callout's source holds: a container, an admonition, a content tab, an alert.
_CALLOUT_MARKERS = (":::", "!!!", "???", "===", "[!", "{{")  # "{{": Hugo's shortcodes (``shortcodes``)


def _is_callout(params: str, markup: str) -> bool:
    return params.strip().split(" ", 1)[0].lower() in CALLOUT_KINDS


def _render_container(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    return str(self.renderToken(tokens, idx, options, env))


def _callouts(state: StateCore) -> None:
    """Every callout as ``cg-callout``: one look for the three syntaxes; containers get the title
    line admonitions and alerts have (``:::info Latest version`` → "Latest version")."""
    if not any(marker in state.src for marker in _CALLOUT_MARKERS):
        return  # no callout anywhere: the tokens need not be walked
    tokens: list[Token] = []
    for token in state.tokens:
        tokens.append(token)
        if token.type in _CALLOUT_OPENERS:
            kind, title = _kind_and_title(token)
            token.attrs = {"class": f"cg-callout cg-callout-{kind}"}
            if token.type.startswith("container_"):
                title_open = Token("paragraph_open", "p", 1, attrs={"class": "cg-callout-title"}, map=token.map)
                inline = Token("inline", "", 0, content=title, map=token.map, children=[])
                tokens += [title_open, inline, Token("paragraph_close", "p", -1)]
        elif token.type in _TITLE_OPENERS:
            token.attrs = {"class": "cg-callout-title"}
    state.tokens = tokens


def _kind_and_title(token: Token) -> tuple[str, str]:
    if token.type == "alert_open":
        kind = str(token.meta.get("kind", "note")).lower()
        return kind, kind.capitalize()
    if token.type == "admonition_open":
        kind = str(token.meta.get("tag", "note")).lower()
        return kind, ""
    kind, _, rest = token.info.strip().partition(" ")
    return kind.lower(), rest.strip().strip("\"'") or kind.capitalize()


def emojize(text: str) -> str:
    """``:clap:`` → 👏 (GitHub's aliases); text without a shortcode is returned as it is."""
    if ":" not in text or not SHORTCODE.search(text):
        return text
    import emoji  # only for notes that write shortcodes: importing it and its table costs ~25 ms

    return emoji.emojize(text, language="alias")


def _text(state: StateCore) -> None:
    """In the text of every inline run (never in code): ``:clap:`` → 👏, and a line break written as
    escaped text (``\\</br\\>`` in a table cell, meant as a break) → a real line break."""
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        source = token.content  # its text tokens hold no mark its source lacks ("&lt;" reads as "<")
        if ":" not in source and "<" not in source and "&" not in source:
            continue
        if not any(c.type == "text" and ("<" in c.content or ":" in c.content) for c in token.children):
            continue  # nothing to do: most runs (a copy per text token cost a tenth of a build)
        children: list[Token] = []
        for child in token.children:
            if child.type != "text" or ("<" not in child.content and ":" not in child.content):
                children.append(child)
                continue
            text = emojize(child.content)
            parts = LITERAL_BREAK.split(text)
            if len(parts) == 1 and text == child.content:
                children.append(child)  # a colon or a "<" that is neither: the token as it is
                continue
            for n, part in enumerate(parts):
                if n:
                    children.append(Token("hardbreak", "br", 0))
                if part:
                    children.append(child.copy(content=part))
        token.children = children


_TAB = re.compile(r'===[+!]?[ \t]+"([^"]*)"[ \t]*')


def line_text(state: StateBlock, line: int) -> str:
    """A line of the source, its indentation left out."""
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def opening_line(state: StateBlock, line: int, marker: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The match of ``pattern`` on the whole of ``line``, a block rule's first line, when it is not
    indented code and starts with ``marker`` (tried at every block's first line: cheap first)."""
    if state.sCount[line] - state.blkIndent >= 4:
        return None
    if not state.src.startswith(marker, state.bMarks[line] + state.tShift[line]):
        return None
    return pattern.fullmatch(line_text(state, line))


def _tab(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``=== "Label"`` and the block indented under it (up to a line indented less, or two blank
    lines), as mdit-py-plugins reads an admonition: an ``admonition`` titled with the label."""
    label = opening_line(state, start_line, "===", _TAB)
    if label is None:
        return False
    if silent:
        return True
    old_parent, old_line_max, old_indent = state.parentType, state.lineMax, state.blkIndent
    state.parentType = "admonition"
    state.blkIndent = state.sCount[start_line] + 4
    next_line, was_empty = start_line + 1, False
    while next_line < end_line:
        is_empty = state.sCount[next_line] < state.blkIndent
        if is_empty and was_empty:
            break
        if state.bMarks[next_line] + state.tShift[next_line] < state.eMarks[next_line] and is_empty:
            break  # a line of text indented less ends the tab
        was_empty = is_empty
        next_line += 1
    state.lineMax = next_line
    opening = state.push("admonition_open", "div", 1)
    opening.markup, opening.block, opening.meta, opening.map = "===", True, {"tag": "example"}, [start_line, next_line]
    title = state.push("admonition_title_open", "p", 1)
    title.map = [start_line, start_line + 1]
    inline = state.push("inline", "", 0)
    inline.content, inline.map, inline.children = label.group(1), [start_line, start_line + 1], []
    state.push("admonition_title_close", "p", -1)
    state.md.block.tokenize(state, start_line + 1, next_line)
    state.push("admonition_close", "div", -1).block = True
    state.parentType, state.lineMax, state.blkIndent = old_parent, old_line_max, old_indent
    state.line = next_line
    return True


def use_dialects(md: MarkdownIt) -> None:
    """Teach ``md`` the dialects above."""
    md.options["alerts"] = True
    md.use(admon_plugin)
    md.block.ruler.before("fence", "cg_tab", _tab, {"alt": ["paragraph", "reference", "blockquote", "list"]})
    # One container rule for every callout name (a rule per name was tried on every line, twenty times).
    md.use(container_plugin, "callout", validate=_is_callout, render=_render_container)
    md.core.ruler.after("block", "cg_callouts", _callouts)
    md.core.ruler.after("text_join", "cg_text", _text)  # escapes are text by then
