"""A real, headless Anki collection (PyPI ``anki``, the Rust backend Anki itself uses)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest


@dataclass
class ImportLog:
    new: int
    updated: int
    duplicate: int
    conflicting: int
    unchanged: int


class AnkiCollection:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.col = Collection(str(path))

    def close(self) -> None:
        self.col.close()

    def import_apkg(self, apkg: Path) -> ImportLog:
        """Import with the options a new Anki profile uses (update notes and note types if newer)."""
        request = ImportAnkiPackageRequest(package_path=str(apkg.resolve()), options=ImportAnkiPackageOptions())
        log = self.col.import_anki_package(request).log
        self.col.models._clear_cache()
        return ImportLog(
            new=len(log.new),
            updated=len(log.updated),
            duplicate=len(log.duplicate),
            conflicting=len(log.conflicting),
            unchanged=len(log.duplicate),
        )

    def notes(self) -> dict[str, object]:
        """guid → note."""
        return {self.col.get_note(nid).guid: self.col.get_note(nid) for nid in self.col.find_notes("")}

    def field(self, guid: str, name: str) -> str:
        note = self.notes()[guid]
        return str(note[name])  # type: ignore[index]

    def render_all(self) -> list[tuple[str, str]]:
        """(question, answer) HTML of every card, rendered by Anki's template engine."""
        rendered = []
        for cid in self.col.find_cards(""):
            out = self.col.get_card(cid).render_output(reload=True, browser=False)
            rendered.append((out.question_text, out.answer_text))
        return rendered

    def review_all(self, ease: int = 3) -> dict[int, int]:
        """Answer every card once through the real scheduler; card id → number of review log entries."""
        for cid in self.col.find_cards(""):
            card = self.col.get_card(cid)
            card.start_timer()
            self.col.sched.answerCard(card, ease)
        return self.review_counts()

    def review_counts(self) -> dict[int, int]:
        rows = self.col.db.all("select cid, count() from revlog group by cid")
        return {int(cid): int(n) for cid, n in rows}

    def card_ids_by_guid(self) -> dict[str, list[int]]:
        result: dict[str, list[int]] = {}
        for nid in self.col.find_notes(""):
            note = self.col.get_note(nid)
            result[note.guid] = sorted(note.card_ids())
        return result
