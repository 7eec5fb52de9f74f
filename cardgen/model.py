"""The values passed between pipeline stages: notes → cards and identity → (anki | pdf).

All are frozen: a stage never edits what an earlier stage produced, so each can be
tested (and cached) on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cardgen.notetypes import NoteFields
from cardgen.vocab import BlockKind, Kind, Orientation


@dataclass(frozen=True, order=True)
class SourceLoc:
    """A place in the user's notes."""

    file: str
    """Path of the note file as the user knows it (relative to the working directory when possible)."""
    line: int
    """1-based line number."""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Problem:
    """Something of the notes that a card leaves out or cannot show (a missing or refused image)."""

    loc: SourceLoc
    """Where in the notes it is."""
    message: str
    """What was left out, and why."""

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Cell:
    """One cell of a Markdown table."""

    html: str
    """The cell's inline HTML (bold, code kept)."""
    text: str
    """The cell as plain text (for wording and identity)."""


@dataclass(frozen=True)
class Table:
    """A table in an answer, the source of one card per (thing, attribute) cell."""

    loc: SourceLoc
    """Where the table starts."""
    header: tuple[Cell, ...]
    """The header row."""
    rows: tuple[tuple[Cell, ...], ...]
    """The body rows, each as long as the header."""
    orientation: Orientation
    """``auto``, or the notes' override (``<!-- cardgen: rows -->``): ``rows``, ``columns``, ``skip``."""


@dataclass(frozen=True)
class Term:
    """A definition bullet (``term：definition``) in an answer."""

    loc: SourceLoc
    """Where the list item is."""
    term_html: str
    """The term as inline HTML (``<code>rr</code>（Round Robin）``)."""
    term_text: str
    """The term as plain text."""
    definition_html: str
    """The definition as inline HTML."""
    lead: str
    """Plain text of the lead-in before the list (``检测方式``), or ``""``."""
    parent: str = ""
    """The first words of the list item the term's list is nested in (``悲观锁``), or of the
    paragraph before its list (``方案一：使用数据库事务``): what tells apart the same term in two
    lists (not part of its identity)."""
    position: int = 0
    """Its item's place in its list (1-based): what tells apart the same term twice in one list."""


@dataclass(frozen=True)
class AnswerBlock:
    """A piece of an answer a printed card may break after: a block, a list item, or table rows."""

    kind: BlockKind
    """What sort of block it is."""
    html: str
    """The piece as HTML (a list item as a list of its own, table rows as a table of their own)."""
    text: str
    """The text it shows (line breaks kept, for code)."""
    rows: tuple[tuple[str, ...], ...] = ()
    """For a table: the text of each cell, row by row (header row first when the piece has it)."""
    bold_rows: tuple[bool, ...] = ()
    """For a table: which rows hold header cells (printed bold)."""
    last: bool = True
    """For a table: the piece ends its table, so the gap under a table follows it."""
    images: int = 0
    """How many images it prints (a remote image prints as a line of text: not counted)."""
    continues: bool = False
    """For code and a paragraph cut between its sentences: it continues a block cut into pieces
    (a printed card it opens says so)."""
    image_sizes: tuple[tuple[float, float], ...] = ()
    """The natural size (width, height in mm, at 96 pixels an inch) of each image it shows, in
    order, as far as known: (0, 0) for one that is not (remote, or unreadable)."""


