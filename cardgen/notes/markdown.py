r"""The Markdown dialect cardgen reads: CommonMark + tables + strikethrough + front matter,
with two fixes for Chinese notes as people really write them, and HTML kept out of cards.

- Emphasis next to CJK punctuation (``**注意：**当``) is emphasis. CommonMark's flanking
  rules were written for spaced scripts; we treat a CJK character beside a delimiter
  like the space a Latin writer would have typed there (as markdown-it-cjk-friendly does).
- A single newline between two CJK characters joins them without the space a browser
  would otherwise show.
- Raw HTML is *parsed* (so a ``<!-- … -->`` comment hides the ``### …`` lines inside it)
  but *rendered* escaped, unless the caller allows it (then it is sanitised by nh3: no
  ``<script>``, no ``on*=`` handlers, no ``javascript:`` links). Comments are dropped.
- Math ``$…$`` / ``$$…$$`` reaches Anki as ``\(…\)`` / ``\[…\]`` for MathJax; ``$1600``,
  ``$?`` and ``$(cmd)`` stay text. Fenced code is highlighted by Pygments (CSS classes,
  so the same colours serve the deck, night mode and the PDF).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline, emphasis, strikethrough
from markdown_it.rules_inline.state_inline import Scanned
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.texmath import texmath_plugin
from pygments.formatters import HtmlFormatter

from cardgen.notes.dialects import emojize, use_dialects
from cardgen.notes.headings import use_headings
from cardgen.notes.highlighting import highlight
from cardgen.notes.logseq import use_logseq
from cardgen.notes.media import MediaResolver
from cardgen.notes.obsidian import use_obsidian
from cardgen.notes.shortcodes import use_shortcodes
from cardgen.text import img_attributes, is_cjk

__all__ = ["is_cjk", "make_parser"]


def _cjk_friendly_scan_delims(state: StateInline, start: int, can_split_word: bool) -> Scanned:
    """``StateInline.scanDelims`` with a CJK character on either side counting as a
    word boundary for the punctuation clauses of the flanking rules."""
    pos, maximum, marker = start, state.posMax, state.src[start]
    last_char = state.src[start - 1] if start > 0 else " "
    while pos < maximum and state.src[pos] == marker:
        pos += 1
    next_char = state.src[pos] if pos < maximum else " "

    last_punct = isMdAsciiPunct(ord(last_char)) or isPunctChar(last_char)
    next_punct = isMdAsciiPunct(ord(next_char)) or isPunctChar(next_char)
    last_space = isWhiteSpace(ord(last_char))
    next_space = isWhiteSpace(ord(next_char))
    last_boundary = last_space or last_punct or is_cjk(last_char)
    next_boundary = next_space or next_punct or is_cjk(next_char)

    left_flanking = not (next_space or (next_punct and not last_boundary))
    right_flanking = not (last_space or (last_punct and not next_boundary))
    can_open = left_flanking and (can_split_word or not right_flanking or last_punct)
    can_close = right_flanking and (can_split_word or not left_flanking or next_punct)
    return Scanned(can_open, can_close, pos - start)


def _with_cjk_delims(rule: Any) -> Any:
    def tokenize(state: StateInline, silent: bool) -> bool:
        # An instance attribute shadows the method for this state only, so other
        # MarkdownIt instances in the process keep CommonMark's behaviour.
        state.scanDelims = lambda start, split: _cjk_friendly_scan_delims(state, start, split)  # type: ignore[method-assign,assignment]
        return bool(rule(state, silent))

    return tokenize


def _join_cjk_softbreaks(state: StateCore) -> None:
    """Drop a soft line break whose neighbours are both CJK characters."""
    for block in state.tokens:
        if block.type != "inline" or not block.children or "\n" not in block.content:
            continue  # no line of its own was broken: nothing to join
        children = block.children
        for i, token in enumerate(children):
            if token.type != "softbreak":
                continue
            before = _edge_char(children[:i], last=True)
            after = _edge_char(children[i + 1 :], last=False)
            if is_cjk(before) and is_cjk(after):
                # Still a line break to whoever reads lines (question banks), but it shows as nothing.
                children[i] = Token("text", "", 0, content="", meta={"line_break": True})


def _edge_char(tokens: Sequence[Token], *, last: bool) -> str:
    """The character next to a break: the nearest text in ``tokens``, skipping markup."""
    for token in reversed(tokens) if last else tokens:
        if token.type in ("text", "code_inline") and token.content:
            return token.content[-1] if last else token.content[0]
        if token.type in ("softbreak", "hardbreak", "image"):
            return ""
    return ""


def code_css(scope: str, style: str = "friendly") -> str:
    """Pygments colours for code under ``scope``."""
    rules = HtmlFormatter(classprefix="pyg-", style=style).get_style_defs(scope)
    # Only the token colours: the block's own background comes from the card CSS.
    return "\n".join(line for line in rules.splitlines() if ".pyg-" in line)


# An <img> tag in raw HTML (its attributes: cardgen.text.img_attributes).
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
# Any start or end tag in raw HTML: (closing slash, name, attributes).
ANY_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)\b([^>]*)>")
# An MDX (Docusaurus) component's tag, ``<Tabs>``, ``<TabItem value="js" label="JavaScript">``,
# ``<TOCInline toc={toc} />``: capitalised, never all capitals as old HTML (``<TABLE>``) is written.
COMPONENT_TAG = re.compile(r"</?(?![A-Z0-9]+\b)[A-Z][\w.]*\b[^>]*>")
# The words such a tag shows: its label or title.
COMPONENT_LABEL = re.compile(r"""\b(?:label|title)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# Tags kept (rebuilt without attributes) when raw HTML is not allowed.
FORMATTING_TAGS = frozenset({"b", "strong", "i", "em", "u", "s", "del", "code", "kbd", "sub", "sup", "mark", "br"})
# Tags that structure content, kept (without attributes) in an HTML block when raw HTML is not allowed.
STRUCTURE_TAGS = frozenset(
    {"table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "ul", "ol", "li", "dl", "dt", "dd", "pre",
     "blockquote", "hr", "h1", "h2", "h3", "h4", "h5", "h6"}
)  # fmt: skip
STRUCTURE = re.compile(r"<(?:table|ul|ol|dl|pre|blockquote|hr|h[1-6])\b", re.IGNORECASE)
# Tags that only lay out or link: dropped, their text kept.
LAYOUT_TAGS = frozenset({"p", "div", "span", "center", "figure", "figcaption", "a", "font"})


