"""PDF workers: processes that lay sheets out and write them.

The workers are started before the notes are read (``writer.start_workers``, from ``build``):
each loads WeasyPrint, its fonts and its user-agent stylesheet while the build reads the notes
and writes the deck, and parses the sheets' CSS as soon as the build has it (``prepare``).
``writer.write_pdf`` cuts the printed cards into chunks of whole sheets, largest first, and
hands a chunk to whichever worker is free, so one slow chunk does not leave the other cores
idle. A worker lays its chunk out, checks and fixes every face
(``sheets.layout_until_it_fits``), and keeps the pages until the next chunk would make them
more than ``MAX_SHEETS_PER_PART`` sheets, or no chunk is left; then it writes them as one PDF
part. The build joins the parts in sheet order.

Processes, because WeasyPrint's documents cannot cross processes and its threads are unsafe.
Forked on Linux (``engine.fork_is_safe``), spawned elsewhere. Parent and worker talk over a
pipe, one message each way in turn (but the CSS, sent ahead without an answer), so neither can
block the other.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import tempfile
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from cardgen import collector
from cardgen.config.printing import PrintOptions
from cardgen.errors import CardgenError
from cardgen.pdf.engine import (
    Renderer,
    fork_is_safe,
    harfbuzz_subset_available,
    html_class,
    load_weasyprint,
    weasyprint_warnings,
)
from cardgen.pdf.fit import Fitted
from cardgen.pdf.layout import make_sheet
from cardgen.pdf.sheets import Sheets, layout_until_it_fits
from cardgen.vocab import Layout

# WeasyPrint holds every page laid out (about 3 MB a sheet of CJK cards) until they are written,
# so a worker writes a part before it would hold more than this many sheets. Each part embeds its own font
# subsets, which is why parts are not smaller still.
MAX_SHEETS_PER_PART = 100


@dataclass(frozen=True)
class PrintSetup:
    """What every chunk of one build's PDF shares."""

    options: PrintOptions
    """Print settings."""
    language: str
    """``<html lang>``."""
    style: str
    """The sheets' CSS."""
    setup: str
    """``cache.setup_key`` of this build."""
    reusable: dict[str, int]
    """Sheets of the last build's PDF that may be copied instead of laid out, by hash."""
    work_dir: Path
    """Where the parts are written."""


@dataclass(frozen=True)
class Chunk:
    """Consecutive whole sheets of printed cards, laid out by one worker."""

    index: int
    """Its place in the PDF, counted in chunks."""
    fitted: list[Fitted]
    """Its cards, planned."""
    sheets: int
    """How many sheets they fill."""


@dataclass(frozen=True)
class ChunkResult:
    """A chunk laid out and checked."""

    index: int
    """``Chunk.index``."""
    fitted: list[Fitted]
    """Its cards as finally printed (after fixes), ``clipped`` set on those cut off at the floor."""
    sheets: list[tuple[str, int | None]]
    """Per sheet: its hash, and its sheet number in the last build's PDF when copied from there
    (None: laid out now, its pages are in a part)."""
    logged: list[str]
    """WeasyPrint's warnings."""


@dataclass(frozen=True)
class Part:
    """A PDF a worker wrote: the pages it laid out, chunk after chunk."""

    path: Path
    """The file."""
    chunks: list[int]
    """The chunks whose laid-out pages it holds, in the order they stand in it."""


class Printer:
    """A worker's state: one WeasyPrint setup, the chunks laid out and not written yet."""

    def __init__(self, media_dir: Path) -> None:
        self.media_dir = media_dir
        self.renderer = Renderer(media_dir)
        self.held: list[tuple[int, Sheets]] = []
        self.parts = 0

    def lay_out(self, setup: PrintSetup, chunk: Chunk) -> ChunkResult:
        options = setup.options
        for f in chunk.fitted:
            for name, source in f.cards[0].card.question.media:
                link = self.media_dir / name
                if not link.exists():
                    link.symlink_to(source.resolve())
        sheet = make_sheet(options.paper, options.card_size, fold=options.layout == Layout.FOLD)
        head = (setup.language, setup.style)
        sheets = Sheets(self.renderer, sheet, options, head, setup.setup, setup.reusable)
        with weasyprint_warnings() as logged:
            fitted, clipped = layout_until_it_fits(sheets, list(chunk.fitted), options)
        # A card on a copied sheet was checked when it was laid out; it keeps its clipped mark.
        fitted = [replace(f, clipped=f.clipped or clipped.get(i)) for i, f in enumerate(fitted)]
        plan = [(h, source if isinstance(source, int) else None) for h, source in sheets.plan]
        self.held.append((chunk.index, sheets))
        return ChunkResult(chunk.index, fitted, plan, list(logged))

    @property
    def held_sheets(self) -> int:
        return sum(len(sheets.plan) for _, sheets in self.held)

    def flush(self, work_dir: Path, *, more: bool = True) -> Part | None:
        """Write the pages laid out since the last part; None when there are none. ``more``:
        chunks may follow, so the memory of these pages is collected now."""
        pages = [page for _, sheets in self.held for page in sheets.new_pages()]
        part = None
        if pages:
            self.parts += 1
            path = work_dir / f"part-{os.getpid()}-{self.parts}.pdf"
            # Any document laid out here can hold the pages of all (a chunk copied whole has none).
            document = next(sheets.documents[0] for _, sheets in self.held if sheets.documents)
            with weasyprint_warnings():
                document.copy(pages).write_pdf(path)
            part = Part(path, [index for index, _ in self.held])
        self.held = []
        if more:  # the part's layout (every page and box) is garbage now: freed part by part
            gc.collect()  # (not after the last part: the worker ends, and the build waits for it)
        return part


