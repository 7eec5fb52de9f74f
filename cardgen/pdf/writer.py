"""Stage 5b: the print-ready PDF, laid out by WeasyPrint.

fit (plan sizes and splits from a height model) → compose sheets → render → read every face's
box back from the final layout → fix what does not fit → write atomically.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path

from cardgen import collector
from cardgen.config.printing import PrintOptions
from cardgen.model import Card, Question, SourceLoc
from cardgen.output import atomic_path
from cardgen.pdf import cache, markup
from cardgen.pdf.engine import Renderer, fork_is_safe, harfbuzz_subset_available, weasyprint_warnings
from cardgen.pdf.fit import Fitted, fit_card
from cardgen.pdf.fonts import EMOJI, detect_language, missing_families, stacks_for, uncovered
from cardgen.pdf.layout import Sheet, make_sheet
from cardgen.pdf.markup import PrintCard
from cardgen.pdf.sheets import Sheets, compose, compose_sheet, layout_until_it_fits, pages_per_sheet
from cardgen.vocab import Layout, Side

__all__ = ["PdfReport", "compose", "write_pdf"]


@dataclass(frozen=True)
class PdfReport:
    """What the PDF stage did, for the build summary."""

    path: Path
    """The PDF written."""
    sheets: int
    """Sheets of paper."""
    pages: int
    """Pages in the PDF."""
    sheet: Sheet
    """The grid used."""
    printed: tuple[PrintCard, ...]
    """Every printed card, in order."""
    shrunk: tuple[tuple[Card, float], ...] = ()
    """Cards printed smaller than the base size, with the smallest size used."""
    split: tuple[tuple[Card, int], ...] = ()
    """Cards whose answers continue on several printed cards, with the count."""
    clipped: tuple[tuple[Question, Side], ...] = ()
    """Questions with a face that does not fit even at the floor (one block too big), and the face."""
    missing_glyphs: tuple[tuple[SourceLoc, str], ...] = ()
    """Characters no PDF font can print, by place."""
    warnings: tuple[str, ...] = field(default=())
    """Other problems (missing fonts, slow subsetting, WeasyPrint's own warnings)."""
    reused_sheets: int = 0
    """Sheets copied from the last build's PDF instead of laid out again."""


Progress = Callable[[int, int], None]
"""Told (sheets laid out, sheets in all) as parts of the PDF are done."""


def write_pdf(cards: Sequence[Card], path: Path, options: PrintOptions, progress: Progress | None = None) -> PdfReport:
    """Lay out ``cards`` for printing and write the PDF atomically, reusing what the last
    build laid out where nothing changed (``cache``)."""
    tell = progress or (lambda done, total: None)
    sheet = make_sheet(options.paper, options.card_size, fold=options.layout == Layout.FOLD)
    card_w, card_h = options.card_size
    texts = [c.front_text + "".join(b.text for b in c.back_blocks) for c in cards]
    language = options.language or detect_language("".join(texts))
    stacks = stacks_for(language)
    absent = missing_families(stacks)
    warnings = [
        f"font {family!r} is not installed; emoji may print as boxes (Debian: apt-get install fonts-noto-color-emoji)"
        if family == EMOJI
        else f"font {family!r} is not installed; Chinese/Japanese/Korean text may print as boxes "
        "(Debian: apt-get install fonts-noto-cjk)"
        for family in absent
    ]
    if not harfbuzz_subset_available():
        warnings.append(
            "libharfbuzz-subset0 is missing, so WeasyPrint subsets fonts the slow way (~30× slower with CJK "
            "fonts); install it (Debian: apt-get install libharfbuzz-subset0)"
        )
    missing = list(
        dict.fromkeys(
            (c.question.loc, "".join(chars))
            for c, text in zip(cards, texts, strict=True)
            if (chars := uncovered(text, stacks))
        )
    )
    style = markup.css(sheet, stacks, card_w, card_h)
    width, height = markup.face_width(card_w), markup.face_height(card_h)
    setup = cache.setup_key(options.paper, options.card_size, options.layout, options.duplex, options.back_offset,
                            options.font_floor, language, style, absent)  # fmt: skip
    old = cache.load(path, setup)
    keys = [cache.fit_key(card, width, height, options.font_floor) for card in cards]
    known = old.fits if old is not None else {}
    fitted = [
        restored if key in known and (restored := cache.restore(known[key], card)) is not None
        else fit_card(card, width, height, options.font_floor)
        for card, key in zip(cards, keys, strict=True)
    ]  # fmt: skip
    reusable = {h: n for n, h in enumerate(old.sheets)} if old is not None and old.reuses < cache.MAX_REUSES else {}

    with tempfile.TemporaryDirectory(prefix="cardgen-pdf-") as work:
        total = _sheets(sum(len(f.cards) for f in fitted), sheet)
        tell(0, total)
        if reusable and _worth_reusing(fitted, sheet, options, setup, reusable):
            # Few sheets changed: lay those out here, copy the others from the last PDF.
            job = PartJob(fitted, options, language, style, Path(work) / "part0.pdf", setup, reusable, path)
            parts = [render_part(job)]
            tell(total, total)
        else:
            groups = partition(fitted, sheet.per_sheet, workers_for(fitted, sheet, options))
            jobs = [
                PartJob(group, options, language, style, Path(work) / f"part{n}.pdf", setup)
                for n, group in enumerate(groups)
            ]
            workers = min(len(jobs), workers_for(fitted, sheet, options))
            sizes = [_sheets(sum(len(f.cards) for f in job.fitted), sheet) for job in jobs]
            done = 0
            if workers == 1:
                parts = []
                for job, size in zip(jobs, sizes, strict=True):
                    parts.append(render_part(job))
                    done += size
                    tell(done, total)
            else:
                # WeasyPrint documents cannot cross processes and threads are unsafe: each worker
                # lays out and writes whole sheets of its own; the parts are joined after.
                context = multiprocessing.get_context("fork" if fork_is_safe() else "spawn")
                me = os.getpid()
                with ProcessPoolExecutor(workers, context, initializer=start_worker, initargs=(me,)) as pool:
                    futures = {pool.submit(render_part, job): size for job, size in zip(jobs, sizes, strict=True)}
                    for future in as_completed(futures):
                        done += futures[future]
                        tell(done, total)
                    parts = [future.result() for future in futures]
        with atomic_path(path) as tmp:
            join_parts([part.path for part in parts], tmp)
            digest = cache.sha256_of(tmp)

    fitted = [f for part in parts for f in part.fitted]
    reused = sum(part.reused for part in parts)
    cache.save(
        path,
        cache.PdfCache(
            setup,
            digest,
            tuple(h for part in parts for h in part.sheets),
            old.reuses + 1 if old is not None and reused else 0,
            {key: cache.record(f) for key, f in zip(keys, fitted, strict=True)},
        ),
    )
    warnings.extend(dict.fromkeys(m for part in parts for m in part.logged if "notdef" in m or "glyph" in m))
    printed = tuple(pc for f in fitted for pc in f.cards)
    return PdfReport(
        path=path,
        sheets=sum(part.pages for part in parts) // pages_per_sheet(options),
        pages=sum(part.pages for part in parts),
        sheet=sheet,
        printed=printed,
        shrunk=tuple(
            (f.cards[0].card, min(min(pc.front_pt, pc.back_pt) for pc in f.cards)) for f in fitted if f.shrunk
        ),
        split=tuple((f.cards[0].card, len(f.cards)) for f in fitted if len(f.cards) > 1),
        clipped=tuple((f.cards[0].card.question, f.clipped) for f in fitted if f.clipped),
        missing_glyphs=tuple(missing),
        warnings=tuple(warnings),
        reused_sheets=reused,
    )


def _worth_reusing(
    fitted: Sequence[Fitted], sheet: Sheet, options: PrintOptions, setup: str, reusable: dict[str, int]
) -> bool:
    """True when at most half the sheets changed, and no more than a part's worth: laying out
    those in one process beats a full layout on every core, in bounded memory."""
    printed = [pc for f in fitted for pc in f.cards]
    per = sheet.per_sheet
    chunks = [printed[i : i + per] for i in range(0, max(len(printed), 1), per)]
    changed = sum(cache.sheet_key(setup, compose_sheet(c, 0, sheet, options)) not in reusable for c in chunks)
    return changed * 2 <= len(chunks) and changed <= MAX_SHEETS_PER_PART


# A second worker costs its own font setup, its own font subsets in its part and the join of the
# parts (tenths of a second forked; ~1.2 s more spawned, as Python and WeasyPrint load again), so
# each gets at least this many sheets (~2 s of layout). Measured forked at 6 sheets: 2 workers ~5 %
# faster than one.
MIN_SHEETS_PER_WORKER = 6


def workers_for(fitted: Sequence[Fitted], sheet: Sheet, options: PrintOptions) -> int:
    if options.workers:
        return options.workers
    sheets = _sheets(sum(len(f.cards) for f in fitted), sheet)
    return max(1, min(os.cpu_count() or 1, sheets // MIN_SHEETS_PER_WORKER))


# WeasyPrint holds a part's whole layout until the part is written (about 3 MB a sheet of CJK
# cards), so large decks are cut into parts of at most this many sheets, taken in turn by the
# workers. Each part embeds its own font subsets, which is why parts are not smaller still.
MAX_SHEETS_PER_PART = 100


def partition(fitted: list[Fitted], per_sheet: int, workers: int) -> list[list[Fitted]]:
    """Contiguous groups of cards with about equal sheet counts: one a worker, or more when a
    group would exceed ``MAX_SHEETS_PER_PART``.

    A group ends only where a sheet ends (its printed cards fill whole sheets), so the parts
    joined print exactly what one part would: no half-empty sheet inside the PDF, and every
    sheet the same cards, which sheet reuse (``cache``) relies on. A card printed on several
    cards can step over a boundary; the cut then waits for the next one.
    """
    total = sum(len(f.cards) for f in fitted)
    count = max(workers, -(-total // (per_sheet * MAX_SHEETS_PER_PART)))
    if count <= 1 or total <= per_sheet:
        return [fitted]
    target = -(-total // count)
    groups: list[list[Fitted]] = [[]]
    filled = 0
    for f in fitted:
        if filled >= target and filled % per_sheet == 0 and len(groups) < count:
            groups.append([])
            filled = 0
        groups[-1].append(f)
        filled += len(f.cards)
    return groups


@dataclass(frozen=True)
class PartJob:
    """Sheets for one process to lay out and write."""

    fitted: list[Fitted]
    """The cards, planned."""
    options: PrintOptions
    """Print settings."""
    language: str
    """``<html lang>``."""
    style: str
    """The sheets' CSS."""
    path: Path
    """Where the part's PDF goes."""
    setup: str
    """``cache.setup_key`` of this build."""
    reusable: dict[str, int] = field(default_factory=dict)
    """Sheets of ``old_pdf`` that may be copied, by hash."""
    old_pdf: Path | None = None
    """The last build's PDF."""


@dataclass(frozen=True)
class PartResult:
    fitted: list[Fitted]
    """The cards as finally printed (after fixes), ``clipped`` set on those cut off at the floor."""
    logged: list[str]
    """WeasyPrint's warnings."""
    pages: int
    """Pages written."""
    sheets: list[str]
    """Each sheet's hash, in order."""
    reused: int
    """Sheets copied from the old PDF."""
    path: Path
    """The part's PDF."""


def render_part(job: PartJob) -> PartResult:
    """Lay out, check and write one part (in this process or a worker)."""
    sheet = make_sheet(job.options.paper, job.options.card_size, fold=job.options.layout == Layout.FOLD)
    media = tempfile.TemporaryDirectory(prefix="cardgen-media-")
    with media as media_dir, weasyprint_warnings() as logged, collector.paused():
        for f in job.fitted:
            for name, source in f.cards[0].card.question.media:
                link = Path(media_dir) / name
                if not link.exists():
                    link.symlink_to(source.resolve())
        head = (job.language, job.style)
        sheets = Sheets(Renderer(Path(media_dir)), sheet, job.options, head, job.setup, job.reusable)
        fitted, clipped = layout_until_it_fits(sheets, list(job.fitted), job.options)
        # A card on a copied sheet was checked when it was laid out; it keeps its clipped mark.
        fitted = [replace(f, clipped=f.clipped or clipped.get(i)) for i, f in enumerate(fitted)]
        pages = sheets.write(job.path, job.old_pdf)
        hashes, reused = [h for h, _ in sheets.plan], sheets.reused
        del sheets
    gc.collect()  # the part's layout (every page and box) is garbage now: freed part by part
    return PartResult(fitted, list(logged), pages, hashes, reused, job.path)


def start_worker(parent: int) -> None:
    """In a worker: end when the build that started it is gone (``kill -9`` leaves its workers
    waiting on their queue forever otherwise). A forked worker holds a copy of the build's
    objects: frozen, the cycle collector does not walk them again and again while it lays out."""
    import gc
    import threading
    import time

    gc.freeze()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="cardgen-parent-watch").start()


def join_parts(parts: Sequence[Path], target: Path) -> None:
    if len(parts) == 1:
        shutil.copyfile(parts[0], target)
        return
    from pypdf import PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(part)
    with open(target, "wb") as out:
        writer.write(out)


def _sheets(count: int, sheet: Sheet) -> int:
    return max(1, -(-count // sheet.per_sheet))
