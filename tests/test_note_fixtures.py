"""Fixture-driven unit tests of the notes and cards stages, one Markdown file per case.

Each ``tests/fixtures/notes/<module>/<case>.md`` sits beside ``<case>.txt``, the account of
what cardgen makes of it: the deck, every card (line, kind, front) and every finding of
``cardgen check`` (line, level, message), in line order. Together these say, for every
question-like line of the case, whether it became a card or was reported.

The ``.txt`` files are written by hand, or with ``CARDGEN_UPDATE_FIXTURES=1`` and then read
line by line before they are committed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cardgen.commands.build import plan
from cardgen.commands.check import check
from cardgen.config.options import BuildConfig
from cardgen.errors import CardgenError
from tests.conftest import FIXTURES

CASES = sorted((FIXTURES / "notes").rglob("*.md"))


def account(path: Path) -> str:
    """What cardgen makes of one notes file, as the lines of its ``.txt``."""
    config = BuildConfig(sources=(path,), write_pdf=False, allow_html="allow-html" in path.stem)
    rows: list[tuple[int, int, str]] = []
    try:
        deck = plan(config, now=0)
    except CardgenError as exc:
        return f"error: {str(exc).replace(str(path.parent) + os.sep, '')}\n"
    for order, card in enumerate(deck.cards):
        rows.append((card.question.loc.line, order, f"{card.kind}: {card.front_text}"))
    for finding in check(config):
        message = finding.message.replace(str(path.parent) + os.sep, "")
        rows.append((finding.loc.line, len(rows) + 10**6, f"{finding.level}: {message}"))
    lines = [f"deck: {deck.name}"] + [f"{line}: {text}" for line, _, text in sorted(rows)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "case", CASES, ids=[c.relative_to(FIXTURES / "notes").with_suffix("").as_posix() for c in CASES]
)
def test_note_fixture(case: Path) -> None:
    expected_path = case.with_suffix(".txt")
    actual = account(case)
    if os.environ.get("CARDGEN_UPDATE_FIXTURES"):
        expected_path.write_text(actual, encoding="utf-8")
    assert expected_path.exists(), f"{expected_path.name} is missing (CARDGEN_UPDATE_FIXTURES=1 writes it)"
    assert actual == expected_path.read_text(encoding="utf-8")
