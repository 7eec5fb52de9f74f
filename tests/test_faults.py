"""Faults: a build killed at any moment leaves the previous outputs and ledger intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from cardgen.commands.build import build
from cardgen.config.options import BuildConfig
from cardgen.identity.ledger import load_ledger

pytestmark = pytest.mark.slow  # real Anki, WeasyPrint, fuzzing, killed builds or large files


@pytest.mark.parametrize("delay", [0.5, 1.5, 3.0])
def test_kill_9_mid_build_keeps_previous_outputs(project: Path, delay: float) -> None:
    build(BuildConfig(kinds=frozenset({"qa"})))
    apkg, pdf = project / "build" / "kubernetes-interview.apkg", project / "build" / "kubernetes-interview.pdf"
    ledger = project / "source" / "cardgen.lock"
    before = {p: p.read_bytes() for p in (apkg, pdf, ledger)}

    notes = project / "source" / "kubernetes-interview.md"
    notes.write_text(notes.read_text(encoding="utf-8") + "\n#### 32.新问题\n\n新答案。\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "cardgen.cli", "build"], cwd=project)
    time.sleep(delay)  # the full build (all card kinds) takes several seconds, mostly in the PDF
    workers = children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while (alive := [pid for pid in workers if Path(f"/proc/{pid}").exists()]) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert alive == [], "PDF workers outlive a killed build"

    changed = {path.name for path, old in before.items() if path.read_bytes() != old}
    # Each output is the old file or a whole new one: the deck opens, the PDF parses, the ledger loads,
    # and the ledger describes the deck beside it (both old or both new: the ledger follows the deck).
    with zipfile.ZipFile(apkg) as archive:
        assert archive.testzip() is None
    assert len(PdfReader(pdf).pages) > 0
    assert load_ledger(ledger).problem == ""
    assert (apkg.name in changed) == (ledger.name in changed)
    if pdf.name in changed:
        assert apkg.name in changed  # the PDF is written last


def children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_stale_temporaries_of_killed_builds_are_removed(tmp_path: Path) -> None:
    from cardgen.output import STALE_SECONDS, write_text_atomic

    target = tmp_path / "out.txt"
    stale, fresh = tmp_path / ".out.txt.abc.tmp", tmp_path / ".out.txt.def.tmp"
    for leftover in (stale, fresh):
        leftover.write_text("partial", encoding="utf-8")
    old = time.time() - STALE_SECONDS - 60
    os.utime(stale, (old, old))
    write_text_atomic(target, "whole")
    assert target.read_text(encoding="utf-8") == "whole"
    assert not stale.exists() and fresh.exists(), "only a killed build's leftovers go; a running build's stay"


def test_outputs_written_together_are_replaced_together_or_not_at_all(tmp_path: Path) -> None:
    from cardgen.output import atomic_paths

    deck, ledger = tmp_path / "deck.apkg", tmp_path / "cardgen.lock"
    deck.write_text("old deck", encoding="utf-8")
    ledger.write_text("old ledger", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_paths(deck, ledger) as (deck_tmp, ledger_tmp):
        deck_tmp.write_text("new deck", encoding="utf-8")
        raise RuntimeError("the ledger could not be made")
    assert (deck.read_text(encoding="utf-8"), ledger.read_text(encoding="utf-8")) == ("old deck", "old ledger")
    with atomic_paths(deck, ledger) as (deck_tmp, ledger_tmp):
        deck_tmp.write_text("new deck", encoding="utf-8")
        ledger_tmp.write_text("new ledger", encoding="utf-8")
        assert deck.read_text(encoding="utf-8") == "old deck"  # nothing replaced before both are written
    assert (deck.read_text(encoding="utf-8"), ledger.read_text(encoding="utf-8")) == ("new deck", "new ledger")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cardgen.lock", "deck.apkg"]
