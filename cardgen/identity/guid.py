"""Note identity: GUIDs that survive edits (the ledger that remembers them is ``ledger.py``).

Anki matches imported notes *only* by GUID and never deletes anything, so a GUID that
changes is a duplicate card in the user's collection, and a note whose modification
time does not move forward is never updated (see docs/anki.md).

- The GUID is a hash of a namespace (the top deck's name, or a pinned one) and the
  *normalised* question text, so editing an answer, renumbering or moving a question
  keeps it, and a lost ledger recomputes the same GUIDs.
- The ledger (``cardgen.lock`` beside the notes) remembers, per note, its GUID, question,
  content hash and modification time. Unchanged notes keep their time; changed ones get
  the build time. A reworded question inherits the GUID of the question it replaced.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from cardgen.errors import NotesError
from cardgen.identity.ledger import Ledger, LedgerEntry
from cardgen.model import Question
from cardgen.text import is_cjk

# How alike two question texts must be for the newer to count as a rewording of the older.
REWORD_SIMILARITY = 0.6

# Punctuation NFKC leaves alone but writers use interchangeably.
_PUNCT_FOLD = str.maketrans(
    {
        "。": ".",
        "、": ",",
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "—": "-",
        "–": "-",
        "【": "[",
        "】": "]",
        "《": "<",
        "》": ">",
        "·": ".",
    }
)
_SPACES = re.compile(r"\s+")
_TRAILING_PUNCT = re.compile(r"[\s?!.:;,]+$")


def normalise_question(text: str) -> str:
    """The form of a question that identity depends on.

    NFKC (full-width → half-width), case-folded, CJK punctuation folded, whitespace
    collapsed and removed next to CJK characters, trailing punctuation dropped.
    """
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT_FOLD).casefold()
    text = _SPACES.sub(" ", text).strip()
    text = "".join(ch for i, ch in enumerate(text) if ch != " " or not (is_cjk(text[i - 1]) or is_cjk(text[i + 1])))
    return _TRAILING_PUNCT.sub("", text)


def guid_for(*values: object) -> str:
    """genanki's GUID function (imported when first needed: genanki loads slowly)."""
    import genanki

    return str(genanki.guid_for(*values))


def question_guid(namespace: str, normalised: str, salt: int = 0) -> str:
    return guid_for(namespace, normalised, *([salt] if salt else []))


def note_fingerprint(note_type: str, fields: Sequence[str]) -> str:
    """A note as Anki shows it through AnkiConnect (note type name and field values, NFC as Anki
    stores them): how ``cardgen sync`` recognises a note it wrote without seeing its GUID."""
    text = "\x1f".join(unicodedata.normalize("NFC", part) for part in (note_type, *fields))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def content_hash(*parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:16]


@dataclass(frozen=True)
class Identity:
    """What ``assign`` decided for one question."""

    guid: str
    mtime: int
    reworded_from: str = ""
    """The old question text when this question took over a reworded one's GUID."""


@dataclass
class _Pending:
    index: int
    file: str
    question: Question
    norm: str
    answer: str
    content: str
    entries: list[LedgerEntry] = field(default_factory=list)


def assign(
    items: Sequence[tuple[str, Question, str]], ledger: Ledger, namespace: str, now: int
) -> tuple[list[Identity], list[LedgerEntry]]:
    """GUIDs and modification times for ``items`` (file, question, content hash), plus the new ledger.

    Duplicate questions must have been rejected before: normalised texts are unique.
    """
    by_question = {e.question: e for e in ledger.entries if e.kind == "qa"}
    pending = [
        _Pending(i, file, q, normalise_question(q.identity_text), content_hash(q.answer_html), content)
        for i, (file, q, content) in enumerate(items)
    ]
    matched: dict[int, LedgerEntry] = {}
    for p in pending:
        if p.norm in by_question:
            matched[p.index] = by_question.pop(p.norm)
    reworded = _match_rewordings([p for p in pending if p.index not in matched], list(by_question.values()))
    matched.update(reworded)

    taken = {e.guid for e in matched.values()}
    identities: list[Identity] = []
    entries: list[LedgerEntry] = []
    for p in pending:
        old = matched.get(p.index)
        if old is not None:
            guid = old.guid
            mtime = next_mtime(old, p.content, now)
        else:
            salt = 0
            while (guid := question_guid(namespace, p.norm, salt)) in taken:
                salt += 1  # the plain hash belongs to a note that was reworded away from this text
            mtime = now
        taken.add(guid)
        was = old.question if old is not None and p.index in reworded else ""
        identities.append(Identity(guid, mtime, was))
        entries.append(LedgerEntry(guid, p.file, p.norm, p.question.number, p.answer, p.content, mtime))
    return identities, entries


