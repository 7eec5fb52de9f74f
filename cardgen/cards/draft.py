"""A card before its identity (``Draft``), and the wording helpers every kind of card uses."""

from __future__ import annotations

import html
from dataclasses import dataclass

from cardgen.model import AnswerBlock
from cardgen.notetypes import NoteFields
from cardgen.text import is_cjk
from cardgen.vocab import Kind


@dataclass(frozen=True)
class Draft:
    """A card before identity: what it shows and what makes it the same card next time."""

    kind: Kind
    """What sort of card it is."""
    key: tuple[str, ...]
    """What identifies it within its question (empty for the question's own card)."""
    front_html: str
    """What the card asks."""
    front_text: str
    """The same, as plain text."""
    back_blocks: tuple[AnswerBlock, ...]
    """The answer, in printable pieces."""
    fields: NoteFields
    """The Anki note's fields (the record of its kind's note type)."""
    where: str = ""
    """Where in its question it comes from (``row 3``, ``第3行``, the item above a term), should its
    front need telling apart."""
    place: str = ""
    """Its place among its kind in its question (``item 3``), when ``where`` is not enough."""
    heading_html: str = ""
    """The front without its prompt or blanked text, when it has them (``back_heading``)."""

    @property
    def back_heading(self) -> str:
        """What a printed back repeats of the front: all of it, or its heading when it has one."""
        return self.heading_html or self.front_html


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def is_chinese(*texts: str) -> bool:
    return any(is_cjk(ch) for text in texts for ch in text)
