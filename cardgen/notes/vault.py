"""How an Obsidian vault's Spaced Repetition plugin is set up, read from the vault's own settings.

The plugin's users choose their card markers: which tags make a note a deck (``#flashcards`` by
default, ``#cisco`` or ``#os`` in some vaults) and the separators between question and answer
(``::`` by default, ``;;`` in some). A vault committed with its ``.obsidian`` folder carries these in
``.obsidian/plugins/obsidian-spaced-repetition/data.json`` (``settings``: ``flashcardTags``,
``singleLineCardSeparator``…, ``convertHighlightsToClozes``…, see docs/markdown.md); read with the
defaults instead, such a vault's cards would all be "text on no card". The vault is the nearest
folder above a note holding ``.obsidian``, as Obsidian itself has it.

No markdown-it here: the up-to-date check reads which settings file a build depends on.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SETTINGS_FILE = Path(".obsidian", "plugins", "obsidian-spaced-repetition", "data.json")


@dataclass(frozen=True)
class SrsSettings:
    """The plugin's card markers (its defaults unless the vault sets others)."""

    tags: tuple[str, ...] = ("flashcards",)
    """Tags (without ``#``) that make a note hold flashcards; ``tag/sub/deck`` counts too."""
    inline: str = "::"
    """Parts question from answer on one line."""
    inline_reversed: str = ":::"
    """The same, for a card asked both ways."""
    multiline: str = "?"
    """A line of its own between question lines and answer lines."""
    multiline_reversed: str = "??"
    """The same, for a card asked both ways."""
    cloze_highlights: bool = True
    """``==highlights==`` in a block are its cloze deletions."""
    cloze_bold: bool = False
    """``**bold**`` in a block are its cloze deletions."""

    @property
    def line_separators(self) -> frozenset[str]:
        """The lines that part a multi-line card."""
        return frozenset({self.multiline, self.multiline_reversed})


DEFAULT = SrsSettings()


def settings_file(folder: Path) -> Path | None:
    """The plugin's settings of the vault ``folder`` is in, when it has any."""
    for parent in (folder, *folder.parents):
        if (parent / ".obsidian").is_dir():
            path = parent / SETTINGS_FILE
            return path if path.is_file() else None
    return None


def settings_files(sources: Iterable[Path]) -> list[Path]:
    """The plugin's settings of the vaults the notes ``sources`` (files or folders) are in."""
    folders = {(source if source.is_dir() else source.parent).resolve() for source in sources}
    return sorted({found for folder in folders if (found := settings_file(folder)) is not None})


def vault_settings(folder: Path) -> SrsSettings:
    """The card markers of notes in ``folder`` (the defaults outside a vault, or when the
    settings file cannot be read: the plugin falls back to them too)."""
    path = settings_file(folder.resolve())
    if path is None:
        return DEFAULT
    try:
        return _read(path, path.stat().st_mtime_ns)
    except OSError:
        return DEFAULT


@functools.lru_cache(maxsize=16)
def _read(path: Path, mtime_ns: int) -> SrsSettings:
    """Read once per version of the file (``mtime_ns``), not once per note of the vault."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return DEFAULT
    settings = data.get("settings") if isinstance(data, dict) else None
    if not isinstance(settings, dict):
        return DEFAULT
    tags = settings.get("flashcardTags")
    listed = [t.strip().lstrip("#") for t in tags if isinstance(t, str)] if isinstance(tags, list) else []
    # Older versions of the plugin spelt the single-line keys "singleline…"; newer ones keep both.
    return SrsSettings(
        tags=tuple(t for t in listed if t) or DEFAULT.tags,
        inline=_separator(settings, "singleLineCardSeparator", "singlelineCardSeparator", DEFAULT.inline),
        inline_reversed=_separator(
            settings, "singleLineReversedCardSeparator", "singlelineReversedCardSeparator", DEFAULT.inline_reversed
        ),
        multiline=_separator(settings, "multilineCardSeparator", "multilineCardSeparator", DEFAULT.multiline),
        multiline_reversed=_separator(
            settings, "multilineReversedCardSeparator", "multilineReversedCardSeparator", DEFAULT.multiline_reversed
        ),
        cloze_highlights=_switch(settings, "convertHighlightsToClozes", DEFAULT.cloze_highlights),
        cloze_bold=_switch(settings, "convertBoldTextToClozes", DEFAULT.cloze_bold),
    )


def _switch(settings: dict[str, Any], key: str, default: bool) -> bool:
    value = settings.get(key)
    return value if isinstance(value, bool) else default


def _separator(settings: dict[str, Any], key: str, old_key: str, default: str) -> str:
    for name in (key, old_key):
        value = settings.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return default
