"""``cardgen init``: a commented cardgen.toml and an example note to start from."""

from __future__ import annotations

from pathlib import Path

from cardgen.errors import ConfigError
from cardgen.settings import CONFIG_NAME

CONFIG_TEMPLATE = """\
# cardgen settings. Every key is optional; command-line flags override these.
# Reference: cardgen build --help

# Where the notes are (folders are searched for *.md), and where outputs go.
sources = ["source"]
output = "build"

# Deck name (default: the notes' title, or the folder's name for several files),
# and one sub-deck per note file (default: only when there are several files).
# deck = "Kubernetes interview"
# subdecks = true

# Pin the identity namespace so renaming the deck keeps every note (default: the deck name).
# namespace = "kubernetes-interview"

# Heading level of questions, 1-6 (default: detected per file).
# question_level = 4

# Cards to make: "qa" (question & answer, or cloze), "table" (one per comparison-table cell),
# "term" (one per "term：definition" bullet).
kinds = ["qa", "table", "term"]

# Raw HTML in notes is shown as text unless this is true (scripts never pass either way).
# allow_html = false

# Language of the notes for fonts and glyph forms in the PDF (default: detected).
# language = "zh-CN"

# Outputs.
apkg = true
pdf = true

# Printing: paper "a4" or "letter"; card "default" (95x65 mm), "a7", "a6", "3x5in", "4x6in",
# "business" or "WxH" in mm or in; duplex "long" or "short" (the edge your printer flips on);
# layout "duplex" or "fold" (front and back side by side, for single-sided printers).
paper = "a4"
card = "default"
duplex = "long"
layout = "duplex"
# Smallest font size (pt) before a long answer continues on another card.
font_floor = 6.5
# Shift back pages by [dx, dy] mm if your printer's fronts and backs do not line up.
back_offset = [0, 0]
"""

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
    note.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(CONFIG_TEMPLATE, encoding="utf-8")
    note.write_text(EXAMPLE_NOTE, encoding="utf-8")
    return [config, note]
