"""Faults end in one clear line with the path, exit 1, and leave the previous outputs and ledger as they were."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from cardgen.commands import watch as watch_module
from cardgen.config.options import BuildConfig


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with one note and a picture, built once without the PDF."""
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "source" / "n.md").write_text("## What is a Pod?\n\nThe smallest unit. ![p](pic.png)\n")
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["build", "--no-pdf"]).exit_code == 0
    return tmp_path


def outputs(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (project / "build" / "n.apkg", project / "source" / "cardgen.lock")}


def refuse_reading(monkeypatch: pytest.MonkeyPatch, unreadable: Callable[[Path], bool]) -> None:
    """Files for which ``unreadable`` holds cannot be read, as without the permission."""
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if unreadable(self):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def edit(project: Path) -> None:
    note = project / "source" / "n.md"
    note.write_text(note.read_text() + "\n## What is a Node?\n\nA machine.\n")


def test_an_unreadable_image_is_a_warning_not_a_traceback(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_reading(monkeypatch, lambda path: path.name == "pic.png")
    result = CliRunner().invoke(main, ["build", "--no-pdf", "--force"])
    assert result.exit_code == 0, result.output
    assert "source/n.md:3: warning: image 'pic.png' cannot be read: Permission denied" in result.stderr


@pytest.mark.parametrize("failing", ["fsync", "mkstemp"])
def test_a_full_disk_or_a_read_only_build_folder_leaves_everything_as_it_was(
    built: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    before = outputs(built)
    edit(built)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    if failing == "fsync":  # the disk fills up while the deck is written
        monkeypatch.setattr("cardgen.output.os.fsync", full)
        expected = "No space left on device; the previous files are untouched"
    else:  # build/ is read-only
        monkeypatch.setattr("cardgen.output.tempfile.mkstemp", read_only)
        expected = "Permission denied"
    result = CliRunner().invoke(main, ["build", "--no-pdf"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: cannot write build/n.apkg") and expected in line
    assert outputs(built) == before
    assert sorted(p.name for p in (built / "build").iterdir() if p.name.endswith(".tmp")) == []


def test_init_into_a_folder_it_cannot_write(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = CliRunner().invoke(main, ["init", str(blocker / "notes")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.startswith(f"Error: cannot write into {blocker / 'notes'}: ")


def test_a_file_that_vanishes_during_a_watch_rebuild_keeps_the_watcher_watching(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def vanished(config: BuildConfig) -> None:
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", "source/n.md")

    monkeypatch.setattr(watch_module, "build", vanished)
    line, result = watch_module.rebuild_line(lambda: BuildConfig(write_pdf=False))
    assert result is None and "error: source/n.md: No such file or directory (still watching)" in line


def test_an_unreadable_notes_file_is_one_line_and_nothing_changes(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = outputs(built)
    edit(built)
    refuse_reading(monkeypatch, lambda path: path.suffix == ".md")
    result = CliRunner().invoke(main, ["build", "--no-pdf"])
    assert result.exit_code == 1 and result.stderr.strip() == "Error: cannot read source/n.md: Permission denied"
    assert outputs(built) == before
