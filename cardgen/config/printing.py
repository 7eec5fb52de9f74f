"""How the cards are printed: the print settings and the paper and card sizes they name.

Part of the settings, so the stages after them (the PDF's geometry in ``cardgen.pdf.layout``)
read these values and never the other way round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cardgen.errors import ConfigError
from cardgen.vocab import Duplex, Layout, Paper

MM_PER_INCH = 25.4
PAPERS = {Paper.A4: (210.0, 297.0), Paper.LETTER: (215.9, 279.4)}
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
class PrintOptions:
    """How the cards are printed."""

    paper: Paper = Paper.A4
    """The paper size."""
    card_size: tuple[float, float] = (95.0, 65.0)
    """Card width × height, mm."""
    duplex: Duplex = Duplex.LONG
    """Which edge the printer flips on: ``long`` or ``short``."""
    layout: Layout = Layout.DUPLEX
    """``duplex`` (front page, then back page) or ``fold`` (front and back side by side)."""
    back_offset: tuple[float, float] = (0.0, 0.0)
    """Shift of back pages (dx, dy) in mm, to correct a printer's duplex drift."""
    font_floor: float = 6.5
    """Smallest font size (pt) a face is shrunk to before its answer continues on another card."""
    language: str | None = None
    """The notes' language (``zh-CN``, ``en``…) for fonts and ``<html lang>``; detected when None."""
    workers: int = 0
    """Processes laying out the PDF; 0 chooses by deck size and cores."""
