"""cardgen watch: one rebuild per edit, and a bad edit keeps it watching."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from cardgen.commands.watch import watch
from cardgen.config.options import BuildConfig
from cardgen.vocab import Kind


def wait_for(predicate: object, timeout: float = 20.0) -> bool:
    assert callable(predicate)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_edit_rebuilds_once_and_errors_keep_watching(project: Path) -> None:
    lines: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=watch, args=(lambda: BuildConfig(write_pdf=False), lines.append, stop, project), daemon=True
    )
    thread.start()
    try:
        assert wait_for(lambda: any(line.startswith("watching") for line in lines))
        assert " built 107 cards, 24 unanswered" in lines[0]
        notes = project / "source" / "kubernetes-interview.md"

        notes.write_text(
            notes.read_text(encoding="utf-8") + "\n\nKubernetes 有四层和七层负载均衡。\n", encoding="utf-8"
        )
        assert wait_for(lambda: len(lines) == 3)
        time.sleep(1.0)  # the ledger the rebuild wrote must not trigger another rebuild
        assert len(lines) == 3 and " built 108 cards, 23 unanswered" in lines[2]

        notes.write_bytes(notes.read_bytes() + b"\n\xff\n")
        assert wait_for(lambda: len(lines) == 4)
        assert "error: source/kubernetes-interview.md:" in lines[3] and "still watching" in lines[3]

        notes.write_bytes(notes.read_bytes()[:-3])
        assert wait_for(lambda: len(lines) == 5)
        assert lines[4].endswith(" up to date")  # back to what was last built
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_settings_edit_takes_effect_on_the_next_rebuild(project: Path) -> None:
    from cardgen.cli import config_from

    (project / "cardgen.toml").write_text('pdf = false\nkinds = ["qa"]\n', encoding="utf-8")
    lines: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(lambda: config_from({}), lines.append, stop, project), daemon=True)
    thread.start()
    try:
        assert wait_for(lambda: any(line.startswith("watching") for line in lines))
        assert " built 7 cards," in lines[0] and "cardgen.toml" in lines[1]
        (project / "cardgen.toml").write_text('pdf = false\nkinds = ["qa", "table"]\n', encoding="utf-8")
        assert wait_for(lambda: len(lines) == 3)
        assert " built 74 cards," in lines[2], lines
        (project / "cardgen.toml").write_text('pdf = false\nkinds = ["flash"]\n', encoding="utf-8")
        assert wait_for(lambda: len(lines) == 4)
        assert "error: cardgen.toml: kinds: expected a list" in lines[3] and "still watching" in lines[3]
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_an_edit_of_the_vault_s_flashcard_settings_rebuilds(project: Path) -> None:
    """The Spaced Repetition settings in ``.obsidian`` (above the notes folder) are watched: a new
    separator makes the lines written with it cards at the next rebuild."""
    settings = project / ".obsidian" / "plugins" / "obsidian-spaced-repetition" / "data.json"
    settings.parent.mkdir(parents=True)
    settings.write_text('{"settings": {"singleLineCardSeparator": "::"}}', encoding="utf-8")
    (project / "source" / "cards.md").write_text("#flashcards\n\nWhat is a Pod?;;The smallest unit\n", encoding="utf-8")
    lines: list[str] = []
    stop = threading.Event()
    args = (lambda: BuildConfig(write_pdf=False, kinds=frozenset({Kind.QA})), lines.append, stop, project)
    thread = threading.Thread(target=watch, args=args, daemon=True)
    thread.start()
    try:
        assert wait_for(lambda: any(line.startswith("watching") for line in lines))
        assert " built 7 cards," in lines[0] and "data.json" in lines[1]
        settings.write_text('{"settings": {"singleLineCardSeparator": ";;"}}', encoding="utf-8")
        assert wait_for(lambda: len(lines) == 3)
        assert " built 8 cards," in lines[2], lines
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()