def serve(conn: Connection, parent: int) -> None:
    """A worker's life: lay out each chunk sent until told to finish."""
    _end_with(parent)
    gc.freeze()  # a forked worker's copy of the build: the cycle collector need not walk it again
    try:
        with tempfile.TemporaryDirectory(prefix="cardgen-media-") as media, collector.paused():
            load_weasyprint()
            printer = Printer(Path(media))
            html_class()  # WeasyPrint's user-agent stylesheet, parsed before any chunk comes
            conn.send(("ready", harfbuzz_subset_available()))
            setup: PrintSetup | None = None
            while True:
                kind, payload = conn.recv()
                if kind == "style":  # the sheets' CSS, sent ahead of the chunks: parsed while the build plans
                    printer.renderer.stylesheet(payload)
                    continue
                if kind == "finish":
                    conn.send(("finished", printer.flush(setup.work_dir, more=False) if setup is not None else None))
                    return
                # The build's setup comes with a worker's first chunk only.
                setup, chunk = payload if payload[0] is not None else (setup, payload[1])
                assert setup is not None
                full = printer.held_sheets + chunk.sheets > MAX_SHEETS_PER_PART
                part = printer.flush(setup.work_dir) if full else None
                conn.send(("done", (printer.lay_out(setup, chunk), part)))
    except KeyboardInterrupt:
        return  # Ctrl-C reached the whole process group: the build stops too, and says so
    except BaseException:  # every failure goes to the build, which reports it
        with contextlib.suppress(OSError):  # unless the build is gone already
            conn.send(("error", traceback.format_exc()))


def _end_with(parent: int) -> None:
    """End this worker when the build that started it is gone (``kill -9`` would leave it
    waiting for a chunk forever otherwise)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="cardgen-parent-watch").start()


class PrintWorkerError(CardgenError):
    """A PDF worker was stopped from outside (killed, out of memory); nothing was written."""


class PrintWorkers:
    """``count`` worker processes for one build's PDF, for one ``run``.

    Started as early as the build knows it will print, before it knows how many sheets there
    will be: ``run`` gives chunks to as many as the deck is worth and lets the others go. Each
    imports WeasyPrint itself, so the build process never does (~0.2 s it would spend before
    the first chunk could start)."""

    def __init__(self, count: int) -> None:
        context: Any = multiprocessing.get_context("fork" if fork_is_safe() else "spawn")
        self.processes: list[Any] = []
        self.pipes: list[Connection] = []
        for _ in range(max(1, count)):
            ours, theirs = context.Pipe()
            process = context.Process(target=serve, args=(theirs, os.getpid()), name="cardgen-pdf", daemon=True)
            process.start()
            theirs.close()
            self.processes.append(process)
            self.pipes.append(ours)
        self.fast_subsetting = True
        """Every worker's WeasyPrint has HarfBuzz's subsetter (known once they are all ready)."""

    def __len__(self) -> int:
        return len(self.processes)

    def __enter__(self) -> PrintWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _stopped(self, w: int) -> PrintWorkerError:
        self.processes[w].join(timeout=5)  # its pipe closes a moment before its exit code is known
        code = self.processes[w].exitcode
        how = f"by signal {-code}" if code is not None and code < 0 else f"with exit code {code}"
        return PrintWorkerError(f"a PDF worker was stopped {how} (out of memory?); no PDF was written")

    def close(self) -> None:
        """Stop every worker still running (after a failure) and wait for all of them."""
        for process in self.processes:
            process.join(timeout=0.05)  # a worker that finished is ending on its own
            if process.is_alive():
                process.terminate()
        for process in self.processes:
            process.join()
        for pipe in self.pipes:
            pipe.close()

    def prepare(self, style: str) -> None:
        """Have every worker parse the sheets' CSS (and load its fonts) now, ahead of the chunks."""
        for w, pipe in enumerate(self.pipes):
            try:
                pipe.send(("style", style))
            except OSError:
                raise self._stopped(w) from None

    def run(
        self, setup: PrintSetup, chunks: Sequence[Chunk], done: Callable[[Chunk], None], use: int
    ) -> tuple[list[ChunkResult], list[Part]]:
        """Lay out and write ``chunks`` on the first ``use`` workers (the rest are let go); ``done``
        is told of each chunk laid out. Results come in chunk order."""
        pending = deque(chunks)
        by_index = {chunk.index: chunk for chunk in chunks}
        results: dict[int, ChunkResult] = {}
        parts: list[Part] = []
        told: set[int] = set()
        running = set(range(len(self.processes)))

        def hand_out(w: int) -> None:
            message = ("chunk", (setup if w not in told else None, pending.popleft())) if pending and w < use else None
            try:
                self.pipes[w].send(message or ("finish", None))
            except OSError:  # its end of the pipe is closed: it was stopped
                raise self._stopped(w) from None
            told.add(w)

        while running:
            pipes = {self.pipes[w]: w for w in running}
            for ready in wait(list(pipes)):
                assert isinstance(ready, Connection)
                w = pipes[ready]
                try:
                    kind, payload = ready.recv()
                except (EOFError, OSError):  # its end closed (reset, if a chunk sent was unread): stopped
                    raise self._stopped(w) from None
                if kind == "error":  # a bug in cardgen or WeasyPrint: its traceback, as in one process
                    raise RuntimeError(f"a PDF worker failed, nothing was written:\n{payload}")
                if kind == "ready":
                    self.fast_subsetting = self.fast_subsetting and payload
                if kind == "done":
                    result, part = payload
                    results[result.index] = result
                    parts.extend([part] if part is not None else [])
                    done(by_index[result.index])
                if kind == "finished":
                    parts.extend([payload] if payload is not None else [])
                    running.discard(w)
                else:
                    hand_out(w)
        return [results[chunk.index] for chunk in chunks], parts
