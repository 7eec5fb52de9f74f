"""Cloze deletions in the Spaced Repetition plugin's notes: a block whose ``==highlights==`` (or
``**bold**``, as a vault sets) the plugin hides one at a time, written as Anki's ``{{c1::…}}`` so that
Anki makes a card per deletion; and Anki's own deletions written out in a note."""

from __future__ import annotations

import re

from markdown_it.token import Token

from cardgen.notes.labels import joined

# Anki's cloze deletion (``{{c1::mitochondria}}``, ``{{c2::…::hint}}``): its number, its text, its hint.
ANKI_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)


def cloze_block(
    lines: list[list[Token]], highlights: bool = True, bold: bool = False
) -> tuple[list[Token], list[list[Token]]] | None:
    """(the question: the text with "…" for each deletion, the lines with Anki's ``{{c1::…}}``) of a
    block the plugin makes a cloze card of: one with ``==highlights==`` (or ``**bold**``: each as
    the vault sets), each a deletion of its own, or with Anki's own deletions written out; None for
    any other."""
    marks = {("mark_open", "mark_close")} if highlights else set()
    marks |= {("strong_open", "strong_close")} if bold else set()
    opens = {opening for opening, _ in marks}
    if not any(token.type in opens for line in lines for token in line):
        return _anki_cloze(lines)
    asked: list[list[Token]] = []
    deleted: list[list[Token]] = []
    number, closing = 0, ""
    for line in lines:
        asked.append([])
        deleted.append([])
        for token in line:
            if token.type in opens and not closing:
                number, closing = number + 1, dict(marks)[token.type]
                asked[-1].append(Token("text", "", 0, content="…"))
                deleted[-1].append(Token("text", "", 0, content=f"{{{{c{number}::"))
            elif token.type == closing:
                closing = ""
                deleted[-1].append(Token("text", "", 0, content="}}"))
            elif closing:
                deleted[-1].append(token)
            else:
                asked[-1].append(token)
                deleted[-1].append(token)
    return (joined(asked), deleted) if not closing else None


def _anki_cloze(lines: list[list[Token]]) -> tuple[list[Token], list[list[Token]]] | None:
    """A block with Anki's cloze deletions written out: (the question, "…" for each, its lines as
    they are); None for any other."""
    if not any(ANKI_CLOZE.search(token.content) for line in lines for token in line if token.type == "text"):
        return None
    asked = [
        [t.copy(content=ANKI_CLOZE.sub("…", t.content)) if t.type == "text" else t for t in line] for line in lines
    ]
    return joined(asked), lines
