"""The closed vocabularies every stage shares: card kinds and the print set-up's choices.

``StrEnum`` members are their own string values, so they read and write as plain text in
``cardgen.toml``, the ledger and the PDF cache, and compare equal to those strings.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """What sort of card (and Anki note type) a card is."""

    QA = "qa"
    """A question and its whole answer."""
    TABLE = "table"
    """One cell of a comparison table."""
    TERM = "term"
    """One definition bullet (``term：definition``)."""
    CLOZE = "cloze"
    """An answer with Anki cloze deletions (``{{c1::…}}``); made where ``qa`` is asked for."""


class Orientation(StrEnum):
    """Which way a table's things run (``<!-- cardgen: rows -->`` sets it; ``auto`` reads the header)."""

    AUTO = "auto"
    ROWS = "rows"
    COLUMNS = "columns"
    SKIP = "skip"


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"


class Duplex(StrEnum):
    """The edge a printer flips a sheet on when printing double-sided."""

    LONG = "long"
    SHORT = "short"


class Layout(StrEnum):
    """``duplex``: a front page, then its back page; ``fold``: front and back side by side."""

    DUPLEX = "duplex"
    FOLD = "fold"


class Side(StrEnum):
    """A face of a printed card (also its CSS class)."""

    FRONT = "front"
    BACK = "back"


class BlockKind(StrEnum):
    """What a printable piece of an answer is, for the PDF's height model and its splitting."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    """One item of a list, printed as a list of its own (keeping its number)."""
    TABLE = "table"
    """A whole table, or some of its rows."""
    CODE = "code"
    QUOTE = "quote"
    OTHER = "other"
    """Anything else (raw HTML, math, a rule): estimated like a paragraph."""
