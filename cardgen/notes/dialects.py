"""Markdown dialects other people's notes are written in, rendered as their authors meant.

- Callouts: Docusaurus/VuePress containers (``:::note Title`` … ``:::``), MkDocs admonitions
  (``!!! note "Title"``, collapsible ``??? tip``) and GitHub alerts (``> [!NOTE]``), parsed by
  mdit-py-plugins and markdown-it-py, all rendered alike: ``<div class="cg-callout cg-callout-note">``
  with a ``<p class="cg-callout-title">``, styled for Anki, the preview and print.
- Emoji shortcodes (``:white_check_mark:``) become the emoji, through the ``emoji`` package's
  GitHub aliases, in text only: code spans and fences keep their colons.
- Raw HTML that structures content (a ``<table>``, a ``<ul>``, a ``<pre>``) stays that structure,
  without attributes, when raw HTML is not allowed (see ``markdown.SafeRenderer``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import emoji
from markdown_it import MarkdownIt
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


def _is_callout(params: str, markup: str) -> bool:
    return params.strip().split(" ", 1)[0].lower() in CALLOUT_KINDS


def _render_container(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    return str(self.renderToken(tokens, idx, options, env))


def _callouts(state: StateCore) -> None:
    """Every callout as ``cg-callout``: one look for the three syntaxes; containers get the title
    line admonitions and alerts have (``:::info Latest version`` → "Latest version")."""
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
    return emoji.emojize(text, language="alias") if ":" in text and SHORTCODE.search(text) else text


def _text(state: StateCore) -> None:
    """In the text of every inline run (never in code): ``:clap:`` → 👏, and a line break written as
    escaped text (``\\</br\\>`` in a table cell, meant as a break) → a real line break."""
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        if not any(c.type == "text" and ("<" in c.content or ":" in c.content) for c in token.children):
            continue  # nothing to do: most runs (a copy per text token cost a tenth of a build)
        children: list[Token] = []
        for child in token.children:
            if child.type != "text" or ("<" not in child.content and ":" not in child.content):
                children.append(child)
                continue
            parts = LITERAL_BREAK.split(emojize(child.content))
            for n, part in enumerate(parts):
                if n:
                    children.append(Token("hardbreak", "br", 0))
                if part:
                    children.append(child.copy(content=part))
        token.children = children


def use_dialects(md: MarkdownIt) -> None:
    """Teach ``md`` the dialects above."""
    md.options["alerts"] = True
    md.use(admon_plugin)
    # One container rule for every callout name (a rule per name was tried on every line, twenty times).
    md.use(container_plugin, "callout", validate=_is_callout, render=_render_container)
    md.core.ruler.after("block", "cg_callouts", _callouts)
    md.core.ruler.after("text_join", "cg_text", _text)  # escapes are text by then
