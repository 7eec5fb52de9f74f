"""Stage 4: the cards stage. Extracted note files + settings + the old ledger → the deck and the new ledger.

Names the decks, gives every answered question its identity (``cardgen.identity``), makes its
cards in the notes' order and the ledger entries that remember them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from cardgen.cards.draft import Draft
from cardgen.cards.drafts import question_card, question_drafts
from cardgen.cards.fronts import Front, distinct_fronts
from cardgen.config.options import BuildConfig
from cardgen.identity.guid import assign, check_unique, content_hash, derived_guid, next_mtime, note_fingerprint
from cardgen.identity.ledger import Ledger, LedgerEntry
from cardgen.model import Card, Deck, NoteFile, Problem, Question
from cardgen.notes.sanitising import sanitise_all
from cardgen.notetypes import NOTE_TYPES
from cardgen.vocab import Kind


@dataclass(frozen=True)
class Reworded:
    """A question whose text changed but kept its note (and its review history)."""

    question: Question
    """The question as it reads now."""
    was: str
    """The (normalised) text it had before."""


@dataclass(frozen=True)
class Assembly:
    """What the cards stage produced."""

    deck: Deck
    """The cards, in the notes' order."""
    ledger: tuple[LedgerEntry, ...]
    """The ledger to write beside the deck."""
    reworded: tuple[Reworded, ...]
    """Questions recognised as rewordings of earlier ones."""
    warnings: tuple[Problem, ...] = ()
    """Cards whose fronts nothing tells apart."""


@dataclass(frozen=True)
class _Placed:
    """An answered question and where its cards go."""

    question: Question
    """The question (told apart from a same-titled one by its headings, when needed)."""
    deck: str
    """Full Anki deck name."""
    context: str
    """Breadcrumb: deck title / sections."""
    file_key: str
    """The note file, relative to the ledger's folder."""
    tags: tuple[str, ...]
    """Tags from the file name and the sections."""


def tag(text: str) -> str:
    """Anki tags cannot hold spaces; ``::`` would nest, so it is flattened too."""
    return re.sub(r"\s+", "_", text.strip()).replace("::", ":").strip("_")


def nested_tag(text: str) -> str:
    """An Obsidian tag (``nested/tag``) as an Anki tag (``nested::tag``)."""
    return "::".join(t for t in (tag(part) for part in text.split("/")) if t)


def top_deck_name(config: BuildConfig, files: list[NoteFile]) -> str:
    return (config.deck_name or (config.collection_name() if len(files) > 1 else files[0].title)).replace("::", ":")


def _place(config: BuildConfig, files: list[NoteFile], top: str) -> list[_Placed]:
    several = len(files) > 1 if config.subdecks is None else config.subdecks
    ledger_dir = config.ledger_path().parent.resolve()
    placed: list[_Placed] = []
    for note_file in files:
        sub = note_file.title.replace("::", ":")
        deck_name = f"{top}::{sub}" if several else top
        # Files are named relative to the ledger so the ledger reads the same from any working directory.
        file_key = Path(os.path.relpath(note_file.path.resolve(), ledger_dir)).as_posix()
        for q in note_file.questions:
            if q.answered:
                context = " / ".join([sub, *q.sections])
                own = (nested_tag(t) for t in (*note_file.tags, *q.tags))  # Obsidian's #tags and front matter
                tags = tuple(dict.fromkeys(t for t in (tag(note_file.path.stem), *map(tag, q.sections), *own) if t))
                placed.append(_Placed(q, deck_name, context, file_key, tags))
    told_apart = check_unique([p.question for p in placed], [p.file_key for p in placed])
    return [_Placed(q, p.deck, p.context, p.file_key, p.tags) for q, p in zip(told_apart, placed, strict=True)]


def _content(draft: Draft, tags: tuple[str, ...]) -> str:
    return content_hash(draft.kind, *draft.fields, *tags)