@dataclass(frozen=True)
class Question:
    """One question found in a note file, answered or not (output of ``extract``)."""

    loc: SourceLoc
    """Where the question's heading is."""
    number: str
    """The numbering label the author gave it (``"5"`` for ``#### 5.探针…``), or ``""``."""
    title_html: str
    """The question as inline HTML, numbering stripped."""
    title_text: str
    """The question as plain text, numbering stripped (sort field, identity, messages)."""
    answer_html: str
    """The answer rendered to HTML; ``""`` when the question is unanswered."""
    answer_blocks: tuple[AnswerBlock, ...]
    """The answer in pieces a printed card may break between: top-level blocks, with lists cut
    into their items and tables into their rows. Empty when the question is unanswered."""
    sections: tuple[str, ...]
    """Plain-text titles of the category headings above the question, outermost first."""
    tables: tuple[Table, ...] = ()
    """Tables in the answer."""
    terms: tuple[Term, ...] = ()
    """Definition bullets in the answer."""
    prompt_html: str = ""
    """More of the question after its heading (code, options) when the answer is set apart in a
    ``<details>`` "Answer" block, as HTML; shown on the front."""
    prompt_text: str = ""
    """The same as plain text; part of the question's identity."""
    media: tuple[tuple[str, Path], ...] = ()
    """Images the question and answer show: (media name used in the HTML, file)."""
    problems: tuple[Problem, ...] = ()
    """What went wrong while rendering it (missing or refused images)."""
    tags: tuple[str, ...] = ()
    """Obsidian ``#tags`` of its title and answer (``nested/tag``), without the ``#``."""
    identity_context: str = ""
    """The headings above it, set only when another question in the deck reads the same
    (``数据类型`` under two topics), so that the two keep apart; otherwise ``""``."""
    identity_title: str = ""
    """The title as an earlier cardgen read it, when this one reads it otherwise (a label or
    task box left out: ``问：什么是节点？`` is now asked as ``什么是节点？``); otherwise ``""``.
    The GUID stays derived from it, so no note loses its reviews to a newer cardgen."""

    prompt_read_later: bool = False
    """The prompt is what earlier versions read as part of the answer: a multiple-choice
    question's options (from its ticked task list), or the front written above mdanki's ``%``
    line. It is left out of the identity, so the note keeps its GUID."""

    @property
    def identity_text(self) -> str:
        """What makes the question this question: its title (as first read), and its prompt
        when it has one (and its headings, when its title alone is not unique)."""
        title = self.identity_title or self.title_text
        prompt = "" if self.prompt_read_later else self.prompt_text
        return f"{self.identity_context} {title} {prompt}".strip()

    @property
    def answered(self) -> bool:
        return bool(self.answer_html)


@dataclass(frozen=True)
class NoteFile:
    """What ``extract`` found in one note file."""

    path: Path
    """The file on disk."""
    display: str
    """The file's name as shown in messages and used in tags and the ledger."""
    title: str
    """Deck title: the file's ``#`` title heading if it has one above its questions, else the file stem."""
    question_level: int
    """Heading level (1–6) of the questions in this file; 0 when the file has no headings."""
    questions: tuple[Question, ...]
    """Every question in document order, answered or not."""
    tags: tuple[str, ...] = ()
    """The file's own tags (front matter ``tags:``), for every card it makes."""
    skipped: tuple[Problem, ...] = ()
    """What in the file makes no card and is no question, and why (back matter, list items
    among questions that ask nothing), for ``cardgen check``."""


@dataclass(frozen=True)
class Card:
    """One flashcard (one Anki note), ready for either writer."""

    guid: str
    """Anki note GUID: stable across edits of the answer, renumbering and moves."""
    kind: Kind
    """What sort of card it is (and so its Anki note type)."""
    deck: str
    """Full Anki deck name (``Top::Sub`` when there are several note files)."""
    question: Question
    """The question the card comes from (for a table or term card, the one whose answer holds it)."""
    front_html: str
    """What the card asks, as HTML."""
    front_text: str
    """What the card asks, as plain text (Anki's sort field)."""
    heading_html: str
    """What a printed back repeats of the front above the answer: the front without a prompt or a
    cloze's blanked text, which the printed card's other side shows."""
    back_blocks: tuple[AnswerBlock, ...]
    """The answer in pieces a printed card may break between."""
    fields: NoteFields
    """The Anki note's fields: the record of its kind's note type (``cardgen.notetypes``)."""
    context: str
    """Breadcrumb shown small above the question: deck title / sections."""
    source: str
    """The note file, relative to the notes folder (no line number: moving a question is not an edit)."""
    tags: tuple[str, ...]
    """Anki tags (no spaces)."""
    mtime: int
    """Note modification time (seconds): unchanged content keeps its old value so Anki skips it."""
    order: int
    """Position in the whole build, so new cards are studied in the notes' order."""


@dataclass(frozen=True)
class Deck:
    """Everything one build produces cards from."""

    name: str
    """The top deck's name (also the output file's stem)."""
    cards: tuple[Card, ...]
    """Cards in the notes' order."""
    files: tuple[NoteFile, ...]
    """The note files, in build order."""

    @property
    def unanswered(self) -> tuple[Question, ...]:
        return tuple(q for f in self.files for q in f.questions if not q.answered)
