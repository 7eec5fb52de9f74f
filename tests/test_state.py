"""Incremental builds: nothing changed → nothing done, outputs byte-identical."""

from __future__ import annotations

from pathlib import Path

from cardgen.commands.build import build
from cardgen.commands.state import STATE_NAME
from cardgen.config.options import BuildConfig

CONFIG = BuildConfig(write_pdf=False)


def test_no_change_is_up_to_date(project: Path) -> None:
    first = build(CONFIG)
    apkg = first.outputs[0]
    before = apkg.read_bytes(), apkg.stat().st_mtime_ns
    second = build(CONFIG)
    assert second.up_to_date and second.outputs == first.outputs
    assert (apkg.read_bytes(), apkg.stat().st_mtime_ns) == before, "not even rewritten"
    assert not build(CONFIG, force=True).up_to_date


def test_any_input_change_rebuilds(project: Path) -> None:
    build(CONFIG)
    notes = project / "source" / "kubernetes-interview.md"
    notes.write_text(notes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not build(CONFIG).up_to_date
    assert build(CONFIG).up_to_date
    (project / "source" / "new.png").write_bytes(b"\x89PNG")
    assert not build(CONFIG).up_to_date
    assert not build(BuildConfig(write_pdf=False, deck_name="Other")).up_to_date  # settings are inputs too


def test_missing_damaged_or_edited_state_is_ignored(project: Path) -> None:
    first = build(CONFIG)
    state = project / "build" / STATE_NAME
    state.write_text("{not json", encoding="utf-8")
    assert not build(CONFIG).up_to_date
    first.outputs[0].write_bytes(b"tampered")
    assert not build(CONFIG).up_to_date
    first.outputs[0].unlink()
    assert not build(CONFIG).up_to_date and first.outputs[0].exists()


def test_the_vault_s_flashcard_settings_are_an_input(project: Path) -> None:
    """The vault is the folder above the notes holding ``.obsidian``: its Spaced Repetition settings
    decide which lines are cards, so editing them rebuilds."""
    settings = project / ".obsidian" / "plugins" / "obsidian-spaced-repetition" / "data.json"
    settings.parent.mkdir(parents=True)
    settings.write_text('{"settings": {"singleLineCardSeparator": ";;"}}', encoding="utf-8")
    build(CONFIG)
    assert build(CONFIG).up_to_date
    settings.write_text('{"settings": {"singleLineCardSeparator": "::"}}', encoding="utf-8")
    assert not build(CONFIG).up_to_date
