"""The identity ledger: ``cardgen.lock`` beside the notes, one line per note.

It remembers, per note, its GUID, question, content hash and modification time, so an
unchanged note keeps its time (Anki skips it), a changed one gets a newer one, and a reworded
question keeps its note. The GUIDs themselves are derived in ``guid.py``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

LEDGER_FORMAT = 1


@dataclass(frozen=True)
class LedgerEntry:
    """What the ledger remembers about one note."""

    guid: str
    """The note's Anki GUID."""
    file: str
    """The note file the question was in (for matching rewordings within a file)."""
    question: str
    """The normalised question text the GUID is now attached to."""
    number: str
    """The question's numbering label, a hint when matching rewordings."""
    answer: str
    """Hash of the answer, a hint when matching rewordings."""
    content: str
    """Hash of everything written to the note; a change means a new modification time."""
    mtime: int
    """The modification time last written for the note."""
    kind: str = "qa"
    """``qa`` for a question's own note (matched by question text); otherwise a card derived
    from a question (table cell, term), matched by GUID alone."""


@dataclass(frozen=True)
class Ledger:
    entries: tuple[LedgerEntry, ...] = ()
    """Entries in build order."""
    problem: str = ""
    """Why the ledger on disk could not be used (empty when it was fine or absent)."""


def load_ledger(path: Path) -> Ledger:
    """Read the ledger; a damaged one is reported and ignored (GUIDs recompute from the notes)."""
    if not path.exists():
        return Ledger()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != LEDGER_FORMAT:
            return Ledger(problem=f"{path}: unknown ledger format {data.get('format')!r}; rebuilding it")
        entries = tuple(LedgerEntry(**entry) for entry in data["notes"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        return Ledger(problem=f"{path}: damaged ledger ({exc}); rebuilding it from the notes")
    return Ledger(entries)


def dump_ledger(entries: Sequence[LedgerEntry]) -> str:
    """One note per line, so ``git diff`` of the ledger shows which notes changed."""
    lines = [json.dumps(vars(e), ensure_ascii=False, sort_keys=True) for e in entries]
    body = ",\n".join(f"  {line}" for line in lines)
    header = '{\n"comment": "Written by cardgen: note identities for Anki. Keep it with your notes.",\n'
    return f'{header}"format": {LEDGER_FORMAT},\n"notes": [\n{body}\n]\n}}\n'
