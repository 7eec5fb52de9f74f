"""Print geometry: paper, card sizes, the grid of cards on a sheet, and duplex mirroring.

All lengths are millimetres. Pure arithmetic, so every rule here is checked by plain
unit tests; ``pdf.py`` only draws what this module places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cardgen.errors import ConfigError

MM_PER_INCH = 25.4
PAPERS = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
CARD_PRESETS = {
    "default": (95.0, 65.0),
    "a7": (105.0, 74.0),
    "a6": (148.0, 105.0),
    "3x5in": (5 * MM_PER_INCH, 3 * MM_PER_INCH),
    "4x6in": (6 * MM_PER_INCH, 4 * MM_PER_INCH),
    "business": (85.0, 55.0),
}
# Home printers cannot print to the edge; cards stay at least this far inside the sheet.
MIN_MARGIN = 5.0
DUPLEX_MODES = ("long", "short")
LAYOUTS = ("duplex", "fold")


def parse_card_size(spec: str) -> tuple[float, float]:
    """``default``, a preset name, or ``WxH`` with an optional ``mm``/``in`` unit (``90x60``, ``3x5in``)."""
    key = spec.strip().lower()
    if key in CARD_PRESETS:
        return CARD_PRESETS[key]
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(mm|in)?", key)
    if not match:
        presets = ", ".join(CARD_PRESETS)
        raise ConfigError(f"card size: expected one of {presets} or WxH in mm or in (e.g. 90x60mm), got {spec!r}")
    scale = MM_PER_INCH if match.group(3) == "in" else 1.0
    width, height = float(match.group(1)) * scale, float(match.group(2)) * scale
    if min(width, height) < 20:
        raise ConfigError(f"card size: {spec!r} is too small to print legibly (minimum 20 mm a side)")
    return width, height


@dataclass(frozen=True)
class Slot:
    """Where one card sits on a page (top-left corner, from the page's top-left)."""

    x: float
    """Left edge, mm."""
    y: float
    """Top edge, mm."""


@dataclass(frozen=True)
class Sheet:
    """The grid of cards on one side of a sheet of paper."""

    paper: str
    """``a4`` or ``letter``."""
    page_width: float
    """Page width, mm (portrait)."""
    page_height: float
    """Page height, mm."""
    card_width: float
    """Card width as printed, mm."""
    card_height: float
    """Card height as printed, mm."""
    columns: int
    """Cards across."""
    rows: int
    """Cards down."""

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    @property
    def left(self) -> float:
        return (self.page_width - self.columns * self.card_width) / 2

    @property
    def top(self) -> float:
        return (self.page_height - self.rows * self.card_height) / 2

    def front(self, index: int) -> Slot:
        """Slot of card ``index`` (0-based, row by row) on the front page."""
        row, column = divmod(index, self.columns)
        return Slot(self.left + column * self.card_width, self.top + row * self.card_height)

    def back(self, index: int, duplex: str = "long") -> Slot:
        """Slot of card ``index``'s back on the back page, so it lands behind its front.

        Long-edge flip mirrors the column (same row); short-edge flip mirrors the row.
        """
        f = self.front(index)
        if duplex == "long":
            return Slot(self.page_width - f.x - self.card_width, f.y)
        return Slot(f.x, self.page_height - f.y - self.card_height)

    def cut_lines(self) -> tuple[list[float], list[float]]:
        """x positions of vertical cut lines and y positions of horizontal ones."""
        xs = [self.left + c * self.card_width for c in range(self.columns + 1)]
        ys = [self.top + r * self.card_height for r in range(self.rows + 1)]
        return xs, ys


def make_sheet(paper: str, card: tuple[float, float], *, fold: bool = False) -> Sheet:
    """The largest grid of cards that fits inside the printable margin, centred.

    With ``fold`` a "card" is front and back side by side (twice as wide), to be folded.
    """
    if paper not in PAPERS:
        raise ConfigError(f"paper: expected one of {', '.join(PAPERS)}, got {paper!r}")
    page_w, page_h = PAPERS[paper]
    card_w, card_h = card
    unit_w = card_w * 2 if fold else card_w
    usable_w, usable_h = page_w - 2 * MIN_MARGIN, page_h - 2 * MIN_MARGIN
    columns, rows = int(usable_w // unit_w), int(usable_h // card_h)
    if columns < 1 or rows < 1:
        raise ConfigError(
            f"card size {card_w:g}×{card_h:g} mm does not fit on {paper} paper with {MIN_MARGIN:g} mm margins"
        )
    return Sheet(paper, page_w, page_h, unit_w, card_h, columns, rows)


@dataclass(frozen=True)
class PrintOptions:
    """How the cards are printed."""

    paper: str = "a4"
    """``a4`` or ``letter``."""
    card_size: tuple[float, float] = (95.0, 65.0)
    """Card width × height, mm."""
    duplex: str = "long"
    """Which edge the printer flips on: ``long`` or ``short``."""
    layout: str = "duplex"
    """``duplex`` (front page, then back page) or ``fold`` (front and back side by side)."""
    back_offset: tuple[float, float] = (0.0, 0.0)
    """Shift of back pages (dx, dy) in mm, to correct a printer's duplex drift."""
    font_floor: float = 6.5
    """Smallest font size (pt) a face is shrunk to before its answer continues on another card."""
    language: str | None = None
    """The notes' language (``zh-CN``, ``en``…) for fonts and ``<html lang>``; detected when None."""
    workers: int = 0
    """Processes laying out the PDF; 0 chooses by deck size and cores."""