def _match_rewordings(new: list[_Pending], gone: list[LedgerEntry]) -> dict[int, LedgerEntry]:
    """Pair questions that appeared with ledger entries that vanished from the same file.

    A pair counts when the texts are clearly similar, or when the number and the answer
    are both unchanged. Best pairs first, each side used once.
    """
    candidates: list[tuple[float, int, int]] = []
    for a, p in enumerate(new):
        for b, e in enumerate(gone):
            if e.file != p.file:
                continue
            score = SequenceMatcher(None, p.norm, e.question, autojunk=False).ratio()
            if p.question.number and e.number == p.question.number and e.answer == p.answer:
                score = max(score, 1.0)
            if score >= REWORD_SIMILARITY:
                candidates.append((score, a, b))
    result: dict[int, LedgerEntry] = {}
    used_new: set[int] = set()
    used_gone: set[int] = set()
    for _, a, b in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if a not in used_new and b not in used_gone:
            used_new.add(a)
            used_gone.add(b)
            result[new[a].index] = gone[b]
    return result


def derived_guid(question_guid: str, kind: str, key: Sequence[str], taken: set[str]) -> str:
    """GUID of a card derived from a question: follows the question's GUID through rewordings."""
    parts = [normalise_question(part) for part in key]
    salt = 0
    while (guid := guid_for(question_guid, kind, *parts, *([salt] if salt else []))) in taken:
        salt += 1  # the same (thing, attribute) twice in one answer
    taken.add(guid)
    return guid


def next_mtime(previous: LedgerEntry | None, content: str, now: int) -> int:
    """Unchanged content keeps its time (Anki skips it); changed content must be newer than before."""
    if previous is None:
        return now
    return previous.mtime if previous.content == content else max(now, previous.mtime + 1)


def check_unique(questions: Sequence[Question], files: Sequence[str] | None = None) -> list[Question]:
    """The questions, those that read the same told apart by their headings.

    Two questions with the same normalised text in one deck would share a GUID. When their
    headings differ, the headings join their identity (only theirs: every other question keeps
    the identity it had); when even those are the same, it is an error naming both places.
    """
    told_apart, clashes = tell_apart(questions, files)
    if clashes:
        q, first = clashes[0]
        raise NotesError(f"duplicate question {q.title_text!r} (also at {first.loc}); reword one of them", q.loc)
    return told_apart


def tell_apart(
    questions: Sequence[Question], files: Sequence[str] | None = None
) -> tuple[list[Question], list[tuple[Question, Question]]]:
    """``check_unique``'s work without raising: the questions, and each true duplicate with the
    question it repeats. ``files`` names each question's note file the same from any working
    directory (relative to the ledger); it tells apart same-headed questions of two files."""
    keys = list(files) if files is not None else [q.loc.file for q in questions]
    groups: dict[str, list[int]] = {}
    for i, q in enumerate(questions):
        groups.setdefault(normalise_question(q.identity_text), []).append(i)
    told_apart = list(questions)
    clashes: list[tuple[Question, Question]] = []
    for indices in groups.values():
        if len(indices) < 2:
            continue
        seen: dict[tuple[str, ...], int] = {}
        for i in indices:
            q = questions[i]
            if q.sections in seen:
                first = seen[q.sections]
                if keys[first] == keys[i]:
                    clashes.append((q, questions[first]))
                else:  # the same headings in another file (``## Properties`` of two notes): the file tells
                    told_apart[i] = replace(q, identity_context=" / ".join((keys[i], *q.sections)))
                continue
            seen[q.sections] = i
            told_apart[i] = replace(q, identity_context=" / ".join(q.sections))
    return told_apart, sorted(clashes, key=lambda pair: pair[0].loc)
