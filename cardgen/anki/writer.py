"""Stage 5a: write the cards as an Anki package (.apkg) with genanki.

Note types are part of every user's collection once imported: their ids, field names
and template names are frozen (a change forks the note type, see docs/anki.md).
Template text and CSS may change, but then ``MODEL_REVISION`` must move forward so
Anki's "update if newer" applies it; a test pins ``styling_fingerprint()`` to enforce that.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import sqlite3
import sys
import time
import types
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cardgen.anki.revision import MODEL_REVISION
from cardgen.anki.styles import ANKI_CSS
from cardgen.model import Deck
from cardgen.notetypes import NOTE_TYPES
from cardgen.standins import deferred, standing_in
from cardgen.vocab import Kind


def _import_genanki() -> Any:
    """genanki, without the start-up cost of two imports cardgen never exercises.

    genanki imports the ``cached_property`` package, which imports asyncio (about 25 ms), and
    PyYAML (about 15 ms), which it uses only for note types given as YAML text. Together that
    was a sixth of a 100-question build. While genanki loads, ``functools.cached_property``
    (same behaviour: computed once, stored on the instance) stands in for the first, and a
    stand-in that imports the real PyYAML on first use for the second (``cardgen.standins``).
    """
    if "genanki" in sys.modules:
        return sys.modules["genanki"]
    cached_property = types.ModuleType("cached_property")
    cached_property.cached_property = functools.cached_property  # type: ignore[attr-defined]
    with standing_in({"cached_property": cached_property, "yaml": deferred("yaml")}):
        import genanki
    return genanki


if TYPE_CHECKING:
    import genanki
else:
    genanki = _import_genanki()

# Template names are frozen with the note types (``cardgen/notetypes.py``); their text may change.
TEMPLATE_NAME = "Card 1"
CLOZE_TEMPLATE_NAME = "Cloze"


CONTEXT = """{{#Context}}<span class="cg-context">{{Context}}</span>{{/Context}}"""
META = f"""<div class="cg-meta">{CONTEXT}</div>"""
NUMBERED_META = (
    f"""<div class="cg-meta">{{{{#Number}}}}<span class="cg-num">#{{{{Number}}}}</span>{{{{/Number}}}}{CONTEXT}</div>"""
)
SOURCE = """{{#Source}}<div class="cg-source">{{Source}}</div>{{/Source}}"""
EXTRA = """{{#Extra}}<div class="cg-extra">{{Extra}}</div>{{/Extra}}"""

QA_FRONT = f"""{NUMBERED_META}
<div class="cg-question">{{{{Question}}}}</div>"""
QA_BACK = f"""{{{{FrontSide}}}}
<hr id="answer">
<div class="cg-answer">{{{{Answer}}}}</div>
{EXTRA}
{SOURCE}"""
TABLE_FRONT = f"""{META}
<div class="cg-question">{{{{Question}}}}</div>"""
TABLE_BACK = f"""{{{{FrontSide}}}}
<hr id="answer">
<div class="cg-answer"><div class="cg-value">{{{{Answer}}}}</div>{{{{Table}}}}</div>
{EXTRA}
{SOURCE}"""
TERM_FRONT = f"""{META}
<div class="cg-lead">{{{{Lead}}}}</div>
<div class="cg-question">{{{{Term}}}}</div>"""
TERM_BACK = f"""{{{{FrontSide}}}}
<hr id="answer">
<div class="cg-answer">{{{{Definition}}}}</div>
{EXTRA}
{SOURCE}"""
CLOZE_FRONT = f"""{META}
<div class="cg-answer">{{{{cloze:Text}}}}</div>"""
CLOZE_BACK = f"""{META}
<div class="cg-answer">{{{{cloze:Text}}}}</div>
{EXTRA}
{SOURCE}"""


TEMPLATES = {
    Kind.QA: (QA_FRONT, QA_BACK),
    Kind.TABLE: (TABLE_FRONT, TABLE_BACK),
    Kind.TERM: (TERM_FRONT, TERM_BACK),
    Kind.CLOZE: (CLOZE_FRONT, CLOZE_BACK),
}


def _model(kind: Kind) -> Any:
    note_type, (front, back) = NOTE_TYPES[kind], TEMPLATES[kind]
    cloze = kind == Kind.CLOZE
    return genanki.Model(
        note_type.id,
        note_type.name,
        fields=[{"name": field} for field in note_type.field_names],
        templates=[{"name": CLOZE_TEMPLATE_NAME if cloze else TEMPLATE_NAME, "qfmt": front, "afmt": back}],
        css=ANKI_CSS,
        model_type=genanki.Model.CLOZE if cloze else genanki.Model.FRONT_BACK,
        sort_field_index=0,
    )


def models() -> dict[Kind, Any]:
    """The note type of each card kind."""
    return {kind: _model(kind) for kind in NOTE_TYPES}


def styling_fingerprint() -> str:
    """Everything whose change must come with a newer MODEL_REVISION."""
    texts = [ANKI_CSS] + [t for m in models().values() for tmpl in m.templates for t in (tmpl["qfmt"], tmpl["afmt"])]
    return hashlib.sha256("\x1f".join(texts).encode()).hexdigest()[:12]


class _TimedNote(genanki.Note):  # type: ignore[misc]
    """A note stamped with its own modification time instead of the package's write time."""

    def __init__(self, mtime: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.mtime = mtime

    def write_to_db(self, cursor: sqlite3.Cursor, timestamp: float, deck_id: int, id_gen: Any) -> None:
        super().write_to_db(cursor, self.mtime, deck_id, id_gen)


class _Deck(genanki.Deck):  # type: ignore[misc]
    """A deck that writes only its notes. genanki rewrites the collection's whole lists of decks
    and note types (JSON) for every deck it writes: a vault of 800 one-file decks spent 1.3 s of a
    2.3 s build there. ``_write_decks`` writes both lists once."""

    def write_to_db(self, cursor: sqlite3.Cursor, timestamp: float, id_gen: Any) -> None:
        for note in self.notes:
            note.write_to_db(cursor, timestamp, self.deck_id, id_gen)


def _write_decks(cursor: sqlite3.Cursor, decks: list[_Deck], timestamp: float) -> None:
    """The collection's decks and note types, as genanki leaves them writing deck after deck: a
    note type's default deck is the last deck with a note of that type."""
    decks_json, models_json = cursor.execute("SELECT decks, models FROM col").fetchone()
    all_decks, all_models = json.loads(decks_json), json.loads(models_json)
    last_deck: dict[int, tuple[genanki.Model, int]] = {}
    for deck in decks:
        all_decks[str(deck.deck_id)] = deck.to_json()
        last_deck.update({note.model.model_id: (note.model, deck.deck_id) for note in deck.notes})
    for model_id, (model, deck_id) in last_deck.items():
        all_models[str(model_id)] = model.to_json(timestamp, deck_id)
    cursor.execute("UPDATE col SET decks = ?, models = ?", (json.dumps(all_decks), json.dumps(all_models)))


def deck_id(name: str) -> int:
    # Anki matches decks by name; the id only has to be stable and in range.
    return int(genanki.guid_for("cardgen-deck", name).encode().hex(), 16) % (1 << 30) + (1 << 30)


def build_package(deck: Deck) -> genanki.Package:
    kinds = models()
    decks: dict[str, genanki.Deck] = {}
    for card in deck.cards:
        if card.deck not in decks:
            decks[card.deck] = _Deck(deck_id(card.deck), card.deck)
        decks[card.deck].add_note(
            _TimedNote(
                card.mtime,
                model=kinds[card.kind],
                # U+001F separates fields in Anki's database: one inside a field would split it.
                fields=[field.replace("\x1f", "") for field in card.fields],
                sort_field=card.front_text,
                tags=list(card.tags),
                guid=card.guid,
                due=card.order,
            )
        )
    return genanki.Package(list(decks.values()))


def deck_media(deck: Deck) -> dict[str, Path]:
    """Media name → file, for every image the deck's cards show."""
    return dict(sorted({name: path for card in deck.cards for name, path in card.question.media}.items()))


def write_package(deck: Deck, path: Path) -> None:
    """Write the package to ``path`` as it goes; the build hands it a temporary file that
    replaces the deck (together with the ledger) once complete (``output.atomic_paths``)."""
    package = build_package(deck)
    # The collection is built in memory and zipped from there: as a file, SQLite would sync it
    # to disk at every statement that commits (56 waits for the seed), for a scratch copy.
    conn = sqlite3.connect(":memory:")
    try:
        # Notes carry their own mtimes; the models get MODEL_REVISION so an unchanged
        # note type is never "newer" than the one already in the user's collection.
        id_gen = itertools.count(int(time.time() * 1000))
        cursor = conn.cursor()
        package.write_to_db(cursor, MODEL_REVISION, id_gen)
        _write_decks(cursor, package.decks, MODEL_REVISION)
        conn.commit()
        collection = conn.serialize()
    finally:
        conn.close()
    media = deck_media(deck)
    # The fastest deflate level: the package is read once, by Anki's importer, and level 6 took
    # 2.5 times as long for 13 % less (1,000 long answers: 0.098 s vs 0.039 s, 1.68 vs 1.90 MB).
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("collection.anki2", collection)
        # Anki's package format: files stored as "0", "1", … and a JSON map to their media names.
        archive.writestr("media", json.dumps({str(i): name for i, name in enumerate(media)}))
        for i, source in enumerate(media.values()):
            archive.write(source, str(i))