def _resolver(env: EnvType) -> MediaResolver | None:
    """The note file's MediaResolver, passed to the renderer in ``env["media"]``."""
    resolver = env.get("media") if isinstance(env, dict) else None
    return resolver if isinstance(resolver, MediaResolver) else None


def missing_image(alt: str) -> str:
    """What stands where an image is missing or refused: its alt text, marked."""
    return f'<span class="cg-missing">[{html.escape(alt or "image")}]</span>'


# Obsidian plugins' query blocks: Obsidian shows what they find, which no card can; the query is no answer.
OBSIDIAN_QUERIES = frozenset({"dataview", "dataviewjs", "query", "tasks"})


class SafeRenderer(RendererHTML):
    """HTML renderer that escapes raw HTML from the notes unless allowed, and drops comments."""

    def __init__(self, parser: Any = None) -> None:
        super().__init__(parser)
        self.allow_html = False
        self.md: MarkdownIt | None = None

    def fence(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        """A listing, highlighted; an Obsidian query block (```dataview) marked as such and reported."""
        words = tokens[idx].info.split(maxsplit=1)
        kind = words[0].lower() if words else ""
        if kind not in OBSIDIAN_QUERIES:
            return str(super().fence(tokens, idx, options, env))
        resolver = _resolver(env)
        if resolver is not None:
            block_map = tokens[idx].map
            where = block_map[0] if block_map else resolver.line
            resolver.problems.append((where, f"{kind} query: what it finds in Obsidian is on no card"))
        return f'<p><span class="cg-missing">[{kind} query]</span></p>\n'

    def _raw(self, content: str, env: EnvType, *, block: bool) -> str:
        if content.lstrip().startswith("<!--"):
            return ""
        resolver = _resolver(env)
        if self.allow_html:
            # Relative <img> sources still go through the resolver, so the file is embedded.
            return IMG_TAG.sub(lambda m: self._html_image(m.group(0), resolver, keep=True), content)
        return self._tame(content.strip("\n"), resolver, block=block)

    def _tame(self, content: str, resolver: MediaResolver | None, *, block: bool) -> str:
        """Raw HTML with nothing of it passed through: text escaped, formatting tags without
        attributes rebuilt, ``<img>`` shown through the resolver, layout tags and links reduced
        to their text, ``<details>``/``<summary>`` dropped (extract reads them), the rest shown as text.
        An HTML ``<table>`` stays a table, every attribute stripped."""
        if block and STRUCTURE.search(content):
            return self._structure(content, resolver)
        out: list[str] = []
        position = 0
        for match in ANY_TAG.finditer(content):
            out.append(html.escape(emojize(content[position : match.start()])))
            out.append(self._tame_tag(match, resolver))
            position = match.end()
        out.append(html.escape(emojize(content[position:])))
        shown = "".join(out)
        return f"<p>{shown}</p>\n" if block and shown.strip() else shown

    def _structure(self, content: str, resolver: MediaResolver | None) -> str:
        """An HTML block that structures content (a table, a list, preformatted text) as that
        structure: its images through the resolver, then only structural and formatting tags kept,
        without attributes (nh3 keeps the text of every tag it drops, and balances the rest)."""
        content = IMG_TAG.sub(lambda m: self._html_image(m.group(0), resolver, keep=False), emojize(content))
        tags = STRUCTURE_TAGS | FORMATTING_TAGS | {"p", "img", "span"}
        attributes = {"img": {"src", "alt"}, "span": {"class"}}
        return str(nh3.clean(content, tags=tags, attributes=attributes, link_rel=None)).strip() + "\n"

    def _tame_tag(self, match: re.Match[str], resolver: MediaResolver | None) -> str:
        if COMPONENT_TAG.fullmatch(match.group(0)):  # MDX's <Tabs>, <TabItem label="…">: the label, not the tag
            label = COMPONENT_LABEL.search(match.group(3)) if not match.group(1) else None
            return f"<strong>{html.escape(label.group(1) or label.group(2) or '')}</strong>" if label else ""
        closing, name = match.group(1), match.group(2).lower()
        if name == "img":
            return self._html_image(match.group(0), resolver, keep=False)
        if name in FORMATTING_TAGS:  # rebuilt without its attributes (class, style, handlers)
            return f"<{closing}{name}>" if name != "br" else "<br />"
        if name in LAYOUT_TAGS or name in ("details", "summary"):
            return ""
        return html.escape(match.group(0))

    def _html_image(self, tag: str, resolver: MediaResolver | None, *, keep: bool) -> str:
        """An ``<img>`` from raw HTML, its source resolved like a Markdown image's."""
        attrs = img_attributes(tag)
        src, alt = attrs.get("src", ""), attrs.get("alt", "")
        name = resolver.resolve(src) if resolver is not None else src
        if name is None:
            return missing_image(alt)
        if keep:
            return tag.replace(src, name, 1) if src else tag
        return f'<img src="{html.escape(name)}" alt="{html.escape(alt)}" />'

    def render(self, tokens: Sequence[Token], options: OptionsDict, env: EnvType) -> str:
        """As markdown-it renders, telling the media resolver which line the tokens start on
        (a block, a list item or a table row at a time), so a problem with an image has a place."""
        resolver = _resolver(env)
        if resolver is not None:
            resolver.line = next((token.map[0] for token in tokens if token.map), resolver.line)
        return str(super().render(tokens, options, env))

    def tag(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        """An Obsidian ``#tag`` in an answer: shown as the tag it is (in a title it is taken out)."""
        return f'<span class="cg-tag">#{html.escape(tokens[idx].content)}</span>'

    def note_embed(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        """``![[Other note]]`` / ``![[Other note#Section]]``: that note's (section's) content, as
        Obsidian shows it; its images resolve beside it. Three embeds deep at most."""
        resolver, target = _resolver(env), tokens[idx].content
        note, _, section = target.partition("#")
        depth = int(env.get("embed_depth", 0)) if isinstance(env, dict) else 0
        path = resolver.in_vault(note.strip(), "note") if resolver is not None and note.strip() else None
        if resolver is None or self.md is None or path is None or depth >= MAX_EMBED_DEPTH:
            if resolver is not None:
                resolver.problems.append((resolver.line, f"embedded note {target!r} not found in the notes folder"))
            return missing_image(target)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            resolver.problems.append((resolver.line, f"embedded note {target!r} cannot be read: {exc}"))
            return missing_image(target)
        parsed = self.md.parse(text)
        shown = _section(parsed, section.strip()) if section.strip() else parsed
        if not shown:
            resolver.problems.append((resolver.line, f"embedded section {target!r} not found"))
            return missing_image(target)
        here, line = resolver.note_dir, resolver.line
        resolver.note_dir = path.parent
        try:
            inner = str(super().render(shown, options, {**env, "embed_depth": depth + 1}))
        finally:
            resolver.note_dir, resolver.line = here, line
        return f'<span class="cg-embed">{inner}</span>'

    def html_block(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return self._raw(tokens[idx].content, env, block=True)

    def html_inline(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return self._raw(tokens[idx].content, env, block=False)

    def math_inline(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return f'<span class="cg-math">\\({html.escape(tokens[idx].content)}\\)</span>'

    math_inline_double = math_inline

    def math_block(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return f'<div class="cg-math">\\[{html.escape(tokens[idx].content.strip())}\\]</div>\n'

    def math_block_eqno(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        """``\\[…\\] (1)``: the equation with its number, as MathJax numbers it (``\\tag``)."""
        tex = f"{tokens[idx].content.strip()} \\tag{{{tokens[idx].info.strip()}}}"
        return f'<div class="cg-math">\\[{html.escape(tex)}\\]</div>\n'

    def footnote_ref(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        """A footnote's mark, by the label its author gave it (the note itself follows the answer)."""
        return f'<sup class="cg-footnote-ref">[{html.escape(str(tokens[idx].meta.get("label", "")))}]</sup>'

    def footnote_reference_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        label = html.escape(str(tokens[idx].meta.get("label", "")))
        return f'<div class="cg-footnote"><sup class="cg-footnote-ref">[{label}]</sup>\n'

    def footnote_reference_close(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return "</div>\n"

    def image(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        """Images go through ``env["media"]`` (a MediaResolver): embedded under their media name,
        or shown as their alt text when missing or refused."""
        resolver = _resolver(env)
        if resolver is None:
            return super().image(tokens, idx, options, env)
        token = tokens[idx]
        name = resolver.resolve(str(token.attrGet("src") or ""))
        if name is None:
            return missing_image(self.renderInlineAsText(token.children or [], options, env))
        token = token.copy(attrs={**token.attrs, "src": name})
        return super().image([token], 0, options, env)


MAX_EMBED_DEPTH = 3


def _section(tokens: list[Token], title: str) -> list[Token]:
    """The tokens of the section under the heading reading ``title``, up to the next heading as high."""
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and inline_text(tokens[i + 1]).casefold() == title.casefold():
            level = int(token.tag[1])
            later = (j for j in range(i + 3, len(tokens)) if tokens[j].type == "heading_open")
            end = next((j for j in later if int(tokens[j].tag[1]) <= level), len(tokens))
            return tokens[i + 3 : end]
    return []


def _end_with_newline(state: StateCore) -> None:
    """Notes that do not end with a line break are read as if they did (the same Markdown):
    mdit-py-plugins 0.7's container rule reads one character past the end of a document whose
    last line is an empty blockquote line (``> :::note`` then ``> ``) and raised IndexError."""
    if not state.src.endswith("\n"):
        state.src += "\n"


@lru_cache(maxsize=2)
def make_parser(allow_html: bool = False) -> MarkdownIt:
    """The shared parser; building one costs ~1 ms, so it is made once per setting."""
    md = MarkdownIt("commonmark", {"html": True, "highlight": highlight}, renderer_cls=SafeRenderer)
    md.enable(["table", "strikethrough"])
    # markdown-it's default, given: its strikethrough pass asks for this option once per inline
    # token, and an option not set is a KeyError raised and caught each time (~0.05 s at 1,000
    # long questions).
    md.options["strikethrough_single_tilde"] = False
    md.use(front_matter_plugin)
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
    md.use(texmath_plugin, delimiters="brackets")  # \(…\) and \[…\], MathJax's own delimiters
    # Footnotes stay where they are written: notes.footnotes puts each after the answer citing it.
    md.use(footnote_plugin, inline=False, move_to_end=False)
    md.use(deflist_plugin)  # "Term" over ": definition" (PHP Markdown Extra, pandoc)
    # `[LeetCode](…){ .md-button target="_blank" }`, `![](a.png){ width="300" }` (MkDocs attr_list,
    # kramdown, pandoc): attributes, not words. Not after code spans, where `{}` is more often code;
    # only an image's size is kept (a class means nothing here, a style could hide words in print).
    md.use(attrs_plugin, after=("image", "link_close"), allowed=("width", "height"))
    for rule in ("footnote_ref", "footnote_reference_open", "footnote_reference_close"):
        md.add_render_rule(rule, getattr(SafeRenderer, rule))
    for rule in ("math_inline", "math_inline_double", "math_block", "math_block_eqno"):  # ours, not the plugins'
        md.add_render_rule(rule, getattr(SafeRenderer, rule))
    md.inline.ruler.at("emphasis", _with_cjk_delims(emphasis.tokenize))
    md.inline.ruler.at("strikethrough", _with_cjk_delims(strikethrough.tokenize))
    md.core.ruler.after("text_join", "cjk_softbreak", _join_cjk_softbreaks)  # after text_join: its marks stay
    md.core.ruler.after("normalize", "cg_final_newline", _end_with_newline)
    use_headings(md)
    use_dialects(md)
    use_shortcodes(md)
    use_obsidian(md)
    use_logseq(md)
    assert isinstance(md.renderer, SafeRenderer)
    md.renderer.md = md  # embeds of other notes parse them with the same parser
    md.renderer.allow_html = allow_html
    return md


def inline_text(token: Token) -> str:
    """Plain text of an ``inline`` token (markup dropped, code and image alt text kept)."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return unicodedata.normalize("NFC", "".join(parts)).strip()
