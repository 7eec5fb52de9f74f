"""Sheets of cards: composed as HTML, laid out by WeasyPrint, checked, fixed, written.

A sheet is laid out once per build at most, and not at all when the PDF of the last build
holds a sheet with the very same HTML (``cache``): its pages are copied from that PDF.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from cardgen.config.printing import PrintOptions
from cardgen.pdf import markup
from cardgen.pdf.cache import sheet_key
from cardgen.pdf.fit import BACK_STEPS, FRONT_STEPS, Fitted, fit_card, steps
from cardgen.pdf.layout import Sheet, Slot
from cardgen.pdf.markup import PX_PER_MM, PrintCard
from cardgen.vocab import Layout, Side

if TYPE_CHECKING:
    from cardgen.pdf.engine import Renderer

MAX_FIX_ROUNDS = 4
TOLERANCE_MM = 0.3


def compose(printed: Sequence[PrintCard], sheet: Sheet, options: PrintOptions) -> list[str]:
    """The pages: for duplex each sheet's front page then its back page; for fold one page a sheet."""
    return [
        page
        for start in range(0, max(len(printed), 1), sheet.per_sheet)
        for page in compose_sheet(printed[start : start + sheet.per_sheet], start, sheet, options)
    ]


def compose_sheet(chunk: Sequence[PrintCard], start: int, sheet: Sheet, options: PrintOptions) -> list[str]:
    """One sheet's pages; faces are numbered from ``start``, so ids are unique in a document of
    consecutive sheets (a chunk)."""
    card_w = options.card_size[0]
    dx, dy = options.back_offset
    ticks = markup.cut_ticks(sheet)
    numbered = list(enumerate(chunk, start))
    if options.layout == Layout.FOLD:
        boxes = []
        for n, pc in numbered:
            slot = sheet.front(n - start)
            boxes.append(markup.card_box(Side.FRONT, slot, markup.front_face(pc, f"f{n}")))
            boxes.append(markup.card_box(Side.BACK, Slot(slot.x + card_w, slot.y), markup.back_face(pc, f"b{n}")))
        return [markup.page("".join(boxes) + markup.fold_lines(sheet, card_w) + ticks)]
    fronts = "".join(
        markup.card_box(Side.FRONT, sheet.front(n - start), markup.front_face(pc, f"f{n}")) for n, pc in numbered
    )
    backs = []
    for n, pc in numbered:
        slot = sheet.back(n - start, options.duplex)
        backs.append(markup.card_box(Side.BACK, Slot(slot.x + dx, slot.y + dy), markup.back_face(pc, f"b{n}")))
    return [markup.page(fronts + ticks), markup.page("".join(backs))]


class Sheets:
    """Consecutive sheets of one build (a worker's chunk of it), kept between fix-up rounds: a
    round lays out only sheets whose HTML changed and splices the pages together
    (WeasyPrint's ``Document.copy``). ``reusable`` maps sheet hashes to their sheet number in
    the last build's PDF; those sheets are copied from it instead, when the parts are joined."""

    def __init__(
        self,
        renderer: Renderer,
        sheet: Sheet,
        options: PrintOptions,
        document_head: tuple[str, str],
        setup: str,
        reusable: Mapping[str, int] | None = None,
    ) -> None:
        self.renderer, self.sheet, self.options = renderer, sheet, options
        self.language, self.style = document_head
        self.setup = setup
        self.reusable = dict(reusable or {})
        self.laid_out: dict[int, tuple[str, list[Any]]] = {}  # sheet → (hash, WeasyPrint pages)
        self.documents: list[Any] = []  # laid-out pages need their documents alive
        self.plan: list[tuple[str, list[Any] | int]] = []  # per sheet: (hash, pages, or sheet in old_pdf)

    def render(self, printed: Sequence[PrintCard]) -> dict[str, tuple[float, float, float, float]]:
        """Lay out what changed; the boxes of every face laid out in this build, by face id."""
        per = self.sheet.per_sheet
        chunks = [tuple(printed[i : i + per]) for i in range(0, max(len(printed), 1), per)]
        # Hashed as if first in the PDF: the ids differ by position, the layout does not.
        hashes = [sheet_key(self.setup, compose_sheet(chunk, 0, self.sheet, self.options)) for chunk in chunks]
        stale = [
            s
            for s, h in enumerate(hashes)
            if (h not in self.reusable and self.laid_out.get(s, ("", []))[0] != h) or not chunks[s]
        ]
        if stale:
            html = [page for s in stale for page in compose_sheet(chunks[s], s * per, self.sheet, self.options)]
            document = self.renderer.render(markup.document(self.language, html), self.style)
            self.documents.append(document)
            pages = len(document.pages) // len(stale)  # per sheet
            for k, s in enumerate(stale):
                self.laid_out[s] = (hashes[s], document.pages[k * pages : (k + 1) * pages])
        self.plan = [
            (h, self.laid_out[s][1]) if s in self.laid_out and self.laid_out[s][0] == h else (h, self.reusable[h])
            for s, h in enumerate(hashes)
        ]
        boxes: dict[str, tuple[float, float, float, float]] = {}
        for _, source in self.plan:
            for page in source if isinstance(source, list) else ():
                for face, box in page.anchors.items():
                    # A face WeasyPrint carried over onto a further page does not fit its card,
                    # however tall its first piece is: measured as endless, it is never passed.
                    boxes[face] = (box[0], box[1], box[2], math.inf) if face in boxes else box
        return boxes

    def new_pages(self) -> list[Any]:
        """The pages laid out in this build (not copied from the last PDF), in order."""
        return [page for _, source in self.plan if isinstance(source, list) for page in source]


def pages_per_sheet(options: PrintOptions) -> int:
    return 1 if options.layout == Layout.FOLD else 2


def layout_until_it_fits(
    sheets: Sheets, fitted: list[Fitted], options: PrintOptions
) -> tuple[list[Fitted], dict[int, Side]]:
    """Render, then read every face laid out back. A face that overflows its card is set one
    step smaller (or its answer packed tighter), and its sheet rendered again. Returns the
    fits as printed and, by card index, the face that still overflows at the floor: reported as
    cut off, never dropped silently."""
    limit = markup.face_height(options.card_size[1]) + TOLERANCE_MM
    width, height = markup.face_width(options.card_size[0]), markup.face_height(options.card_size[1])
    all_steps = {"f": steps(FRONT_STEPS, options.font_floor), "b": steps(BACK_STEPS, options.font_floor)}
    for round_ in range(MAX_FIX_ROUNDS + 1):
        printed = [pc for f in fitted for pc in f.cards]
        boxes = sheets.render(printed)
        owner = [i for i, f in enumerate(fitted) for _ in f.cards]
        overflowing = [
            (owner[n], side, pc)
            for n, pc in enumerate(printed)
            for side in ("f", "b")
            if (box := boxes.get(f"{side}{n}")) is not None and (box[3] - box[1]) / PX_PER_MM > limit
        ]
        clipped: dict[int, Side] = {}
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
                clipped.setdefault(i, Side.FRONT if side == "f" else Side.BACK)
        if fitted == before:
            return fitted, clipped
    raise AssertionError("unreachable: the last round changes nothing")


def _resize(f: Fitted, side: str, size: float) -> Fitted:
    cards = tuple(replace(pc, front_pt=size) if side == "f" else replace(pc, back_pt=size) for pc in f.cards)
    return replace(f, cards=cards, shrunk=True)
