"""cardgen init writes a working project and never overwrites."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cardgen.cli import main


def test_init_then_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["init", "notes"])
    assert result.exit_code == 0 and "wrote notes/cardgen.toml" in result.stdout
    monkeypatch.chdir(tmp_path / "notes")
    built = runner.invoke(main, ["build", "--no-pdf"])
    assert built.exit_code == 0, built.output
    assert (
        "4 questions: 11 cards (4 Q&A, 4 table, 3 term), 0 unanswered\nwrote build/Example-notes.apkg" in built.stdout
    )
    assert (tmp_path / "notes" / "build" / "Example-notes.apkg").exists()
    again = runner.invoke(main, ["init", "."])
    assert again.exit_code == 1 and "already exists; not overwriting anything" in again.stderr
