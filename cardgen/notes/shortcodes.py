"""Hugo's shortcodes, as a Hugo site shows them: notes kept in a Hugo site (the Kubernetes docs,
many a blog) are written with them, and as text they would print their markup on the cards.

- ``{{< highlight go >}}`` … ``{{< /highlight >}}`` (and ``code``): a code listing in that language.
- ``{{< note >}}``, ``{{% notice tip %}}``, ``{{< warning >}}``, ``{{< details "Title" >}}`` … and their
  closing lines: callouts, rendered as every other callout is (``dialects``).
- Other paired shortcodes (``tabs``, ``tab``, ``columns``…): their content, the markers left out.
- ``{{< figure src="a.png" caption="…" >}}``: the image; ``{{< toc >}}``: nothing (a table of
  contents is made by the site).
- ``{{< glossary_tooltip text="container runtime" … >}}`` in a sentence: its text.

Any other shortcode stays as written, so nothing it says is lost without a trace.

Jekyll's Liquid tag for listings, ``{% highlight ruby %}`` … ``{% endhighlight %}``, is one too.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from cardgen.notes.dialects import line_text, opening_line

# A shortcode filling its line: {{< name args >}} or {{% name args %}}, "/name" to close.
_LINE = re.compile(r"\{\{([<%])\s*(/?)([\w.-]+)(.*?)\s*[>%]\}\}\s*")
_INLINE = re.compile(r"\{\{([<%])\s*([\w.-]+)(.*?)\s*[>%]\}\}")
_PARAM = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
_POSITIONAL = re.compile(r""""([^"]*)"|'([^']*)'|(\S+)""")
CODE = frozenset({"highlight", "code"})
# Shortcode names of the common themes' admonitions → the callout kind cardgen styles.
CALLOUTS = {
    "note": "note", "notice": "note", "tip": "tip", "hint": "tip", "info": "info", "warning": "warning",
    "caution": "caution", "danger": "danger", "important": "important", "alert": "warning", "callout": "note",
    "admonition": "note", "details": "details", "expand": "details", "spoiler": "details",
}  # fmt: skip
NOTHING = frozenset({"toc"})
IMAGES = frozenset({"figure", "img", "image"})


def _params(args: str) -> tuple[dict[str, str], list[str]]:
    """A shortcode's named parameters and its positional ones."""
    named = {m.group(1): next(g for g in m.groups()[1:] if g is not None) for m in _PARAM.finditer(args)}
    rest = _PARAM.sub("", args)
    positional = [next(g for g in m.groups() if g is not None) for m in _POSITIONAL.finditer(rest)]
    return named, positional


def _shortcode_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    line = opening_line(state, start_line, "{{", _LINE)
    if line is None:
        return False
    closing, name, args = line.group(2) == "/", line.group(3).casefold(), line.group(4)
    close = None if closing else _closing_line(state, name, start_line + 1, end_line)
    named, positional = _params(args)
    if close is None and not closing and name not in NOTHING and not (name in IMAGES and "src" in named):
        return False  # a shortcode cardgen does not know, alone: left as written
    if silent:
        return True
    if closing or name in NOTHING:
        pass  # a marker that shows nothing of its own
    elif close is None:  # a figure
        alt = named.get("caption") or named.get("alt") or named.get("title") or ""
        _paragraph(state, f"![{_escaped(alt)}](<{named['src']}>)", start_line)
    elif name in CODE:
        fence = state.push("fence", "code", 0)
        fence.info = positional[0] if positional else named.get("lang", "")
        fence.content = state.getLines(start_line + 1, close, state.sCount[start_line], False)
        fence.markup, fence.map = "```", [start_line, close + 1]
    elif name in CALLOUTS:
        kind = CALLOUTS[name] if name != "notice" or not positional else CALLOUTS.get(positional[0], "note")
        title = named.get("title") or (positional[0] if positional and name in ("details", "expand") else "")
        opening = state.push("container_callout_open", "div", 1)
        opening.info, opening.markup, opening.block, opening.map = (
            f"{kind} {title}".strip(),
            "{{<",
            True,
            [start_line, close + 1],
        )
        state.md.block.tokenize(state, start_line + 1, close)
        state.push("container_callout_close", "div", -1).block = True
    else:
        state.md.block.tokenize(state, start_line + 1, close)  # tabs, columns: their content as written
    state.line = (close if close is not None else start_line) + 1
    return True


_LIQUID_OPEN = re.compile(r"\{%-?\s*highlight\s+([\w+#.-]+)[^%]*-?%\}\s*")
_LIQUID_CLOSE = re.compile(r"\{%-?\s*endhighlight\s*-?%\}\s*")


def _liquid_highlight(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``{% highlight ruby %}`` over its code over ``{% endhighlight %}``: a listing in that language."""
    opening = opening_line(state, start_line, "{%", _LIQUID_OPEN)
    if opening is None:
        return False
    texts = (line_text(state, n) for n in range(start_line + 1, end_line))
    close = next((start_line + 1 + n for n, text in enumerate(texts) if _LIQUID_CLOSE.fullmatch(text)), None)
    if close is None:
        return False
    if silent:
        return True
    fence = state.push("fence", "code", 0)
    fence.info, fence.markup, fence.map = opening.group(1), "```", [start_line, close + 1]
    fence.content = state.getLines(start_line + 1, close, state.sCount[start_line], False)
    state.line = close + 1
    return True


def _closing_line(state: StateBlock, name: str, first: int, end_line: int) -> int | None:
    """The line closing the shortcode ``name`` opened just above ``first`` (the same name opened
    again inside it closes first); None when none does."""
    depth = 0
    for number in range(first, end_line):
        text = line_text(state, number)
        if not text.startswith("{{") or (line := _LINE.fullmatch(text)) is None or line.group(3).casefold() != name:
            continue
        if line.group(2) != "/":
            depth += 1
        elif depth:
            depth -= 1
        else:
            return number
    return None


def _paragraph(state: StateBlock, content: str, line: int) -> None:
    state.push("paragraph_open", "p", 1).map = [line, line + 1]
    inline = state.push("inline", "", 0)
    inline.content, inline.map, inline.children = content, [line, line + 1], []
    state.push("paragraph_close", "p", -1)


def _escaped(text: str) -> str:
    return re.sub(r"([\[\]\\])", r"\\\1", text)


def _shortcode_inline(state: StateInline, silent: bool) -> bool:
    """``{{< glossary_tooltip text="container runtime" term_id="…" >}}`` in a sentence: its text."""
    if not state.src.startswith("{{", state.pos):
        return False
    found = _INLINE.match(state.src, state.pos)
    if found is None:
        return False
    named, _ = _params(found.group(3))
    if "text" not in named:
        return False
    if not silent:
        state.push("text", "", 0).content = named["text"]
    state.pos = found.end()
    return True


def use_shortcodes(md: MarkdownIt) -> None:
    """Teach ``md`` Hugo's shortcodes and Jekyll's highlight tag."""
    md.block.ruler.before(
        "fence", "hugo_shortcode", _shortcode_block, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    md.inline.ruler.after("newline", "hugo_shortcode", _shortcode_inline)  # "{" ends a run of text
    md.block.ruler.before(
        "fence", "liquid_highlight", _liquid_highlight, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
