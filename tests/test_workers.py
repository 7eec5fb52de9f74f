"""PDF workers: chunks of whole sheets, every face checked in every chunk, failures reported and
nothing written over the last PDF."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import cardgen.pdf.workers
import cardgen.pdf.writer
from cardgen.commands.build import build
from cardgen.config.options import BuildConfig
from cardgen.config.printing import PrintOptions
from cardgen.errors import CardgenError
from cardgen.pdf.fit import Fitted
from cardgen.pdf.writer import MAX_CHUNK_SHEETS, plan_chunks
from tests.conftest import FIXTURES, SEED


def fitted_of(sizes: list[int]) -> list[Fitted]:
    return [Fitted(cards=(None,) * n, shrunk=False) for n in sizes]  # type: ignore[arg-type]


def test_chunks_end_where_sheets_end_and_shrink_towards_the_end() -> None:
    """A chunk boundary inside a sheet would leave a half-empty sheet in the middle of the PDF;
    the last chunks are the smallest, so the workers finish together."""
    # Cards printed on 1, 2 or 3 cards each, as split answers are; 8 cards to a sheet.
    sizes = [1, 3, 1, 2, 1, 1, 3, 2, 1, 1, 1, 2, 3, 1, 1, 1, 2, 1, 1, 3, 1, 1, 2, 1] * 10
    fitted = fitted_of(sizes)
    chunks = plan_chunks(fitted, 8, workers=2)
    assert [f for c in chunks for f in c.fitted] == fitted
    assert [c.index for c in chunks] == list(range(len(chunks)))
    cards = [sum(len(f.cards) for f in c.fitted) for c in chunks]
    assert all(n % 8 == 0 for n in cards[:-1])
    assert [c.sheets for c in chunks] == [-(-n // 8) for n in cards]
    assert cards[0] > cards[-1] and max(cards) <= (MAX_CHUNK_SHEETS + 1) * 8


def test_one_sheet_or_none_is_one_chunk() -> None:
    assert [len(c.fitted) for c in plan_chunks(fitted_of([1, 1, 1]), 8, workers=2)] == [3]
    assert [len(c.fitted) for c in plan_chunks([], 8, workers=2)] == [0]


def copies_of_tall_front(folder: Path, count: int) -> Path:
    """``count`` questions whose front does not fit at the largest size: each must be shrunk."""
    text = (FIXTURES / "print" / "tall-front.md").read_text(encoding="utf-8")
    source = folder / "source"
    source.mkdir(parents=True)
    (source / "notes.md").write_text(
        "\n\n".join(
            text.replace("13. What are", f"{n}. What are").replace("?", f" (case {n})?") for n in range(1, count + 1)
        ),
        encoding="utf-8",
    )
    return source


@pytest.mark.slow
def test_every_chunk_is_checked_and_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every front planned too large (24 pt): in every chunk, on every worker, the layout read
    back finds it and sets it smaller, so none prints cut off."""
    fit_card = cardgen.pdf.writer.fit_card

    def too_large(*args: object) -> Fitted:
        planned = fit_card(*args)  # type: ignore[arg-type]
        return replace(planned, cards=tuple(replace(pc, front_pt=24.0) for pc in planned.cards))

    monkeypatch.setattr(cardgen.pdf.writer, "fit_card", too_large)
    source = copies_of_tall_front(tmp_path, 40)  # the Q&A and term cards of 40 questions: several chunks
    config = BuildConfig(
        sources=(source,), output_dir=tmp_path / "build", write_apkg=False, print_options=PrintOptions(workers=2)
    )
    report = build(config).pdf
    assert report is not None and report.sheets > 4 and not report.clipped
    fronts = [pc.front_pt for pc in report.printed if pc.card.kind == "qa"]
    assert len(fronts) == 40 and max(fronts) < 24.0


def seed_build(folder: Path) -> BuildConfig:
    (folder / "source").mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, folder / "source" / SEED.name)
    return BuildConfig(
        sources=(folder / "source",),
        output_dir=folder / "build",
        write_apkg=False,
        print_options=PrintOptions(workers=2),
    )


@pytest.mark.slow
def test_a_killed_worker_stops_the_build_and_keeps_the_last_pdf(tmp_path: Path) -> None:
    """A worker killed from outside (as the out-of-memory killer does) stops the build with a
    message, and the last PDF is left as it was."""
    config = seed_build(tmp_path)
    first = build(config).pdf
    assert first is not None
    before = first.path.read_bytes()

    def kill_a_worker(done: int, total: int) -> None:
        workers = [p for p in multiprocessing.active_children() if p.name == "cardgen-pdf"]
        if done and workers:  # after the first chunk, while the others are being laid out
            os.kill(workers[0].pid, signal.SIGKILL)

    with pytest.raises(CardgenError, match="PDF worker was stopped by signal 9"):
        build(config, force=True, progress=kill_a_worker)
    assert first.path.read_bytes() == before


@pytest.mark.slow
def test_a_failing_worker_reports_its_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug inside a worker (here: the sheets' CSS missing) fails the build with the worker's
    traceback, as it would in one process; no PDF is written."""
    config = seed_build(tmp_path)
    monkeypatch.setattr(cardgen.pdf.writer.markup, "css", lambda *args: None)
    with pytest.raises(RuntimeError, match=r"(?s)PDF worker failed.*TypeError"):
        build(config)
    assert not (tmp_path / "build" / "kubernetes-interview.pdf").exists()


@pytest.mark.slow
def test_workers_a_small_deck_does_not_need_are_let_go(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers start before the deck's size is known, one a core; a deck of three sheets (in
    two chunks) is laid out by one of them, in one part, and the other is let go."""
    monkeypatch.setattr(cardgen.pdf.writer.os, "cpu_count", lambda: 2)
    joined: list[int] = []
    join = cardgen.pdf.writer.join

    def counting_join(results: Any, parts: Any, *args: Any) -> None:
        joined.append(len(parts))
        join(results, parts, *args)

    monkeypatch.setattr(cardgen.pdf.writer, "join", counting_join)
    source = tmp_path / "source"
    source.mkdir()
    notes = "".join(f"## What is object {n}?\n\nThe object numbered {n}.\n\n" for n in range(20))
    (source / "notes.md").write_text(notes, encoding="utf-8")
    config = BuildConfig(sources=(source,), output_dir=tmp_path / "build", write_apkg=False)
    report = build(config).pdf
    assert report is not None and report.sheets == 3 and joined == [1]


@pytest.mark.slow
def test_the_build_process_never_imports_weasyprint(tmp_path: Path) -> None:
    """The PDF workers import WeasyPrint while the notes are read; the build process, which
    would spend ~0.2 s on it before the first chunk, does not."""
    source = tmp_path / "source"
    source.mkdir()
    (source / "notes.md").write_text("## What is a Pod?\n\nThe smallest deployable unit.\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from cardgen.commands.build import build\n"
        "from cardgen.config.options import BuildConfig\n"
        f"report = build(BuildConfig(sources=(Path({str(source)!r}),), output_dir=Path({str(tmp_path / 'build')!r})))\n"
        "assert report.pdf is not None and report.pdf.path.exists()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'weasyprint'))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
