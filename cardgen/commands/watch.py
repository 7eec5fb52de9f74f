"""``cardgen watch``: rebuild on every save, one line per rebuild, never dying on a bad edit."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import watchfiles

from cardgen.commands.build import BuildResult, build
from cardgen.config.options import LEDGER_NAME, NOTE_SUFFIXES, BuildConfig
from cardgen.config.settings import settings_files
from cardgen.errors import CardgenError
from cardgen.notes.vault import SETTINGS_FILE
from cardgen.notes.vault import settings_files as vault_settings_files

WATCHED_SUFFIXES = (*NOTE_SUFFIXES, ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".toml")


def relevant(change: watchfiles.Change, path: str) -> bool:
    """Notes, images and settings (a vault's flashcard settings too); never the ledger or temporary
    files the build itself writes."""
    if Path(path).parts[-len(SETTINGS_FILE.parts) :] == SETTINGS_FILE.parts:
        return True
    name = Path(path).name
    return name != LEDGER_NAME and not name.startswith(".") and name.lower().endswith(WATCHED_SUFFIXES)


def rebuild_line(load: Callable[[], BuildConfig], *, sync: bool = False) -> tuple[str, BuildResult | None]:
    """Read the settings and build once (and push into Anki); a one-line summary, or the first error
    (never an exception)."""
    start = time.perf_counter()
    stamp = time.strftime("%H:%M:%S")
    try:
        config = load()
        result = build(config)
        if sync and not result.up_to_date:
            from cardgen.anki.connect import AnkiConnect
            from cardgen.commands.sync import check_anki, push

            anki = AnkiConnect(config.anki_url, config.anki_key)
            check_anki(anki)
            report = push(config, anki, result, prune=False)
            took = time.perf_counter() - start
            line = f"{stamp} built {len(result.deck.cards)} cards; Anki: {report.added} added, {report.updated} updated"
            return f"{line} in {took:.1f}s", result
    except CardgenError as exc:
        first = str(exc).splitlines()[0]
        return f"{stamp} error: {first} (still watching)", None
    except OSError as exc:  # a file renamed or deleted while the build read it: the next save rebuilds
        return f"{stamp} error: {exc.filename or ''}: {exc.strerror or exc} (still watching)", None
    if result.up_to_date:
        return f"{stamp} up to date", result
    deck = result.deck
    took = time.perf_counter() - start
    line = f"{stamp} built {len(deck.cards)} cards, {len(deck.unanswered)} unanswered in {took:.1f}s"
    return line, result


def watch(
    load: Callable[[], BuildConfig],
    echo: Callable[[str], None],
    stop: threading.Event | None = None,
    project: Path | None = None,
    *,
    sync: bool = False,
) -> int:
    """Build, then rebuild after each batch of changes until ``stop`` is set (or Ctrl-C). Returns the builds run.

    ``load`` reads the settings afresh for every build, so an edit of ``cardgen.toml`` (or
    ``pyproject.toml``) takes effect at once; the folders watched are those of the first build.
    """
    sources = [p for p in load().sources if p.exists()]
    paths = [*sources, *(p for p in settings_files(project or Path.cwd()) if p.exists())]
    paths += vault_settings_files(sources)  # the vaults' flashcard settings (``.obsidian``, often above)
    line, _ = rebuild_line(load, sync=sync)
    echo(line)
    builds = 1
    echo(f"watching {', '.join(str(p) for p in paths)} (Ctrl-C to stop)")
    for _ in watchfiles.watch(*paths, watch_filter=relevant, stop_event=stop, debounce=300, raise_interrupt=False):
        line, _ = rebuild_line(load, sync=sync)
        echo(line)
        builds += 1
    return builds
