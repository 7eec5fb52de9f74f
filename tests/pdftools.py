"""Reading a cardgen PDF back: where the text is, page sizes, embedded fonts."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pypdf import PdfReader

PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Char:
    text: str
    x: float
    """Centre, mm from the left."""
    y: float
    """Centre, mm from the top."""


def pages_chars(path: Path) -> list[list[Char]]:
    with pdfplumber.open(path) as pdf:
        return [
            [
                Char(c["text"], (c["x0"] + c["x1"]) / 2 / PT_PER_MM, (c["top"] + c["bottom"]) / 2 / PT_PER_MM)
                for c in page.chars
            ]
            for page in pdf.pages
        ]


def text_in(chars: list[Char], x: float, y: float, w: float, h: float) -> str:
    """Text whose centres lie in the rectangle, in reading order, without white space."""
    inside = sorted((c for c in chars if x <= c.x <= x + w and y <= c.y <= y + h), key=lambda c: c.y)
    lines: list[list[Char]] = []
    for c in inside:  # CJK and Latin glyphs on one line have slightly different centres
        if lines and c.y - lines[-1][0].y < 1.0:
            lines[-1].append(c)
        else:
            lines.append([c])
    text = "".join(c.text for line in lines for c in sorted(line, key=lambda c: c.x))
    return re.sub(r"\s+", "", text)


def page_sizes_mm(path: Path) -> list[tuple[float, float]]:
    reader = PdfReader(path)
    return [(float(p.mediabox.width) / PT_PER_MM, float(p.mediabox.height) / PT_PER_MM) for p in reader.pages]


def unembedded_fonts(path: Path) -> list[str]:
    missing = []
    for page in PdfReader(path).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.append(str(font.get("/BaseFont")))
    return missing


def chars_of(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())
