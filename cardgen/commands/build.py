"""``cardgen build``: load → assemble → write → record.

Reads the notes (``cardgen.notes``), makes the cards and their identities (``cardgen.cards``), writes
the Anki package and the PDF, and records what was built so an unchanged rebuild does nothing.
"""

from __future__ import annotations

import contextlib
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cardgen import collector
from cardgen.commands import state
from cardgen.config.options import BuildConfig
from cardgen.identity.ledger import dump_ledger, keep_damaged, load_ledger
from cardgen.model import Deck, NoteFile, Problem
from cardgen.output import atomic_paths

if TYPE_CHECKING:
    from cardgen.cards.deck import Reworded
    from cardgen.pdf.writer import PdfReport, Progress


@dataclass(frozen=True)
class BuildResult:
    """What a build did, for the summary."""

    deck: Deck
    """The cards built."""
    outputs: tuple[Path, ...]
    """Files written."""
    reworded: tuple[Reworded, ...] = ()
    """Questions recognised as rewordings of earlier ones."""
    warnings: tuple[str, ...] = field(default=())
    """Problems that did not stop the build."""
    problems: tuple[Problem, ...] = ()
    """Problems in the notes that did not stop the build, each with its place."""
    pdf: PdfReport | None = None
    """What the PDF stage did, when it ran."""
    timings: tuple[tuple[str, float], ...] = ()
    """Seconds spent per stage, in order."""
    up_to_date: bool = False
    """Nothing changed since the last build, so nothing was done (``deck`` is empty then)."""


def safe_filename(name: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|\s]+', "-", name).strip("-.")
    return cleaned or "deck"


def load_notes(config: BuildConfig) -> list[NoteFile]:
    from cardgen.notes.extract import extract  # markdown-it, Pygments: not needed when up to date
    from cardgen.notes.highlighting import stop_ahead
    from cardgen.notes.read import parse_file

    roots = config.required_note_roots()
    try:
        return [
            extract(
                parse_file(path),
                config.question_level,
                allow_html=config.allow_html,
                root=root,
                skip_headings=config.skip_headings,
                facts=config.kinds,
                pieces=config.write_pdf,  # printable pieces only for a PDF
            )
            for path, root in roots.items()
        ]
    finally:
        stop_ahead()  # the files are read: no child highlighting their code is left


def plan(config: BuildConfig, now: int | None = None) -> Deck:
    """The deck a build would write, without writing anything (preview, checks)."""
    from cardgen.cards.deck import assemble  # the notes stage: markdown-it, Pygments, emoji…

    now = int(time.time()) if now is None else now
    return assemble(config, load_notes(config), load_ledger(config.ledger_path()), now).deck


def build(
    config: BuildConfig, now: int | None = None, *, force: bool = False, progress: Progress | None = None
) -> BuildResult:
    """Run the whole pipeline and write the outputs (each atomically; the ledger right after the deck).

    When nothing the build reads has changed since the last build, nothing is done
    (``up_to_date``), unless ``force``.
    """
    if not force and (previous := state.unchanged_outputs(config, state.fingerprint(config))) is not None:
        return BuildResult(Deck("", (), ()), tuple(previous), up_to_date=True)
    now = int(time.time()) if now is None else now
    clock = time.perf_counter()
    timings: list[tuple[str, float]] = []

    def lap(stage: str) -> None:
        nonlocal clock
        timings.append((stage, time.perf_counter() - clock))
        clock = time.perf_counter()

    outputs: list[Path] = []
    with contextlib.ExitStack() as stack:
        workers = None
        if config.write_pdf:
            from cardgen.pdf.writer import start_workers, write_pdf

            # Started first, so that they load WeasyPrint and its fonts while the notes are read
            # (and forked before this process loads the notes stage, which they do not need).
            workers = stack.enter_context(start_workers(config.print_options))
        from cardgen.cards.deck import assemble  # not needed when up to date: imported here

        with collector.paused():
            files = load_notes(config)
            lap("parse + extract")
            ledger_path = config.ledger_path()
            ledger = load_ledger(ledger_path)
            problem = ledger.problem
            assembly = assemble(config, files, ledger, now)
            deck = assembly.deck
            lap("cards + identity")

            # Writers are imported only when used: genanki takes a noticeable share of a small
            # build's time, and an up-to-date check does not need it. (WeasyPrint is imported by
            # the PDF workers only.)
            if config.write_apkg:
                from cardgen.anki.writer import write_package

                apkg = config.output_dir / f"{safe_filename(deck.name)}.apkg"
                if ledger.damaged and ledger_path.exists():
                    copy = keep_damaged(ledger_path, time.time())
                    problem = problem.replace("Its copy is kept beside it", f"A copy is kept as {copy.name}")
                # The ledger describes what was exported: the two are replaced together.
                with atomic_paths(apkg, ledger_path) as (apkg_tmp, ledger_tmp):
                    write_package(deck, apkg_tmp)
                    ledger_tmp.write_text(dump_ledger(assembly.ledger), encoding="utf-8")
                outputs.append(apkg)
                lap("anki deck")
        pdf_report = None
        if workers is not None:
            pdf_path = config.output_dir / f"{safe_filename(deck.name)}.pdf"
            pdf_report = write_pdf(deck.cards, pdf_path, config.print_options, progress, workers)
            outputs.append(pdf_path)
            lap("pdf")
    if outputs:
        state.record(config, outputs)
    warnings = (problem,) if problem else ()
    return BuildResult(deck, tuple(outputs), assembly.reworded, warnings, assembly.warnings, pdf_report, tuple(timings))
