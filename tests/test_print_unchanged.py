"""What prints does not change when the PDF stage is made faster.

Each fixture in ``fixtures/print`` is printed and every word of the PDF (page, text, position)
compared with the words recorded beside it (``<name>.words.json``), written by the version
before a change to the printing. ``CARDGEN_UPDATE_FIXTURES=1`` records them anew: do that only
for a change meant to alter what prints, and look at the pages (``pdftoppm -png``) first.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pdfplumber
import pytest

from cardgen.commands.build import build
from cardgen.config.options import BuildConfig
from cardgen.config.printing import PrintOptions
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow

PRINTED = ("seed", "synthetic")
TOLERANCE_PT = 0.15  # a word may move by rounding, not by layout

Word = tuple[int, str, float, float]


def printed_words(notes: Path, tmp: Path) -> list[Word]:
    (tmp / "source").mkdir()
    shutil.copy(notes, tmp / "source" / notes.name)
    config = BuildConfig(
        sources=(tmp / "source",), output_dir=tmp / "build", write_apkg=False, print_options=PrintOptions(workers=1)
    )
    result = build(config, now=1_800_000_000)
    assert result.pdf is not None
    with pdfplumber.open(result.pdf.path) as pdf:
        return [
            (n, w["text"], round(w["x0"], 1), round(w["top"], 1))
            for n, page in enumerate(pdf.pages)
            for w in page.extract_words()
        ]


@pytest.mark.parametrize("name", PRINTED)
def test_every_word_prints_where_it_did(name: str, tmp_path: Path) -> None:
    words = printed_words(FIXTURES / "print" / f"{name}.md", tmp_path)
    recorded = FIXTURES / "print" / f"{name}.words.json"
    if os.environ.get("CARDGEN_UPDATE_FIXTURES"):
        lines = ",\n".join(json.dumps(word, ensure_ascii=False) for word in words)
        recorded.write_text(f"[\n{lines}\n]\n", encoding="utf-8")
    expected = [tuple(w) for w in json.loads(recorded.read_text(encoding="utf-8"))]
    assert [(page, text) for page, text, _, _ in words] == [(page, text) for page, text, _, _ in expected]
    moved = [
        (new, old)
        for new, old in zip(words, expected, strict=True)
        if abs(new[2] - old[2]) > TOLERANCE_PT or abs(new[3] - old[3]) > TOLERANCE_PT
    ]
    assert not moved, f"{len(moved)} words moved, first: {moved[:3]}"
