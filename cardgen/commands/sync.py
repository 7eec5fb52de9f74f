"""``cardgen sync``: build, then push the deck into the running Anki through AnkiConnect.

The package goes in through AnkiConnect's ``importPackage``, so a synced note and an imported
note are the same note (same GUID, same reviews). What changed is asked of Anki before and after,
never guessed. Notes cardgen made that the notes no longer make (the ledger's tombstones) are found
by their fingerprint (note type and fields: AnkiConnect cannot see GUIDs) among cardgen's note types
in the decks this build owns, then tagged ``cardgen::removed`` or, with ``--prune``, deleted. A
note anyone edited in Anki no longer has its fingerprint and is never touched (docs/anki.md).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from cardgen.anki.connect import API_VERSION, AnkiConnect, AnkiConnectError
from cardgen.cards.deck import assemble
from cardgen.commands.build import BuildResult, build, load_notes, safe_filename
from cardgen.config.options import BuildConfig
from cardgen.identity.guid import note_fingerprint
from cardgen.identity.ledger import dump_ledger, load_ledger
from cardgen.notetypes import NOTE_TYPES
from cardgen.output import write_text_atomic

REMOVED_TAG = "cardgen::removed"


@dataclass(frozen=True)
class SyncReport:
    """What a sync changed in Anki (or, with ``--dry-run``, would change)."""

    added: int
    """Notes new to Anki."""
    updated: int
    """Notes whose fields changed."""
    unchanged: int
    """Notes already as the build made them."""
    removed: int
    """Notes the notes no longer make that were found in Anki (tagged, or deleted with ``--prune``)."""
    lost: int
    """Such notes not found: deleted already, or edited in Anki (then left alone)."""
    pruned: bool
    """``removed`` notes were deleted rather than tagged."""
    dry_run: bool
    """Nothing was changed; the counts are what a sync would do."""
    build: BuildResult | None = None
    """The build, when one ran."""


def _search(value: str) -> str:
    """A deck or note type name as an Anki search term (its wildcards and quotes escaped)."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("*", "\\*").replace("_", "\\_")


def owned_query(deck: str) -> str:
    types = " OR ".join(f'"note:{_search(t.name)}"' for t in NOTE_TYPES.values())
    return f'"deck:{_search(deck)}" ({types})'


class _Steps:
    """Runs AnkiConnect actions, saying at which step a failure came and what was done before it."""

    def __init__(self, anki: AnkiConnect) -> None:
        self.anki, self.done = anki, ["the build was written"]

    def __call__(self, step: str, action: str, **params: Any) -> Any:
        try:
            return self.anki.call(action, **params)
        except AnkiConnectError as exc:
            raise AnkiConnectError(f"{exc.message} (while {step}; done so far: {', '.join(self.done)})") from exc


def _fingerprints(steps: _Steps, deck: str) -> dict[int, str]:
    """Note id → fingerprint of every note of cardgen's note types in ``deck`` and its sub-decks."""
    ids = steps("finding cardgen's notes in Anki", "findNotes", query=owned_query(deck))
    if not ids:
        return {}
    found: dict[int, str] = {}
    for info in steps("reading those notes", "notesInfo", notes=ids):
        fields = [v["value"] for _, v in sorted(info["fields"].items(), key=lambda item: item[1]["order"])]
        found[int(info["noteId"])] = note_fingerprint(info["modelName"], fields)
    return found


def check_anki(anki: AnkiConnect) -> None:
    version = anki.call("version")
    if not isinstance(version, int) or version < API_VERSION:
        raise AnkiConnectError(f"AnkiConnect answers version {version}; cardgen needs {API_VERSION}: update the add-on")


def push(config: BuildConfig, anki: AnkiConnect, result: BuildResult, *, prune: bool) -> SyncReport:
    """Import the built package into Anki, then tag or delete the notes the notes no longer make."""
    steps = _Steps(anki)
    deck = result.deck.name
    apkg = (config.output_dir / f"{safe_filename(deck)}.apkg").resolve()
    before = _fingerprints(steps, deck)
    steps("importing the deck", "importPackage", path=str(apkg))
    steps.done.append("the deck was imported")
    after = _fingerprints(steps, deck)
    added = sum(1 for note in after if note not in before)
    updated = sum(1 for note, fp in after.items() if note in before and before[note] != fp)

    ledger_path = config.ledger_path()
    ledger = load_ledger(ledger_path)
    tombstones = [e for e in ledger.entries if e.removed]
    by_fingerprint = {fp: note for note, fp in after.items()}
    found = [by_fingerprint[e.anki] for e in tombstones if e.anki in by_fingerprint]
    if found and prune:
        steps("deleting notes the notes no longer make", "deleteNotes", notes=found)
    elif found:
        steps(f"tagging notes the notes no longer make {REMOVED_TAG}", "addTags", notes=found, tags=REMOVED_TAG)
    if prune and tombstones:  # deleted, or gone or edited in Anki: either way nothing is left to prune
        write_text_atomic(ledger_path, dump_ledger([e for e in ledger.entries if not e.removed]))
    unchanged = len(after) - added - updated - (len(found) if found else 0)
    return SyncReport(added, updated, unchanged, len(found), len(tombstones) - len(found), prune, False, result)


def sync(
    config: BuildConfig,
    anki: AnkiConnect,
    *,
    prune: bool = False,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    now: int | None = None,
) -> SyncReport:
    """``cardgen sync``: check Anki answers, build (unless ``dry_run``), push."""
    check_anki(anki)
    if dry_run:
        return _dry_run(config, anki, now=now)
    result = build(replace(config, write_apkg=True), now, force=True, progress=progress)
    return push(config, anki, result, prune=prune)


def _dry_run(config: BuildConfig, anki: AnkiConnect, *, now: int | None) -> SyncReport:
    """What a sync would change, from the notes, the ledger and what Anki holds; nothing is written."""
    now = int(time.time()) if now is None else now
    old = load_ledger(config.ledger_path())
    assembly = assemble(config, load_notes(config), old, now)
    in_anki = set(_fingerprints(_Steps(anki), assembly.deck.name).values())
    known = {e.guid: e.anki for e in old.entries if not e.removed}
    added = updated = unchanged = 0
    for card in assembly.deck.cards:
        if note_fingerprint(NOTE_TYPES[card.kind].name, card.fields) in in_anki:
            unchanged += 1
        elif known.get(card.guid) in in_anki:
            updated += 1
        else:
            added += 1
    tombstones = [e for e in assembly.ledger if e.removed]
    removed = sum(1 for e in tombstones if e.anki in in_anki)
    return SyncReport(added, updated, unchanged, removed, len(tombstones) - removed, False, True)


def describe(report: SyncReport) -> list[str]:
    """The lines ``cardgen sync`` prints about Anki."""
    would = "would be " if report.dry_run else ""
    head = "Anki (dry run, nothing changed)" if report.dry_run else "Anki"
    lines = [f"{head}: {report.added} {would}added, {report.updated} {would}updated, {report.unchanged} unchanged"]
    if report.removed:
        if report.pruned:
            lines.append(f"{report.removed} note(s) the notes no longer make were deleted from Anki")
        else:
            action = "would be tagged" if report.dry_run else "were tagged"
            lines.append(
                f"{report.removed} note(s) the notes no longer make {action} {REMOVED_TAG}: find them in Anki's "
                f'browser with "tag:{REMOVED_TAG}"; `cardgen sync --prune` deletes them'
            )
    if report.lost:
        lines.append(
            f"{report.lost} note(s) the notes no longer make were not found in Anki "
            "(deleted already, or edited there: cardgen leaves edited notes alone)"
        )
    return lines
