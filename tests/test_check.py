"""cardgen check: each finding on a fixture, exit codes, --strict (also for build)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from cardgen.commands.check import check
from cardgen.config.options import BuildConfig
from tests.conftest import FIXTURES


@pytest.fixture
def notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(FIXTURES / "check", tmp_path / "source")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "source" / "notes.md"


def test_every_kind_of_finding(notes: Path) -> None:
    findings = [str(f) for f in check(BuildConfig())]
    assert findings == [
        "source/notes.md:7: warning: missing image: images/missing.png",
        "source/notes.md:9: warning: unanswered question: What is a Node?",
        "source/notes.md:11: error: duplicate question (also at source/notes.md:5): what is a pod",
        "source/notes.md:15: warning: no font can print '𐀀'",
        "source/notes.md:21: note: table makes no cards: most of its cells are links, emoji or empty",
        "source/notes.md:25: warning: heading looks like a question but is level 4 (questions here are level 3): "
        "6. Is this a question too?",
        "source/notes.md:29: note: answer needs 2 printed cards: A long answer",
    ]


def test_exit_codes_and_strict(notes: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 1  # the duplicate is an error
    assert result.stdout.splitlines()[-1] == "1 error, 4 warnings, 2 notes"
    notes.write_text(notes.read_text(encoding="utf-8").replace("### 3. what is a pod", "### 3. What is a Service?"))
    assert runner.invoke(main, ["check"]).exit_code == 0
    strict = runner.invoke(main, ["check", "--strict"])
    assert strict.exit_code == 1 and strict.stdout.splitlines()[-1] == "4 warnings, 2 notes"


def test_clean_notes_pass_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "n.md").write_text("## 1. What is a Pod?\n\nThe smallest unit.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--strict"])
    assert result.exit_code == 0 and result.stdout == "no problems found\n"


def test_build_strict_writes_nothing_on_warnings(notes: Path) -> None:
    notes.write_text(notes.read_text(encoding="utf-8").replace("### 3. what is a pod", "### 3. What is a Service?"))
    result = CliRunner().invoke(main, ["build", "--strict", "--no-pdf"])
    assert result.exit_code == 1
    assert "Error: --strict: 4 warnings, 2 notes; nothing was written" in result.stderr
    assert "source/notes.md:9: warning: unanswered question: What is a Node?" in result.stderr
    assert not (notes.parent.parent / "build").exists()
    assert CliRunner().invoke(main, ["build", "--no-pdf"]).exit_code == 0


def test_same_question_under_different_headings_is_no_duplicate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "source").mkdir()
    text = "# Redis\n\n## Overview\n\n### Data types\n\nFive.\n\n## Versus Memcached\n\n### Data types\n\nMore.\n"
    (tmp_path / "source" / "n.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [str(f) for f in check(BuildConfig())] == []
    (tmp_path / "source" / "n.md").write_text(text.replace("## Versus Memcached\n\n", ""), encoding="utf-8")
    assert [str(f) for f in check(BuildConfig())] == [
        "source/n.md:9: error: duplicate question (also at source/n.md:5): Data types"
    ]


def test_missing_html_image_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "source" / "assets").mkdir(parents=True)
    (tmp_path / "source" / "assets" / "here.png").write_bytes(b"png")
    text = '## Q. What is Docker?\n\nA tool.\n\n<p align="center">\n<img src="assets/gone.png" alt="x">\n</p>\n\n'
    text += 'Inline <img src="assets/here.png"> and <img src=assets/also-gone.png>.\n'
    (tmp_path / "source" / "n.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [str(f) for f in check(BuildConfig())] == [
        "source/n.md:6: warning: missing image: assets/gone.png",  # its own line, not its block's (5)
        "source/n.md:9: warning: missing image: assets/also-gone.png",
    ]


def test_an_empty_notes_folder_fails_like_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "source").mkdir()
    monkeypatch.chdir(tmp_path)
    for command in ("check", "build"):
        result = CliRunner().invoke(main, [command])
        assert result.exit_code == 1 and "no Markdown notes (*.md, *.markdown, *.mdx…) found in source" in result.stderr


def test_a_block_too_tall_for_any_card_is_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An answer splits between blocks and between a paragraph's sentences: one sentence taller than
    a card at the floor size would be cut off in print, so check warns (and build --strict writes
    nothing). A paragraph of many sentences continues on further cards instead: no warning."""
    (tmp_path / "source").mkdir()
    many = "## 2. And this one?\n\n" + "这是一个很长的段落。" * 200 + "\n"
    text = "## 1. What does the long sentence say?\n\n" + "这是一个很长的段落，" * 200 + "\n\n" + many
    (tmp_path / "source" / "n.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    findings = [str(f) for f in check(BuildConfig())]
    assert any(f.startswith("source/n.md:1: warning: too tall for one printed card even at 6.5 pt") for f in findings)
    assert not [f for f in findings if f.startswith("source/n.md:5: warning")]
    result = CliRunner().invoke(main, ["build", "--strict"])
    assert result.exit_code == 1 and not (tmp_path / "build" / "n.apkg").exists()


def test_check_json(notes: Path) -> None:
    import json

    result = CliRunner().invoke(main, ["check", "--json"])
    facts = json.loads(result.stdout)
    assert result.exit_code == 1 and facts["counts"] == {"error": 1, "warning": 4, "note": 2}
    assert facts["findings"][1] == {
        "file": "source/notes.md",
        "line": 9,
        "level": "warning",
        "message": "unanswered question: What is a Node?",
    }
