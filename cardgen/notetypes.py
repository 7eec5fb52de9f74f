"""The four Anki note types: id, name and a typed record of fields each, side by side.

Frozen forever: changing an id, a name, a field or its order forks the note type in every
user's collection (docs/anki.md). The cards stage fills these records; the Anki writer
(``cardgen/anki/writer.py``) makes the note types from them, with templates and CSS that may
change. Field names are Anki's field names, so they are capitalised.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from cardgen.vocab import Kind


class QaFields(NamedTuple):
    """A question and its whole answer."""

    Question: str
    """The question as HTML (with its prompt, when it has one)."""
    Answer: str
    """The answer as HTML."""
    Number: str
    """The author's numbering label (``5``), or empty."""
    Context: str
    """Breadcrumb: deck title / sections."""
    Source: str
    """The note file, relative to the notes folder."""
    Extra: str
    """Room for later use; empty."""


class TableFields(NamedTuple):
    """One cell of a comparison table."""

    Question: str
    """What the card asks (the thing and the attribute), with the question as a lead."""
    Answer: str
    """The cell's value as HTML."""
    Table: str
    """The whole table, the asked cell highlighted."""
    Context: str
    """Breadcrumb: deck title / sections."""
    Source: str
    """The note file, relative to the notes folder."""
    Extra: str
    """Room for later use; empty."""


class TermFields(NamedTuple):
    """One definition bullet."""

    Term: str
    """The term as inline HTML."""
    Definition: str
    """The definition as inline HTML."""
    Lead: str
    """The question and the list's lead-in, where the term is defined."""
    Context: str
    """Breadcrumb: deck title / sections."""
    Source: str
    """The note file, relative to the notes folder."""
    Extra: str
    """Room for later use; empty."""


class ClozeFields(NamedTuple):
    """An answer with cloze deletions."""

    Text: str
    """The question and the answer with its ``{{c1::…}}`` deletions, as HTML."""
    Extra: str
    """Room for later use; empty."""
    Context: str
    """Breadcrumb: deck title / sections."""
    Source: str
    """The note file, relative to the notes folder."""


NoteFields = QaFields | TableFields | TermFields | ClozeFields


@dataclass(frozen=True)
class NoteType:
    """An Anki note type as cardgen defines it."""

    id: int
    """The note type's id in Anki."""
    name: str
    """Its name as the user sees it."""
    fields: type[NoteFields]
    """The record its notes' fields are made with (its field names are the note type's)."""

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(self.fields._fields)


NOTE_TYPES = {
    Kind.QA: NoteType(1_733_415_926, "cardgen Q&A", QaFields),
    Kind.TABLE: NoteType(1_733_415_927, "cardgen Table", TableFields),
    Kind.TERM: NoteType(1_733_415_928, "cardgen Term", TermFields),
    Kind.CLOZE: NoteType(1_733_415_929, "cardgen Cloze", ClozeFields),
}
