"""Stage 5b: the print-ready PDF, laid out by WeasyPrint.

fit (plan sizes and splits from a height model) → cut into chunks of sheets → workers compose,
render, read every face's box back from the layout, fix what does not fit, write parts
(``workers``) → join the parts atomically.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cardgen.config.printing import PrintOptions
from cardgen.model import Card, Question, SourceLoc
from cardgen.output import atomic_path
from cardgen.pdf import cache, markup
from cardgen.pdf.fit import Fitted, fit_card
from cardgen.pdf.fonts import EMOJI, detect_language, has_emoji, missing_families, stacks_for, uncovered
from cardgen.pdf.layout import Sheet, make_sheet
from cardgen.pdf.markup import PrintCard
from cardgen.pdf.sheets import compose, pages_per_sheet
from cardgen.pdf.workers import Chunk, ChunkResult, Part, PrintSetup, PrintWorkers
from cardgen.vocab import Layout, Side

__all__ = ["PdfReport", "compose", "start_workers", "write_pdf"]


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


def start_workers(options: PrintOptions) -> PrintWorkers:
    """The PDF workers a build may use: ``options.workers``, or one per core (``write_pdf`` lets
    go of those the deck is too small for)."""
    return PrintWorkers(options.workers or os.cpu_count() or 1)


def write_pdf(
    cards: Sequence[Card],
    path: Path,
    options: PrintOptions,
    progress: Progress | None = None,
    workers: PrintWorkers | None = None,
) -> PdfReport:
    """Lay out ``cards`` for printing and write the PDF atomically, reusing what the last
    build laid out where nothing changed (``cache``). ``workers``: started ahead by the build
    (``start_workers``), or here when None."""
    if workers is None:
        with start_workers(options) as started:
            return write_pdf(cards, path, options, progress, started)
    tell = progress or (lambda done, total: None)
    sheet = make_sheet(options.paper, options.card_size, fold=options.layout == Layout.FOLD)
    card_w, card_h = options.card_size
    texts = [c.front_text + "".join(b.text for b in c.back_blocks) for c in cards]
    language = options.language or detect_language("".join(texts))
    stacks = stacks_for(language, emoji=any(has_emoji(text) for text in texts))
    absent = missing_families(stacks)
    warnings = [
        f"font {family!r} is not installed; emoji may print as boxes (Debian: apt-get install fonts-noto-color-emoji)"
        if family == EMOJI
        else f"font {family!r} is not installed; Chinese/Japanese/Korean text may print as boxes "
        "(Debian: apt-get install fonts-noto-cjk)"
        for family in absent
    ]
    missing = list(
        dict.fromkeys(
            (c.question.loc, "".join(chars))
            for c, text in zip(cards, texts, strict=True)
            if (chars := uncovered(text, stacks))
        )
    )
    style = markup.css(sheet, stacks, card_w, card_h)
    workers.prepare(style)
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
    use = min(len(workers), workers_for(fitted, sheet, options))
    chunks = plan_chunks(fitted, sheet.per_sheet, use)
    total = _sheet_count(fitted, sheet.per_sheet)
    laid_out = 0

    def done(chunk: Chunk) -> None:
        nonlocal laid_out
        laid_out += chunk.sheets
        tell(min(laid_out, total), total)

    if use > 1 or reusable:
        # The parts will be joined: pypdf is imported now (~50 ms), while the workers are still
        # loading WeasyPrint, rather than after the last of them is done.
        import pypdf  # noqa: F401

    tell(0, total)
    with tempfile.TemporaryDirectory(prefix="cardgen-pdf-") as work:
        job = PrintSetup(options, language, style, setup, reusable, Path(work))
        results, parts = workers.run(job, chunks, done, use)
        with atomic_path(path) as tmp:
            join(results, parts, path if reusable else None, pages_per_sheet(options), tmp)
            digest = cache.sha256_of(tmp)

    fitted = [f for result in results for f in result.fitted]
    plan = [entry for result in results for entry in result.sheets]
    reused = sum(old_sheet is not None for _, old_sheet in plan)
    cache.save(
        path,
        cache.PdfCache(
            setup,
            digest,
            tuple(h for h, _ in plan),
            old.reuses + 1 if old is not None and reused else 0,
            {key: cache.record(f) for key, f in zip(keys, fitted, strict=True)},
        ),
    )
    if not workers.fast_subsetting:
        warnings.append(
            "libharfbuzz-subset0 is missing, so WeasyPrint subsets fonts the slow way (~30× slower with CJK "
            "fonts); install it (Debian: apt-get install libharfbuzz-subset0)"
        )
    warnings.extend(dict.fromkeys(m for r in results for m in r.logged if "notdef" in m or "glyph" in m))
    printed = tuple(pc for f in fitted for pc in f.cards)
    return PdfReport(
        path=path,
        sheets=len(plan),
        pages=len(plan) * pages_per_sheet(options),
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


# A worker's first chunk costs its own font subsets in its part and the join of the parts
# (tenths of a second), so each worker used gets at least this many sheets (~2 s of layout).
# Measured at 6 sheets: 2 workers ~5 % faster than one.
MIN_SHEETS_PER_WORKER = 6
# A chunk is the most a worker may still be busy with when the others have nothing left; chunks
# shrink towards the end of the PDF ("guided" scheduling) but never past this.
MAX_CHUNK_SHEETS = 20


def workers_for(fitted: Sequence[Fitted], sheet: Sheet, options: PrintOptions) -> int:
    """How many workers a PDF of these cards is worth: ``options.workers``, or one per core and
    ``MIN_SHEETS_PER_WORKER`` sheets."""
    if options.workers:
        return options.workers
    sheets = _sheet_count(fitted, sheet.per_sheet)
    return max(1, min(os.cpu_count() or 1, sheets // MIN_SHEETS_PER_WORKER))


def plan_chunks(fitted: list[Fitted], per_sheet: int, workers: int) -> list[Chunk]:
    """The cards cut into consecutive chunks, each about a ``2 × workers``-th of the sheets
    still left, so chunks shrink towards the end and the workers finish together.

    A chunk ends only where a sheet ends (its printed cards fill whole sheets), so the chunks
    joined print exactly what one layout would: no half-empty sheet inside the PDF, and every
    sheet the same cards, which sheet reuse (``cache``) relies on. A card printed on several
    cards can step over a boundary; the cut then waits for the next one.
    """
    left = _sheet_count(fitted, per_sheet)

    def size() -> int:
        return max(1, min(MAX_CHUNK_SHEETS, -(-left // (2 * workers))))

    groups: list[list[Fitted]] = [[]]
    filled, target = 0, size()
    for f in fitted:
        if filled >= target * per_sheet and filled % per_sheet == 0:
            left -= filled // per_sheet
            groups.append([])
            filled, target = 0, size()
        groups[-1].append(f)
        filled += len(f.cards)
    return [Chunk(index, group, _sheet_count(group, per_sheet)) for index, group in enumerate(groups)]


def join(
    results: Sequence[ChunkResult], parts: Sequence[Part], old_pdf: Path | None, per_sheet: int, target: Path
) -> None:
    """The final PDF: every sheet's pages in order, from the part its chunk was written to, or
    from the last build's PDF when it was copied."""
    copied = any(o is not None for r in results for _, o in r.sheets)
    if len(parts) == 1 and not copied and parts[0].chunks == [r.index for r in results]:
        shutil.copyfile(parts[0].path, target)  # one worker laid everything out, in order
        return
    from pypdf import PdfReader, PdfWriter

    where: dict[int, tuple[PdfReader, int]] = {}  # chunk → (its part, its first page there)
    for part in parts:
        reader, offset = PdfReader(part.path), 0
        for index in part.chunks:
            where[index] = (reader, offset)
            offset += per_sheet * sum(o is None for _, o in results[index].sheets)
    old = PdfReader(old_pdf) if old_pdf is not None and copied else None
    writer = PdfWriter()
    for result in results:
        new = where.get(result.index)
        for _, old_sheet in result.sheets:
            if old_sheet is None:
                assert new is not None
                source, first = new
                new = (source, first + per_sheet)
            else:
                assert old is not None
                source, first = old, old_sheet * per_sheet
            for p in range(first, first + per_sheet):
                writer.add_page(source.pages[p])
    with open(target, "wb") as out:
        writer.write(out)


def _sheet_count(fitted: Sequence[Fitted], per_sheet: int) -> int:
    return max(1, -(-sum(len(f.cards) for f in fitted) // per_sheet))
