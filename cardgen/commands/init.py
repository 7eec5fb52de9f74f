"""``cardgen init``: a commented cardgen.toml and an example note to start from."""

from __future__ import annotations

from pathlib import Path

from cardgen.config.settings import CONFIG_NAME, template
from cardgen.errors import ConfigError

EXAMPLE_NOTE = """\
# Example notes

## Basics

### 1. What is cardgen?

A tool that turns Markdown notes into **Anki cards** and a printable PDF.

### 2. Which headings become questions?

The heading level with the most headings that have no sub-headings, here `###`.

### 3. How do comparison tables become cards?

| Feature | Anki deck | PDF |
| ------- | --------- | --- |
| Use     | spaced repetition | paper cards |
| Output  | `.apkg`   | `.pdf` |

### 4. What is a definition bullet?

Card kinds:

* qa：one card per question
* table：one card per table cell
* term：one card per definition bullet
"""


def init_project(directory: Path) -> list[Path]:
    """Write cardgen.toml and source/example.md in ``directory``; refuse to overwrite either."""
    config = directory / CONFIG_NAME
    note = directory / "source" / "example.md"
    existing = [str(p) for p in (config, note) if p.exists()]
    if existing:
        raise ConfigError(f"{', '.join(existing)} already exists; not overwriting anything")
    try:
        note.parent.mkdir(parents=True, exist_ok=True)
        config.write_text(template(), encoding="utf-8")
        note.write_text(EXAMPLE_NOTE, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write into {directory}: {exc.strerror or exc}") from exc
    return [config, note]
