"""Stage 2: read note files and parse them into markdown-it syntax trees."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from cardgen.errors import NotesError
from cardgen.model import SourceLoc
from cardgen.notes.highlighting import expect_ahead, start_ahead
from cardgen.notes.markdown import make_parser
from cardgen.notes.tree import syntax_tree


@dataclass(frozen=True)
class ParsedFile:
    """A note file parsed to a syntax tree (output of ``parse``)."""

    path: Path
    """The file on disk."""
    display: str
    """The name shown in messages (relative to the working directory when possible)."""
    tree: SyntaxTreeNode
    """markdown-it's syntax tree of the whole file; node ``.map`` lines are 0-based."""
    lines: tuple[str, ...] = ()
    """The file's lines as parsed (line ``n`` of a node's ``.map`` is ``lines[n]``), for the
    notes some tools mark by whole lines (``START`` … ``END``)."""
    front_matter: dict[str, Any] = field(default_factory=dict)
    """The front matter's keys and values as YAML reads them, parsed once here (empty when the
    file has none, or when YAML refuses what reads as keys line by line)."""

    def loc(self, node: SyntaxTreeNode) -> SourceLoc:
        """Where a node starts, 1-based."""
        line = node.map[0] + 1 if node.map else 1
        return SourceLoc(self.display, line)


def display_name(path: Path) -> str:
    """Relative to the working directory when the file is below it, else absolute."""
    absolute = path.absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(absolute)


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (BOM allowed), CRLF/CR normalised by markdown-it later."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise NotesError(f"cannot read {display_name(path)}: {exc.strerror}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise NotesError(
            f"not valid UTF-8 (byte offset {exc.start}); save the file as UTF-8",
            SourceLoc(display_name(path), line),
        ) from exc
    return _blank_toml_front_matter(text)


def _blank_toml_front_matter(text: str) -> str:
    """Hugo's ``+++`` TOML front matter, replaced by blank lines so line numbers stay true.

    (YAML ``---`` front matter is handled by mdit-py-plugins inside the parser.)
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "+++":
        return text
    for end in range(1, len(lines)):
        if lines[end].rstrip() == "+++":
            return "\n" * (end + 1) + "".join(lines[end + 1 :])
    return text


def parse_text(text: str, path: Path, display: str | None = None) -> ParsedFile:
    md = make_parser()
    start_ahead(md, text)  # its code highlighted in a second process while the file is read
    tokens = md.parse(text)
    front_matter = _front_matter(tokens[0].content) if tokens and tokens[0].type == "front_matter" else {}
    if front_matter is None:
        tokens, front_matter = _parsed_without_front_matter(text), {}
    expect_ahead(tokens)
    lines = tuple(text.splitlines())
    tree = syntax_tree(tokens)
    return ParsedFile(path, display or display_name(path), tree, lines, front_matter)


# A line of front matter: a key, an indented or listed value, a comment.
_FRONT_MATTER_LINE = re.compile(r"\s*(?:[\w.-]+\s*:|-\s|#)|\s+\S")


def _front_matter(content: str) -> dict[str, Any] | None:
    """What front matter holds, when it reads as keys and values (or as nothing); None when it
    does not. A file that opens with a rule and text (``---`` over ``Deck: …`` and questions, as
    inka writes) has no front matter: read as such, everything up to the next rule vanished
    without a word."""
    if not content.strip():
        return {}
    import yaml  # only for files that open with ---

    # YAML allows no tab before a comment, which Jekyll's own parser forgives (``layout: post\t# …``):
    # read with the tabs as spaces, its keys (``tags:``) are not lost.
    for text in (content, content.replace("\t", "    ")) if "\t" in content else (content,):
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError:
            continue
        if isinstance(data, dict):
            return {str(key): value for key, value in data.items()}
        break
    # Front matter YAML still refuses reads as keys, line by line: no file is refused for it.
    return {} if all(_FRONT_MATTER_LINE.match(line) for line in content.splitlines() if line.strip()) else None


def _parsed_without_front_matter(text: str) -> list[Token]:
    """The tokens of ``text`` with its opening ``---`` read as a rule: parsed after a blank line
    (front matter must open the file), every line number then moved back by one."""
    tokens = make_parser().parse("\n" + text)
    for token in tokens:
        if token.map is not None:
            token.map = [max(token.map[0] - 1, 0), max(token.map[1] - 1, 0)]
    return tokens


def parse_file(path: Path) -> ParsedFile:
    return parse_text(read_text(path), path)
