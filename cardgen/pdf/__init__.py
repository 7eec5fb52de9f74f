"""Stage 4b: the print-ready PDF, laid out by WeasyPrint.

fit (plan sizes and splits from a height model) → compose sheets → render → read every face's
box back from the final layout → fix what does not fit → write atomically.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cardgen.fonts import detect_language, missing_families, stacks_for, uncovered
from cardgen.layout import PrintOptions, Sheet, Slot, make_sheet
from cardgen.model import Card, Question, SourceLoc
from cardgen.output import atomic_path
from cardgen.pdf import markup
from cardgen.pdf.fit import BACK_STEPS, FRONT_STEPS, Fitted, fit_card, steps
from cardgen.pdf.markup import PX_PER_MM, PrintCard
from cardgen.text import text_of

MAX_FIX_ROUNDS = 4
TOLERANCE_MM = 0.3


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
    clipped: tuple[Question, ...] = ()
    """Questions with a face that does not fit even at the floor (one block too big)."""
    missing_glyphs: tuple[tuple[SourceLoc, str], ...] = ()
    """Characters no PDF font can print, by place."""
    warnings: tuple[str, ...] = field(default=())
    """Other problems (missing fonts, slow subsetting, WeasyPrint's own warnings)."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def weasyprint_warnings() -> Iterator[list[str]]:
    """Collect WeasyPrint's warnings (``.notdef glyph rendered``…) instead of letting them print."""
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    logger.addHandler(handler)
    old_propagate = logger.propagate
    logger.propagate = False
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = old_propagate


class Renderer:
    """One WeasyPrint setup (fonts loaded once) for every layout of a build.

    Images are found by their media names in ``base_url`` (a folder of links to the notes'
    images); only local files are read, remote URLs are never fetched."""

    def __init__(self, base_url: Path) -> None:
        from weasyprint.text.fonts import FontConfiguration
        from weasyprint.urls import URLFetcher

        self.base_url = str(base_url) + "/"
        self.fonts = FontConfiguration()
        self.fetcher = URLFetcher(allowed_protocols={"file"})

    def render(self, document_html: str) -> Any:
        from weasyprint import HTML

        html = HTML(string=document_html, base_url=self.base_url, url_fetcher=self.fetcher)
        return html.render(font_config=self.fonts)


def harfbuzz_subset_available() -> bool:
    from weasyprint.text import ffi

    return getattr(ffi, "harfbuzz_subset", None) is not None


def write_pdf(cards: Sequence[Card], path: Path, options: PrintOptions) -> PdfReport:
    """Lay out ``cards`` for printing and write the PDF atomically."""
    sheet = make_sheet(options.paper, options.card_size, fold=options.layout == "fold")
    card_w, card_h = options.card_size
    texts = [c.front_text + "".join(text_of(b) for b in c.back_blocks) for c in cards]
    language = options.language or detect_language("".join(texts))
    stacks = stacks_for(language)
    warnings = [
        f"font {family!r} is not installed; Chinese/Japanese/Korean text may print as boxes "
        "(Debian: apt-get install fonts-noto-cjk)"
        for family in missing_families(stacks)
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
    fitted = [fit_card(card, width, height, options.font_floor) for card in cards]

    groups = partition(fitted, sheet.per_sheet, workers_for(fitted, sheet, options))
    with tempfile.TemporaryDirectory(prefix="cardgen-pdf-") as work:
        jobs = [PartJob(group, options, language, style, Path(work) / f"part{n}.pdf") for n, group in enumerate(groups)]
        if len(jobs) == 1:
            parts = [render_part(jobs[0])]
        else:
            # WeasyPrint documents cannot cross processes and threads are unsafe: each spawned
            # worker lays out and writes whole sheets of its own; the parts are joined after.
            with ProcessPoolExecutor(len(jobs), mp_context=multiprocessing.get_context("spawn")) as pool:
                parts = list(pool.map(render_part, jobs))
        with atomic_path(path) as tmp:
            join_parts([job.path for job in jobs], tmp)

    fitted = [f for part in parts for f in part.fitted]
    warnings.extend(dict.fromkeys(m for part in parts for m in part.logged if "notdef" in m or "glyph" in m))
    printed = tuple(pc for f in fitted for pc in f.cards)
    return PdfReport(
        path=path,
        sheets=sum(part.pages for part in parts) // (1 if options.layout == "fold" else 2),
        pages=sum(part.pages for part in parts),
        sheet=sheet,
        printed=printed,
        shrunk=tuple(
            (f.cards[0].card, min(min(pc.front_pt, pc.back_pt) for pc in f.cards)) for f in fitted if f.shrunk
        ),
        split=tuple((f.cards[0].card, len(f.cards)) for f in fitted if len(f.cards) > 1),
        clipped=tuple(q for part in parts for q in part.clipped),
        missing_glyphs=tuple(missing),
        warnings=tuple(warnings),
    )


# A spawned worker costs about a second (Python, WeasyPrint and the fonts load again), so each
# gets at least this many sheets (~2 s of layout) before a second process pays for itself.
MIN_SHEETS_PER_WORKER = 6


def workers_for(fitted: Sequence[Fitted], sheet: Sheet, options: PrintOptions) -> int:
    if options.workers:
        return options.workers
    sheets = _sheets(sum(len(f.cards) for f in fitted), sheet)
    return max(1, min(os.cpu_count() or 1, sheets // MIN_SHEETS_PER_WORKER))


def partition(fitted: list[Fitted], per_sheet: int, workers: int) -> list[list[Fitted]]:
    """Contiguous groups of cards, each starting on a fresh sheet, with about equal sheet counts."""
    total = sum(len(f.cards) for f in fitted)
    if workers <= 1 or total <= per_sheet:
        return [fitted]
    target = -(-total // workers)
    target = -(-target // per_sheet) * per_sheet  # whole sheets
    groups: list[list[Fitted]] = [[]]
    count = 0
    for f in fitted:
        if count + len(f.cards) > target and groups[-1] and len(groups) < workers:
            groups.append([])
            count = 0
        groups[-1].append(f)
        count += len(f.cards)
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


@dataclass(frozen=True)
class PartResult:
    fitted: list[Fitted]
    """The cards as finally printed (after fixes)."""
    clipped: list[Question]
    """Questions cut off even at the floor."""
    logged: list[str]
    """WeasyPrint's warnings."""
    pages: int
    """Pages written."""


def render_part(job: PartJob) -> PartResult:
    """Lay out, check and write one part (in this process or a worker)."""
    sheet = make_sheet(job.options.paper, job.options.card_size, fold=job.options.layout == "fold")
    with tempfile.TemporaryDirectory(prefix="cardgen-media-") as media_dir, weasyprint_warnings() as logged:
        for f in job.fitted:
            for name, source in f.cards[0].card.question.media:
                link = Path(media_dir) / name
                if not link.exists():
                    link.symlink_to(source.resolve())
        renderer = Renderer(Path(media_dir))
        document, fitted, clipped = _layout_until_it_fits(
            renderer, list(job.fitted), sheet, job.options, job.language, job.style
        )
        document.write_pdf(job.path)
    return PartResult(fitted, clipped, list(logged), len(document.pages))


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


def compose(printed: Sequence[PrintCard], sheet: Sheet, options: PrintOptions) -> list[str]:
    """The pages: for duplex each sheet's front page then its back page; for fold one page a sheet."""
    return [
        page
        for start in range(0, max(len(printed), 1), sheet.per_sheet)
        for page in compose_sheet(printed[start : start + sheet.per_sheet], start, sheet, options)
    ]


def compose_sheet(chunk: Sequence[PrintCard], start: int, sheet: Sheet, options: PrintOptions) -> list[str]:
    """One sheet's pages; faces are numbered from ``start`` so ids are unique in the whole PDF."""
    card_w = options.card_size[0]
    dx, dy = options.back_offset
    ticks = markup.cut_ticks(sheet)
    numbered = list(enumerate(chunk, start))
    if options.layout == "fold":
        boxes = []
        for n, pc in numbered:
            slot = sheet.front(n - start)
            boxes.append(markup.card_box("front", slot, markup.front_face(pc, f"f{n}")))
            boxes.append(markup.card_box("back", Slot(slot.x + card_w, slot.y), markup.back_face(pc, f"b{n}")))
        return [markup.page("".join(boxes) + markup.fold_lines(sheet, card_w) + ticks)]
    fronts = "".join(
        markup.card_box("front", sheet.front(n - start), markup.front_face(pc, f"f{n}")) for n, pc in numbered
    )
    backs = []
    for n, pc in numbered:
        slot = sheet.back(n - start, options.duplex)
        backs.append(markup.card_box("back", Slot(slot.x + dx, slot.y + dy), markup.back_face(pc, f"b{n}")))
    return [markup.page(fronts + ticks), markup.page("".join(backs))]


class _Sheets:
    """Rendered sheets, kept between fix-up rounds: a round re-renders only the sheets whose
    cards changed and splices the pages together (WeasyPrint's ``Document.copy``)."""

    def __init__(self, renderer: Renderer, sheet: Sheet, options: PrintOptions, language: str, style: str) -> None:
        self.renderer, self.sheet, self.options = renderer, sheet, options
        self.language, self.style = language, style
        self.rendered: dict[int, tuple[tuple[PrintCard, ...], list[Any]]] = {}
        self.documents: list[Any] = []  # rendered pages need their documents alive

    def render(self, printed: Sequence[PrintCard]) -> tuple[Any, dict[str, tuple[float, float, float, float]]]:
        per = self.sheet.per_sheet
        chunks = [tuple(printed[i : i + per]) for i in range(0, max(len(printed), 1), per)]
        stale = [s for s, chunk in enumerate(chunks) if self.rendered.get(s, ((), []))[0] != chunk or not chunk]
        if stale:
            html = [page for s in stale for page in compose_sheet(chunks[s], s * per, self.sheet, self.options)]
            document = self.renderer.render(markup.document(self.language, self.style, html))
            self.documents.append(document)
            pages_per_sheet = len(document.pages) // len(stale)
            for k, s in enumerate(stale):
                self.rendered[s] = (chunks[s], document.pages[k * pages_per_sheet : (k + 1) * pages_per_sheet])
        for s in [s for s in self.rendered if s >= len(chunks)]:
            del self.rendered[s]
        pages = [page for s in range(len(chunks)) for page in self.rendered[s][1]]
        boxes: dict[str, tuple[float, float, float, float]] = {}
        for page in pages:
            boxes.update(page.anchors)
        return self.documents[0].copy(pages), boxes


def _layout_until_it_fits(
    renderer: Renderer,
    fitted: list[Fitted],
    sheet: Sheet,
    options: PrintOptions,
    language: str,
    style: str,
) -> tuple[Any, list[Fitted], list[Question]]:
    """Render, then read every face's box back. A face that overflows its card is set one
    step smaller (or its answer packed tighter), and its sheet rendered again.
    What still overflows at the floor is reported as clipped, never dropped silently."""
    limit = markup.face_height(options.card_size[1]) + TOLERANCE_MM
    width, height = markup.face_width(options.card_size[0]), markup.face_height(options.card_size[1])
    all_steps = {"f": steps(FRONT_STEPS, options.font_floor), "b": steps(BACK_STEPS, options.font_floor)}
    sheets = _Sheets(renderer, sheet, options, language, style)
    for round_ in range(MAX_FIX_ROUNDS + 1):
        printed = [pc for f in fitted for pc in f.cards]
        document, boxes = sheets.render(printed)
        owner = [i for i, f in enumerate(fitted) for _ in f.cards]
        overflowing = [
            (owner[n], side, pc)
            for n, pc in enumerate(printed)
            for side in ("f", "b")
            if (boxes[f"{side}{n}"][3] - boxes[f"{side}{n}"][1]) / PX_PER_MM > limit
        ]
        clipped: dict[int, Question] = {}
        before = list(fitted)
        last_round = round_ == MAX_FIX_ROUNDS
        for i, side, pc in overflowing:
            if fitted[i] is not before[i]:
                continue  # already corrected this round
            size = pc.front_pt if side == "f" else pc.back_pt
            smaller = [s for s in all_steps[side] if s < size]
            if smaller and not last_round:
                fitted[i] = _resize(fitted[i], side, smaller[0])
            elif side == "b" and len(pc.blocks) > 1 and not last_round:
                card, factor = pc.card, fitted[i].room_factor * 0.9  # pack the answer tighter
                fitted[i] = fit_card(card, width, height, options.font_floor, factor)
            else:
                clipped[i] = pc.card.question
        if fitted == before:
            return document, fitted, list(clipped.values())
    raise AssertionError("unreachable: the last round changes nothing")


def _resize(f: Fitted, side: str, size: float) -> Fitted:
    cards = tuple(replace(pc, front_pt=size) if side == "f" else replace(pc, back_pt=size) for pc in f.cards)
    return replace(f, cards=cards, shrunk=True)
