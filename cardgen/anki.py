"""Stage 4a: write the cards as an Anki package (.apkg) with genanki.

Note types are part of every user's collection once imported: their ids, field names
and template names are frozen (a change forks the note type, see FIELD-NOTES.md).
Template text and CSS may change, but then ``MODEL_REVISION`` must move forward so
Anki's "update if newer" applies it; a test pins the styling's hash to enforce that.
"""

from __future__ import annotations

import itertools
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import genanki

from cardgen.model import Card, Deck
from cardgen.output import atomic_path
from cardgen.styles import ANKI_CSS

# Frozen forever: changing any of these forks the note type in users' collections.
QA_MODEL_ID = 1_733_415_926
QA_MODEL_NAME = "cardgen Q&A"
QA_FIELDS = ("Question", "Answer", "Number", "Context", "Source", "Extra")
QA_TEMPLATE_NAME = "Card 1"

# Bump (to the current Unix time) whenever QA_FRONT, QA_BACK or ANKI_CSS change.
MODEL_REVISION = 1_795_600_000

QA_FRONT = """\
<div class="cg-meta">{{#Number}}<span class="cg-num">#{{Number}}</span>{{/Number}}\
{{#Context}}<span class="cg-context">{{Context}}</span>{{/Context}}</div>
<div class="cg-question">{{Question}}</div>"""

QA_BACK = """\
{{FrontSide}}
<hr id="answer">
<div class="cg-answer">{{Answer}}</div>
{{#Extra}}<div class="cg-extra">{{Extra}}</div>{{/Extra}}
{{#Source}}<div class="cg-source">{{Source}}</div>{{/Source}}"""


def qa_model() -> genanki.Model:
    return genanki.Model(
        QA_MODEL_ID,
        QA_MODEL_NAME,
        fields=[{"name": name} for name in QA_FIELDS],
        templates=[{"name": QA_TEMPLATE_NAME, "qfmt": QA_FRONT, "afmt": QA_BACK}],
        css=ANKI_CSS,
        sort_field_index=0,
    )


def note_fields(card: Card) -> list[str]:
    q = card.question
    return [q.title_html, q.answer_html, q.number, card.context, card.source, ""]


class _TimedNote(genanki.Note):  # type: ignore[misc]
    """A note stamped with its own modification time instead of the package's write time."""

    def __init__(self, mtime: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.mtime = mtime

    def write_to_db(self, cursor: sqlite3.Cursor, timestamp: float, deck_id: int, id_gen: Any) -> None:
        super().write_to_db(cursor, self.mtime, deck_id, id_gen)


def deck_id(name: str) -> int:
    # Anki matches decks by name; the id only has to be stable and in range.
    return int(genanki.guid_for("cardgen-deck", name).encode().hex(), 16) % (1 << 30) + (1 << 30)


def build_package(deck: Deck) -> genanki.Package:
    model = qa_model()
    decks: dict[str, genanki.Deck] = {}
    for card in deck.cards:
        if card.deck not in decks:
            decks[card.deck] = genanki.Deck(deck_id(card.deck), card.deck)
        decks[card.deck].add_note(
            _TimedNote(
                card.mtime,
                model=model,
                fields=note_fields(card),
                sort_field=card.question.title_text,
                tags=list(card.tags),
                guid=card.guid,
                due=card.order,
            )
        )
    return genanki.Package(list(decks.values()))


def write_apkg(deck: Deck, path: Path) -> None:
    """Write the package atomically: the previous file stays until the new one is complete."""
    package = build_package(deck)
    with tempfile.TemporaryDirectory(prefix="cardgen-") as tmp:
        db_path = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db_path)
        try:
            # Notes carry their own mtimes; the models get MODEL_REVISION so an unchanged
            # note type is never "newer" than the one already in the user's collection.
            id_gen = itertools.count(int(time.time() * 1000))
            package.write_to_db(conn.cursor(), MODEL_REVISION, id_gen)
            conn.commit()
        finally:
            conn.close()
        with atomic_path(path) as tmp_out, zipfile.ZipFile(tmp_out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(db_path, "collection.anki2")
            archive.writestr("media", "{}")
