"""Print geometry: paper, card sizes, the grid of cards on a sheet, and duplex mirroring.

All lengths are millimetres. Pure arithmetic, so every rule here is checked by plain
unit tests; the writer only draws what this module places.
"""

from __future__ import annotations

from dataclasses import dataclass

from cardgen.config.printing import MIN_MARGIN, PAPERS
from cardgen.errors import ConfigError
from cardgen.vocab import Duplex, Paper


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

    paper: Paper
    """The paper size."""
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

    def back(self, index: int, duplex: Duplex = Duplex.LONG) -> Slot:
        """Slot of card ``index``'s back on the back page, so it lands behind its front.

        Long-edge flip mirrors the column (same row); short-edge flip mirrors the row.
        """
        f = self.front(index)
        if duplex == Duplex.LONG:
            return Slot(self.page_width - f.x - self.card_width, f.y)
        return Slot(f.x, self.page_height - f.y - self.card_height)

    def cut_lines(self) -> tuple[list[float], list[float]]:
        """x positions of vertical cut lines and y positions of horizontal ones."""
        xs = [self.left + c * self.card_width for c in range(self.columns + 1)]
        ys = [self.top + r * self.card_height for r in range(self.rows + 1)]
        return xs, ys


def make_sheet(paper: Paper, card: tuple[float, float], *, fold: bool = False) -> Sheet:
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
