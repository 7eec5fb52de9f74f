"""A 10 MB note file with 20,000 questions builds, and every question is accounted for."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from benchmarks.synth import notes
from cardgen.commands.build import build
from cardgen.config.options import BuildConfig

pytestmark = pytest.mark.slow  # real Anki, WeasyPrint, fuzzing, killed builds or large files

QUESTIONS = 20_000


def test_ten_megabyte_file(tmp_path: Path) -> None:
    text = notes(QUESTIONS)
    source = tmp_path / "source" / "big.md"
    source.parent.mkdir()
    source.write_text(text, encoding="utf-8")
    assert source.stat().st_size >= 10 * 1024 * 1024
    # Counted from the text, independently of the parser: a section with any line under its heading.
    sections = text.split("#### ")[1:]
    answered = sum(1 for s in sections if s.split("\n", 1)[1].strip())

    result = build(BuildConfig(sources=(source.parent,), output_dir=tmp_path / "build", write_pdf=False))

    questions = result.deck.files[0].questions
    assert len(questions) == QUESTIONS
    assert sum(q.answered for q in questions) == answered
    assert len(result.deck.unanswered) == QUESTIONS - answered
    with zipfile.ZipFile(result.outputs[0]) as apkg:
        (tmp_path / "collection.anki2").write_bytes(apkg.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        (notes_in_deck,) = db.execute("select count(*) from notes").fetchone()
        (guids,) = db.execute("select count(distinct guid) from notes").fetchone()
    assert notes_in_deck == guids == len(result.deck.cards)  # every card its own note, no GUID twice