def assemble(config: BuildConfig, files: list[NoteFile], ledger: Ledger, now: int) -> Assembly:
    """Name the decks, give every answered question its identity, and make its cards in order."""
    top = top_deck_name(config, files)
    placed = _place(config, files, top)
    # A question's own card carries its identity, even when its kind is not asked for.
    own = [question_card(p.question, p.context, p.file_key) for p in placed]
    drafts = [
        question_drafts(p.question, config.kinds, p.context, p.file_key, o) for p, o in zip(placed, own, strict=True)
    ]
    drafts, warnings = _told_apart(placed, drafts)
    items = [(p.file_key, p.question, _content(o, p.tags)) for p, o in zip(placed, own, strict=True)]
    # Tombstones (notes the notes no longer make) take no part in identity: only sync reads them.
    live = Ledger(tuple(e for e in ledger.entries if not e.removed))
    ids, entries = assign(items, live, config.namespace or top, now)

    previous = {e.guid: e for e in ledger.entries}
    taken = {i.guid for i in ids}
    # The last gate: whatever a field was made of, nh3 has the final word on it.
    sanitised = iter(
        sanitise_all([field for question_drafted in drafts for d in question_drafted for field in d.fields])
    )
    cards: list[Card] = []
    for p, ident, question_drafted in zip(placed, ids, drafts, strict=True):
        for draft in question_drafted:
            tags = tuple(dict.fromkeys((f"cardgen::{draft.kind}", *p.tags)))
            if draft.kind in (Kind.QA, Kind.CLOZE):
                guid, mtime = ident.guid, ident.mtime
            else:
                guid = derived_guid(ident.guid, draft.kind, draft.key, taken)
                content = _content(draft, p.tags)
                mtime = next_mtime(previous.get(guid), content, now)
                entries.append(
                    LedgerEntry(guid, p.file_key, question="", number="", answer="", content=content, mtime=mtime,
                                kind=draft.kind)
                )  # fmt: skip
            cards.append(
                Card(
                    guid=guid,
                    kind=draft.kind,
                    deck=p.deck,
                    question=p.question,
                    front_html=draft.front_html,
                    front_text=draft.front_text,
                    heading_html=draft.back_heading,
                    back_blocks=draft.back_blocks,
                    fields=type(draft.fields)(*(next(sanitised) for _ in draft.fields)),
                    context=p.context,
                    source=p.file_key,
                    tags=tags,
                    mtime=mtime,
                    order=len(cards),
                )
            )
    reworded = tuple(Reworded(p.question, i.reworded_from) for p, i in zip(placed, ids, strict=True) if i.reworded_from)
    ledger_entries = _with_fingerprints(entries, cards) + _tombstones(ledger, entries, now)
    return Assembly(Deck(top, tuple(cards), tuple(files)), ledger_entries, reworded, tuple(warnings))


def _with_fingerprints(entries: list[LedgerEntry], cards: list[Card]) -> tuple[LedgerEntry, ...]:
    """Each entry with the fingerprint of the note written for it (how sync finds it in Anki)."""
    written = {card.guid: note_fingerprint(NOTE_TYPES[card.kind].name, card.fields) for card in cards}
    return tuple(replace(e, anki=written.get(e.guid, "")) for e in entries)


def _tombstones(ledger: Ledger, entries: list[LedgerEntry], now: int) -> tuple[LedgerEntry, ...]:
    """Notes cardgen wrote that the notes no longer make (a question deleted, a row removed, a kind
    switched off): remembered, with their fingerprint, until ``cardgen sync --prune`` deletes them."""
    alive = {e.guid for e in entries}
    return tuple(e if e.removed else replace(e, removed=now) for e in ledger.entries if e.guid not in alive and e.anki)


def _told_apart(placed: list[_Placed], drafts: list[list[Draft]]) -> tuple[list[list[Draft]], list[Problem]]:
    """Every question's drafts, with fronts that read the same in one deck told apart."""
    fronts = [Front(p.deck, p.question, d) for p, ds in zip(placed, drafts, strict=True) for d in ds]
    told, warnings = distinct_fronts(fronts)
    regrouped, start = [], 0
    for ds in drafts:
        regrouped.append(told[start : start + len(ds)])
        start += len(ds)
    return regrouped, warnings
