"""What a PDF build keeps for the next one: fitted faces and the sheets it printed.

Laying out sheets is nearly all of the PDF stage's time. After one note changes, most sheets
hold the same cards set the same way, so the next build reuses them:

* **fits** — every card's font sizes and answer split, keyed by the card's content and the
  card geometry. They were checked against WeasyPrint's layout when recorded, so a hit needs
  no measuring at all.
* **sheets** — a hash of every sheet's HTML (its ids left out, so a sheet hashes the same
  wherever it sits), in the order of the pages of the PDF written. A sheet whose hash is
  unchanged is copied from that PDF instead of being laid out again.

The cache sits beside the PDF (``build/.<deck>.pdf.cardgen-cache.json``, one per PDF, so decks
built into one folder keep theirs) and is safe to delete. It is used only when its
format, the print set-up (paper, card, fonts, CSS, cardgen and WeasyPrint versions) and the
PDF beside it (by SHA-256) are exactly those it describes; anything else, including a damaged
file, means a full layout.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cardgen.model import Card
from cardgen.output import write_text_atomic
from cardgen.pdf.fit import Fitted
from cardgen.pdf.markup import PrintCard
from cardgen.vocab import Side

CACHE_SUFFIX = ".cardgen-cache.json"
FORMAT = 2
# Each reuse copies the old PDF's font subsets alongside the new sheets' own; after this many
# reuses in a row the next build lays everything out again, which also compacts the file.
MAX_REUSES = 8


@dataclass(frozen=True)
class FitRecord:
    """A card's checked fit: its answer blocks per printed card and the sizes used."""

    parts: tuple[int, ...]
    """How many answer blocks each printed card holds."""
    front_pt: float
    """Question size."""
    back_pts: tuple[float, ...]
    """Answer size per printed card."""
    shrunk: bool
    """Printed smaller than the base size."""
    room_factor: float
    """Share of the card the answer was packed into."""
    clipped: Side | None
    """The face that overflows even at the floor (``Fitted.clipped``)."""


@dataclass(frozen=True)
class PdfCache:
    """What the last PDF build printed."""

    setup: str
    """Hash of everything besides the cards that shapes the layout."""
    pdf_sha256: str
    """The PDF it describes."""
    sheets: tuple[str, ...]
    """Hash of each sheet, in page order."""
    reuses: int = 0
    """Builds in a row that copied sheets from an earlier PDF."""
    fits: dict[str, FitRecord] = field(default_factory=dict)
    """Checked fits by ``fit_key``."""


def cache_path(pdf: Path) -> Path:
    return pdf.parent / f".{pdf.name}{CACHE_SUFFIX}"


def setup_key(*parts: object) -> str:
    from importlib.metadata import version

    from cardgen import __version__

    text = "\x1f".join(map(str, (FORMAT, __version__, version("weasyprint"), *parts)))
    return hashlib.sha256(text.encode()).hexdigest()


def fit_key(card: Card, width: float, height: float, floor: float) -> str:
    faces = [card.front_html, card.heading_html, *(b.html for b in card.back_blocks)]
    text = "\x1e".join([*faces, f"{width:.3f}x{height:.3f}@{floor}"])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def sheet_key(setup: str, pages_html: Sequence[str]) -> str:
    return hashlib.sha256("\x1e".join([setup, *pages_html]).encode()).hexdigest()[:32]


def record(fitted: Fitted) -> FitRecord:
    cards = fitted.cards
    return FitRecord(
        tuple(len(pc.blocks) for pc in cards),
        cards[0].front_pt,
        tuple(pc.back_pt for pc in cards),
        fitted.shrunk,
        fitted.room_factor,
        fitted.clipped,
    )


def restore(rec: FitRecord, card: Card) -> Fitted | None:
    """The card printed as recorded; None when the record does not match the card's blocks."""
    blocks = card.back_blocks
    if sum(rec.parts) != len(blocks) or len(rec.back_pts) != len(rec.parts) or not rec.parts:
        return None
    prints, start = [], 0
    for n, (count, back_pt) in enumerate(zip(rec.parts, rec.back_pts, strict=True)):
        prints.append(PrintCard(card, n + 1, len(rec.parts), blocks[start : start + count], rec.front_pt, back_pt))
        start += count
    return Fitted(tuple(prints), rec.shrunk, rec.room_factor, rec.clipped)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load(pdf: Path, setup: str) -> PdfCache | None:
    """The cache for ``pdf`` when it can be trusted, else None."""
    try:
        data = json.loads(cache_path(pdf).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("setup") != setup or not pdf.is_file():
            return None
        if sha256_of(pdf) != data["pdf_sha256"]:
            return None  # the PDF was replaced or damaged since
        fits = {str(k): _fit_record(v) for k, v in data["fits"].items()}
        return PdfCache(
            setup,
            str(data["pdf_sha256"]),
            tuple(str(s) for s in data["sheets"]),
            int(data["reuses"]),
            fits,
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _fit_record(value: Any) -> FitRecord:
    parts, front_pt, back_pts, shrunk, room, clipped = value
    return FitRecord(
        tuple(int(p) for p in parts),
        float(front_pt),
        tuple(float(b) for b in back_pts),
        bool(shrunk),
        float(room),
        Side(clipped) if clipped else None,
    )


def save(pdf: Path, cache: PdfCache) -> None:
    data = {
        "format": FORMAT,
        "setup": cache.setup,
        "pdf_sha256": cache.pdf_sha256,
        "sheets": list(cache.sheets),
        "reuses": cache.reuses,
        "fits": {
            k: [list(r.parts), r.front_pt, list(r.back_pts), r.shrunk, r.room_factor, r.clipped or ""]
            for k, r in cache.fits.items()
        },
    }
    write_text_atomic(cache_path(pdf), json.dumps(data, separators=(",", ":")))
