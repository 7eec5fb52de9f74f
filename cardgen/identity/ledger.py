"""The identity ledger: ``cardgen.lock`` beside the notes, one line per note.

It remembers, per note, its GUID, question, content hash and modification time, so an
unchanged note keeps its time (Anki skips it), a changed one gets a newer one, and a reworded
question keeps its note. The GUIDs themselves are derived in ``guid.py``.

Kept in git with the notes, the file meets merges: it is one sorted line per note, and a file
with conflict markers is resolved to the union of both sides (every note either side wrote exists).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

LEDGER_FORMAT = 2  # 1: one JSON document (still read); 2: a header line and one line per note


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
    anki: str = ""
    """``note_fingerprint`` of the note as written: how ``cardgen sync`` finds it in Anki, whose
    AnkiConnect cannot see GUIDs (empty in entries written before cardgen 0.4)."""
    removed: int = 0
    """When the notes stopped making this note (0 while they make it): kept so ``cardgen sync`` can
    find it in Anki and tag or delete it (docs/anki.md)."""


@dataclass(frozen=True)
class Ledger:
    entries: tuple[LedgerEntry, ...] = ()
    """Entries, sorted as the file holds them."""
    problem: str = ""
    """Why the ledger on disk could not be used, or what was done to it (empty when it was fine or absent)."""
    damaged: bool = False
    """The file is damaged: the build keeps a copy of it before writing a new one."""


class LedgerDamage(ValueError):
    """The ledger file is not what cardgen writes (cut short, edited by hand, or another file)."""


# Lines git writes into a file it could not merge.
CONFLICT_MARKERS = ("<<<<<<<", "=======", ">>>>>>>", "|||||||")
_FIELDS = {f: t for f, t in (("guid", str), ("file", str), ("question", str), ("number", str), ("answer", str),
                             ("content", str), ("mtime", int), ("kind", str), ("anki", str),
                             ("removed", int))}  # fmt: skip
_OPTIONAL = frozenset({"kind", "anki", "removed"})


def _entry(data: object, where: str) -> LedgerEntry:
    """One entry, checked field by field: a damaged entry says which field is wrong, and a bug in
    cardgen is not taken for damage."""
    if not isinstance(data, dict):
        raise LedgerDamage(f"{where}: not a note entry")
    values = {}
    for name, kind in _FIELDS.items():
        if name not in data:
            if name in _OPTIONAL:
                continue
            raise LedgerDamage(f"{where}: missing {name!r}")
        if not isinstance(data[name], kind) or isinstance(data[name], bool):
            raise LedgerDamage(f"{where}: {name!r} is not a {kind.__name__}")
        values[name] = data[name]
    return LedgerEntry(**values)


def _merge(text: str) -> tuple[LedgerEntry, ...]:
    """Both sides of a git merge conflict: every note either side knows (they all exist), one entry
    per GUID, the newer where the two differ."""
    by_guid: dict[str, LedgerEntry] = {}
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip().rstrip(",")
        if not line.startswith('{"') or '"guid"' not in line:
            continue  # markers, the header, the old format's brackets
        entry = _entry(json.loads(line), f"line {n}")
        if entry.guid not in by_guid or entry.mtime > by_guid[entry.guid].mtime:
            by_guid[entry.guid] = entry
    return tuple(by_guid.values())


def load_ledger(path: Path) -> Ledger:
    """Read the ledger. Git merge conflicts in it are resolved (the union of both sides); a damaged
    one is reported loudly, marked so the build keeps a copy, and GUIDs recompute from the notes."""
    if not path.exists():
        return Ledger()
    try:
        text = path.read_text(encoding="utf-8")
        if any(line.startswith(CONFLICT_MARKERS) for line in text.splitlines()):
            entries = _merge(text)
            problem = (
                f"{path}: had git merge conflicts; resolved by keeping the notes of both sides "
                f"({len(entries)} notes); the next build writes it resolved"
            )
            return Ledger(entries, problem)
        return Ledger(_read(text))
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # LedgerDamage and JSON errors are ValueErrors
        problem = (
            f"{path} is damaged ({exc}). Its copy is kept beside it; GUIDs are recomputed from the notes, so "
            "notes whose question was reworded since that ledger was written lose their review history"
        )
        return Ledger(problem=problem, damaged=True)


def _read(text: str) -> tuple[LedgerEntry, ...]:
    if text.lstrip().startswith("{\n") or '"notes": [' in text[:400]:  # format 1: one JSON document
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != 1 or not isinstance(data.get("notes"), list):
            raise LedgerDamage("not a cardgen ledger")
        return tuple(_entry(entry, f"note {n}") for n, entry in enumerate(data["notes"], 1))
    lines = text.splitlines()
    header = json.loads(lines[0]) if lines else None
    if not isinstance(header, dict) or header.get("format") != LEDGER_FORMAT:
        raise LedgerDamage(f"unknown ledger format {header.get('format') if isinstance(header, dict) else None!r}")
    return tuple(_entry(json.loads(line), f"line {n}") for n, line in enumerate(lines[1:], 2) if line.strip())


def dump_ledger(entries: Sequence[LedgerEntry]) -> str:
    """A header line, then one note per line, sorted: ``git diff`` shows which notes changed, and
    two branches that each add notes merge without conflict most of the time."""
    ordered = sorted(entries, key=lambda e: (e.file, e.kind, e.question, e.guid))
    header = {"cardgen": "note identities for Anki: keep this file with your notes", "format": LEDGER_FORMAT}
    lines = [json.dumps(header, ensure_ascii=False)]
    lines += [json.dumps(vars(e), ensure_ascii=False, sort_keys=True) for e in ordered]
    return "\n".join(lines) + "\n"


def keep_damaged(path: Path, now: float) -> Path:
    """Copy a damaged ledger aside before a build replaces it (``cardgen.lock.damaged-<time>``)."""
    import shutil
    import time

    copy = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S', time.localtime(now))}")
    shutil.copy2(path, copy)
    return copy
